// Display items → a page's content stream, written as PDF operators directly (one string per
// page; pdf-lib's operator objects cost more than the text they hold on a 400-page appendix).
// Layout measures from the top of the page; PDF's y axis runs up from the bottom.
// Every item is marked content: text of a structure element in a sequence with an MCID (one per
// stretch of one element, recorded in the element), everything else as an Artifact — the
// running header and footer as pagination artifacts, rules and shading as layout artifacts.
import type { Rgb } from "./colour.js";
import type { AnchorItem, Item, LinkItem } from "./display-list.js";
import type { Face } from "./fonts.js";
import type { Page } from "./paginate.js";
import { addElement, type StructNode } from "./structure.js";

export interface FontResources {
  /** Resource name on the page ("F1"). */
  name: (face: Face) => string;
  /** Text → the body of a literal string of the font's glyph codes (Identity-H, two bytes a glyph). */
  encode: (face: Face, text: string) => string;
  /** Resource name of an embedded picture ("Im1"), or undefined when it could not be embedded. */
  image?: (name: string) => string | undefined;
}

/** A link's clickable area, from the page's top-left, with the Link element its annotation belongs in. */
export interface DrawnLink extends LinkItem {
  element: StructNode;
}

export interface DrawnPage {
  content: string;
  faces: Set<Face>;
  /** Resource names of the pictures drawn. */
  images: Set<string>;
  /** Positions from the page's top-left, like the items. */
  links: DrawnLink[];
  anchors: AnchorItem[];
  /** The element of each marked-content sequence, by MCID (the page's entry in the ParentTree). */
  marked: StructNode[];
}

const ARTIFACT = {
  header: "/Artifact <</Type /Pagination /Subtype /Header>> BDC",
  footer: "/Artifact <</Type /Pagination /Subtype /Footer>> BDC",
  /** A table's header row again at the top of a page. */
  repeat: "/Artifact <</Type /Pagination>> BDC",
  layout: "/Artifact <</Type /Layout>> BDC",
} as const;
type ArtifactKind = keyof typeof ARTIFACT;

/**
 * A page's body and head (`head`: its running header), as one content stream. Content order is
 * reading order for tools without tags: page head, then body; the foot follows in a stream of its
 * own (drawFoot). `pageIndex` (0-based) is recorded with each MCID in its element.
 */
export function drawPage(page: Page, head: readonly Item[], top: number, pageHeight: number, fonts: FontResources, pageIndex = 0): DrawnPage {
  const out = contentWriter(pageHeight, fonts, pageIndex, INITIAL_STATE);
  for (const item of head) out.draw(item, 0, "header");
  for (const placed of page.placed) if (placed.repeat) for (const item of placed.chunk.items) out.draw(item, top + placed.top, "repeat");
  // The page's rules and shading, in one artifact, before its text: shading lies under the text
  // either way, and rules do not cross it. Then the text in reading order.
  for (const placed of page.placed) if (!placed.repeat) for (const item of placed.chunk.items) if (isLayout(item)) out.draw(item, top + placed.top);
  for (const placed of page.placed) if (!placed.repeat) for (const item of placed.chunk.items) if (!isLayout(item)) out.draw(item, top + placed.top);
  return out.finish();
}

/**
 * A page's running footer, as the second content stream of the page: drawn once the page count
 * is known. The streams of a page are one sequence of operators, so nothing is assumed of the
 * colours the body left set.
 */
export function drawFoot(foot: readonly Item[], pageHeight: number, fonts: FontResources): Pick<DrawnPage, "content" | "faces" | "images"> {
  const out = contentWriter(pageHeight, fonts, 0, UNKNOWN_STATE);
  for (const item of foot) out.draw(item, 0, "footer");
  return out.finish();
}

const isLayout = (item: Item) => item.kind === "rect" || item.kind === "rule";

/** The colour operands and line width in force (null: not known, so set before first use). */
interface GraphicsState {
  fill: string | null;
  stroke: string | null;
  lineWidth: string | null;
}
/** A content stream's start: PDF's initial colours, black (the line width is always set). */
const INITIAL_STATE: GraphicsState = { fill: "0 0 0", stroke: "0 0 0", lineWidth: null };
const UNKNOWN_STATE: GraphicsState = { fill: null, stroke: null, lineWidth: null };

/** Items → operators, each in its marked-content sequence; finish() closes the last and gives the stream. */
function contentWriter(pageHeight: number, fonts: FontResources, pageIndex: number, initial: GraphicsState) {
  const ops: string[] = [];
  const faces = new Set<Face>();
  const images = new Set<string>();
  const links: DrawnLink[] = [];
  const anchors: AnchorItem[] = [];
  const marked: StructNode[] = [];
  // The marked-content sequence open: an artifact's kind, or the element whose text it holds.
  let open: ArtifactKind | StructNode | null = null;
  let link: StructNode | null = null;
  const close = () => {
    if (open !== null) ops.push("EMC");
    open = null;
  };
  const artifact = (kind: ArtifactKind) => {
    if (open === kind) return;
    close();
    ops.push(ARTIFACT[kind]);
    open = kind;
  };
  const content = (element: StructNode) => {
    close();
    const mcid = marked.length;
    marked.push(element);
    element.kids.push({ kind: "mcid", page: pageIndex, mcid });
    ops.push(`/${element.type}<</MCID ${mcid}>>BDC`);
    open = element;
  };
  let { fill, stroke, lineWidth } = initial;
  const setFill = (c: Rgb) => {
    const v = colour(c);
    if (v !== fill) ops.push(`${v} rg`);
    fill = v;
  };

  /** Draws `item` as part of an artifact of kind `as`, or (none) as the content its tag says. */
  const draw = (item: Item, dy: number, as?: ArtifactKind) => {
    switch (item.kind) {
      case "text": {
        if (item.text === "") return;
        if (as || !item.tag) artifact(as ?? "layout");
        else if (item.link) {
          // Each link's text in a Link element of its own, which its annotation joins.
          link = addElement(item.tag, "Link");
          content(link);
        } else if (open !== item.tag) content(item.tag);
        faces.add(item.face);
        setFill(item.colour);
        ops.push(`BT /${fonts.name(item.face)} ${num(item.size)} Tf ${num(item.x)} ${num(pageHeight - dy - item.y)} Td (${fonts.encode(item.face, item.text)}) Tj ET`);
        return;
      }
      case "rect":
        artifact(as ?? "layout");
        setFill(item.fill);
        ops.push(`${num(item.x)} ${num(pageHeight - dy - item.y - item.h)} ${num(item.w)} ${num(item.h)} re f`);
        return;
      case "rule": {
        artifact(as ?? "layout");
        const c = colour(item.colour);
        if (c !== stroke) ops.push(`${c} RG`);
        stroke = c;
        const w = num(item.width);
        if (w !== lineWidth) ops.push(`${w} w`);
        lineWidth = w;
        ops.push(`${num(item.x1)} ${num(pageHeight - dy - item.y1)} m ${num(item.x2)} ${num(pageHeight - dy - item.y2)} l S`);
        return;
      }
      case "image": {
        const name = fonts.image?.(item.name);
        if (!name) return;
        if (as || !item.tag) artifact(as ?? "layout");
        else content(item.tag);
        images.add(name);
        ops.push(`q ${num(item.w)} 0 0 ${num(item.h)} ${num(item.x)} ${num(pageHeight - dy - item.y - item.h)} cm /${name} Do Q`);
        return;
      }
      case "link":
        // A link in a repeated header row is clickable where the row first appears.
        if (!as && link) links.push({ ...item, y: item.y + dy, element: link });
        link = null;
        return;
      case "anchor":
        if (!as) anchors.push({ ...item, y: item.y + dy });
        return;
    }
  };
  const finish = (): DrawnPage => {
    close();
    ops.push("");
    return { content: ops.join("\n"), faces, images, links, anchors, marked };
  };
  return { draw, finish };
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
