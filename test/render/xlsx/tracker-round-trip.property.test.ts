// Property: any plan boardpack could produce survives Plan → tracker.xlsx → Plan unchanged
// (where rows came from aside).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planArb } from "../../helpers/plan-arbitrary.js";
import { readBack, trackerBytes, withoutPositions } from "../../helpers/tracker.js";

describe("Plan → tracker.xlsx → Plan", () => {
  it("gives back the same plan for any plan", async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const back = await readBack(await trackerBytes(plan));
        expect(back.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(withoutPositions(back.plan!)).toEqual(withoutPositions(plan));
      }),
      { numRuns: 60, seed: 20161130 },
    );
  }, 120_000);
});
