// Reading checks each plan with the schema as zod compiles it (compiledPlan). The compiled check
// must agree with zod's own parser on every plan, valid or not: same verdict, same messages.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compiledPlan, Plan, type Recommendation } from "../../src/model/schema.js";
import { planArb } from "../helpers/plan-arbitrary.js";

const recommendation: Recommendation = {
  report: "peel-2016",
  number: "1",
  kind: "afi",
  text: "The force should improve how it records crime.",
  addressee: null,
  response: null,
  owner: "DCC",
  due: "2017-03-31",
  dueText: null,
  status: "in-progress",
  rag: "amber",
  extra: {},
  source: { sheet: "HMICFRS", row: 2 },
};

/** A plan as reading makes it, with a report and a recommendation so that every list has an item. */
const fullPlan = planArb.map((plan) => ({
  ...plan,
  reports: [{ id: "peel-2016", title: "PEEL: Police effectiveness 2016", published: "2016-11-30" }],
  recommendations: [structuredClone(recommendation)],
}));

/** Values that break one rule or another: wrong types, dates that do not exist, empty text, rows that are not whole. */
const wrong = fc.constantFrom<unknown>(
  undefined, null, "", "x", "2017-02-30", "2016-02-29", "2017-13-01", "17-03-31", "2017-3-31", " 2017-03-31", 0, -1, 1.5, 2, true, [], {}, ["a"], { a: 1 }, "red", "complete", "afi", "purple",
);

/** Every place a value can be: the plan's own fields and those of its first action, theme, report and recommendation. */
function places(plan: Plan): { target: Record<string, unknown>; key: string }[] {
  const out: { target: Record<string, unknown>; key: string }[] = [];
  const add = (target: object | undefined, keys: string[]) => {
    if (target) for (const key of keys) out.push({ target: target as Record<string, unknown>, key });
  };
  add(plan, [...Object.keys(plan), "legend", "unknownField"]);
  add(plan.source, ["file", "sheets"]);
  add(plan.themes[0], ["id", "title"]);
  add(plan.actions[0], [...Object.keys(plan.actions[0]!), "statusAsWritten", "ragAsWritten"]);
  add(plan.actions[0]?.source, ["sheet", "row"]);
  add(plan.actions[0]?.extra, ["Budget", "__proto__"]);
  add(plan.reports[0], ["id", "title", "published"]);
  add(plan.recommendations[0], Object.keys(recommendation));
  return out;
}

const issues = (result: { success: boolean; error?: { issues: unknown[] } }) => (result.success ? [] : result.error!.issues);

describe("compiledPlan: zod's compiled check of the plan", () => {
  it("compiles the whole schema (a schema zod cannot compile would be checked by the slow parser)", () => {
    expect(() => z.compile(Plan, { strict: true })).not.toThrow();
  });

  it("accepts every plan reading makes, as zod's parser does", () => {
    fc.assert(
      fc.property(fullPlan, (plan) => {
        expect(compiledPlan().safeParse(plan).success).toBe(true);
        expect(Plan.safeParse(plan).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same verdict and the same messages as zod's parser on plans with a value changed", () => {
    fc.assert(
      fc.property(fullPlan, fc.nat(), fc.array(wrong, { minLength: 1, maxLength: 3 }), (plan, pick, values) => {
        const all = places(plan);
        values.forEach((value, i) => {
          const { target, key } = all[(pick + i * 7) % all.length]!;
          if (value === undefined) delete target[key];
          else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
        });
        const compiled = compiledPlan().safeParse(plan);
        const parsed = Plan.safeParse(plan);
        expect(compiled.success).toBe(parsed.success);
        expect(issues(compiled)).toEqual(issues(parsed));
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses a due date that does not exist, naming the action and the rule", () => {
    const plan = fc.sample(fullPlan, { numRuns: 1, seed: 7 })[0]!;
    plan.actions[0]!.due = "2017-02-30";
    const result = compiledPlan().safeParse(plan);
    expect(result.success).toBe(false);
    expect(issues(result)).toEqual([expect.objectContaining({ path: ["actions", 0, "due"], message: "a date that exists" })]);
  });
});
