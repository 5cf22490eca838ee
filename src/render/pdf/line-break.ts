// Text to be broken into lines and the lines it makes (break-spans.ts breaks them), measured on
// cached advances: a word's width as the breaker scans it, and the narrowest and widest a block
// of text can be (tables size their columns by it).
import type { Rgb } from "./colour.js";
import type { Face } from "./fonts.js";
import { advanceUnits, type FontMetrics, metricsFor, textUnits } from "./measure.js";

export interface TextStyle {
  face: Face;
  size: number;
  colour: Rgb;
  /** A link's address: the text is drawn as a link and made clickable. */
  link?: string;
  /** Points the baseline is raised (a superscript). */
  rise?: number;
}

/** Text in one style, already font text (measure.ts fontText); `breakAfter` ends the line after it. */
export interface Span {
  text: string;
  style: TextStyle;
  breakAfter?: boolean;
  /** Never broken, at a hyphen or anywhere ("Mar-17"), unless wider than a whole line. */
  noBreak?: boolean;
}

/** A stretch of a line in one style, `x` from the line's start. */
export interface Fragment {
  text: string;
  style: TextStyle;
  x: number;
  width: number;
}

export interface Line {
  fragments: Fragment[];
  width: number;
  /** The largest font size on the line (an empty line: its paragraph's size). */
  size: number;
  /**
   * The line ends where a space or a line break was: the text reads on after a space (drawn at
   * the line's end, invisible, so text extraction and screen readers keep the words apart).
   */
  spaceAfter?: true;
}

export const EPSILON = 0.01;
export const AFTER_DASH = /(?<=[\p{L}\p{N}][-\u2010\u2013\u2014])(?=[\p{L}\p{N}])/u;

/** What scanWord found: where the word ends, its width in font units, whether it has a dash. */
export interface ScannedWord {
  end: number;
  units: number;
  dash: boolean;
}

/**
 * Scans the word (a run of anything but spaces) starting at `at`, adding up its advances by
 * character code — one pass over every character of the paper, hence the result written into
 * `out` rather than a new object a word.
 */
export function scanWord(metrics: FontMetrics, text: string, at: number, out: ScannedWord): void {
  const advances = metrics.bmpAdvances;
  let end = at;
  let units = 0;
  let dash = false;
  let surrogate = false;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (c === 32) break;
    if (isDash(c)) dash = true;
    if (c >= 0xd800 && c <= 0xdfff) surrogate = true;
    else {
      const advance = advances[c]!;
      units += advance >= 0 ? advance : advanceUnits(metrics, c);
    }
  }
  // Characters beyond the Basic Multilingual Plane are measured as code points.
  out.end = end;
  out.units = surrogate ? textUnits(metrics, text, at, end) : units;
  out.dash = dash;
}

/** A hyphen or dash a line may break after: -, ‐, – or —. */
export function isDash(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2013 || c === 0x2014;
}

/**
 * The narrowest a block of spans can be (its widest word) and the widest it would like to be
 * (its longest hard line), without breaking it into lines: tables measure every cell this way.
 */
export function contentWidths(spans: readonly Span[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  let word = 0;
  let line = 0;
  let prevWordChar = false;
  for (const span of spans) {
    const metrics = metricsFor(span.style.face);
    const advances = metrics.bmpAdvances;
    const scale = span.style.size / metrics.unitsPerEm;
    const text = span.text;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i++) ?? cp;
      const advance = cp < 0x10000 ? advances[cp]! : -1;
      const w = (advance >= 0 ? advance : advanceUnits(metrics, cp)) * scale;
      line += w;
      if (cp === 32) {
        min = Math.max(min, word);
        word = 0;
        prevWordChar = false;
        continue;
      }
      word += w;
      const dash = isDash(cp) && span.noBreak !== true;
      if (dash && prevWordChar) {
        // A break may follow; the next word starts afresh (close enough to the AFTER_DASH rule).
        min = Math.max(min, word);
        word = 0;
      }
      prevWordChar = !dash;
    }
    if (span.breakAfter) {
      min = Math.max(min, word);
      max = Math.max(max, line);
      word = 0;
      line = 0;
      prevWordChar = false;
    }
  }
  return { min: Math.max(min, word), max: Math.max(max, line) };
}
