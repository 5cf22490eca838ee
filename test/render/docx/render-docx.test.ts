// The DOCX writer, checked on the unzipped XML: styles, numbering, tables, RAG cells, header and
// footer, document properties, language, determinism.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { Doc, TableBlock } from "../../../src/compose/doc.js";
import { HouseStyle } from "../../../src/compose/house-style.js";
import { RAG_FILL, RAG_TEXT } from "../../../src/render/rag-colours.js";
import { renderDocx } from "../../../src/render/docx/render-docx.js";
import { columnWidths } from "../../../src/render/docx/table-layout.js";
import { measure } from "../../../src/render/docx/text-width.js";
import { textWidth } from "../../../src/render/docx/units.js";
import type { Rag } from "../../../src/model/schema.js";
import { docxParts, paragraphs, part } from "./docx-parts.js";
import { actionTable, cambridgeshireDoc, cell, cityOfLondonDoc, h, houseStyle, p, t } from "./fixtures.js";

async function render(doc: Doc) {
  const bytes = await renderDocx(doc);
  const parts = await docxParts(bytes);
  return { bytes, parts, document: part(parts, "word/document.xml") };
}

describe("styles", () => {
  it("uses Word's built-in Heading 1–3 with outline levels, Title, Body Text and a style per role", async () => {
    const { parts, document } = await render(cambridgeshireDoc());
    const styles = part(parts, "word/styles.xml");
    for (const [id, outline] of [["Heading1", 0], ["Heading2", 1], ["Heading3", 2]] as const) {
      expect(styles).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">(?:(?!</w:style>).)*<w:outlineLvl w:val="${outline}"/>`));
    }
    for (const id of ["Title", "BodyText", "Organisation", "Label", "Strapline", "SmallPrint", "TableText", "TableHeading", "Header", "Footer", "ListParagraph"]) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    const body = paragraphs(document);
    expect(body.find((x) => x.text === "Purpose")?.style).toBe("Heading1");
    expect(body.find((x) => x.text.startsWith("Domestic Abuse Governance"))?.style).toBe("Title");
    expect(body.find((x) => x.text.startsWith("To:"))?.style).toBe("Label");
    expect(body.find((x) => x.text.startsWith("Cambridgeshire"))?.style).toBe("Organisation");
    expect(body.find((x) => x.text.startsWith("The Board is recommended"))?.style).toBe("BodyText");
  });

  it("sets Arial, the house style's sizes, A4 and its margins, and en-GB", async () => {
    const doc = cambridgeshireDoc();
    doc.style = houseStyle({ fonts: { body: 11, title: 15, heading1: 13 }, page: { margins: { top: 2, bottom: 2.5, left: 3, right: 1.5 } } });
    const { parts, document } = await render(doc);
    const styles = part(parts, "word/styles.xml");
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"\/><w:sz w:val="22"\/>/);
    expect(styles).toMatch(/<w:rPrDefault>(?:(?!<\/w:rPrDefault>).)*<w:lang w:val="en-GB"/);
    expect(styles).toMatch(/w:styleId="Title">(?:(?!<\/w:style>).)*<w:caps\/>(?:(?!<\/w:style>).)*<w:sz w:val="30"\/>/);
    expect(styles).toMatch(/w:styleId="Heading1">(?:(?!<\/w:style>).)*<w:sz w:val="26"\/>/);
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // cm → twips: 2 → 1134, 2.5 → 1417, 3 → 1701, 1.5 → 850.
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1417" w:left="1701"/);
    expect(part(parts, "word/theme/theme1.xml")).toMatch(/<a:latin typeface="Arial"/);
  });
});

describe("runs", () => {
  it("writes bold, italic, line breaks and external links styled Hyperlink, with ids that do not change", async () => {
    const doc = cambridgeshireDoc();
    const { parts, document } = await render(doc);
    expect(document).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">HMIC<\/w:t><\/w:r>/);
    expect(document).toMatch(/<w:t xml:space="preserve">Cambridgeshire<\/w:t><\/w:r><w:r><w:br\/><\/w:r>/);
    expect(document).toMatch(/<w:hyperlink w:history="1" r:id="rIdLink1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">the report<\/w:t>/);
    expect(part(parts, "word/_rels/document.xml.rels")).toContain(
      '<Relationship Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.justiceinspectorates.gov.uk/hmicfrs/" TargetMode="External"/>',
    );
    const col = await render(cityOfLondonDoc());
    expect(col.document).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Clear and consistent guidance/);
  });

  it("drops characters XML forbids and turns newlines in text into line breaks", async () => {
    const doc: Doc = { ...cambridgeshireDoc(), blocks: [p([t("Line one\u000b\nLine two\u0007")])] };
    const { document } = await render(doc);
    expect(document).toContain('<w:t xml:space="preserve">Line one</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">Line two</w:t>');
  });

  it("writes a page break as Word does, in a paragraph of its own", async () => {
    const { document } = await render(cambridgeshireDoc());
    expect(document).toContain('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
  });
});

describe("tables", () => {
  it("marks a data table's header row as a repeating header, bold on a light shade", async () => {
    const { document } = await render(cambridgeshireDoc());
    const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const data = tables.find((x) => x.includes(">Action<"))!;
    const firstRow = data.match(/<w:tr>[\s\S]*?<\/w:tr>/)![0];
    expect(firstRow).toContain("<w:tblHeader/>");
    expect(firstRow).toContain('<w:shd w:fill="D9D9D9" w:color="auto" w:val="clear"/>');
    expect(firstRow).toContain('<w:pStyle w:val="TableHeading"/>');
    expect(data.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(data).toContain('<w:tblLayout w:type="fixed"/>');
    expect(data).toMatch(/<w:tblW w:type="dxa" w:w="9026"\/>/);
  });

  it("gives layout tables no header marking or header styling", async () => {
    const { document } = await render(cityOfLondonDoc());
    const layout = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)![0];
    expect(layout).toContain("Committee(s):");
    expect(layout).not.toContain("<w:tblHeader/>");
    expect(layout).not.toContain("TableHeading");
    expect(layout).not.toContain("D9D9D9");
  });

  it("shades RAG cells in their colour with readable text, and labels them with the word", async () => {
    const { document } = await render(cambridgeshireDoc());
    const words: Record<Rag, string> = { red: "Red", amber: "Amber", green: "Green", blue: "Blue" };
    for (const rag of ["red", "amber", "green", "blue"] as const) {
      const cellXml = document.match(new RegExp(`<w:tc><w:tcPr>(?:(?!</w:tc>).)*<w:shd w:fill="${RAG_FILL[rag]}"(?:(?!</w:tc>).)*</w:tc>`))?.[0];
      expect(cellXml, rag).toBeDefined();
      expect(cellXml).toContain(`<w:color w:val="${RAG_TEXT[rag]}"/>`);
      expect(cellXml).toContain(`>${words[rag]}</w:t>`);
    }
  });

  it("keeps RAG text at a contrast of at least 4.5:1", () => {
    for (const rag of ["red", "amber", "green", "blue"] as const) expect(contrast(RAG_FILL[rag], RAG_TEXT[rag]), rag).toBeGreaterThanOrEqual(4.5);
    // Black bold text on the header shade.
    expect(contrast("D9D9D9", "000000")).toBeGreaterThanOrEqual(4.5);
  });

  it("sizes columns to the page's text width: from the composer's widths, else from the text", async () => {
    const style = houseStyle();
    const width = textWidth(style);
    const ctx = { width, fontSize: style.fonts.table };
    const given: TableBlock = { type: "table", header: [cell("a"), cell("b")], rows: [], widths: [1, 3] };
    expect(columnWidths(given, 2, ctx)).toEqual([2256, 6770]);
    const plan = columnWidths(actionTable(40), 6, ctx);
    expect(plan.reduce((a, b) => a + b)).toBe(width);
    const [ref, action, owner, due, status, rag] = plan as [number, number, number, number, number, number];
    // The long action text gets the most room; short columns are still wide enough for their longest word.
    expect(action).toBeGreaterThan(Math.max(ref, owner, due, status, rag));
    // "Amber" in bold Arial at the table size, plus the cell's padding: the word is never broken.
    expect(rag).toBeGreaterThanOrEqual((measure("Amber", true).word / 1000) * style.fonts.table * 20 + 216);
    expect(ref).toBeLessThan(owner);
    const { document } = await render({ ...cambridgeshireDoc(), blocks: [actionTable(40)] });
    expect(document).toContain(`<w:tblGrid>${plan.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`);
    expect(document).toContain(`<w:tcW w:type="dxa" w:w="${action}"/>`);
  });

  it("pads short rows so every row has every column", async () => {
    const table: TableBlock = { type: "table", header: [cell("A"), cell("B"), cell("C")], rows: [[cell("only one")], []] };
    const { document } = await render({ ...cambridgeshireDoc(), blocks: [table] });
    for (const row of document.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!) expect(row.match(/<w:tc>/g)).toHaveLength(3);
  });

  it("renders a 2,000-row appendix with every row and cell", async () => {
    const { document } = await render({ ...cambridgeshireDoc(), blocks: [h(1, "Appendix A"), actionTable(2000)] });
    expect(document.match(/<w:tr>/g)).toHaveLength(2001);
    expect(document.match(/<w:tc>/g)).toHaveLength(2001 * 6);
  });
});

describe("header and footer", () => {
  it("puts the marking, centred and bold, in header and footer, and page numbers as PAGE and NUMPAGES fields", async () => {
    const { parts } = await render(cambridgeshireDoc());
    const header = part(parts, "word/header1.xml");
    const footer = part(parts, "word/footer1.xml");
    for (const xml of [header, footer]) expect(xml).toMatch(/<w:pStyle w:val="(Header|Footer)"\/>(?:(?!<\/w:p>).)*<w:b\/>(?:(?!<\/w:p>).)*>OFFICIAL<\/w:t>/);
    expect(part(parts, "word/styles.xml")).toMatch(/w:styleId="Header">(?:(?!<\/w:style>).)*<w:jc w:val="center"\/>/);
    expect(footer).toMatch(/>Page <\/w:t>(?:(?!<\/w:p>).)*<w:instrText xml:space="preserve">PAGE<\/w:instrText>(?:(?!<\/w:p>).)*> of <\/w:t>(?:(?!<\/w:p>).)*<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
  });

  it("follows the style: no header marking when the style says so, no page numbers when null, the strapline in the footer", async () => {
    const doc = cambridgeshireDoc();
    doc.style = houseStyle({ marking: { header: false, footer: true }, pageNumbers: null, strapline: "Creating a safer Cambridgeshire" });
    const { parts } = await render(doc);
    expect(parts.has("word/header1.xml")).toBe(false);
    const footer = part(parts, "word/footer1.xml");
    expect(footer).toContain(">Creating a safer Cambridgeshire</w:t>");
    expect(footer).toContain(">OFFICIAL</w:t>");
    expect(footer).not.toContain("PAGE");
  });

  it("does not print the strapline twice when the paper already has it as a paragraph", async () => {
    const doc = cambridgeshireDoc();
    doc.style = houseStyle({ strapline: "Creating a safer Cambridgeshire" });
    doc.blocks = [p("Creating a safer Cambridgeshire", undefined, "strapline"), ...doc.blocks];
    const { parts } = await render(doc);
    expect(part(parts, "word/footer1.xml")).not.toContain("Creating a safer");
  });

  it("leaves out the marking when the paper has none", async () => {
    const doc = cambridgeshireDoc();
    delete doc.meta.marking;
    const { parts } = await render(doc);
    expect(parts.has("word/header1.xml")).toBe(false);
    expect(part(parts, "word/footer1.xml")).not.toContain("OFFICIAL");
  });
});

describe("document properties and determinism", () => {
  it("writes title, subject, author, keywords, language and the paper's date as created and modified", async () => {
    const { parts } = await render(cambridgeshireDoc());
    const core = part(parts, "docProps/core.xml");
    expect(core).toContain("<dc:title>Domestic Abuse Governance – Update on Action Plan</dc:title>");
    expect(core).toContain("<dc:subject>Business Coordination Board</dc:subject>");
    expect(core).toContain("<dc:creator>Chief Constable</dc:creator>");
    expect(core).toContain("<cp:keywords>domestic abuse; action plan</cp:keywords>");
    expect(core).toContain("<dc:language>en-GB</dc:language>");
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2015-06-04T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2015-06-04T00:00:00Z</dcterms:modified>');
  });

  it("escapes properties for XML", async () => {
    const doc = cambridgeshireDoc();
    doc.meta.title = 'Risks & "issues" <draft>';
    const { parts } = await render(doc);
    expect(part(parts, "docProps/core.xml")).toContain("<dc:title>Risks &amp; &quot;issues&quot; &lt;draft&gt;</dc:title>");
  });

  it("gives byte-identical files for the same Doc, with zip entry times from the paper's date", async () => {
    const first = await renderDocx(cambridgeshireDoc());
    await renderDocx(cityOfLondonDoc()); // another paper in between leaves no trace (no shared counters)
    await new Promise((r) => setTimeout(r, 2100)); // past the zip format's two-second resolution
    const second = await renderDocx(cambridgeshireDoc());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(first);
    for (const file of Object.values(zip.files)) expect(file.date.getUTCFullYear()).toBe(2015);
  });

  it("takes its timestamps from SOURCE_DATE_EPOCH when set", async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = "1700000000";
    try {
      const { parts } = await render(cambridgeshireDoc());
      expect(part(parts, "docProps/core.xml")).toContain(">2023-11-14T22:13:20Z</dcterms:created>");
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it("has no random ids or clock times in any part", async () => {
    const { parts } = await render(cityOfLondonDoc());
    const all = [...parts.values()].join("\n");
    expect(all).not.toMatch(/w14:paraId|w:rsid/);
    expect(all).not.toContain(new Date().toISOString().slice(0, 10));
    expect([...all.matchAll(/Id="(rId[^"]+)"/g)].map((m) => m[1]).filter((id) => !/^rId(\d+|Link\d+)$/.test(id!))).toEqual([]);
  });
});

describe("house styles from templates/styles", () => {
  const dir = join(import.meta.dirname, "..", "..", "..", "templates", "styles");
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort() : [];
  if (files.length === 0) it.skip("no house styles in templates/styles yet", () => {});
  it.each(files)("renders a paper in %s", async (file) => {
    const style = HouseStyle.parse(parseYaml(readFileSync(join(dir, file), "utf8")));
    const doc = { ...cambridgeshireDoc(), style };
    const { parts } = await render(doc);
    expect(part(parts, "word/document.xml")).toContain('<w:pStyle w:val="Heading1"/>');
  });
});

function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b2] = [0, 2, 4].map((at) => {
      const c = parseInt(hex.slice(at, at + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
