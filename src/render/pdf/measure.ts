// Text width from cached glyph advances, read from the font file (truetype.ts). Shaping every
// word through fontkit's layout (what pdf-lib's widthOfTextAtSize does) is the known slow path;
// a paper only needs advances, since Arimo has no ligatures and we neither kern when measuring
// nor when drawing, so the two agree.
import { fontFile, type Face } from "./fonts.js";

export interface FontMetrics {
  face: Face;
  postscriptName: string;
  unitsPerEm: number;
  /** Above and below the baseline, and the gap between lines, as fractions of the font size. */
  ascent: number;
  descent: number;
  lineGap: number;
  /** Advance widths in font units, filled on first use of each code point. */
  advances: Map<number, number>;
  /** Whether the font has a glyph for a code point. */
  covers: (codePoint: number) => boolean;
  /**
   * The same as `advances` and `covers` for the Basic Multilingual Plane, as flat tables (NaN: not
   * looked up yet; -1: no glyph): measuring reads them for every character of the paper.
   */
  bmpAdvances: Float64Array;
}

const cache = new Map<Face, FontMetrics>();

export function metricsFor(face: Face): FontMetrics {
  const hit = cache.get(face);
  if (hit) return hit;
  const font = fontFile(face);
  const em = font.unitsPerEm;
  const covered = new Map<number, boolean>();
  const bmpAdvances = new Float64Array(0x10000).fill(Number.NaN);
  const metrics: FontMetrics = {
    face,
    postscriptName: font.postscriptName ?? `Arimo-${face}`,
    unitsPerEm: em,
    ascent: font.ascent / em,
    descent: -font.descent / em,
    lineGap: font.lineGap / em,
    advances: new Map(),
    covers: (cp) => {
      let has = covered.get(cp);
      if (has === undefined) {
        const glyph = font.glyphFor(cp);
        has = glyph !== 0;
        covered.set(cp, has);
        const advance = has ? font.advanceWidth(glyph) : -1;
        if (has) metrics.advances.set(cp, advance);
        if (cp < 0x10000) bmpAdvances[cp] = advance;
      }
      return has;
    },
    bmpAdvances,
  };
  cache.set(face, metrics);
  return metrics;
}

/** Width of `text` in points at `size`; text must already be font text (see fontText). */
export function textWidth(metrics: FontMetrics, text: string, size: number): number {
  return (textUnits(metrics, text, 0, text.length) * size) / metrics.unitsPerEm;
}

/** The advances of text[start, end) in font units (0 for a character the font lacks). */
export function textUnits(metrics: FontMetrics, text: string, start: number, end: number): number {
  const table = metrics.bmpAdvances;
  let units = 0;
  for (let i = start; i < end; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < end) cp = text.codePointAt(i++) ?? cp;
    const advance = cp < 0x10000 ? table[cp]! : Number.NaN;
    units += advance >= 0 ? advance : advanceUnits(metrics, cp);
  }
  return units;
}

/** One code point's advance in font units (0 for a character the font lacks). */
export function advanceUnits(metrics: FontMetrics, cp: number): number {
  let advance = cp < 0x10000 ? metrics.bmpAdvances[cp]! : Number.NaN;
  // Not looked up yet, or beyond the BMP.
  if (Number.isNaN(advance)) advance = metrics.advances.get(cp) ?? (metrics.covers(cp), metrics.advances.get(cp) ?? 0);
  return advance < 0 ? 0 : advance;
}

/** Baseline-to-baseline distance of single spacing, as Word computes it from the font (≈1.15 for Arial). */
export function lineHeight(metrics: FontMetrics, size: number): number {
  return (metrics.ascent + metrics.descent + metrics.lineGap) * size;
}

// Characters that must not reach the page: invisible format characters and controls.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const WHITESPACE = /[\t\n\r\u2028\u2029]/g;

/**
 * Text as the font can print it: NFC (so "e\u0301" is one glyph, é), line ends and tabs as
 * spaces, invisible characters dropped, and anything the font has no glyph for as "?" — a
 * visible, searchable stand-in rather than the font's empty .notdef box.
 */
export function fontText(metrics: FontMetrics, text: string): string {
  if (isFontText(metrics, text)) return text;
  const clean = text.normalize("NFC").replace(WHITESPACE, " ").replace(INVISIBLE, "");
  let out = "";
  let start = 0;
  for (let i = 0; i < clean.length; i++) {
    const cp = clean.codePointAt(i) ?? 0;
    const wide = cp > 0xffff;
    if (!metrics.covers(cp)) {
      out += clean.slice(start, i) + "?";
      start = i + (wide ? 2 : 1);
    }
    if (wide) i++;
  }
  return start === 0 ? clean : out + clean.slice(start);
}

/**
 * Text that is font text already, as most is: printable characters below the combining marks,
 * and general punctuation (dashes, curly quotes, the bullet), all with glyphs. No sequence of
 * these changes under NFC, and none is a space, line end or invisible character to replace.
 */
function isFontText(metrics: FontMetrics, text: string): boolean {
  const table = metrics.bmpAdvances;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0xad) return false;
    if (c >= 0x300 && !(c >= 0x2010 && c <= 0x2027) && !(c >= 0x2030 && c <= 0x205e)) return false;
    const advance = table[c]!;
    if (advance < 0 || (Number.isNaN(advance) && !metrics.covers(c))) return false;
  }
  return true;
}
