// The document tree every paper becomes before it is written: compose builds it from the
// spec's Markdown; the DOCX and PDF writers both walk it, so a paper says the same thing in
// both formats. Plain JSON (like mdast): nodes are data, writers are functions over them.
import type { Rag } from "../model/schema.js";
import type { TemplateMedia, WordTemplate } from "../model/word-template.js";
import type { HouseStyle } from "./house-style.js";

/** A stretch of text with one look. A link is a run with an address. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
  /** A line break inside the paragraph, after this run's text. */
  breakAfter?: boolean;
  /** Smaller and raised: the "th" of "12th January 2015" in a style that writes ordinals so (Lancashire). */
  superscript?: boolean;
  /** Never broken across lines, at its hyphen or anywhere: a date written with a hyphen ("Mar-17"). */
  noBreak?: boolean;
}

/** How a paragraph is meant to look; the house style maps each role to fonts and spacing. */
export type ParagraphRole =
  | "body"
  /** The organisation's name block at the top ("Cambridgeshire / Police & Crime / Commissioner"). */
  | "org"
  /** The paper's title (bold capitals in Cambridgeshire papers). */
  | "title"
  /** A header label line: "To: Business Coordination Board". */
  | "label"
  /** The style's strapline ("Creating a safer Cambridgeshire"). */
  | "strapline"
  /** Small print: contacts, notes under tables. */
  | "small";

export interface HeadingBlock {
  type: "heading";
  /** 1 = a section ("1. Purpose"), 2 = a sub-section, 3 = below that. Maps to Word's Heading 1–3. */
  level: 1 | 2 | 3;
  runs: Run[];
  /**
   * The label the style's numbering gives this heading ("1.", "I"), computed once in compose so
   * both writers agree; the DOCX writer produces it with Word numbering, not typed text.
   */
  number?: string;
  /** The block's language when it is not the paper's (BCP 47, "cy" for Welsh): <!-- lang: cy -->. */
  lang?: string;
}

export interface ParagraphBlock {
  type: "paragraph";
  runs: Run[];
  role: ParagraphRole;
  /** "1.1" (per-section numbering) or "12" (continuous); absent when the paragraph is not numbered. */
  number?: string;
  align?: "left" | "center" | "right";
  /**
   * Kept on the same page as the start of the block after it ("Recommendation 3: …" with its
   * "Response: …", a lead-in "…the following:" with its list, an objective "ii) …" with the
   * paragraph that answers it): Word's keepNext; the PDF layout moves them to the next page
   * together, however long the chain. Headings are always kept with what follows, without this.
   */
  keepWithNext?: boolean;
  /** The block's language when it is not the paper's (BCP 47, "cy" for Welsh): <!-- lang: cy -->. */
  lang?: string;
}

/** List markers forces use: bullets, 1. 2., i) ii), a) b), A) B). */
export type ListKind = "bullet" | "decimal" | "roman-paren" | "alpha-paren" | "upper-alpha-paren";

export interface ListBlock {
  type: "list";
  kind: ListKind;
  /** The first item's number for ordered lists (1 unless the list continues an earlier one). */
  start: number;
  items: ListItem[];
  /**
   * Indented under the text of the paper's numbered paragraphs (their hanging indent) rather than
   * under the margin: a list after a numbered paragraph, or anywhere in the numbered part of a
   * paper, so City of London's objectives i), ii) share one indent in every area.
   * A list is followed by a paragraph's space after its last item, in every writer.
   */
  underNumberedText?: boolean;
  /** The block's language when it is not the paper's (BCP 47, "cy" for Welsh): <!-- lang: cy -->. */
  lang?: string;
}

export interface ListItem {
  /** Usually one paragraph; a nested list follows it when the item has sub-items. */
  blocks: Block[];
}

export interface TableCell {
  /** Paragraphs in the cell, each a list of runs. */
  paragraphs: Run[][];
  /** A RAG cell: shaded in its colour and labelled with its word (never colour alone). */
  rag?: Rag;
  align?: "left" | "center" | "right";
}

export interface TableBlock {
  type: "table";
  /** The header row, repeated at the top of every page the table runs onto. */
  header: TableCell[];
  rows: TableCell[][];
  /** Relative column widths (any scale), when the composer knows better than the writer. */
  widths?: number[];
  /** "layout" tables (the City of London header block, a contacts table) get no header styling. */
  role?: "data" | "layout";
  /** The block's language when it is not the paper's (BCP 47, "cy" for Welsh): <!-- lang: cy -->. */
  lang?: string;
}

export interface PageBreakBlock {
  type: "pageBreak";
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | PageBreakBlock;

export interface DocMeta {
  /** Document title (Word's Title property, the PDF's /Title). */
  title: string;
  subject?: string;
  author?: string;
  keywords?: string[];
  /** Always en-GB for our papers; set on the document and its styles. */
  language: "en-GB";
  /** Protective marking in header and footer ("OFFICIAL"), or none. */
  marking?: string;
  /** The paper's date (YYYY-MM-DD); document timestamps come from SOURCE_DATE_EPOCH or this. */
  date: string;
}

/**
 * The organisation's logo or crest (a house style's or spec's `logo:`), drawn at the top of the
 * first page, on the right, as seed papers carry the force's crest above the header block.
 */
export interface Logo {
  /** The picture, named as it goes into word/media/ ("logo.png"). */
  media: TemplateMedia & { format: "png" | "jpeg" };
  /** Drawn size in points. */
  width: number;
  height: number;
  /** Its text alternative: the organisation's name. */
  alt: string;
}

export interface Doc {
  meta: DocMeta;
  style: HouseStyle;
  blocks: Block[];
  logo?: Logo;
  /**
   * The force's own Word template (--reference-doc, a style's `reference:`): its styles, page
   * set-up and headers/footers replace the house style's look in Word and PDF alike.
   */
  template?: WordTemplate;
}
