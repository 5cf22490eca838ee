// Word measures in twips (1/20 pt) and half-points; the house style in centimetres and points.
import type { HouseStyle } from "../../compose/house-style.js";
import type { PageSetup, WordTemplate } from "../../model/word-template.js";

export const TWIPS_PER_CM = 1440 / 2.54;

/** A4 in twips, as Word writes it. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Numbered headings and paragraphs: number at the margin, text 1.27 cm in (Word's default tab) at least. */
export const NUMBER_HANGING = 720;
/** Each list level indents its text one step further than the text it belongs to. */
export const LIST_STEP = 720;
/** How far a list marker hangs left of the item's text: a bullet needs little, "viii)" more. */
export const LIST_HANGING = { bullet: 360, ordered: 720 } as const;

/** Space after a body paragraph (Body Text's), and after a list's last item: 10 pt. */
export const BODY_SPACE_AFTER = 200;

export function cmToTwips(cm: number): number {
  return Math.round(cm * TWIPS_PER_CM);
}

/** docx takes font sizes in half-points. */
export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** The page in twips: the Word template's when there is one, else the house style's (A4 unless it says). */
export function pageSetup(style: HouseStyle, template?: WordTemplate): PageSetup {
  if (template) return template.page;
  const { margins } = style.page;
  const width = style.page.width === undefined ? A4.width : cmToTwips(style.page.width);
  const height = style.page.height === undefined ? A4.height : cmToTwips(style.page.height);
  return {
    width,
    height,
    landscape: width > height,
    margins: {
      top: cmToTwips(margins.top),
      right: cmToTwips(margins.right),
      bottom: cmToTwips(margins.bottom),
      left: cmToTwips(margins.left),
      header: HEADER_DISTANCE,
      footer: HEADER_DISTANCE,
      gutter: 0,
    },
  };
}

/** The width between the margins, which tables fill. */
export function textWidth(style: HouseStyle, template?: WordTemplate): number {
  const page = pageSetup(style, template);
  return page.width - page.margins.left - page.margins.right - page.margins.gutter;
}

/** Where header and footer sit: 1.25 cm from the page edge, Word's default. */
export const HEADER_DISTANCE = 709;
