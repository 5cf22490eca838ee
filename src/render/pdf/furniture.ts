// What every page carries outside the text area, as the DOCX writer's header and footer do:
// the protective marking (bold, centred) at the head and foot as the style says, and in the
// footer the style's strapline (unless the paper prints it as a paragraph) and "Page X of Y".
// Drawn after pagination, when the page count is known.
import type { Doc } from "../../compose/doc.js";
import { BLACK } from "./colour.js";
import type { Item } from "./display-list.js";
import type { Face } from "./fonts.js";
import { lineHeight, fontText, metricsFor, textWidth } from "./measure.js";
import type { PageGeometry } from "./page-geometry.js";

interface FurnitureLine {
  text: string;
  face: Face;
}

export interface Furniture {
  head: Item[];
  foot: Item[];
}

export function pageFurniture(doc: Doc, geometry: PageGeometry, pageIndex: number, pageCount: number): Furniture {
  const { style, meta } = doc;
  const size = style.fonts.small;
  const { margins, width, height } = geometry;
  const marking = meta.marking?.trim() ?? "";

  const head: FurnitureLine[] = [];
  if (marking && style.marking.header) head.push({ text: marking, face: "bold" });
  const foot: FurnitureLine[] = [];
  const strapline = style.strapline?.trim();
  if (strapline && !printsStrapline(doc)) foot.push({ text: strapline, face: "italic" });
  if (marking && style.marking.footer) foot.push({ text: marking, face: "bold" });
  if (style.pageNumbers) {
    const text = style.pageNumbers.replaceAll("{page}", String(pageIndex + 1)).replaceAll("{pages}", String(pageCount));
    foot.push({ text, face: "regular" });
  }

  // Each block of lines is centred in its margin (≈ Word's 1.25 cm header and footer distance).
  const step = lineHeight(metricsFor("regular"), size);
  const ascent = metricsFor("regular").ascent * size;
  const place = (lines: FurnitureLine[], middle: number): Item[] => {
    const items: Item[] = [];
    let top = middle - (lines.length * step) / 2;
    for (const line of lines) {
      const metrics = metricsFor(line.face);
      const text = fontText(metrics, line.text);
      const x = (margins.left + width - margins.right - textWidth(metrics, text, size)) / 2;
      items.push({ kind: "text", x, y: top + ascent, text, face: line.face, size, colour: BLACK });
      top += step;
    }
    return items;
  };
  return { head: place(head, margins.top / 2), foot: place(foot, height - margins.bottom / 2) };
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
