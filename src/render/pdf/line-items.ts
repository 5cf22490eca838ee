// One broken line → what is drawn for it: text per fragment, and for links an underline and
// a clickable area the height of the line.
import type { Item, TextItem } from "./display-list.js";
import type { Line } from "./line-break.js";
import { lineHeight, metricsFor, textWidth } from "./measure.js";
import { UNDERLINE_OFFSET, UNDERLINE_THICKNESS } from "./rules.js";
import type { StructNode } from "./structure.js";

export interface LineBox {
  height: number;
  /** Baseline below the line's top. */
  baseline: number;
}

export function lineBox(size: number): LineBox {
  const m = metricsFor("regular");
  return { height: lineHeight(m, size), baseline: m.ascent * size };
}

/** Items for `line` with its start at `x` and its top at `top`, its text in element `tag`; pushes onto `out`. */
export function lineItems(line: Line, x: number, top: number, out: Item[], tag: StructNode): void {
  const box = lineBox(line.size);
  const baseline = top + box.baseline;
  let last: TextItem | undefined;
  for (const f of line.fragments) {
    // Spaces are drawn too (between two looks, "**a** *b*", they are a fragment of their own).
    if (f.text === "") continue;
    const text: TextItem = { kind: "text", x: x + f.x, y: baseline - (f.style.rise ?? 0), text: f.text, face: f.style.face, size: f.style.size, colour: f.style.colour, tag };
    if (f.style.link && f.text.trim() !== "") text.link = true;
    out.push(text);
    last = text;
    if (f.style.link && f.text.trim() !== "") {
      // Spaces at either end of a fragment are not part of the link's area or underline.
      const m = metricsFor(f.style.face);
      const visible = f.text.trim();
      const x0 = x + f.x + textWidth(m, f.text.slice(0, f.text.length - f.text.trimStart().length), f.style.size);
      const width = textWidth(m, visible, f.style.size);
      const thickness = f.style.size * UNDERLINE_THICKNESS;
      const uy = baseline + f.style.size * UNDERLINE_OFFSET;
      out.push({ kind: "rule", x1: x0, y1: uy, x2: x0 + width, y2: uy, width: thickness, colour: f.style.colour });
      out.push({ kind: "link", x: x0, y: top, w: width, h: box.height, uri: f.style.link, text: visible });
    }
  }
  if (line.spaceAfter && last) last.text += " ";
}
