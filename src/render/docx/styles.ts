// The ids of the paper's named styles (styles-xml.ts writes them), so a governance assistant
// restyles the paper in Word the way they always do: Word's built-in ones keep Word's own ids.
import type { ParagraphRole } from "../../compose/doc.js";

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
