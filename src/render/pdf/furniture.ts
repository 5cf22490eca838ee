// What every page carries outside the text area, as the DOCX writer's header and footer do:
// the protective marking (bold, centred) at the head and foot as the style says, and in the
// footer the style's strapline (unless the paper prints it as a paragraph) and "Page X of Y".
// With a force's Word template, its own header and footer for the page (first, even or the
// rest, as it sets them up) come first, crest and all, from its header and footer distances.
// The head is drawn with the page's body; the foot once the page count is known.
import type { Doc } from "../../compose/doc.js";
import type { MarginLine, MarginPart, WordTemplate } from "../../model/word-template.js";
import { BLACK } from "./colour.js";
import type { Item } from "./display-list.js";
import { embeddedFamily, faceFor, type Face } from "./fonts.js";
import { lineHeight, fontText, metricsFor, textWidth } from "./measure.js";
import type { PageGeometry } from "./page-geometry.js";

interface FurnitureLine {
  text: string;
  face: Face;
}

/**
 * The page's head: drawn with its body, as it is laid out. With a template, the template's header
 * lines for the page first, then ours.
 */
export function pageHead(doc: Doc, geometry: PageGeometry, pageIndex: number): Item[] {
  const marking = doc.meta.marking?.trim() ?? "";
  const lines: FurnitureLine[] = [];
  if (marking && doc.style.marking.header) lines.push({ text: marking, face: "bold" });
  const { template } = doc;
  const look = lineLook(doc);
  if (!template) {
    // Each block of lines is centred in its margin (≈ Word's 1.25 cm header and footer distance).
    return placeLines(lines, geometry.margins.top / 2 - (lines.length * look.step) / 2, geometry, look);
  }
  const part = template.headers[marginKind(template, pageIndex)];
  const items: Item[] = floating(part, geometry, template.page.margins.header / 20);
  let top = template.page.margins.header / 20;
  for (const line of templateLines(part, doc, geometry, look.size)) top = line.draw(top, items);
  placeLines(lines, top, geometry, look, items);
  return items;
}

/**
 * The page's foot: drawn once the page count is known ("Page X of Y"). With a template, the
 * template's footer lines for the page, then ours, ending at its footer distance.
 */
export function pageFoot(doc: Doc, geometry: PageGeometry, pageIndex: number, pageCount: number): Item[] {
  const { style, meta } = doc;
  const marking = meta.marking?.trim() ?? "";
  const lines: FurnitureLine[] = [];
  const strapline = style.strapline?.trim();
  if (strapline && !printsStrapline(doc)) lines.push({ text: strapline, face: "italic" });
  if (marking && style.marking.footer) lines.push({ text: marking, face: "bold" });
  if (style.pageNumbers) {
    const text = style.pageNumbers.replaceAll("{page}", String(pageIndex + 1)).replaceAll("{pages}", String(pageCount));
    lines.push({ text, face: "regular" });
  }
  const { template } = doc;
  const look = lineLook(doc);
  const { margins, height } = geometry;
  if (!template) return placeLines(lines, height - margins.bottom / 2 - (lines.length * look.step) / 2, geometry, look);
  const part = template.footers[marginKind(template, pageIndex)];
  const templateParts = templateLines(part, doc, geometry, look.size);
  const items: Item[] = floating(part, geometry, height - margins.bottom);
  let bottom = height - template.page.margins.footer / 20 - lines.length * look.step - templateParts.reduce((sum, line) => sum + line.height, 0);
  for (const line of templateParts) bottom = line.draw(bottom, items);
  placeLines(lines, bottom, geometry, look, items);
  return items;
}

/** Our header and footer lines' size, line step and ascent: the style's small size, in the regular face's metrics. */
function lineLook(doc: Doc): { size: number; step: number; ascent: number } {
  const size = doc.style.fonts.small;
  const regular = metricsFor("regular");
  return { size, step: lineHeight(regular, size), ascent: regular.ascent * size };
}

/** Our lines, each centred between the margins, from `top` down. */
function placeLines(lines: readonly FurnitureLine[], top: number, geometry: PageGeometry, look: { size: number; step: number; ascent: number }, items: Item[] = []): Item[] {
  const { margins, width } = geometry;
  for (const line of lines) {
    const metrics = metricsFor(line.face);
    const text = fontText(metrics, line.text);
    const x = (margins.left + width - margins.right - textWidth(metrics, text, look.size)) / 2;
    items.push({ kind: "text", x, y: top + look.ascent, text, face: line.face, size: look.size, colour: BLACK });
    top += look.step;
  }
  return items;
}

/** A template header's or footer's paragraphs, in the face of the paper's family. */
function templateLines(part: MarginPart | undefined, doc: Doc, geometry: PageGeometry, size: number): ReturnType<typeof templateLine>[] {
  const face = faceFor(false, false, embeddedFamily(doc.style.fonts.family).family);
  return (part?.lines ?? []).map((line) => templateLine(line, face, size, geometry));
}

/** Which of the template's headers and footers a page has: Word's rule for first and even pages. */
function marginKind(template: WordTemplate, pageIndex: number): "default" | "first" | "even" {
  if (pageIndex === 0 && template.titlePage) return "first";
  if (template.evenAndOddHeaders && pageIndex % 2 === 1) return "even";
  return "default";
}

/** One paragraph of a template header or footer: its pictures then its text, aligned as in Word. */
function templateLine(line: MarginLine, face: Face, size: number, geometry: PageGeometry): { height: number; draw(top: number, out: Item[]): number } {
  const metrics = metricsFor(face);
  const text = fontText(metrics, line.text);
  const textStep = text === "" ? 0 : lineHeight(metrics, size);
  const pictures = line.drawings.reduce((w, d) => w + d.width, 0);
  const height = Math.max(textStep, ...line.drawings.map((d) => d.height));
  const widthOf = pictures + (text === "" ? 0 : textWidth(metrics, text, size));
  const left = geometry.margins.left;
  const right = geometry.width - geometry.margins.right;
  const start = line.align === "center" ? (left + right - widthOf) / 2 : line.align === "right" ? right - widthOf : left;
  return {
    height,
    draw(top, out) {
      let x = start;
      for (const d of line.drawings) {
        out.push({ kind: "image", x, y: top + height - d.height, w: d.width, h: d.height, name: d.media });
        x += d.width;
      }
      if (text !== "") out.push({ kind: "text", x, y: top + height - textStep + metrics.ascent * size, text, face, size, colour: BLACK });
      return top + height;
    },
  };
}

/** Pictures the template floats in its header or footer, where it puts them. */
function floating(part: MarginPart | undefined, geometry: PageGeometry, paragraphTop: number): Item[] {
  return (part?.floating ?? []).map((d) => {
    const anchor = d.anchor!;
    const left = anchor.fromPage.x ? 0 : geometry.margins.left;
    const span = anchor.fromPage.x ? geometry.width : geometry.contentWidth;
    const x = typeof anchor.x === "number" ? left + anchor.x : anchor.x === "left" ? left : anchor.x === "center" ? left + (span - d.width) / 2 : left + span - d.width;
    return { kind: "image" as const, x, y: anchor.fromPage.y ? anchor.y : paragraphTop + anchor.y, w: d.width, h: d.height, name: d.media };
  });
}

/** Whether the paper prints its strapline as a paragraph; looked for once a paper, not once a page. */
const straplineParagraph = new WeakMap<Doc, boolean>();

function printsStrapline(doc: Doc): boolean {
  let prints = straplineParagraph.get(doc);
  if (prints === undefined) {
    prints = doc.blocks.some((b) => b.type === "paragraph" && b.role === "strapline");
    straplineParagraph.set(doc, prints);
  }
  return prints;
}

/** Room kept between a template's header (or footer) and the text, as Word keeps it. */
const GAP = 6;

/**
 * The page with room for a template's header and footer: like Word, the text starts below a
 * header taller than the top margin (a crest often is) and ends above a tall footer. One
 * geometry serves every page, so it makes room for the tallest of the first, even and other pages.
 */
export function withRoomForFurniture(doc: Doc, geometry: PageGeometry): PageGeometry {
  if (!doc.template) return geometry;
  let headBottom = 0;
  let footTop = geometry.height;
  for (const pageIndex of [0, 1, 2]) {
    for (const item of pageHead(doc, geometry, pageIndex)) headBottom = Math.max(headBottom, itemBottom(item));
    for (const item of pageFoot(doc, geometry, pageIndex, 3)) footTop = Math.min(footTop, itemTop(item));
  }
  const top = Math.max(geometry.margins.top, headBottom + GAP);
  const bottom = Math.max(geometry.margins.bottom, geometry.height - footTop + GAP);
  if (top === geometry.margins.top && bottom === geometry.margins.bottom) return geometry;
  const margins = { ...geometry.margins, top, bottom };
  return { ...geometry, margins, contentHeight: Math.max(72, geometry.height - top - bottom) };
}

function itemBottom(item: Item): number {
  if (item.kind === "text") return item.y + item.size * 0.3;
  if (item.kind === "image") return item.y + item.h;
  return 0;
}

function itemTop(item: Item): number {
  if (item.kind === "text") return item.y - item.size;
  if (item.kind === "image") return item.y;
  return Number.POSITIVE_INFINITY;
}
