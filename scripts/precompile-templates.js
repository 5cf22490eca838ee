#!/usr/bin/env node
// Part of `npm run build` (scripts/build.js): the shipped templates compiled once, into
// dist/templates.precompiled.json, which the composer reads instead of compiling them again in
// every run (src/compose/template-cache.ts says how a template is matched to its entry).
import { renameSync, writeFileSync } from "node:fs";
import { precompileShippedTemplates } from "../dist/compose/precompile-shipped.js";
import { TEMPLATE_CACHE_FILE } from "../dist/compose/template-cache.js";

const entries = precompileShippedTemplates();
// Written aside and renamed into place, so a paper composed meanwhile never reads half a file.
const temporary = new URL(`${TEMPLATE_CACHE_FILE.href}.tmp-${process.pid}`);
writeFileSync(temporary, `${JSON.stringify(entries)}\n`);
renameSync(temporary, TEMPLATE_CACHE_FILE);
console.log(`build: ${Object.keys(entries).length} shipped templates precompiled.`);
