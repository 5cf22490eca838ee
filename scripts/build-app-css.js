#!/usr/bin/env node
// Compiles the web page's stylesheet (src/app/static/app.scss: GOV.UK Frontend with Arial) into
// src/app/static/app.css, which is committed so that installing boardpack needs no Sass.
// Run it after changing app.scss or updating govuk-frontend: npm run app:css
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(ROOT, "src", "app", "static", "app.scss");
const result = sass.compile(source, {
  style: "compressed",
  importers: [new sass.NodePackageImporter()],
  quietDeps: true,
  silenceDeprecations: ["import"],
});
const banner = "/* Generated from app.scss by scripts/build-app-css.js (npm run app:css); GOV.UK Frontend is MIT licensed. */\n";
writeFileSync(join(ROOT, "src", "app", "static", "app.css"), banner + result.css + "\n");
