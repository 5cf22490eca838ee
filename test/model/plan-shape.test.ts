// The loader skips zod when hasPlanShape says a plan is exactly what zod would accept and
// return; so every plan it accepts must come back from zod unchanged, and anything odd must be
// left to zod (which then reports it).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTracker } from "../../src/ingest/load-tracker.js";
import { hasPlanShape } from "../../src/model/plan-shape.js";
import { Plan } from "../../src/model/schema.js";

const SAMPLES = readdirSync("data").filter((f) => /\.(xlsx|csv)$/.test(f));

async function samplePlan(name: string): Promise<Plan> {
  const { plan } = await loadTracker(join("data", name));
  if (!plan) throw new Error(`${name} gave no plan`);
  return plan;
}

describe("hasPlanShape", () => {
  it.each(SAMPLES)("accepts the plan of %s, which zod returns unchanged", async (name) => {
    const plan = await samplePlan(name);
    expect(hasPlanShape(plan)).toBe(true);
    expect(JSON.stringify(Plan.parse(plan))).toBe(JSON.stringify(plan));
  });

  const changes: [string, (plan: Plan) => void][] = [
    ["a date that does not exist", (p) => (p.actions[0]!.due = "2017-02-30")],
    ["a date in another form", (p) => (p.actions[0]!.due = "30/01/2017")],
    ["an empty ref", (p) => (p.actions[0]!.ref = "")],
    ["a status zod does not know", (p) => ((p.actions[0] as { status: string }).status = "done")],
    ["a field zod would drop", (p) => ((p.actions[0] as Record<string, unknown>).note = "x")],
    ["a missing field", (p) => delete (p.actions[0] as Partial<Plan["actions"][number]>).owner],
    ["fields in another order", (p) => {
      const { ref, ...rest } = p.actions[0]!;
      p.actions[0] = { ...rest, ref };
    }],
    ["a row that is not a whole number", (p) => (p.actions[0]!.source.row = 1.5)],
    ["an extra value that is not text", (p) => ((p.actions[0]!.extra as Record<string, unknown>).Notes = 3)],
    ["a theme without a title", (p) => (p.themes[0]!.title = "")],
  ];
  it.each(changes)("leaves a plan with %s to zod", async (_, change) => {
    const plan = await samplePlan("cambs-da-action-plan.csv");
    change(plan);
    expect(hasPlanShape(plan)).toBe(false);
  });
});
