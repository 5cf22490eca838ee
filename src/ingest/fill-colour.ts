// A cell's fill colour → RAG. Legacy trackers often show RAG only as a fill (DESIGN §1), and
// Excel stores that colour as ARGB, as an index into its legacy palette, or as a theme colour
// with a tint, so all three are resolved to RGB and then classified by hue.
import type { Rag } from "../model/schema.js";

/** A colour as styles.xml gives it (`<fgColor rgb|indexed|theme tint>`). */
export interface FillColour {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

/** The parts of a cell fill we look at; gradient fills simply have no pattern. */
export interface CellFill {
  type?: string;
  pattern?: string;
  fgColor?: FillColour;
  bgColor?: FillColour;
}

/**
 * Excel's default indexed palette (ECMA-376 Part 1 §18.8.27), as RGB. Indexes 64 and 65 are
 * the system foreground and background ("automatic"), which say nothing about RAG.
 */
const INDEXED_PALETTE: readonly string[] = [
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
  "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
  "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
  "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
  "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
  "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
];

/**
 * Theme colours in the order a fill's `theme="n"` refers to them. This is NOT the order of
 * `<a:clrScheme>` (dk1, lt1, dk2, lt2, …): Excel swaps each dark/light pair, so 0 = lt1
 * (Background 1), 1 = dk1 (Text 1), 2 = lt2, 3 = dk2, 4–9 = accent1–6 (as Apache POI's
 * ThemesTable does).
 */
const THEME_SLOTS = [
  "lt1", "dk1", "lt2", "dk2",
  "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
  "hlink", "folHlink",
] as const;

/** The Office 2007 theme (as exceljs and older Excel write it); Excel falls back to the Office theme when a file has none. */
export const DEFAULT_THEME_COLOURS: readonly string[] = [
  "FFFFFF", "000000", "EEECE1", "1F497D",
  "4F81BD", "C0504D", "9BBB59", "8064A2", "4BACC6", "F79646",
  "0000FF", "800080",
];

/** RGB of each theme slot (in fill-index order) from a theme part's XML; "" where missing. */
export function parseThemeColours(xml: string): string[] {
  const scheme = /<(?:\w+:)?clrScheme\b[^>]*>([\s\S]*?)<\/(?:\w+:)?clrScheme>/.exec(xml)?.[1];
  if (scheme === undefined) return [];
  return THEME_SLOTS.map((slot) => {
    // System colours (window, windowText) carry the colour they last had as lastClr.
    const colour = new RegExp(
      `<(?:\\w+:)?${slot}>\\s*<(?:\\w+:)?(?:srgbClr\\b[^>]*?\\bval|sysClr\\b[^>]*?\\blastClr)="([0-9A-Fa-f]{6})"`,
    ).exec(scheme);
    return colour?.[1]?.toUpperCase() ?? "";
  });
}

/** The RAG a solid fill shows, or undefined when it has no fill or a colour that is not a RAG. */
export function ragFromFill(
  fill: CellFill | undefined,
  themeColours: readonly string[] = DEFAULT_THEME_COLOURS,
): Rag | undefined {
  // Only a solid fill is a flat colour; other patterns mix fg and bg (gray125 is Excel's default).
  if (fill?.type !== "pattern" || fill.pattern !== "solid") return undefined;
  const colour = fill.fgColor ?? fill.bgColor;
  if (!colour) return undefined;
  const hsl = colourToHsl(colour, themeColours);
  return hsl ? ragFromHsl(hsl) : undefined;
}

/** Classify an RGB hex colour ("FF0000" or ARGB "FFFF0000"). */
export function ragFromRgb(hex: string): Rag | undefined {
  const hsl = hexToHsl(hex);
  return hsl ? ragFromHsl(hsl) : undefined;
}

type Hsl = [h: number, s: number, l: number];

function colourToHsl(colour: FillColour, themeColours: readonly string[]): Hsl | undefined {
  if (colour.argb) return hexToHsl(colour.argb);
  if (colour.indexed !== undefined) {
    const hex = INDEXED_PALETTE[colour.indexed];
    return hex === undefined ? undefined : hexToHsl(hex);
  }
  if (colour.theme !== undefined) {
    const hex = themeColours[colour.theme];
    const hsl = hex ? hexToHsl(hex) : undefined;
    if (!hsl || !colour.tint) return hsl;
    // ECMA-376 §18.3.1.15: a tint moves luminance towards black (< 0) or white (> 0).
    const [h, s, l] = hsl;
    const tint = Math.max(-1, Math.min(1, colour.tint));
    return [h, s, tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint];
  }
  return undefined;
}

function hexToHsl(hex: string): Hsl | undefined {
  const rgb = hex.slice(-6); // ARGB: Excel ignores the alpha byte of a fill
  if (!/^[0-9A-Fa-f]{6}$/.test(rgb)) return undefined;
  const n = parseInt(rgb, 16);
  const r = (n >> 16) / 255;
  const g = ((n >> 8) & 0xff) / 255;
  const b = (n & 0xff) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return [0, 0, l];
  const s = d / (1 - Math.abs(2 * l - 1));
  let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  h *= 60;
  if (h < 0) h += 360;
  return [h, s, l];
}

function ragFromHsl([h, s, l]: Hsl): Rag | undefined {
  const chroma = s * (1 - Math.abs(2 * l - 1));
  // Greys, near-white, near-black and muddy tans (header fills) are not a RAG.
  if (l < 0.12 || l > 0.97 || s < 0.3 || chroma < 0.07) return undefined;
  if (h < 16 || h >= 345) return "red";
  // Orange to pure yellow: trackers use FFC000 and FFFF00 alike for amber.
  if (h < 66) return "amber";
  if (h < 170) return "green";
  if (h >= 185 && h < 260) return "blue";
  return undefined; // cyan, purple, pink
}
