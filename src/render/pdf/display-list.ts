// What gets drawn, as plain data: positions in points from the left edge of the page and from
// the TOP of whatever holds the item (a chunk, then a page). draw.ts turns it into PDF operators.
import type { Rgb } from "./colour.js";
import type { Face } from "./fonts.js";
import type { StructNode } from "./structure.js";

export interface TextItem {
  kind: "text";
  x: number;
  /** The baseline. */
  y: number;
  text: string;
  face: Face;
  size: number;
  colour: Rgb;
  /** The structure element the text belongs to; none: an artifact (header, footer). */
  tag?: StructNode;
  /** Link text: drawn inside a Link element of its own, under `tag`. */
  link?: true;
}

export interface RectItem {
  kind: "rect";
  x: number;
  y: number;
  w: number;
  h: number;
  fill: Rgb;
}

export interface RuleItem {
  kind: "rule";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  colour: Rgb;
}

/** A clickable area that opens `uri`; `text` is what the area says (the annotation's /Contents). */
export interface LinkItem {
  kind: "link";
  x: number;
  y: number;
  w: number;
  h: number;
  uri: string;
  text: string;
}

/** A picture (a force's crest from its Word template, or the style's logo), `y` its top; `name` its media name. */
export interface ImageItem {
  kind: "image";
  x: number;
  y: number;
  w: number;
  h: number;
  name: string;
  /** The Figure element it is (the logo, with its alt text); none: an artifact (a template's header crest). */
  tag?: StructNode;
}

/** Where a heading starts, for the bookmarks. */
export interface AnchorItem {
  kind: "anchor";
  x: number;
  y: number;
  level: number;
  title: string;
}

export type Item = TextItem | RectItem | RuleItem | LinkItem | AnchorItem | ImageItem;
