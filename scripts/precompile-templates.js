#!/usr/bin/env node
// Part of `npm run build` (scripts/build.js): the shipped templates compiled once, into
// dist/templates.precompiled.json, which the composer reads instead of compiling them again in
// every run (src/compose/template-cache.ts says how a template is matched to its entry).
import { writeFileSync } from "node:fs";
import { precompileShippedTemplates } from "../dist/compose/precompile-shipped.js";
import { TEMPLATE_CACHE_FILE } from "../dist/compose/template-cache.js";

const entries = precompileShippedTemplates();
writeFileSync(TEMPLATE_CACHE_FILE, `${JSON.stringify(entries)}\n`);
console.log(`build: ${Object.keys(entries).length} shipped templates precompiled.`);
