// The Markdown a template produces → the document tree both writers walk: headings, paragraphs
// with their roles, runs, lists with the markers the paper prints, tables with RAG cells,
// page breaks, and the directives that say what Markdown cannot.
import { describe, expect, it } from "vitest";
import type { Block, ListBlock, ParagraphBlock, TableBlock } from "../../src/compose/doc.js";
import { loadHouseStyle } from "../../src/compose/house-styles.js";
import { markdownToBlocks, type ConvertedPart } from "../../src/compose/markdown-to-doc.js";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";

function convert(markdown: string, styleName = "cambridgeshire-bcb"): ConvertedPart & { messages: string[] } {
  const style = loadHouseStyle(styleName).style!;
  const part = markdownToBlocks({ markdown, file: "paper.md", templateText: markdown, firstLine: 1, allowFooterMarker: true }, style);
  return { ...part, messages: part.diagnostics.map(formatDiagnostic) };
}

const blocks = (markdown: string, styleName?: string): Block[] => convert(markdown, styleName).blocks;
const only = <T extends Block>(markdown: string, styleName?: string): T => {
  const [first, ...rest] = blocks(markdown, styleName);
  expect(rest).toEqual([]);
  return first as T;
};

describe("headings, paragraphs and runs", () => {
  it("maps # to level-1 sections and keeps emphasis, strong, links and hard breaks as runs", () => {
    expect(blocks("# Purpose\n\nThe *Board* is **asked** to [read it](https://example.org/a)\\\nnow.\nSoft break.\n\n#### Deep")).toEqual([
      { type: "heading", level: 1, runs: [{ text: "Purpose" }] },
      {
        type: "paragraph",
        role: "body",
        runs: [
          { text: "The " },
          { text: "Board", italic: true },
          { text: " is " },
          { text: "asked", bold: true },
          { text: " to " },
          { text: "read it", link: "https://example.org/a", breakAfter: true },
          { text: "now. Soft break." },
        ],
      },
      { type: "heading", level: 3, runs: [{ text: "Deep" }] },
    ]);
  });

  it("gives the next paragraph the role, alignment or numbering a directive asks for", () => {
    const converted = convert("<!-- role: org; align: right -->\nCambridgeshire\\\nCommissioner\n\n<!-- unnumbered -->\nA lead-in.\n\nNumbered.");
    expect(converted.blocks[0]).toEqual({ type: "paragraph", role: "org", align: "right", runs: [{ text: "Cambridgeshire", breakAfter: true }, { text: "Commissioner" }] });
    expect(converted.unnumbered.has(converted.blocks[1]!)).toBe(true);
    expect(converted.unnumbered.has(converted.blocks[2]!)).toBe(false);
  });

  it("turns numbering off and on again for a stretch of paragraphs", () => {
    const converted = convert("One.\n\n<!-- numbering: off -->\n\nTwo.\n\nThree.\n\n<!-- numbering: on -->\n\nFour.");
    expect(converted.blocks.map((b) => converted.unnumbered.has(b))).toEqual([false, true, true, false]);
  });

  it("prints a title in the house style's capitals and bold", () => {
    expect(only<ParagraphBlock>("<!-- role: title -->\nDomestic abuse – update")).toEqual({ type: "paragraph", role: "title", runs: [{ text: "DOMESTIC ABUSE – UPDATE", bold: true }] });
  });

  it("starts a new page where asked, and notes where the style's footer goes", () => {
    const converted = convert("Before.\n\n<!-- footer here -->\n<!-- page break -->\n\n# Appendix A");
    expect(converted.blocks.map((b) => b.type)).toEqual(["paragraph", "pageBreak", "heading"]);
    expect(converted.footerIndex).toBe(1);
  });
});

describe("lists", () => {
  it("bullets stay bullets; numbered lists take the style's numbering", () => {
    expect(only<ListBlock>("- a\n- b").kind).toBe("bullet");
    expect(only<ListBlock>("1. a\n2. b", "cambridgeshire-bcb").kind).toBe("decimal");
    expect(only<ListBlock>("1. a\n2. b", "city-of-london-committee")).toMatchObject({ kind: "roman-paren", start: 1, items: [{}, {}] });
    expect(only<ListBlock>("<!-- list: upper-alpha-paren -->\n1. a\n2. b", "city-of-london-committee").kind).toBe("upper-alpha-paren");
  });

  it("keeps a nested list inside its item", () => {
    const list = only<ListBlock>("- a\n  - a1\n- b");
    expect(list.items[0]!.blocks.map((b) => b.type)).toEqual(["paragraph", "list"]);
  });

  it("turns i) ii) typed by hand into a roman list without the typed markers", () => {
    const list = only<ListBlock>("i) Training to be rolled out\nii) A process to seek the views of *victims*");
    expect(list).toEqual({
      type: "list",
      kind: "roman-paren",
      start: 1,
      items: [
        { blocks: [{ type: "paragraph", role: "body", runs: [{ text: "Training to be rolled out" }] }] },
        { blocks: [{ type: "paragraph", role: "body", runs: [{ text: "A process to seek the views of " }, { text: "victims", italic: true }] }] },
      ],
    });
  });

  it("splits a lead-in line from the list typed under it, and joins typed items in separate paragraphs", () => {
    const [lead, list] = blocks("The main areas are:\na) one\nb) two\n\nc) three");
    expect(lead).toEqual({ type: "paragraph", role: "body", runs: [{ text: "The main areas are:" }] });
    expect(list).toMatchObject({ type: "list", kind: "alpha-paren", start: 1 });
    expect((list as ListBlock).items).toHaveLength(3);
  });

  it("reads typed markers in bullet items, upper-case letters, and a list that starts part-way", () => {
    expect(only<ListBlock>("- A) Action plan\n- B) Training content")).toMatchObject({ kind: "upper-alpha-paren", start: 1 });
    expect(only<ListBlock>("ii) *The force should make more use of BWC.*")).toMatchObject({ kind: "roman-paren", start: 2 });
  });

  it("leaves a marker that came from data (escaped) as text", () => {
    expect(only<ParagraphBlock>("i\\) Review the policy")).toEqual({ type: "paragraph", role: "body", runs: [{ text: "i) Review the policy" }] });
  });
});

describe("tables and RAG cells", () => {
  const table = (markdown: string) => only<TableBlock>(markdown);

  it("takes the first row as the header and keeps column alignment", () => {
    expect(table("| Ref | Count |\n| --- | --: |\n| 1.1 | 3 |\n| 1.2 |")).toEqual({
      type: "table",
      role: "data",
      header: [{ paragraphs: [[{ text: "Ref" }]] }, { paragraphs: [[{ text: "Count" }]], align: "right" }],
      rows: [
        [{ paragraphs: [[{ text: "1.1" }]] }, { paragraphs: [[{ text: "3" }]], align: "right" }],
        [{ paragraphs: [[{ text: "1.2" }]] }, { paragraphs: [[]], align: "right" }],
      ],
    });
  });

  it("makes a cell starting {rag:amber} a RAG cell: shaded, and labelled in words", () => {
    const t = table("| RAG |\n| --- |\n| {rag:amber}Amber |\n| {rag:red} |\n| {rag:BLUE}Complete |");
    expect(t.rows.map((r) => r[0])).toEqual([
      { rag: "amber", paragraphs: [[{ text: "Amber" }]] },
      { rag: "red", paragraphs: [[{ text: "Red" }]] },
      { rag: "blue", paragraphs: [[{ text: "Complete" }]] },
    ]);
  });

  it("does not let escaped text forge a RAG cell", () => {
    expect(table("| x |\n| --- |\n| \\{rag:red\\} not a rating |").rows[0]![0]).toEqual({ paragraphs: [[{ text: "{rag:red} not a rating" }]] });
  });

  it("warns about a RAG colour it does not know", () => {
    expect(convert("| x |\n| --- |\n| {rag:purple}Purple |").messages).toEqual(["paper.md:3: warning RAG_UNKNOWN {rag:purple} is not a RAG colour; use red, amber, green or blue"]);
  });

  it("splits a cell into paragraphs at <br>, and takes layout and widths from a directive", () => {
    const t = table("<!-- table: layout; widths: 30, 70 -->\n| Contact Officers | A Person<br>B Person |\n| --- | --- |");
    expect(t.role).toBe("layout");
    expect(t.widths).toEqual([30, 70]);
    expect(t.header[1]).toEqual({ paragraphs: [[{ text: "A Person" }], [{ text: "B Person" }]] });
  });
});

describe("a block in another language", () => {
  it("takes <!-- lang: cy --> for the next block only, whatever kind it is", () => {
    const out = blocks("<!-- lang: cy -->\nCroeso.\n\nWelcome.\n\n<!-- lang: cy-GB -->\n## Cefndir\n\n<!-- lang: cy -->\n- Un\n- Dau");
    expect(out.map((b) => [b.type, "lang" in b ? b.lang : undefined])).toEqual([
      ["paragraph", "cy"],
      ["paragraph", undefined],
      ["heading", "cy-GB"],
      ["list", "cy"],
    ]);
  });

  it("reports a language that is not a tag, and keeps the paper's", () => {
    const converted = convert("<!-- lang: Welsh language -->\nCroeso.");
    expect(converted.messages).toEqual(['paper.md:1: warning DIRECTIVE_UNKNOWN lang: "Welsh language" is not a language tag; write one such as cy (Welsh) or ga (Irish)']);
    expect(converted.blocks).toEqual([{ type: "paragraph", role: "body", runs: [{ text: "Croeso." }] }]);
  });
});

describe("what is not allowed", () => {
  it("raw HTML: a warning naming the line, and its text kept", () => {
    const converted = convert("Intro.\n\nText with <b>bold</b> in it.");
    expect(converted.messages).toEqual([
      'paper.md:3: warning MARKDOWN_HTML HTML is not allowed in a paper; "<b>" is printed as it is',
      'paper.md:3: warning MARKDOWN_HTML HTML is not allowed in a paper; "</b>" is printed as it is',
    ]);
    expect(converted.blocks[1]).toEqual({ type: "paragraph", role: "body", runs: [{ text: "Text with <b>bold</b> in it." }] });
  });

  it("a misspelt directive is reported; an ordinary comment is just left out", () => {
    const converted = convert("<!-- pagebreak -->\n\n<!-- Write the summary here -->\n\nText.");
    expect(converted.messages).toEqual(['paper.md:1: warning DIRECTIVE_UNKNOWN "pagebreak" is not a directive; did you mean "page break"?']);
    expect(converted.blocks).toEqual([{ type: "paragraph", role: "body", runs: [{ text: "Text." }] }]);
  });

  it("a directive for the next paragraph that meets a heading first", () => {
    expect(convert("<!-- role: label -->\n# Heading").messages).toEqual([
      "paper.md:1: warning DIRECTIVE_PLACE <!-- role: label --> applies to the next paragraph, but a heading comes first; it is ignored",
    ]);
  });
});
