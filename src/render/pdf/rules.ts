// The layout rules in one place: spacing, indents and looks. The numbers are the DOCX writer's
// (src/render/docx/styles.ts, units.ts, tables.ts), so the two formats look alike: single
// spacing, 10pt after body text, numbers hanging at Word's default 1.27 cm tab.
import type { HouseStyle, TextLook } from "../../compose/house-style.js";
import type { ParagraphRole } from "../../compose/doc.js";
import type { Rag } from "../../model/schema.js";
import { RAG_FILL as RAG_FILL_HEX, RAG_TEXT as RAG_TEXT_HEX } from "../rag-colours.js";
import { hexColour, type Rgb } from "./colour.js";
import { embeddedFamily, type FontFamily } from "./fonts.js";

/** Where text starts after a paragraph or heading number: 1.27 cm, Word's default tab stop. */
export const HANGING_INDENT = 36;
/** The least room between a number or list marker and the text after it. */
export const LABEL_GAP = 6;
/** A list's text starts 1.27 cm in from the text it belongs to; its marker hangs left of that. */
export const LIST_STEP = 36;
export const LIST_HANGING = { bullet: 18, ordered: 36 } as const;
/** Bullets by nesting depth, alternating. */
export const BULLETS = ["\u2022", "\u2013"] as const;

/** A superscript run ("12<sup>th</sup>"): its size and how far its baseline is raised, as fractions of the text's size (Word's and LibreOffice's 58% and 33%). */
export const SUPERSCRIPT = { size: 0.58, rise: 0.33 } as const;

/** Word's Hyperlink colour; links are also underlined, so colour is not the only cue. */
export const LINK_COLOUR: Rgb = hexColour("0563C1");
/** Underline position and thickness below the baseline, as fractions of the size (Arimo's post table). */
export const UNDERLINE_OFFSET = 0.106;
export const UNDERLINE_THICKNESS = 0.073;

/** Table cells: Word's default 0.19 cm side margins; 1.4pt cell margin + 2pt paragraph spacing above and below. */
export const CELL_PAD_X = 5.4;
export const CELL_PAD_Y = 3.4;
export const BORDER_WIDTH = 0.5;
export const BORDER_COLOUR: Rgb = hexColour("808080");
/** Header rows: "White, Background 1, Darker 15%"; black bold text on it is 14.5:1. */
export const HEADER_SHADE: Rgb = hexColour("D9D9D9");
/** One palette for every writer (src/render/rag-colours.ts); RAG labels are bold. */
export const RAG_FILL = mapRag(RAG_FILL_HEX);
export const RAG_TEXT = mapRag(RAG_TEXT_HEX);

function mapRag(hex: Record<Rag, string>): Record<Rag, Rgb> {
  return { red: hexColour(hex.red), amber: hexColour(hex.amber), green: hexColour(hex.green), blue: hexColour(hex.blue) };
}

export interface Look {
  size: number;
  bold: boolean;
  italic: boolean;
  uppercase: boolean;
  before: number;
  after: number;
  /** The embedded family drawing the style's Word font. */
  family: FontFamily;
  /** Black unless a force's template colours the title or headings. */
  colour?: Rgb;
}

export function paragraphLook(role: ParagraphRole, style: HouseStyle): Look {
  const f = style.fonts;
  const body: Look = { size: f.body, bold: false, italic: false, uppercase: false, before: 0, after: 10, family: embeddedFamily(f.family).family };
  switch (role) {
    case "org":
      return { ...body, size: f.org, bold: true, after: 12 };
    case "title":
      return withLook({ ...body, size: f.title, bold: style.title.bold, uppercase: style.title.uppercase, before: 12, after: 12 }, style.looks?.title);
    case "strapline":
      return { ...body, italic: true, after: 6 };
    case "small":
      return { ...body, size: f.small, after: 4 };
    case "label":
      return { ...body, after: 6 };
    case "body":
      return body;
  }
}

export function headingLook(level: 1 | 2 | 3, style: HouseStyle): Look {
  const f = style.fonts;
  const size = level === 1 ? f.heading1 : level === 2 ? f.heading2 : f.heading3;
  const before = level === 1 ? 12 : level === 2 ? 10 : 8;
  const look: Look = { size, bold: true, italic: level === 3, uppercase: false, before, after: 6, family: embeddedFamily(f.family).family };
  return withLook(look, style.looks?.[`heading${level}`]);
}

/** A look the house style (or the force's template it came from) gives the title or a heading. */
function withLook(look: Look, own: TextLook | undefined): Look {
  if (!own) return look;
  return {
    ...look,
    ...(own.family !== undefined ? { family: embeddedFamily(own.family).family } : {}),
    ...(own.bold !== undefined ? { bold: own.bold } : {}),
    ...(own.italic !== undefined ? { italic: own.italic } : {}),
    ...(own.colour !== undefined ? { colour: hexColour(own.colour) } : {}),
  };
}

/** Space after a paragraph inside a list item. */
export const LIST_ITEM_AFTER = 6;

/** Space between paragraphs inside a table cell (2pt after one, 2pt before the next). */
export const CELL_PARAGRAPH_GAP = 4;
