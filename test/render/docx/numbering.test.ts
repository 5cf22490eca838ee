// Word numbering against the composer's labels: render a Doc, read numbering.xml back, simulate
// Word's counters paragraph by paragraph, and require exactly the label the Doc carries for every
// numbered heading and paragraph (and the right marker for every list item), so the writer's
// numbering and the composer's labels can never drift apart.
import { describe, expect, it } from "vitest";
import type { Block, Doc, ListKind } from "../../../src/compose/doc.js";
import { levelText, literalLevelText, parseLabel } from "../../../src/render/docx/labels.js";
import { renderDocx } from "../../../src/render/docx/render-docx.js";
import { docxParts, paragraphs, part } from "./docx-parts.js";
import { cambridgeshireDoc, cityOfLondonDoc, h, houseStyle, list, p, underNumbered } from "./fixtures.js";
import { format, readNumbering, simulate } from "./word-numbering.js";

/** The marker each numbered paragraph should show, in document order, as the writer lays them out. */
function expectedMarkers(blocks: readonly Block[], depth = 0, inItem = false): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if ((block.type === "heading" || block.type === "paragraph") && !inItem && block.number?.trim()) out.push(block.number.trim());
    if (block.type !== "list") continue;
    block.items.forEach((item, i) => {
      out.push(marker(block.kind, block.start + i));
      const [first, ...rest] = item.blocks;
      const after = first?.type === "paragraph" ? rest : item.blocks;
      out.push(...expectedMarkers(after, depth + 1, true));
    });
  }
  return out;
}

function marker(kind: ListKind, n: number): string {
  switch (kind) {
    case "bullet":
      return "bullet";
    case "decimal":
      return `${n}.`;
    case "roman-paren":
      return `${format(n, "lowerRoman")})`;
    case "alpha-paren":
      return `${format(n, "lowerLetter")})`;
    case "upper-alpha-paren":
      return `${format(n, "upperLetter")})`;
  }
}

async function wordLabels(doc: Doc) {
  const parts = await docxParts(await renderDocx(doc));
  const body = paragraphs(part(parts, "word/document.xml"));
  return { simulated: simulate(readNumbering(part(parts, "word/numbering.xml")), body), body, parts };
}

async function expectWordPrintsLabels(doc: Doc): Promise<void> {
  const { simulated } = await wordLabels(doc);
  expect(simulated.map((s) => s.label)).toEqual(expectedMarkers(doc.blocks));
  // The label is Word's, not typed: no numbered paragraph's text starts with its own label.
  for (const { paragraph, label } of simulated) {
    if (label !== "bullet") expect(paragraph.text.startsWith(label), `typed label in "${paragraph.text}"`).toBe(false);
  }
}

const docWith = (blocks: Block[], numbering: Partial<Doc["style"]["numbering"]> = {}): Doc => ({
  meta: { title: "Numbering", language: "en-GB", date: "2020-03-26" },
  style: houseStyle({ numbering: { paragraphs: "per-section", headings: true, ...numbering } }),
  blocks,
});

describe("labels", () => {
  it("takes labels apart into Word's counters and level text", () => {
    expect(parseLabel("3.2")).toEqual({ values: [3, 2], formats: ["decimal", "decimal"], pieces: ["", ".", ""] });
    expect(levelText(parseLabel("3.2.")!)).toBe("%1.%2.");
    expect(levelText(parseLabel("12")!)).toBe("%1");
    expect(parseLabel("IV")).toMatchObject({ values: [4], formats: ["upperRoman"] });
    expect(parseLabel("iii)")).toMatchObject({ values: [3], formats: ["lowerRoman"], pieces: ["", ")"] });
    expect(parseLabel("(b)")).toMatchObject({ values: [2], formats: ["lowerLetter"], pieces: ["(", ")"] });
    expect(parseLabel("C", ["upperLetter"])).toMatchObject({ values: [3], formats: ["upperLetter"] });
    expect(parseLabel("C")).toMatchObject({ values: [3], formats: ["upperLetter"] });
    expect(parseLabel("X")).toMatchObject({ values: [10], formats: ["upperRoman"] });
    expect(parseLabel("Purpose")).toBeNull();
    expect(parseLabel("0")).toBeNull();
    const parsed = parseLabel("3.12")!;
    expect(literalLevelText("3.12", parsed)).toEqual({ prefix: "3.", text: "3.%1" });
  });
});

describe("Word numbering reproduces the composer's labels", () => {
  it("Cambridgeshire: headings 1. … and paragraphs 1.1 restarting in each section, on one two-level list", async () => {
    const doc = cambridgeshireDoc();
    await expectWordPrintsLabels(doc);
    const { simulated, parts } = await wordLabels(doc);
    const numbering = part(parts, "word/numbering.xml");
    // One abstract numbering with level 0 "%1." and level 1 "%1.%2"; headings at 0, paragraphs at 1, one numId.
    expect(numbering).toMatch(
      /<w:abstractNum [^>]*>(?:(?!<\/w:abstractNum>).)*<w:lvl w:ilvl="0"[^>]*><w:start w:val="1"\/><w:numFmt w:val="decimal"\/><w:suff w:val="tab"\/><w:lvlText w:val="%1."\/>(?:(?!<\/w:abstractNum>).)*<w:lvl w:ilvl="1"[^>]*><w:start w:val="1"\/><w:numFmt w:val="decimal"\/><w:suff w:val="tab"\/><w:lvlText w:val="%1.%2"\/><w:lvlJc w:val="left"\/><w:pPr><w:ind w:left="720" w:hanging="720"\/>/,
    );
    const numbered = simulated.filter((s) => s.label !== "bullet");
    expect(new Set(numbered.map((s) => s.paragraph.numId)).size).toBe(1);
    expect(numbered.filter((s) => s.paragraph.style === "Heading1").every((s) => s.paragraph.ilvl === 0)).toBe(true);
    expect(numbered.filter((s) => s.paragraph.style === "BodyText").every((s) => s.paragraph.ilvl === 1)).toBe(true);
  });

  it("City of London: paragraphs 1. … n. across sections, roman area headings, i) lists restarting and starting at 5, A) appendices", async () => {
    await expectWordPrintsLabels(cityOfLondonDoc());
  });

  it("continuous labels without a full stop (\"12\")", async () => {
    await expectWordPrintsLabels(
      docWith([h(1, "Main Report"), p("One", "1"), p("Two", "2"), h(2, "Area"), p("Three", "3"), h(1, "Appendices"), p("Unnumbered")], { paragraphs: "continuous", headings: false }),
    );
  });

  it("per-section paragraphs under unnumbered headings (\"3.1\" with no \"3.\" heading) and the 2020 form \"1.1.\"", async () => {
    await expectWordPrintsLabels(
      docWith([h(1, "Purpose"), p("a", "1.1."), p("b", "1.2."), h(1, "Background"), p("c", "2.1."), p("d", "2.2."), p("e", "2.3.")], { headings: false }),
    );
  });

  it("labels that skip or restart get a list that prints them", async () => {
    await expectWordPrintsLabels(
      docWith([h(1, "One", "1."), p("a", "1.1"), p("b", "1.3"), h(1, "Five", "5."), p("c", "5.1"), h(1, "Again", "1."), p("d", "1.1"), p("e", "7.1")]),
    );
  });

  it("heading levels numbered separately, restarting where the labels restart", async () => {
    await expectWordPrintsLabels(
      docWith([h(1, "Part", "A."), h(2, "Area", "I"), h(2, "Area", "II"), h(1, "Part", "B."), h(2, "Area", "I"), h(3, "Detail", "(a)"), h(3, "Detail", "(b)")], { paragraphs: "none", headings: true }),
    );
  });

  it("lists: every kind, nested, with start, each list restarting", async () => {
    const nested = (kind: ListKind) => [p("parent"), list(kind, ["child one", "child two"])];
    await expectWordPrintsLabels(
      docWith(
        [
          list("decimal", ["one", nested("decimal"), "three"]),
          list("decimal", ["again one", "again two"]),
          list("roman-paren", ["i", nested("roman-paren"), "iii"], 1),
          list("alpha-paren", ["a", "b"]),
          list("upper-alpha-paren", ["A", nested("bullet"), "C"]),
          list("roman-paren", ["v", "vi"], 5),
          list("bullet", ["x", [p("y"), list("bullet", ["deeper", [p("deepest"), list("decimal", ["1", "2"])]])]]),
          list("decimal", [[list("bullet", ["item that opens with a list"])], "two"]),
        ],
        { paragraphs: "none", headings: false },
      ),
    );
  });

  it("every house-style scheme with numbered paragraphs inside and outside lists", async () => {
    for (const paragraphs of ["per-section", "continuous", "none"] as const) {
      const n = (section: number, i: number, c: number) => (paragraphs === "per-section" ? `${section}.${i}` : paragraphs === "continuous" ? `${c}.` : undefined);
      await expectWordPrintsLabels(
        docWith(
          [
            h(1, "Purpose", paragraphs === "per-section" ? "1." : undefined),
            p("a", n(1, 1, 1)),
            list("bullet", ["b"]),
            p("c", n(1, 2, 2)),
            h(1, "Background", paragraphs === "per-section" ? "2." : undefined),
            p("d", n(2, 1, 3)),
            list("decimal", [[p("numbered inside an item keeps the item's marker", "9.9")]]),
          ],
          { paragraphs, headings: paragraphs === "per-section" },
        ),
      );
    }
  });

  it("notices when Word would print something other than the label (the check can fail)", async () => {
    const doc = cambridgeshireDoc();
    const { simulated } = await wordLabels(doc);
    const drifted = cambridgeshireDoc();
    const para = drifted.blocks.find((b) => b.type === "paragraph" && b.number === "3.2");
    if (para?.type === "paragraph") para.number = "3.3";
    expect(simulated.map((x) => x.label)).not.toEqual(expectedMarkers(drifted.blocks));
  });

  it("indents nested lists one step further, and lists compose placed under the numbered text under it", async () => {
    const doc = docWith([p("Intro", "1.1"), underNumbered(list("bullet", ["a", [p("b"), list("decimal", ["c"])]])), p("Unnumbered"), list("bullet", ["d"])], { headings: false });
    const { body, parts } = await wordLabels(doc);
    const numbering = readNumbering(part(parts, "word/numbering.xml"));
    const indent = (text: string) => {
      const para = body.find((x) => x.text === text)!;
      const abstractId = numbering.nums.get(para.numId!)!.abstractId;
      const xml = part(parts, "word/numbering.xml").match(new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`))![0];
      return Number(xml.match(/<w:ind w:left="(\d+)"/)![1]);
    };
    expect(indent("a")).toBe(1440); // under the text of "1.1", which starts at 720
    expect(indent("c")).toBe(2160);
    expect(indent("d")).toBe(720);
  });

  it("widens the hanging indent when a label would not fit in 1.27 cm, alike for every numbered level", async () => {
    const sections = Array.from({ length: 12 }, (_, i) => [h(1, `Section ${i + 1}`, `${i + 1}.`), ...Array.from({ length: 12 }, (_, j) => p(`para ${j + 1}`, `${i + 1}.${j + 1}.`))]).flat();
    const { parts } = await wordLabels(docWith(sections));
    const indents = [...part(parts, "word/numbering.xml").matchAll(/<w:lvlText w:val="%1[^"]*"\/><w:lvlJc w:val="left"\/><w:pPr><w:ind w:left="(\d+)" w:hanging="(\d+)"/g)];
    expect(indents.length).toBe(2);
    for (const [, left, hanging] of indents) {
      expect(Number(left)).toBeGreaterThan(720);
      expect(hanging).toBe(left);
    }
    await expectWordPrintsLabels(docWith(sections));
  });

  it("refuses a label Word numbering cannot print, rather than typing it", async () => {
    await expect(renderDocx(docWith([p("x", "Purpose")]))).rejects.toThrow(/cannot print the label "Purpose"/);
  });
});
