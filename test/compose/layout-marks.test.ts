// Issue 12's layout marks, as compose puts them in the document tree both writers follow:
// Lancashire's raised ordinals, dates written with a hyphen kept on one line, lists under the
// numbered text (City of London's objectives alike in every area), and what is kept with what
// follows (lead-ins, objectives).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Block, ListBlock, ParagraphBlock, Run } from "../../src/compose/doc.js";
import { compose, DATA, planWith, samplePlan, writeSpec } from "./fixtures.js";

const text = (runs: readonly Run[]) => runs.map((r) => r.text).join("");

function allBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) => (b.type === "list" ? [b, ...b.items.flatMap((i) => allBlocks(i.blocks))] : [b]));
}

function allRuns(blocks: readonly Block[]): Run[][] {
  return allBlocks(blocks).flatMap((b) =>
    b.type === "paragraph" || b.type === "heading" ? [b.runs] : b.type === "table" ? [b.header, ...b.rows].flatMap((row) => row.flatMap((c) => c.paragraphs)) : [],
  );
}

describe("ordinal dates", () => {
  it("raise the day's suffix in a Lancashire paper, and the text still reads 12th January 2015", async () => {
    const plan = await samplePlan("lancs-da-action-plan.xlsx");
    const { doc } = compose(plan, { specPath: join(DATA, "lancs-scrutiny-paper.md") });
    const date = allRuns(doc!.blocks).find((runs) => text(runs).startsWith("DATE:"))!;
    expect(text(date)).toBe("DATE: 12th\u00a0January\u00a02015");
    expect(date.filter((r) => r.superscript).map((r) => r.text)).toEqual(["th"]);
    expect(date.find((r) => r.superscript)).toMatchObject({ bold: true });
  });

  it("stay inline in a style that writes them so (City of London's 1st April 2016), and a non-date ordinal is never raised", async () => {
    const plan = await samplePlan("colp-da-action-plan.xlsx");
    const { doc } = compose(plan, { specPath: join(DATA, "colp-committee-paper.md") });
    expect(allRuns(doc!.blocks).flat().some((r) => r.superscript)).toBe(false);
    expect(allRuns(doc!.blocks).some((runs) => text(runs).includes("1st\u00a0April\u00a02016"))).toBe(true);

    const spec = writeSpec("---\nstyle: lancashire-scrutiny\nto: Board\nagendaItem: 6\ndate: 12/01/2015\n---\n# Background\n\nThe 5th work stream met on 3rd March 2015.\n");
    const lancs = compose(planWith([{}]), { specPath: spec }).doc!;
    const runs = allRuns(lancs.blocks).find((r) => text(r).startsWith("The 5th"))!;
    expect(runs.filter((r) => r.superscript).map((r) => r.text)).toEqual(["rd"]);
    expect(text(runs)).toBe("The 5th work stream met on 3rd\u00a0March\u00a02015.");
  });
});

describe("dates written with a hyphen", () => {
  it("are runs of their own that never break (Mar-17 in the appendix and in prose), reading as written", () => {
    const plan = planWith([{ dueText: "Mar-17", due: "2017-03-31", update: "House-to-house enquiries to finish by Mar-17 (2016-17 plan)." }]);
    const spec = writeSpec('---\nstyle: city-of-london-committee\ncommittees: [{ name: Police, date: 15/12/2016 }]\n---\n# Main Report\n\n{{#each plan.actions}}{{update}}{{/each}}\n\n# Appendices\n\n{{> actionPlanTable}}\n');
    const { doc, messages } = compose(plan, { specPath: spec });
    expect(messages.filter((m) => m.includes("error"))).toEqual([]);
    const runs = allRuns(doc!.blocks);
    const prose = runs.find((r) => text(r).startsWith("House-to-house"))!;
    expect(text(prose)).toBe("House-to-house enquiries to finish by Mar-17 (2016-17 plan).");
    expect(prose.filter((r) => r.noBreak).map((r) => r.text)).toEqual(["Mar-17", "2016-17"]);
    const cell = runs.find((r) => text(r) === "Mar-17")!;
    expect(cell).toEqual([{ text: "Mar-17", noBreak: true }]);
  });
});

describe("lists under the numbered paragraphs", () => {
  it("every City of London objective i), ii), iii) in every area is indented alike, under the numbered text", async () => {
    const plan = await samplePlan("colp-da-action-plan.xlsx");
    const { doc } = compose(plan, { specPath: join(DATA, "colp-committee-paper.md") });
    const blocks = doc!.blocks;
    const main = blocks.findIndex((b) => b.type === "heading" && text(b.runs) === "Main Report");
    const objectives = blocks.slice(main).filter((b): b is ListBlock => b.type === "list" && b.kind === "roman-paren");
    expect(objectives.length).toBeGreaterThanOrEqual(13);
    for (const list of objectives) expect(list.underNumberedText).toBe(true);
    // Before Main Report, where nothing is numbered, a list stays at the margin.
    const summaryList = blocks.slice(0, main).find((b): b is ListBlock => b.type === "list")!;
    expect(summaryList.underNumberedText).toBeUndefined();
  });

  it("in a paper numbered per section, a list after a numbered paragraph; in a paper numbered not at all, none", async () => {
    const plan = await samplePlan("cambs-da-action-plan.csv");
    const { doc } = compose(plan, { specPath: join(DATA, "cambs-bcb-paper.md") });
    const lists = doc!.blocks.filter((b): b is ListBlock => b.type === "list");
    for (const list of lists) {
      const before = doc!.blocks[doc!.blocks.indexOf(list) - 1]!;
      if (before.type === "paragraph" && before.number) expect(list.underNumberedText).toBe(true);
    }
    const lancs = compose(await samplePlan("lancs-da-action-plan.xlsx"), { specPath: join(DATA, "lancs-scrutiny-paper.md") }).doc!;
    expect(allBlocks(lancs.blocks).some((b) => b.type === "list" && b.underNumberedText)).toBe(false);
  });
});

describe("kept with what follows", () => {
  it("a roman area heading's lead-in and objective chain on to the paragraph after them", async () => {
    const plan = await samplePlan("colp-da-action-plan.xlsx");
    const { doc } = compose(plan, { specPath: join(DATA, "colp-committee-paper.md") });
    const blocks = doc!.blocks;
    const area = blocks.findIndex((b) => b.type === "heading" && b.number === "I");
    const [leadIn, objective, answer] = blocks.slice(area + 1, area + 4);
    expect(leadIn).toMatchObject({ type: "paragraph", keepWithNext: true });
    expect(text((leadIn as ParagraphBlock).runs)).toBe("Three main objectives were set under this area:");
    expect(objective).toMatchObject({ type: "list", kind: "roman-paren" });
    expect((objective as ListBlock).items[0]!.blocks[0]).toMatchObject({ keepWithNext: true });
    expect(answer).toMatchObject({ type: "paragraph", number: "7." });
    // Every objective of every area, not only the first.
    const objectives = blocks.filter((b): b is ListBlock => b.type === "list" && b.kind === "roman-paren" && b.items.length === 1);
    for (const list of objectives) expect(list.items[0]!.blocks.at(-1)).toMatchObject({ keepWithNext: true });
  });

  it("a list of several items, and a paragraph not ending in a colon, are not held", async () => {
    const plan = await samplePlan("colp-da-action-plan.xlsx");
    const { doc } = compose(plan, { specPath: join(DATA, "colp-committee-paper.md") });
    const open = doc!.blocks.find((b): b is ListBlock => b.type === "list" && b.items.length > 3)!;
    for (const item of open.items) expect(item.blocks[0]).not.toHaveProperty("keepWithNext");
    const plain = doc!.blocks.filter((b): b is ParagraphBlock => b.type === "paragraph" && b.role === "body" && !/:\s*$/.test(text(b.runs)));
    expect(plain.filter((b) => b.keepWithNext)).toEqual([]);
  });
});
