// Shared by the compose tests: the sample plans, a spec written to a temporary folder, and a
// paper composed from both, with its diagnostics as the one-line messages a user reads.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { composePaper, type ComposeOptions, type ComposeResult } from "../../src/compose/compose-paper.js";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadTracker } from "../../src/ingest/load-tracker.js";
import type { Action, Plan } from "../../src/model/schema.js";

export const DATA = join(import.meta.dirname, "..", "..", "data");
export const AS_OF = "2016-11-30";
export const SAMPLE_TRACKERS = ["colp-da-action-plan.xlsx", "cambs-da-action-plan.csv", "lancs-da-action-plan.xlsx", "inspection-recommendations.xlsx"];
export const STYLES = ["cambridgeshire-bcb", "lancashire-scrutiny", "city-of-london-committee", "section-55"];

const plans = new Map<string, Plan>();

export async function samplePlan(name: string): Promise<Plan> {
  const cached = plans.get(name);
  if (cached) return cached;
  const result = await loadTracker(join(DATA, name), { displayName: name });
  if (!result.plan) throw new Error(`sample ${name} did not load`);
  plans.set(name, result.plan);
  return result.plan;
}

/** Writes a spec to a fresh temporary folder and returns its path. */
export function writeSpec(text: string, name = "paper.md"): string {
  const folder = mkdtempSync(join(tmpdir(), "boardpack-spec-"));
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/**
 * composePaper as the tests use it. `messages` leaves out the placeholder warnings (the style's
 * "[Report author]" where a test's spec gives none), which `placeholders` lists;
 * test/compose/default-wording.test.ts is about them.
 */
export function compose(plan: Plan, options: Omit<ComposeOptions, "plan" | "asOf"> & { asOf?: string }): ComposeResult & { messages: string[]; placeholders: string[] } {
  const result = composePaper({ plan, asOf: AS_OF, ...options });
  const all = result.diagnostics.map(formatDiagnostic);
  return { ...result, messages: all.filter((m) => !m.includes("warning PLACEHOLDER")), placeholders: all.filter((m) => m.includes("warning PLACEHOLDER")) };
}

/** A small plan of our own, for tests that need particular text in it. */
export function planWith(actions: Partial<Action>[], themes = [{ id: "t1", title: "First theme" }]): Plan {
  return {
    schemaVersion: 1,
    title: "Test plan",
    source: { file: "test.xlsx", sheets: ["Plan"] },
    themes,
    actions: actions.map((a, i) => ({
      ref: `1.${i + 1}`,
      theme: themes[0]?.id ?? null,
      recommendation: null,
      title: `Action ${i + 1}`,
      owner: null,
      due: null,
      dueText: null,
      status: "in-progress",
      rag: "amber",
      update: null,
      evidence: null,
      extra: {},
      source: { sheet: "Plan", row: i + 2 },
      ...a,
    })),
    reports: [],
    recommendations: [],
  };
}
