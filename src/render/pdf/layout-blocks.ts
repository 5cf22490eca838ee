// The Doc's blocks → chunks, top to bottom. Headings and paragraphs become one chunk per line
// (so a page can break between lines), with keep-with-next on heading lines and on the lines
// that widow/orphan control holds together; numbers hang in the margin of their text.
// Each block also becomes its structure element (structure.ts), its text items tagged with it.
import type { Block, Doc, HeadingBlock, ListBlock, ListItem, ListKind, Logo, ParagraphBlock } from "../../compose/doc.js";
import type { HouseStyle } from "../../compose/house-style.js";
import type { Chunk, Frame } from "./chunk.js";
import type { Item } from "./display-list.js";
import { BLACK } from "./colour.js";
import { type Face, faceFor } from "./fonts.js";
import { breakSpans } from "./break-spans.js";
import type { Line } from "./line-break.js";
import { lineBox, lineItems } from "./line-items.js";
import { fontText, metricsFor, textWidth } from "./measure.js";
import {
  BULLETS,
  HANGING_INDENT,
  LABEL_GAP,
  LIST_HANGING,
  LIST_ITEM_AFTER,
  LIST_STEP,
  headingLook,
  paragraphLook,
  type Look,
} from "./rules.js";
import { plainText, runsToSpans } from "./spans.js";
import { addElement, headingType, type ListNumbering, type StructNode, structNode } from "./structure.js";
import { tableChunkStream } from "./tables.js";

interface Context {
  style: HouseStyle;
  /** Inside a list item: paragraphs sit close together. */
  inList: boolean;
  listDepth: number;
  /** The element the block's element goes in. */
  parent: StructNode;
}

/**
 * The chunks a chunk at a time, as render-pdf.ts takes them: a long paper is laid out as it is
 * paginated and drawn, never held in memory whole.
 */
export function* documentChunks(doc: Doc, frame: Frame, structure: StructNode = structNode("Document")): Generator<Chunk> {
  const ctx: Context = { style: doc.style, inList: false, listDepth: 0, parent: structure };
  // A list compose placed under the numbered paragraphs is indented from their text, as the
  // bullets inside Cambridgeshire's numbered paragraphs and City of London's objectives are:
  // the text of the numbered paragraph before it, else the hanging indent.
  const state = { numberedTextX: frame.x + HANGING_INDENT };
  if (doc.logo) yield logoChunk(doc.logo, frame, structure);
  for (const block of doc.blocks) yield* topLevelChunks(block, frame, ctx, structure, state);
}

/** A block of the paper itself (not inside a list); kept out of the generator above for the reason given at itemChunks. */
function topLevelChunks(block: Block, frame: Frame, ctx: Context, structure: StructNode, state: { numberedTextX: number }): Iterable<Chunk> {
  // A section runs from one top-level heading to the next; what comes before the first (the
  // paper's header block) sits in the Document itself.
  if (block.type === "heading" && block.level === 1) ctx.parent = addElement(structure, "Sect");
  if (block.type === "list" && block.underNumberedText) {
    const x = state.numberedTextX;
    return listChunks(block, { x, width: frame.x + frame.width - x }, ctx);
  }
  const out = blockChunks(block, frame, ctx);
  if (block.type === "paragraph" && block.number !== undefined && out.textX !== undefined) state.numberedTextX = out.textX;
  return out.chunks;
}

/** The logo at the top of the first page, on the right: a Figure with its alt text. */
function logoChunk(logo: Logo, frame: Frame, structure: StructNode): Chunk {
  const element = addElement(structure, "Figure", { alt: logo.alt });
  const image: Item = { kind: "image", x: frame.x + frame.width - logo.width, y: 0, w: logo.width, h: logo.height, name: logo.media.name, tag: element };
  return { height: logo.height, items: [image], spaceBefore: 0, spaceAfter: LOGO_AFTER };
}

/** Space under the logo: 12 pt, as the Word paper's paragraph after it. */
const LOGO_AFTER = 12;

interface BlockOut {
  chunks: Iterable<Chunk>;
  /** Where the block's text starts (numbered paragraphs). */
  textX?: number;
}

function blockChunks(block: Block, frame: Frame, ctx: Context): BlockOut {
  switch (block.type) {
    case "heading":
      return headingChunks(block, frame, ctx);
    case "paragraph":
      return paragraphChunks(block, frame, ctx);
    case "list":
      return { chunks: listChunks(block, frame, ctx) };
    case "table":
      return { chunks: tableChunkStream(block, frame, ctx.style, ctx.parent) };
    case "pageBreak":
      return { chunks: [{ height: 0, items: [], spaceBefore: 0, spaceAfter: 0, pageBreak: true }] };
  }
}

function headingChunks(block: HeadingBlock, frame: Frame, ctx: Context): TextOut {
  const look = headingLook(block.level, ctx.style);
  // The heading's number is part of its text ("1. Purpose"), as a screen reader should say it.
  const element = addElement(ctx.parent, headingType(block.level), langOf(block));
  const out = numberedText(block.runs, block.number, look, frame, undefined, true, element, element);
  const title = [block.number, plainText(block.runs)].filter((s) => s !== undefined && s !== "").join(" ");
  out.chunks[0]?.items.unshift({ kind: "anchor", x: frame.x, y: 0, level: block.level, title });
  return out;
}

interface TextOut extends BlockOut {
  chunks: Chunk[];
}

function paragraphChunks(block: ParagraphBlock, frame: Frame, ctx: Context): TextOut {
  const look = paragraphLook(block.role, ctx.style);
  if (ctx.inList) look.after = LIST_ITEM_AFTER;
  const element = addElement(ctx.parent, "P", langOf(block));
  const label = block.number !== undefined && block.number !== "" ? addElement(element, "Lbl") : element;
  return numberedText(block.runs, block.number, look, frame, block.align, block.keepWithNext === true, element, label);
}

/**
 * A paragraph or heading: its number (if any) at the frame's left edge, text hanging after it;
 * the text tagged with `element`, the number with `labelElement`.
 */
function numberedText(
  runs: ParagraphBlock["runs"],
  number: string | undefined,
  look: Look,
  frame: Frame,
  align: ParagraphBlock["align"],
  heading: boolean,
  element: StructNode,
  labelElement: StructNode,
): TextOut {
  let textX = frame.x;
  let label: Item | null = null;
  if (number !== undefined && number !== "") {
    const face = faceFor(look.bold, look.italic, look.family);
    const metrics = metricsFor(face);
    const text = fontText(metrics, number);
    const width = textWidth(metrics, text, look.size);
    textX = frame.x + Math.max(HANGING_INDENT, width + LABEL_GAP);
    // A space after the number (invisible: the text is further on) keeps "1.1" and the text apart when read.
    label = { kind: "text", x: frame.x, y: lineBox(look.size).baseline, text: `${text} `, face, size: look.size, colour: look.colour ?? BLACK, tag: labelElement };
  }
  const width = frame.x + frame.width - textX;
  const lines = breakSpans(runsToSpans(runs, look), width, look.size);
  const chunks = lineChunks(lines, textX, width, align, look, heading, element);
  if (label && chunks[0]) {
    // The label shares the first line's baseline, which a larger run may have lowered.
    // Drawn before the text, so text extraction and screen readers meet the number first.
    label.y = lineBox(lines[0]?.size ?? look.size).baseline;
    chunks[0].items.unshift(label);
  }
  return { chunks, textX };
}

/** One chunk per line; widow/orphan control keeps at least two lines together at either end. */
function lineChunks(lines: readonly Line[], x: number, width: number, align: ParagraphBlock["align"], look: Look, keepAll: boolean, tag: StructNode): Chunk[] {
  const n = lines.length;
  return lines.map((line, i) => {
    const items: Item[] = [];
    const offset = align === "center" ? (width - line.width) / 2 : align === "right" ? width - line.width : 0;
    lineItems(line, x + Math.max(0, offset), 0, items, tag);
    const chunk: Chunk = {
      height: lineBox(line.size).height,
      items,
      spaceBefore: i === 0 ? look.before : 0,
      spaceAfter: i === n - 1 ? look.after : 0,
    };
    if (keepAll || (i === 0 && n >= 2) || (i === n - 2 && n >= 3)) chunk.keepWithNext = true;
    return chunk;
  });
}

function* listChunks(block: ListBlock, frame: Frame, ctx: Context): Generator<Chunk> {
  const size = ctx.style.fonts.body;
  const face = faceFor(false, false, paragraphLook("body", ctx.style).family);
  const metrics = metricsFor(face);
  const markers = block.items.map((_, i) => fontText(metrics, listMarker(block.kind, block.start + i, ctx.listDepth)));
  const widest = markers.reduce((w, m) => Math.max(w, textWidth(metrics, m, size)), 0);
  // Text one step in from the surrounding text, the marker hanging left of it; a marker too
  // wide for the hanging indent pushes the text on, as Word's tab after the number would.
  const hanging = block.kind === "bullet" ? LIST_HANGING.bullet : LIST_HANGING.ordered;
  const markerX = frame.x + LIST_STEP - hanging;
  const textX = Math.max(frame.x + LIST_STEP, markerX + widest + LABEL_GAP);
  const itemFrame: Frame = { x: textX, width: frame.x + frame.width - textX };
  const list = addElement(ctx.parent, "L", { numbering: LIST_NUMBERING[block.kind], ...langOf(block) });
  // Each chunk is given out once the next exists, so the list's last one can be spaced.
  let held: Chunk | undefined;
  for (let i = 0; i < block.items.length; i++) {
    const marker = { text: `${markers[i] ?? ""} `, x: markerX, face, size };
    for (const chunk of itemChunks(block.items[i]!, marker, list, itemFrame, ctx)) {
      if (held) yield held;
      held = chunk;
    }
  }
  // The list as a whole is spaced like a paragraph of the level it sits in.
  if (held && !ctx.inList) held.spaceAfter = Math.max(held.spaceAfter, paragraphLook("body", ctx.style).after);
  if (held) yield held;
}

/**
 * One item of a list: its LI element, its blocks' chunks, the marker on its first line. Apart from
 * the generator above, which only hands the chunks on: V8 compiles a generator with everything
 * it inlines as one, and a generator holding this loop cost about a tenth of a cold layout of
 * 1,000 actions (2.98 → 2.64 G instructions, single-threaded, layout alone).
 */
function itemChunks(item: ListItem, marker: { text: string; x: number; face: Face; size: number }, list: StructNode, frame: Frame, ctx: Context): Chunk[] {
  const li = addElement(list, "LI");
  const lbl = addElement(li, "Lbl");
  const inner: Context = { ...ctx, inList: true, listDepth: ctx.listDepth + 1, parent: addElement(li, "LBody") };
  const out: Chunk[] = [];
  let marked = false;
  for (const b of item.blocks) {
    for (const chunk of blockChunks(b, frame, inner).chunks) {
      // The item's marker goes on its first line (the first chunk that is not a page break).
      if (!marked && !chunk.pageBreak) {
        const baseline = firstBaseline(chunk) ?? lineBox(marker.size).baseline;
        chunk.items.unshift({ kind: "text", x: marker.x, y: baseline, text: marker.text, face: marker.face, size: marker.size, colour: BLACK, tag: lbl });
        marked = true;
      }
      out.push(chunk);
    }
  }
  return out;
}

function firstBaseline(chunk: Chunk): number | undefined {
  for (const item of chunk.items) if (item.kind === "text") return item.y;
  return undefined;
}

/** A block in another language than the paper's: its element says so (/Lang), for screen readers. */
export function langOf(block: { lang?: string }): { lang?: string } {
  return block.lang ? { lang: block.lang } : {};
}

const LIST_NUMBERING: Record<ListKind, ListNumbering> = {
  bullet: "Disc",
  decimal: "Decimal",
  "roman-paren": "LowerRoman",
  "alpha-paren": "LowerAlpha",
  "upper-alpha-paren": "UpperAlpha",
};

export function listMarker(kind: ListKind, n: number, depth: number): string {
  switch (kind) {
    case "bullet":
      return BULLETS[depth % BULLETS.length] ?? "\u2022";
    case "decimal":
      return `${n}.`;
    case "roman-paren":
      return `${roman(n)})`;
    case "alpha-paren":
      return `${alpha(n)})`;
    case "upper-alpha-paren":
      return `${alpha(n).toUpperCase()})`;
  }
}

const ROMAN: readonly (readonly [number, string])[] = [
  [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"],
  [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
];

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = "";
  for (const [value, digits] of ROMAN) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/** a … z, then aa, bb … zz, aaa: Word's lettered numbering past z. */
function alpha(n: number): string {
  if (n <= 0) return String(n);
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}
