// Property: any plan boardpack could produce survives Plan → tracker.csv → Plan unchanged, as it
// does the workbook (tracker-round-trip.property.test.ts). Where rows came from aside, and the
// title: a CSV has no place for one, so reading names the plan after the file.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadTrackerBytes } from "../../../src/ingest/load-tracker.js";
import type { Plan } from "../../../src/model/schema.js";
import { renderTrackerCsv } from "../../../src/render/xlsx/render-tracker-csv.js";
import { planArb } from "../../helpers/plan-arbitrary.js";
import { withoutPositions } from "../../helpers/tracker.js";

async function csvReadBack(plan: Plan) {
  return loadTrackerBytes(Buffer.from(renderTrackerCsv(plan), "utf8"), "tracker.csv");
}

describe("Plan → tracker.csv → Plan", () => {
  it("gives back the same plan for any plan", async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const back = await csvReadBack(plan);
        expect(back.diagnostics.filter((d) => d.severity === "error" || d.code === "TEXT_TRIMMED")).toEqual([]);
        expect({ ...(withoutPositions(back.plan!) as object), title: undefined }).toEqual({ ...(withoutPositions(plan) as object), title: undefined });
      }),
      { numRuns: 80, seed: 20161130 },
    );
  }, 120_000);

  it("takes off exactly the apostrophe that guards a formula-like text, and nothing else", async () => {
    const texts = ["=SUM(A1:A3)", "+44 1223 000000", "-5 days", "@risk", "'=x", "''+y", "'quoted", "it's", "''"];
    const plan = (await csvReadBack(planWithTitles(texts))).plan!;
    expect(plan.actions.map((a) => a.title)).toEqual(texts);
    const csv = renderTrackerCsv(planWithTitles(texts));
    expect(csv).toContain(",'=SUM(A1:A3),");
    expect(csv).toContain(",''=x,");
    expect(csv).toContain(",'quoted,");
  });
});

function planWithTitles(titles: string[]): Plan {
  return {
    schemaVersion: 1,
    title: "t",
    source: { file: "t.csv", sheets: [] },
    themes: [],
    actions: titles.map((title, i) => ({ ref: `${i + 1}`, theme: null, recommendation: null, title, owner: null, due: null, dueText: null, status: null, rag: null, update: null, evidence: null, extra: {}, source: { sheet: null, row: i + 2 } })),
    reports: [],
    recommendations: [],
  };
}
