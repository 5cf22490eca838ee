// Build the standard tracker from a sample or a plan, the way `convert -o tracker.xlsx` does.
import { join } from "node:path";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadTracker, loadTrackerBytes } from "../../src/ingest/load-tracker.js";
import type { Plan } from "../../src/model/schema.js";
import { renderTracker } from "../../src/render/xlsx/render-tracker.js";

export const DATA = join(import.meta.dirname, "..", "..", "data");
export const AS_OF = "2016-11-30";

/** The six key areas of the City of London sample (data/colp-da-action-plan.xlsx), in order. */
export const COLP_AREAS = [
  "Understanding & Identifying Risk",
  "Prioritising & allocating domestic abuse investigations",
  "Safeguarding victims at medium & standard risk",
  "Views of victims",
  "Training",
  "Leadership and Governance",
];

export async function samplePlan(name: string): Promise<{ plan: Plan; diagnostics: Diagnostic[] }> {
  const r = await loadTracker(join(DATA, name), { displayName: name });
  if (!r.plan) throw new Error(`sample ${name} did not load`);
  return { plan: r.plan, diagnostics: r.diagnostics };
}

export async function trackerBytes(plan: Plan, diagnostics: Diagnostic[] = [], options: { marking?: string } = {}): Promise<Buffer> {
  const r = await renderTracker(plan, diagnostics, {
    asOf: AS_OF,
    timestamp: new Date("2016-11-30T00:00:00Z"),
    sourceFile: plan.source.file,
    version: "test",
    ...options,
  });
  return r.bytes;
}

/** Read a produced tracker back into a plan, as `boardpack convert tracker.xlsx -o plan.json` would. */
export async function readBack(bytes: Buffer): Promise<{ plan: Plan | null; diagnostics: Diagnostic[] }> {
  const r = await loadTrackerBytes(bytes, "tracker.xlsx");
  return { plan: r.plan, diagnostics: r.diagnostics };
}

/** A plan without what a round trip may change: where rows came from, and the source file. */
export function withoutPositions(plan: Plan): unknown {
  return {
    ...plan,
    source: undefined,
    actions: plan.actions.map((a) => ({ ...a, source: undefined })),
    recommendations: plan.recommendations.map((r) => ({ ...r, source: undefined })),
  };
}
