// word/styles.xml: named styles, so a governance assistant restyles the paper in Word the way
// they always do, and so the structure is real. The document defaults (the house font in every
// rFonts slot, en-GB), Word's built-in styles — Title, Heading 1–3 with outline levels (for the
// navigation pane, a table of contents and PDF bookmarks), List Paragraph, Header, Footer,
// Hyperlink — then one named style per paragraph role. Only the house style's font and sizes,
// and whether the title is bold and in capitals, vary from paper to paper. Checked against the
// golden parts (test/papers.test.ts), the ECMA-376 rules Word and LibreOffice apply, and by
// python-docx and LibreOffice reading the styles back (test/render/docx/real-clients.test.ts).
import type { HouseStyle } from "../../compose/house-style.js";
import { LANGUAGE } from "./styles.js";
import { BODY_SPACE_AFTER, halfPoints } from "./units.js";
import { XML_DECLARATION_STANDALONE } from "./word-namespaces.js";
import { escapeXml } from "./xml-escape.js";

const NAMESPACES =
  'mc:Ignorable="w14 w15" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"';

const BOLD = "<w:b/><w:bCs/>";
const ITALIC = "<w:i/><w:iCs/>";
const BLACK = '<w:color w:val="000000"/>';
const HIDDEN = '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>';

/** A font size, in half-points as Word keeps it, for Latin and complex scripts alike. */
const size = (pt: number) => `<w:sz w:val="${halfPoints(pt)}"/><w:szCs w:val="${halfPoints(pt)}"/>`;
/** A toggle said outright, on or off. */
const toggle = (name: string, on: boolean) => (on ? `<w:${name}/>` : `<w:${name} w:val="false"/>`);

const style = (type: "paragraph" | "character", id: string, body: string) => `<w:style w:type="${type}" w:styleId="${id}">${body}</w:style>`;
const named = (name: string, basedOn: string) => `<w:name w:val="${name}"/><w:basedOn w:val="${basedOn}"/>`;

/** Heading 1–3: bold black, kept with the next paragraph, outline levels 0–2. */
const heading = (level: number, pt: number, before: number, italic = false) =>
  style(
    "paragraph",
    `Heading${level}`,
    `${named(`Heading ${level}`, "Normal")}<w:next w:val="BodyText"/><w:qFormat/>` +
      `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:after="120" w:before="${before}"/><w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
      `<w:rPr>${BOLD}${italic ? ITALIC : ""}${BLACK}${size(pt)}</w:rPr>`,
  );

/** One of our paragraph styles, based on Normal unless said otherwise. */
const ours = (id: string, name: string, options: { next?: string; basedOn?: string; quickFormat?: boolean; pPr: string; rPr: string }) =>
  style(
    "paragraph",
    id,
    named(name, options.basedOn ?? "Normal") +
      (options.next ? `<w:next w:val="${options.next}"/>` : "") +
      (options.quickFormat === false ? '<w:qFormat w:val="false"/>' : "<w:qFormat/>") +
      `<w:pPr>${options.pPr}</w:pPr><w:rPr>${options.rPr}</w:rPr>`,
  );

const after = (twips: number) => `<w:spacing w:after="${twips}"/>`;
const TABLE_SPACING = '<w:spacing w:after="40" w:before="40"/>';
const CENTRED = '<w:jc w:val="center"/>';

/**
 * The table of contents levels docx defines, as Word would add them: each indented by the size
 * of the document's font more than the level above (12 pt → 240 twips).
 */
const tableOfContents = (bodyPt: number) =>
  Array.from({ length: 9 }, (_, i) =>
    style(
      "paragraph",
      `TOC${i + 1}`,
      `${named(`toc ${i + 1}`, "Normal")}<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:semiHidden/><w:unhideWhenUsed/>` +
        `<w:pPr>${after(100)}${i > 0 ? `<w:ind w:left="${i * halfPoints(bodyPt) * 10}"/>` : ""}</w:pPr>`,
    ),
  ).join("");

/** Footnote or endnote: the reference mark's style, the note text's, and its linked character style. */
const notes = (kind: "Footnote" | "Endnote") => {
  const lower = kind.toLowerCase();
  const small = `<w:rPr>${size(10)}</w:rPr>`;
  return (
    style("character", `${kind}Reference`, `${named(`${lower} reference`, "DefaultParagraphFont")}${HIDDEN}<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>`) +
    style("paragraph", `${kind}Text`, `${named(`${lower} text`, "Normal")}<w:link w:val="${kind}TextChar"/>${HIDDEN}<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>${small}`) +
    style("character", `${kind}TextChar`, `${named(`${kind} Text Char`, "DefaultParagraphFont")}<w:link w:val="${kind}Text"/>${HIDDEN}${small}`)
  );
};

export function stylesXml(house: HouseStyle): string {
  const { fonts } = house;
  const font = escapeXml(fonts.family);
  const rFonts = `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>`;
  const body = size(fonts.body);
  return (
    `${XML_DECLARATION_STANDALONE}<w:styles ${NAMESPACES}>` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${rFonts}${body}<w:lang w:val="${LANGUAGE}" w:eastAsia="${LANGUAGE}" w:bidi="${LANGUAGE}"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    // docx's built-in styles, ours among them.
    '<w:style w:type="table" w:styleId="TableNormal" w:default="true"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:type="dxa" w:w="0"/><w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="108"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="108"/></w:tblCellMar></w:tblPr></w:style>' +
    style(
      "paragraph",
      "Title",
      `${named("Title", "Normal")}<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="240" w:before="240"/></w:pPr>` +
        `<w:rPr>${toggle("b", house.title.bold)}${toggle("bCs", house.title.bold)}${toggle("caps", house.title.uppercase)}${BLACK}${size(fonts.title)}</w:rPr>`,
    ) +
    heading(1, fonts.heading1, 240) +
    heading(2, fonts.heading2, 200) +
    heading(3, fonts.heading3, 160, true) +
    style("paragraph", "Heading4", `${named("Heading 4", "Normal")}<w:next w:val="Normal"/><w:qFormat/><w:rPr>${ITALIC}<w:color w:val="2E74B5"/></w:rPr>`) +
    style("paragraph", "Heading5", `${named("Heading 5", "Normal")}<w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="2E74B5"/></w:rPr>`) +
    style("paragraph", "Heading6", `${named("Heading 6", "Normal")}<w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="1F4D78"/></w:rPr>`) +
    style("paragraph", "Strong", `${named("Strong", "Normal")}<w:next w:val="Normal"/><w:qFormat/><w:rPr>${BOLD}</w:rPr>`) +
    style("paragraph", "ListParagraph", `${named("List Paragraph", "Normal")}<w:qFormat/><w:pPr>${after(120)}</w:pPr><w:rPr>${body}</w:rPr>`) +
    style(
      "paragraph",
      "Caption",
      `${named("caption", "Normal")}<w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:semiHidden/><w:unhideWhenUsed/><w:qFormat/>` +
        `<w:pPr>${after(200)}</w:pPr><w:rPr>${ITALIC}<w:color w:val="44546A" w:themeColor="dark2"/>${size(9)}</w:rPr>`,
    ) +
    style("paragraph", "Bibliography", `${named("Bibliography", "Normal")}<w:next w:val="Normal"/><w:uiPriority w:val="37"/><w:unhideWhenUsed/>`) +
    tableOfContents(fonts.body) +
    notes("Footnote") +
    notes("Endnote") +
    style("character", "LineNumber", `${named("line number", "DefaultParagraphFont")}${HIDDEN}`) +
    // Our paragraph styles (styles.ts's paragraphStyles).
    `<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/><w:rPr>${rFonts}${body}<w:lang w:val="${LANGUAGE}"/></w:rPr></w:style>` +
    ours("BodyText", "Body Text", { next: "BodyText", pPr: after(BODY_SPACE_AFTER), rPr: body }) +
    ours("Organisation", "Organisation", { pPr: after(240), rPr: BOLD + size(fonts.org) }) +
    ours("Label", "Label", { next: "Label", pPr: after(120), rPr: body }) +
    ours("Strapline", "Strapline", { pPr: after(120), rPr: ITALIC + body }) +
    ours("SmallPrint", "Small Print", { pPr: after(80), rPr: size(fonts.small) }) +
    ours("TableText", "Table Text", { pPr: TABLE_SPACING, rPr: size(fonts.table) }) +
    ours("TableHeading", "Table Heading", { basedOn: "TableText", pPr: `<w:keepNext/>${TABLE_SPACING}`, rPr: BOLD + size(fonts.table) }) +
    ours("Header", "header", { quickFormat: false, pPr: CENTRED, rPr: size(fonts.small) }) +
    ours("Footer", "footer", { quickFormat: false, pPr: CENTRED, rPr: size(fonts.small) }) +
    // …and our character style.
    style("character", "Hyperlink", `${named("Hyperlink", "DefaultParagraphFont")}<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>`) +
    "</w:styles>"
  );
}
