// The page (A4, or the size a force's template gives) and the style's margins, in points.
import type { HouseStyle } from "../../compose/house-style.js";

export const POINTS_PER_CM = 72 / 2.54;

export interface PageGeometry {
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number };
  contentWidth: number;
  contentHeight: number;
}

export function pageGeometry(style: HouseStyle): PageGeometry {
  // A4 is 210 × 297 mm.
  const width = ((style.page.width ?? 21) * 72) / 2.54;
  const height = ((style.page.height ?? 29.7) * 72) / 2.54;
  const m = style.page.margins;
  const margins = {
    top: m.top * POINTS_PER_CM,
    bottom: m.bottom * POINTS_PER_CM,
    left: m.left * POINTS_PER_CM,
    right: m.right * POINTS_PER_CM,
  };
  return {
    width,
    height,
    margins,
    contentWidth: width - margins.left - margins.right,
    contentHeight: height - margins.top - margins.bottom,
  };
}
