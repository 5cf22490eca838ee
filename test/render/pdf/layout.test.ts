// Layout and pagination on the document tree, without writing a PDF.
import { describe, expect, it } from "vitest";
import type { Block, Doc } from "../../../src/compose/doc.js";
import type { Chunk, Frame } from "../../../src/render/pdf/chunk.js";
import type { Item, TextItem } from "../../../src/render/pdf/display-list.js";
import { documentChunks, listMarker } from "../../../src/render/pdf/layout-blocks.js";
import { pageGeometry } from "../../../src/render/pdf/page-geometry.js";
import { pageStream } from "../../../src/render/pdf/paginate.js";
import { tableChunks } from "../../../src/render/pdf/tables.js";
import { actionTable, cell, h, houseStyle, list, p, t, underNumbered } from "./fixtures.js";

// Every chunk, and every page, at once: what these tests look at (the writer takes them one at a time).
const layoutDocument = (doc: Doc, frame: Frame): Chunk[] => [...documentChunks(doc, frame)];
const paginate = (chunks: readonly Chunk[], height: number) => [...pageStream(chunks, height)];

const style = houseStyle();
const geometry = pageGeometry(style);
const frame = { x: geometry.margins.left, width: geometry.contentWidth };
const doc = (blocks: Block[]): Doc => ({ meta: { title: "T", language: "en-GB", date: "2016-11-30" }, style, blocks });
const texts = (chunk: Chunk | undefined): TextItem[] => (chunk?.items ?? []).filter((i: Item): i is TextItem => i.kind === "text");

describe("page geometry", () => {
  it("is A4 with the style's margins in points", () => {
    expect(geometry.width).toBeCloseTo(595.28, 1);
    expect(geometry.height).toBeCloseTo(841.89, 1);
    expect(geometry.margins.left).toBeCloseTo(72, 6); // 2.54 cm
  });
});

// Numbers and list markers are drawn with a space after them (invisible: the text starts further
// on), so a screen reader or a copy reads "3.10 Text", not "3.10Text".
describe("numbered paragraphs and headings", () => {
  it("hang the number at the margin and the text 1.27 cm in, on every line", () => {
    const chunks = layoutDocument(doc([p("word ".repeat(60).trim(), "3.10")]), frame);
    const [label, first] = texts(chunks[0]);
    expect(label).toMatchObject({ text: "3.10 ", x: frame.x });
    expect(first!.x).toBeCloseTo(frame.x + 36, 6);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks.slice(1)) expect(texts(chunk)[0]!.x).toBeCloseTo(frame.x + 36, 6);
  });

  it("print the composer's label exactly", () => {
    const chunks = layoutDocument(doc([h(2, "Understanding & Identifying Risk", "IV")]), frame);
    expect(texts(chunks[0]).map((i) => i.text)).toEqual(["IV ", "Understanding & Identifying Risk"]);
    expect(texts(chunks[0])[1]!.face).toBe("bold");
  });

  it("give a heading a bookmark anchor with its number and keep it with what follows", () => {
    const chunks = layoutDocument(doc([h(1, "Purpose", "1."), p("The purpose of this report.", "1.1")]), frame);
    expect(chunks[0]!.items.find((i) => i.kind === "anchor")).toMatchObject({ title: "1. Purpose", level: 1 });
    expect(chunks[0]!.keepWithNext).toBe(true);
  });
});

describe("lists", () => {
  it("number markers as forces do, honouring start", () => {
    expect([1, 2, 4, 9].map((n) => listMarker("roman-paren", n, 0))).toEqual(["i)", "ii)", "iv)", "ix)"]);
    expect([1, 26, 27].map((n) => listMarker("alpha-paren", n, 0))).toEqual(["a)", "z)", "aa)"]);
    expect(listMarker("upper-alpha-paren", 2, 0)).toBe("B)");
    expect(listMarker("decimal", 12, 0)).toBe("12.");
    expect(listMarker("bullet", 1, 0)).toBe("•");
    const chunks = layoutDocument(doc([list("roman-paren", ["Domestic Abuse training package", "Views of victims"], 5)]), frame);
    expect(texts(chunks[0])[0]!.text).toBe("v) ");
    expect(texts(chunks[1])[0]!.text).toBe("vi) ");
  });

  it("indent nested lists further, and lists compose placed under the numbered text under it", () => {
    const nested = list("bullet", [[p("Outer"), list("bullet", ["Inner"])]]);
    const chunks = layoutDocument(doc([nested]), frame);
    const outer = texts(chunks[0]);
    const inner = texts(chunks[1]);
    expect(outer[0]!.text).toBe("• ");
    expect(inner[0]!.text).toBe("– ");
    expect(inner[1]!.x).toBeGreaterThan(outer[1]!.x);

    const after = layoutDocument(doc([p("Under 11 headings.", "4.3"), underNumbered(list("bullet", ["Strategic Ownership"]))]), frame);
    const alone = layoutDocument(doc([p("Under 11 headings."), list("bullet", ["Strategic Ownership"])]), frame);
    expect(texts(after[1])[1]!.x - texts(alone[1])[1]!.x).toBeCloseTo(36, 6);
  });
});

describe("tables", () => {
  it("make a bold, shaded header kept with the first row and repeated by every row", () => {
    const chunks = tableChunks(actionTable(3), frame, style);
    const [header, ...rows] = chunks;
    expect(header!.keepWithNext).toBe(true);
    expect(texts(header).every((i) => i.face === "bold")).toBe(true);
    expect(header!.items.some((i) => i.kind === "rect")).toBe(true);
    for (const row of rows) expect(row.repeatHeader).toBe(header);
  });

  it("shade RAG cells and label them with the composer's word", () => {
    const [, red] = tableChunks(actionTable(1), frame, style);
    const rect = red!.items.find((i) => i.kind === "rect");
    expect(rect).toMatchObject({ fill: [192 / 255, 0, 0] });
    const word = texts(red).find((i) => i.text === "Red");
    expect(word).toMatchObject({ colour: [1, 1, 1], face: "bold" });
  });

  it("leave layout tables unshaded, not repeated, and drop an empty header row", () => {
    const chunks = tableChunks(
      { type: "table", role: "layout", header: [cell(""), cell("")], rows: [[cell("Source Document"), cell("")]] },
      frame,
      style,
    );
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.repeatHeader).toBeUndefined();
    expect(chunks[0]!.items.some((i) => i.kind === "rect")).toBe(false);
  });
});

describe("pagination", () => {
  const line = (height: number, extra: Partial<Chunk> = {}): Chunk => ({ height, items: [], spaceBefore: 0, spaceAfter: 0, ...extra });

  it("fills pages and drops space above the first chunk on a page", () => {
    const chunks = [line(100), line(100, { spaceBefore: 20 }), line(100, { spaceBefore: 20 }), line(100, { spaceBefore: 20 })];
    const pages = paginate(chunks, 350);
    expect(pages.map((pg) => pg.placed.length)).toEqual([3, 1]);
    expect(pages[0]!.placed.map((x) => x.top)).toEqual([0, 120, 240]);
    expect(pages[1]!.placed[0]!.top).toBe(0);
  });

  it("moves a heading that would sit at the foot of a page to the next, with its first lines", () => {
    const filler = Array.from({ length: 8 }, () => line(40));
    const heading = line(20, { keepWithNext: true });
    const para = [line(15, { keepWithNext: true }), line(15), line(15)];
    // 320 used; the heading alone (20) fits in 350, heading + two lines (50) do not.
    const pages = paginate([...filler, heading, ...para], 350);
    expect(pages[0]!.placed.map((x) => x.chunk)).not.toContain(heading);
    expect(pages[1]!.placed[0]!.chunk).toBe(heading);
    expect(pages[1]!.placed[1]!.chunk).toBe(para[0]);
  });

  it("keeps a whole chain of keep-with-next together (heading → lead-in → objective → first lines), not only its first pair", () => {
    const filler = Array.from({ length: 6 }, () => line(40));
    const heading = line(20, { keepWithNext: true });
    const leadIn = line(15, { keepWithNext: true });
    const objective = [line(15, { keepWithNext: true }), line(15, { keepWithNext: true })];
    const answer = [line(15, { keepWithNext: true }), line(15), line(15)];
    // 300 used, 50 left: the heading with its lead-in (35) would fit, the chain up to the
    // answer's second line (95) does not, so all of it starts the next page.
    const pages = paginate([...filler, line(60), heading, leadIn, ...objective, ...answer], 350);
    const first = pages[0]!.placed.map((x) => x.chunk);
    for (const kept of [heading, leadIn, ...objective, answer[0]!, answer[1]!]) expect(first).not.toContain(kept);
    expect(pages[1]!.placed.slice(0, 6).map((x) => x.chunk)).toEqual([heading, leadIn, ...objective, answer[0], answer[1]]);
  });

  it("moves a table row that does not fit to the next page whole, when a page would hold it", () => {
    const update = "Review the domestic abuse training package and roll it out to every frontline officer. ".repeat(8);
    const table = {
      type: "table" as const,
      role: "data" as const,
      header: [cell("Ref"), cell("Update")],
      rows: [1, 2, 3].map((n) => [cell(`1.${n}`), { paragraphs: [[t(update)]] }]),
    };
    const chunks = tableChunks(table, frame, style);
    const [header, ...rows] = chunks;
    expect(rows[0]!.height).toBeGreaterThan(60);
    // The header and first row fit; the second row has room for several lines of its cells, not all.
    const intro = [line(400 - header!.height - rows[0]!.height - rows[1]!.height / 2)];
    const pages = paginate([...intro, ...chunks], 400);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.placed.map((x) => x.chunk)).toEqual([intro[0], header, rows[0]]);
    // The second row starts the next page whole, below the header drawn again.
    expect(pages[1]!.placed.map((x) => x.chunk)).toEqual([header, rows[1], rows[2]]);
    expect(pages[1]!.placed[0]!.repeat).toBe(true);
  });

  it("starts a new page at a page break, but not a blank one", () => {
    const pages = paginate([line(10), line(0, { pageBreak: true }), line(10)], 100);
    expect(pages).toHaveLength(2);
    expect(paginate([line(0, { pageBreak: true }), line(10)], 100)).toHaveLength(1);
  });

  it("splits a tall row between lines and repeats the header on the next page", () => {
    const long = "Review the domestic abuse training package and roll it out to every frontline officer. ".repeat(40);
    const table = {
      type: "table" as const,
      role: "data" as const,
      header: [cell("Ref"), cell("Update")],
      rows: [[cell("1.1"), { paragraphs: [[t(long)]] }]],
    };
    const chunks = tableChunks(table, frame, style);
    const intro = Array.from({ length: 30 }, () => line(14));
    const pages = paginate([...intro, ...chunks], 400);
    const header = chunks[0]!;
    const withRow = pages.filter((pg) => pg.placed.some((x) => x.chunk !== header && x.chunk.repeatHeader === header));
    expect(withRow.length).toBeGreaterThan(1);
    for (const pg of withRow.slice(1)) expect(pg.placed[0]!.chunk).toBe(header);
    // No line of the cell is lost or drawn twice.
    const words = withRow
      .flatMap((pg) => pg.placed.filter((x) => x.chunk !== header).flatMap((x) => texts(x.chunk)))
      .filter((i) => i.text !== "1.1")
      .map((i) => i.text)
      .join(" ");
    expect(words.replace(/\s+/g, " ").trim()).toBe(long.trim());
    for (const pg of pages) expect(pg.placed.every((x) => x.top + x.chunk.height <= 400 + 0.01)).toBe(true);
  });

  it("lays out a 1,000-action appendix: every row once, the header atop every page", () => {
    const chunks = layoutDocument(doc([actionTable(1000)]), frame);
    const pages = paginate(chunks, geometry.contentHeight);
    const header = chunks[0]!;
    expect(pages.length).toBeGreaterThan(50);
    for (const pg of pages) expect(pg.placed[0]!.chunk).toBe(header);
    const refs = pages.flatMap((pg) => pg.placed.filter((x) => x.chunk !== header).map((x) => texts(x.chunk)[0]?.text));
    expect(refs).toHaveLength(1000);
    expect(new Set(refs).size).toBe(1000);
  });
});
