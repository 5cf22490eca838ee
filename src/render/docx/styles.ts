// Named styles, so a governance assistant restyles the paper in Word the way they always do, and
// so the structure is real: Word's built-in Heading 1–3 (with outline levels, for the navigation
// pane, a table of contents and PDF bookmarks), Title, Body Text, List Paragraph, Header, Footer
// and Hyperlink, plus one named style per paragraph role. Every size comes from the house style;
// the font is the house style's family (Arial) everywhere; the language is en-GB.
import type { IParagraphStyleOptions, IRunStylePropertiesOptions, IStylesOptions } from "docx";
import type { ParagraphRole } from "../../compose/doc.js";
import type { HouseStyle } from "../../compose/house-style.js";
import { halfPoints } from "./units.js";

export const LANGUAGE = "en-GB";

/** Style ids, as Word writes them (the built-in ones are Word's own ids). */
export const STYLE = {
  normal: "Normal",
  body: "BodyText",
  title: "Title",
  org: "Organisation",
  label: "Label",
  strapline: "Strapline",
  small: "SmallPrint",
  headings: ["Heading1", "Heading2", "Heading3"],
  list: "ListParagraph",
  tableText: "TableText",
  tableHeading: "TableHeading",
  header: "Header",
  footer: "Footer",
  hyperlink: "Hyperlink",
} as const;

export function roleStyle(role: ParagraphRole): string {
  switch (role) {
    case "body":
      return STYLE.body;
    case "title":
      return STYLE.title;
    case "org":
      return STYLE.org;
    case "label":
      return STYLE.label;
    case "strapline":
      return STYLE.strapline;
    case "small":
      return STYLE.small;
  }
}

/** Paragraph spacing, in twips: room after body text, more above a heading than below it. */
const AFTER_BODY = 200;

export function stylesOptions(house: HouseStyle): IStylesOptions {
  const { fonts } = house;
  const font = fonts.family;
  const run = (pt: number, extra: IRunStylePropertiesOptions = {}): IRunStylePropertiesOptions => ({
    size: halfPoints(pt),
    ...extra,
  });
  const paragraph = (id: string, name: string, options: Omit<IParagraphStyleOptions, "id" | "name">): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: STYLE.normal,
    quickFormat: true,
    ...options,
  });
  // Headings keep with the paragraph after them and never split; outline levels 0–2 make them
  // the document's structure in Word's navigation pane and in the bookmarks of an exported PDF.
  const heading = (pt: number, outlineLevel: number, before: number, extra: IRunStylePropertiesOptions = {}) => ({
    next: STYLE.body,
    run: run(pt, { bold: true, color: "000000", ...extra }),
    paragraph: { outlineLevel, keepNext: true, keepLines: true, spacing: { before, after: 120 } },
  });

  return {
    default: {
      document: {
        // Every slot of rFonts, so no character falls back to the theme's Calibri or Aptos.
        run: {
          font: { ascii: font, hAnsi: font, cs: font, eastAsia: font },
          size: halfPoints(fonts.body),
          language: { value: LANGUAGE, eastAsia: LANGUAGE, bidirectional: LANGUAGE },
        },
        // Single line spacing, said outright: LibreOffice reads a bare w:line as an exact height.
        paragraph: { spacing: { after: 0, line: 240, lineRule: "auto" } },
      },
      title: {
        run: run(fonts.title, { bold: house.title.bold, allCaps: house.title.uppercase, color: "000000" }),
        paragraph: { keepNext: true, spacing: { before: 240, after: 240 } },
      },
      heading1: heading(fonts.heading1, 0, 240),
      heading2: heading(fonts.heading2, 1, 200),
      heading3: heading(fonts.heading3, 2, 160, { italics: true }),
      listParagraph: { run: run(fonts.body), paragraph: { spacing: { after: 120 } } },
    },
    paragraphStyles: [
      paragraph(STYLE.normal, "Normal", {
        basedOn: undefined,
        run: { font, size: halfPoints(fonts.body), language: { value: LANGUAGE } },
      }),
      paragraph(STYLE.body, "Body Text", { next: STYLE.body, run: run(fonts.body), paragraph: { spacing: { after: AFTER_BODY } } }),
      paragraph(STYLE.org, "Organisation", { run: run(fonts.org, { bold: true }), paragraph: { spacing: { after: 240 } } }),
      paragraph(STYLE.label, "Label", { next: STYLE.label, run: run(fonts.body), paragraph: { spacing: { after: 120 } } }),
      paragraph(STYLE.strapline, "Strapline", { run: run(fonts.body, { italics: true }), paragraph: { spacing: { after: 120 } } }),
      paragraph(STYLE.small, "Small Print", { run: run(fonts.small), paragraph: { spacing: { after: 80 } } }),
      paragraph(STYLE.tableText, "Table Text", { run: run(fonts.table), paragraph: { spacing: { before: 40, after: 40 } } }),
      paragraph(STYLE.tableHeading, "Table Heading", {
        basedOn: STYLE.tableText,
        run: run(fonts.table, { bold: true }),
        paragraph: { keepNext: true, spacing: { before: 40, after: 40 } },
      }),
      paragraph(STYLE.header, "header", { quickFormat: false, run: run(fonts.small), paragraph: { alignment: "center" } }),
      paragraph(STYLE.footer, "footer", { quickFormat: false, run: run(fonts.small), paragraph: { alignment: "center" } }),
    ],
    characterStyles: [
      // Word's own link colour, 0563C1: 5.9:1 on white, and underlined, so not colour alone.
      { id: STYLE.hyperlink, name: "Hyperlink", basedOn: "DefaultParagraphFont", uiPriority: 99, unhideWhenUsed: true, run: { color: "0563C1", underline: { type: "single" } } },
    ],
  };
}
