// Display items → a page's content stream, written as PDF operators directly (one string per
// page; pdf-lib's operator objects cost more than the text they hold on a 400-page appendix).
// Layout measures from the top of the page; PDF's y axis runs up from the bottom.
import type { Rgb } from "./colour.js";
import type { AnchorItem, Item, LinkItem } from "./display-list.js";
import type { Face } from "./fonts.js";
import type { Furniture } from "./furniture.js";
import type { Page } from "./paginate.js";

export interface FontResources {
  /** Resource name on the page ("F1"). */
  name: (face: Face) => string;
  /** Text → the body of a literal string of the font's glyph codes (Identity-H, two bytes a glyph). */
  encode: (face: Face, text: string) => string;
}

export interface DrawnPage {
  content: string;
  faces: Set<Face>;
  /** Positions from the page's top-left, like the items. */
  links: LinkItem[];
  anchors: AnchorItem[];
}

/** Every face a set of pages draws with (embedded before drawing, so unused faces are not). */
export function facesUsed(pages: readonly Page[], furniture: readonly Furniture[]): Set<Face> {
  const faces = new Set<Face>();
  const visit = (item: Item) => {
    if (item.kind === "text") faces.add(item.face);
  };
  for (const page of pages) for (const p of page.placed) p.chunk.items.forEach(visit);
  for (const f of furniture) [...f.head, ...f.foot].forEach(visit);
  return faces;
}

/** Content order is reading order for tools without tags: page head, body, page foot. */
export function drawPage(page: Page, furniture: Furniture, top: number, pageHeight: number, fonts: FontResources): DrawnPage {
  const ops: string[] = [];
  const faces = new Set<Face>();
  const links: LinkItem[] = [];
  const anchors: AnchorItem[] = [];
  let fill = "0 0 0";
  let stroke = "0 0 0";
  let lineWidth = "";
  const setFill = (c: Rgb) => {
    const v = colour(c);
    if (v !== fill) ops.push(`${v} rg`);
    fill = v;
  };

  const draw = (item: Item, dy: number) => {
    switch (item.kind) {
      case "text": {
        if (item.text === "") return;
        faces.add(item.face);
        setFill(item.colour);
        ops.push(`BT /${fonts.name(item.face)} ${num(item.size)} Tf ${num(item.x)} ${num(pageHeight - dy - item.y)} Td (${fonts.encode(item.face, item.text)}) Tj ET`);
        return;
      }
      case "rect":
        setFill(item.fill);
        ops.push(`${num(item.x)} ${num(pageHeight - dy - item.y - item.h)} ${num(item.w)} ${num(item.h)} re f`);
        return;
      case "rule": {
        const c = colour(item.colour);
        if (c !== stroke) ops.push(`${c} RG`);
        stroke = c;
        const w = num(item.width);
        if (w !== lineWidth) ops.push(`${w} w`);
        lineWidth = w;
        ops.push(`${num(item.x1)} ${num(pageHeight - dy - item.y1)} m ${num(item.x2)} ${num(pageHeight - dy - item.y2)} l S`);
        return;
      }
      case "link":
        links.push({ ...item, y: item.y + dy });
        return;
      case "anchor":
        anchors.push({ ...item, y: item.y + dy });
        return;
    }
  };

  for (const item of furniture.head) draw(item, 0);
  for (const placed of page.placed) {
    const dy = top + placed.top;
    for (const item of placed.chunk.items) draw(item, dy);
  }
  for (const item of furniture.foot) draw(item, 0);
  ops.push("");
  return { content: ops.join("\n"), faces, links, anchors };
}

/** A number as PDF writes it: at most two decimals, never exponent notation or -0. */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? "0" : String(r);
}

/** Colour operands, by colour: a paper uses a handful of colours, each for thousands of items. */
const colourOperands = new WeakMap<Rgb, string>();

function colour(c: Rgb): string {
  let operands = colourOperands.get(c);
  if (operands === undefined) {
    operands = `${num3(c[0])} ${num3(c[1])} ${num3(c[2])}`;
    colourOperands.set(c, operands);
  }
  return operands;
}

function num3(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return r === 0 ? "0" : String(r);
}
