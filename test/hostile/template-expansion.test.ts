// A template that expands without bound — loops inside loops over the same list — stops with
// one error at the outermost loop's line, quickly and in bounded memory, instead of running for
// hours or until memory runs out.
import { describe, expect, it } from "vitest";
import { parseSpec } from "../../src/compose/spec.js";
import { compose, samplePlan } from "../compose/fixtures.js";

const HEAD = ["---", "style: cambridgeshire-bcb", "to: Business Coordination Board", "from: Chief Constable", "---", "# Purpose"]; // lines 1-6

/** `depth` loops over every action, one inside the other, each printing the action's title. */
function nestedLoops(depth: number): string {
  const open = Array.from({ length: depth }, () => "{{#each @root.paper.actions}}").join("\n");
  const close = Array.from({ length: depth }, () => "{{/each}}").join("\n");
  return `${open}\n{{title}} – {{update}}\n${close}`;
}

describe("a template that expands without bound", () => {
  it.each([
    ["loops six deep (57^6 passes)", nestedLoops(6)],
    ["two loops, each pass a long text", `{{#each @root.paper.actions}}\n{{#each @root.paper.actions}}${"{{title}}: a long paragraph of words repeated. ".repeat(150)}{{/each}}\n{{/each}}`],
  ])("stops %s with an error at the outermost loop's line", async (_what, body) => {
    const plan = await samplePlan("colp-da-action-plan.xlsx");
    const started = Date.now();
    const memoryBefore = process.memoryUsage().rss;
    const result = compose(plan, { spec: parseSpec(`${HEAD.join("\n")}\n${body}\n`, "paper.md") });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(process.memoryUsage().rss - memoryBefore).toBeLessThan(1024 * 1024 * 1024);
    expect(result.doc).toBeNull();
    const errors = result.messages.filter((m) => m.includes(": error "));
    expect(errors).toHaveLength(1);
    // The spec's line 7 is the first {{#each}}: the loop to change.
    expect(errors[0]).toMatch(/^paper\.md:7: error TEMPLATE_TOO_LARGE this \{\{#each\}\}(, with the loops inside it \(line \d+(, line \d+)*\),)? makes the paper too long to write/);
    expect(errors[0]).toMatch(/loop over the list once$/);
  }, 60_000);

  it("stops a table of every action placed inside loops over the actions, at the line that places it", async () => {
    const plan = await samplePlan("colp-da-action-plan.xlsx");
    const body = "{{#each @root.paper.actions}}\n{{#each @root.paper.actions}}\n{{#each @root.paper.actions}}\n{{actionTable}}\n{{/each}}\n{{/each}}\n{{/each}}";
    const started = Date.now();
    const result = compose(plan, { spec: parseSpec(`${HEAD.join("\n")}\n${body}\n`, "paper.md") });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.doc).toBeNull();
    const errors = result.messages.filter((m) => m.includes(": error "));
    expect(errors).toEqual([expect.stringMatching(/^paper\.md:10: error TEMPLATE_TOO_LARGE the tables and lists of actions this template places come to over 201,140 rows/)]);
  }, 60_000);

  it("leaves a real paper's loops alone: themes, their actions and an appendix of every action", async () => {
    const plan = await samplePlan("colp-da-action-plan.xlsx");
    const body = "{{#each paper.themes}}\n## {{title}}\n{{#each actions}}\n- {{title}}\n{{/each}}\n{{/each}}\n\n{{> actionPlanTable}}";
    const result = compose(plan, { spec: parseSpec(`${HEAD.join("\n")}\n${body}\n`, "paper.md") });
    expect(result.messages.filter((m) => m.includes(": error "))).toEqual([]);
    expect(result.doc).not.toBeNull();
  });

  it("counts the passes of each rendering afresh", async () => {
    const { ExpansionBudget } = await import("../../src/compose/expansion-budget.js");
    const budget = new ExpansionBudget<string>({ maxPasses: 3, maxCharacters: 1000 });
    const each = budget.boundedEach(
      (list: unknown[], options: { fn: (item: unknown) => string }) => list.map((item) => options.fn(item)).join(""),
      () => ({ source: "t.hbs", line: 4, label: "line 4" }),
    );
    const options = { fn: (item: unknown) => String(item), hash: {} } as never;
    expect(each.call(null, [1, 2, 3], options)).toBe("123");
    expect(() => each.call(null, [4], options)).toThrow(/over 3 passes/);
    budget.reset();
    expect(each.call(null, [1, 2], options)).toBe("12");
  });
});
