// What scripts/build.js runs once boardpack is built, so that a paper does not do again, every
// run, work on shipped files that comes out the same each time:
// - every shipped spec (templates/specs/) composed, in its own house style, from a small plan,
//   with the template recorder on — so the shipped partials, spec texts and styles' header and
//   footer are compiled here once (template-cache.ts). Only compiling matters: a paper that then
//   fails to render (a section 55 text without its report) is of no account;
// - every shipped style and spec read (YAML parsed and checked) once (shipped-parses.ts).
import { readdirSync, readFileSync } from "node:fs";
import type { Plan } from "../model/schema.js";
import { composePaper } from "./compose-paper.js";
import { readHouseStyle, styleParseText, type ParsedStyle } from "./house-styles.js";
import { displayPath, templateFolder, templatePath } from "./paths.js";
import { parsedKey } from "./shipped-parses.js";
import { loadSpec, readSpec, type ParsedSpec } from "./spec.js";
import { recordTemplates } from "./template-cache.js";

/** A plan with one of each thing a template reads: a theme, an open and a complete action, a report and its recommendation. */
const SMALL_PLAN: Plan = {
  schemaVersion: 1,
  title: "Action plan",
  source: { file: "tracker.xlsx", sheets: ["Plan"] },
  themes: [{ id: "t1", title: "Governance" }],
  actions: [
    { ref: "1.1", theme: "t1", recommendation: "1", title: "Publish the policy", owner: "Head of Governance", due: "2026-01-31", dueText: null, status: "complete", rag: "blue", update: "Published.", evidence: null, extra: {}, source: { sheet: "Plan", row: 2 } },
    { ref: "1.2", theme: "t1", recommendation: "1", title: "Train the staff", owner: "Head of Training", due: "2026-03-31", dueText: null, status: "in-progress", rag: "amber", update: "Under way.", evidence: null, extra: {}, source: { sheet: "Plan", row: 3 } },
  ],
  reports: [{ id: "r1", title: "An inspection report", published: "2025-06-01" }],
  recommendations: [
    { report: "r1", number: "1", kind: "recommendation", text: "Forces should publish a policy.", addressee: null, response: "Accepted.", owner: null, due: null, dueText: null, status: "in-progress", rag: "amber", extra: {}, source: { sheet: "Plan", row: 2 } },
  ],
};

/** The compiled code of every shipped template, by key, as dist/templates.precompiled.json holds it. */
export function precompileShippedTemplates(): Record<string, string> {
  const specs = shippedFiles("specs", ".md");
  return recordTemplates(() => {
    for (const file of specs) {
      const spec = loadSpec(templatePath("specs", file));
      if (!spec.spec) throw new Error(`precompile-shipped: templates/specs/${file} does not load: ${spec.diagnostics.map((d) => d.message).join("; ")}`);
      // `s55` present, as boardpack s55 gives it, so a section 55 text is compiled (its rendering then fails, unseen).
      composePaper({ plan: SMALL_PLAN, spec, asOf: "2026-01-01", extraContext: { s55: {} } });
    }
  });
}

/** Every shipped style and spec as reading it gave, by key, as dist/shipped.parsed.json holds it. */
export function parseShippedFiles(): Record<string, string> {
  const entries: [string, string][] = [];
  for (const file of shippedFiles("styles", ".yaml")) {
    const path = templatePath("styles", file);
    const text = readFileSync(path, "utf8");
    const name = file.slice(0, -".yaml".length);
    const read = readHouseStyle(text, displayPath(path), name);
    if (!read.style || read.diagnostics.length > 0) throw new Error(`parse-shipped: templates/styles/${file} does not read cleanly`);
    const parsed: ParsedStyle = { style: read.style, headerLine: read.headerLine, footerLine: read.footerLine, logoLine: read.logoLine! };
    entries.push([parsedKey("style", styleParseText(text, name)), JSON.stringify(parsed)]);
  }
  for (const file of shippedFiles("specs", ".md")) {
    const path = templatePath("specs", file);
    const text = readFileSync(path, "utf8");
    const read = readSpec(text, displayPath(path), path);
    if (!read.spec || read.diagnostics.length > 0) throw new Error(`parse-shipped: templates/specs/${file} does not read cleanly`);
    const parsed: ParsedSpec = { spec: read.spec, body: read.body, bodyStartLine: read.bodyStartLine };
    entries.push([parsedKey("spec", text), JSON.stringify(parsed)]);
  }
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function shippedFiles(folder: "styles" | "specs", extension: string): string[] {
  return readdirSync(templateFolder(folder))
    .filter((f) => f.endsWith(extension))
    .sort();
}
