#!/usr/bin/env node
// Part of `npm run build` (scripts/build.js): the shipped templates compiled once, into
// dist/templates.precompiled.json, and the shipped styles and specs read once, into
// dist/shipped.parsed.json, which the composer uses instead of compiling and parsing them again
// in every run (src/compose/template-cache.ts and shipped-parses.ts say how a file is matched to
// its entry).
import { renameSync, writeFileSync } from "node:fs";
import { parseShippedFiles, precompileShippedTemplates } from "../dist/compose/precompile-shipped.js";
import { SHIPPED_PARSES_FILE } from "../dist/compose/shipped-parses.js";
import { TEMPLATE_CACHE_FILE } from "../dist/compose/template-cache.js";

/** Written aside and renamed into place, so a paper composed meanwhile never reads half a file. */
function writeInPlace(file, entries) {
  const temporary = new URL(`${file.href}.tmp-${process.pid}`);
  writeFileSync(temporary, `${JSON.stringify(entries)}\n`);
  renameSync(temporary, file);
}

const templates = precompileShippedTemplates();
writeInPlace(TEMPLATE_CACHE_FILE, templates);
const parsed = parseShippedFiles();
writeInPlace(SHIPPED_PARSES_FILE, parsed);
console.log(`build: ${Object.keys(templates).length} shipped templates precompiled, ${Object.keys(parsed).length} shipped styles and specs read.`);
