// The body written as XML text (body-xml.ts) must give the very bytes docx gives for the same
// body built from its components (blocks.ts): the papers' fixtures, every sample paper and
// generated documents with every kind of block, run and awkward character.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composePaper } from "../../../src/compose/compose-paper.js";
import type { Block, Doc, ParagraphRole, Run, TableBlock, TableCell } from "../../../src/compose/doc.js";
import { loadSpec, resolveTrackerPath } from "../../../src/compose/spec.js";
import { loadTracker } from "../../../src/ingest/load-tracker.js";
import { renderDocx, renderDocxFromComponents } from "../../../src/render/docx/render-docx.js";
import { DATA } from "../../helpers/tracker.js";
import { actionTable, cambridgeshireDoc, cityOfLondonDoc, houseStyle } from "./fixtures.js";

async function expectSameBytes(doc: Doc): Promise<void> {
  const fast = Buffer.from(await renderDocx(doc));
  const reference = Buffer.from(await renderDocxFromComponents(doc));
  expect(fast.equals(reference)).toBe(true);
}

describe("the body as XML text", () => {
  it("writes the fixtures' bytes", async () => {
    await expectSameBytes(cambridgeshireDoc());
    await expectSameBytes(cityOfLondonDoc());
    await expectSameBytes({ ...cambridgeshireDoc(), blocks: [actionTable(50)] });
  });

  it("writes every sample paper's bytes", async () => {
    const specs = readdirSync(DATA).filter((f) => f.endsWith(".md") && f !== "README.md");
    for (const name of specs) {
      const spec = loadSpec(join(DATA, name));
      const tracker = resolveTrackerPath(spec);
      if (!spec.spec || !tracker) continue;
      const loaded = await loadTracker(tracker);
      const composed = composePaper({ plan: loaded.plan!, spec, asOf: "2016-11-30", sourceFile: "tracker" });
      if (!composed.doc) continue; // not a board paper (a section 55 spec names its report)
      await expectSameBytes(composed.doc);
    }
  });

  it("writes generated documents' bytes", async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom("a & b", "<x>", `"q" 'a'`, "two\nlines", "cr\r\nlf\rcr", "tab\there", "\u0001\u000b\u001f", "\ud800 lone", "\ufffe", "£ – ’ é ŵ", ""),
    );
    const link = fc.constantFrom(undefined, undefined, "https://example.org/a?b=1&c=2", "mailto:x@y.z");
    const run: fc.Arbitrary<Run> = fc.record({ text, bold: fc.boolean(), italic: fc.boolean(), link, breakAfter: fc.boolean() }).map((r) => {
      const out: Run = { text: r.text };
      if (r.bold) out.bold = true;
      if (r.italic) out.italic = true;
      if (r.link) out.link = r.link;
      if (r.breakAfter) out.breakAfter = true;
      return out;
    });
    const runs = fc.array(run, { maxLength: 4 });
    const role = fc.constantFrom<ParagraphRole>("body", "org", "title", "label", "strapline", "small");
    const align = fc.constantFrom(undefined, "left", "center", "right") as fc.Arbitrary<"left" | "center" | "right" | undefined>;
    const paragraph = fc.record({ runs, role, align }).map(({ runs, role, align }): Block => ({ type: "paragraph", runs, role, ...(align ? { align } : {}) }));
    const heading = fc.record({ level: fc.constantFrom<1 | 2 | 3>(1, 2, 3), runs }).map(({ level, runs }): Block => ({ type: "heading", level, runs }));
    const cell: fc.Arbitrary<TableCell> = fc.record({ paragraphs: fc.array(runs, { maxLength: 2 }), rag: fc.constantFrom(undefined, "red", "amber", "green", "blue"), align }).map((c) => {
      const out: TableCell = { paragraphs: c.paragraphs };
      if (c.rag) out.rag = c.rag as TableCell["rag"];
      if (c.align) out.align = c.align;
      return out;
    });
    const table = fc
      .record({ header: fc.array(cell, { maxLength: 4 }), rows: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 4 }), role: fc.constantFrom<"data" | "layout" | undefined>("data", "layout", undefined), widths: fc.option(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }), { nil: undefined }) })
      .map((t): Block => {
        const out: TableBlock = { type: "table", header: t.header, rows: t.rows };
        if (t.role) out.role = t.role;
        if (t.widths) out.widths = t.widths;
        return out;
      });
    const { block } = fc.letrec<{ block: Block; list: Block }>((tie) => ({
      block: fc.oneof({ depthSize: "small", withCrossShrink: true }, paragraph, heading, table, fc.constant<Block>({ type: "pageBreak" }), tie("list")),
      list: fc
        .record({
          kind: fc.constantFrom("bullet", "decimal", "roman-paren", "alpha-paren", "upper-alpha-paren"),
          start: fc.integer({ min: 1, max: 3 }),
          items: fc.array(fc.array(tie("block"), { maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        })
        .map(({ kind, start, items }): Block => ({ type: "list", kind: kind as "bullet", start, items: items.map((blocks) => ({ blocks })) })),
    }));
    const style = houseStyle({ numbering: { paragraphs: "none", headings: false } });
    await fc.assert(
      fc.asyncProperty(fc.array(block, { maxLength: 8 }), fc.option(fc.constantFrom("OFFICIAL", "OFFICIAL-SENSITIVE"), { nil: undefined }), async (blocks, marking) => {
        await expectSameBytes({ meta: { title: "Generated", language: "en-GB", date: "2016-11-30", ...(marking ? { marking } : {}) }, style, blocks });
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});
