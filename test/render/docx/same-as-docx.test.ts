// The .docx written part by part as XML text (render-docx.ts) must hold the very bytes the docx
// library writes for the same paper built from its components (render-docx-components.ts): every
// part, in docx's order, with [Content_Types].xml moved to the front as Word writes it. Checked on
// the writers' fixtures, every sample paper, and generated documents with every kind of block,
// run, awkward character, house style, header and footer.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { composePaper } from "../../../src/compose/compose-paper.js";
import type { Block, Doc, ParagraphRole, Run, TableBlock, TableCell } from "../../../src/compose/doc.js";
import { loadSpec, resolveTrackerPath } from "../../../src/compose/spec.js";
import { loadTracker } from "../../../src/ingest/load-tracker.js";
import { renderDocx } from "../../../src/render/docx/render-docx.js";
import { renderDocxFromComponents } from "../../../src/render/docx/render-docx-components.js";
import { DATA } from "../../helpers/tracker.js";
import { actionTable, cambridgeshireDoc, cityOfLondonDoc, houseStyle } from "./fixtures.js";

/** The zip's entries in the order they are stored, with their unzipped bytes. */
async function entries(bytes: Uint8Array): Promise<[string, Buffer][]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: [string, Buffer][] = [];
  for (const file of Object.values(zip.files)) out.push([file.name, Buffer.from(await file.async("uint8array"))]);
  return out;
}

async function expectSameParts(doc: Doc): Promise<void> {
  const written = await entries(await renderDocx(doc));
  const reference = await entries(await renderDocxFromComponents(doc));
  const contentTypes = reference.findIndex(([name]) => name === "[Content_Types].xml");
  expect(contentTypes).toBeGreaterThanOrEqual(0);
  const expected = [reference[contentTypes]!, ...reference.filter((_, i) => i !== contentTypes)];
  expect(written.map(([name]) => name)).toEqual(expected.map(([name]) => name));
  for (const [i, [name, bytes]] of written.entries()) {
    // As text, so a failure shows where the XML differs.
    if (!bytes.equals(expected[i]![1])) expect(bytes.toString("utf8"), name).toBe(expected[i]![1].toString("utf8"));
  }
}

describe("the package written as XML text", () => {
  it("writes the fixtures' parts", async () => {
    await expectSameParts(cambridgeshireDoc());
    await expectSameParts(cityOfLondonDoc());
    await expectSameParts({ ...cambridgeshireDoc(), blocks: [actionTable(50)] });
  });

  it("writes every sample paper's parts", async () => {
    const specs = readdirSync(DATA).filter((f) => f.endsWith(".md") && f !== "README.md");
    let papers = 0;
    for (const name of specs) {
      const spec = loadSpec(join(DATA, name));
      const tracker = resolveTrackerPath(spec);
      if (!spec.spec || !tracker) continue;
      const loaded = await loadTracker(tracker);
      const composed = composePaper({ plan: loaded.plan!, spec, asOf: "2016-11-30", sourceFile: "tracker" });
      if (!composed.doc) continue; // not a board paper (a section 55 spec names its report)
      await expectSameParts(composed.doc);
      papers++;
    }
    expect(papers).toBeGreaterThan(0);
  });

  it("writes generated documents' parts", async () => {
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
    // Labels Word numbering prints: continuing, restarting, deeper, roman, lettered, literal.
    const label = fc.constantFrom(undefined, undefined, "1.", "2.", "1.1", "2.1", "3.2", "I", "II", "a)", "b)", "12", "1.1.");
    const paragraph = fc.record({ runs, role, align, label }).map(({ runs, role, align, label }): Block => ({ type: "paragraph", runs, role, ...(align ? { align } : {}), ...(label ? { number: label } : {}) }));
    const heading = fc.record({ level: fc.constantFrom<1 | 2 | 3>(1, 2, 3), runs, label }).map(({ level, runs, label }): Block => ({ type: "heading", level, runs, ...(label ? { number: label } : {}) }));
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
    // What varies from one house style and paper to another outside the body.
    const size = fc.constantFrom(8, 9, 10, 10.5, 11, 12, 14, 16, 20.25);
    const style = fc
      .record({
        fonts: fc.record({ body: size, title: size, org: size, heading1: size, heading2: size, heading3: size, small: size, table: size }),
        margins: fc.record({ top: fc.constantFrom(1, 2, 2.54), bottom: fc.constantFrom(1.5, 2.54), left: fc.constantFrom(2, 3.17), right: fc.constantFrom(1.27, 2.54) }),
        title: fc.record({ bold: fc.boolean(), uppercase: fc.boolean() }),
        marking: fc.record({ header: fc.boolean(), footer: fc.boolean() }),
        pageNumbers: fc.constantFrom(null, "Page {page} of {pages}", "{page}", "{page}{pages}", "p. {page} / {pages} & more", "Page", "\u0001", "<{pages}>"),
        strapline: fc.constantFrom(null, "Creating a safer <county> & 'more'", "\u0001", " Safer\nroads "),
        paragraphs: fc.constantFrom("per-section", "continuous", "none") as fc.Arbitrary<"per-section" | "continuous" | "none">,
      })
      .map((s) => houseStyle({ fonts: s.fonts, page: { size: "A4", margins: s.margins }, title: s.title, marking: { default: null, ...s.marking }, pageNumbers: s.pageNumbers, strapline: s.strapline, numbering: { paragraphs: s.paragraphs, headings: s.paragraphs === "per-section" } }));
    const marking = fc.option(fc.constantFrom("OFFICIAL", "OFFICIAL-SENSITIVE", " <Restricted> & \"x\" "), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(fc.array(block, { maxLength: 8 }), style, marking, async (blocks, style, marking) => {
        await expectSameParts({ meta: { title: "Generated & <tested>", author: "A. N. Other", language: "en-GB", date: "2016-11-30", ...(marking ? { marking } : {}) }, style, blocks });
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
