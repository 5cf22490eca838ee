// What scripts/build.js runs once boardpack is built: every shipped spec (templates/specs/)
// composed, in its own house style, from a small plan, with the template recorder on — so the
// shipped partials, spec texts and styles' header and footer are compiled here once rather than
// in every run (template-cache.ts). Only compiling matters: a paper that then fails to render
// (a section 55 text without its report) is of no account.
import { readdirSync } from "node:fs";
import type { Plan } from "../model/schema.js";
import { composePaper } from "./compose-paper.js";
import { templateFolder, templatePath } from "./paths.js";
import { loadSpec } from "./spec.js";
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
  const specs = readdirSync(templateFolder("specs"))
    .filter((f) => f.endsWith(".md"))
    .sort();
  return recordTemplates(() => {
    for (const file of specs) {
      const spec = loadSpec(templatePath("specs", file));
      if (!spec.spec) throw new Error(`precompile-shipped: templates/specs/${file} does not load: ${spec.diagnostics.map((d) => d.message).join("; ")}`);
      // `s55` present, as boardpack s55 gives it, so a section 55 text is compiled (its rendering then fails, unseen).
      composePaper({ plan: SMALL_PLAN, spec, asOf: "2026-01-01", extraContext: { s55: {} } });
    }
  });
}
