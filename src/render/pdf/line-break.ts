// Greedy line breaking on cached advances. Break opportunities: spaces, and after a hyphen or
// dash between letters/digits ("house-to-|house"); a word wider than the line is cut between
// characters. Runs of different looks share words ("**Strategic**–led" stays together).
import type { Rgb } from "./colour.js";
import type { Face } from "./fonts.js";
import { advanceUnits, type FontMetrics, metricsFor, textUnits, textWidth } from "./measure.js";

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

interface Part {
  text: string;
  style: TextStyle;
  width: number;
}

interface WordToken {
  kind: "word";
  parts: Part[];
  width: number;
}
interface SpaceToken {
  kind: "space";
  parts: Part[];
  width: number;
}
interface NewlineToken {
  kind: "newline";
  size: number;
}
export type Token = WordToken | SpaceToken | NewlineToken;

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

export function tokenise(spans: readonly Span[]): Token[] {
  const tokens: Token[] = [];
  // The word still open to the next span's text (no space or dash between them).
  let open: WordToken | null = null;
  for (const span of spans) {
    const { style, text } = span;
    const metrics = metricsFor(style.face);
    if (span.noBreak && text !== "") {
      // One piece, joined to the word it touches: "(Mar-17)" breaks nowhere.
      const part = { text, style, width: textWidth(metrics, text, style.size) };
      if (open) {
        open.parts.push(part);
        open.width += part.width;
      } else {
        open = { kind: "word", parts: [part], width: part.width };
        tokens.push(open);
      }
      if (span.breakAfter) {
        tokens.push({ kind: "newline", size: style.size });
        open = null;
      }
      continue;
    }
    // Pieces: runs of spaces and runs of anything else, in order, measured as they are scanned
    // (one pass, by character code: this runs over every character of the paper).
    for (let at = 0; at < text.length; ) {
      const space = text.charCodeAt(at) === 32;
      let end = at;
      let dash = false;
      let units = 0;
      if (space) {
        while (end < text.length && text.charCodeAt(end) === 32) end++;
        units = (end - at) * advanceUnits(metrics, 32);
      } else {
        scanWord(metrics, text, at, WORD);
        ({ end, units, dash } = WORD);
      }
      const piece = text.slice(at, end);
      const w = (units * style.size) / metrics.unitsPerEm;
      at = end;
      if (space) {
        const last = tokens[tokens.length - 1];
        if (last?.kind === "space") {
          last.parts.push({ text: piece, style, width: w });
          last.width += w;
        } else tokens.push({ kind: "space", parts: [{ text: piece, style, width: w }], width: w });
        open = null;
        continue;
      }
      if (!dash) {
        const part = { text: piece, style, width: w };
        if (open) {
          open.parts.push(part);
          open.width += w;
        } else {
          open = { kind: "word", parts: [part], width: w };
          tokens.push(open);
        }
        continue;
      }
      const words = piece.split(AFTER_DASH);
      words.forEach((word, i) => {
        const ww = words.length === 1 ? w : textWidth(metrics, word, style.size);
        const part = { text: word, style, width: ww };
        if (i === 0 && open) {
          open.parts.push(part);
          open.width += ww;
        } else {
          open = { kind: "word", parts: [part], width: ww };
          tokens.push(open);
        }
      });
      // "co-" at the end of a span may break before the next span's "operate".
      if (piece.length > 1 && isDash(piece.charCodeAt(piece.length - 1))) open = null;
    }
    if (span.breakAfter) {
      tokens.push({ kind: "newline", size: style.size });
      open = null;
    }
  }
  return tokens;
}

/** A hyphen or dash a line may break after: -, ‐, – or —. */
/** What scanWord found: where the word ends, its width in font units, whether it has a dash. */
export interface ScannedWord {
  end: number;
  units: number;
  dash: boolean;
}

/** One scratch result for the scans of this thread (they run one at a time). */
const WORD: ScannedWord = { end: 0, units: 0, dash: false };

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

export function isDash(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2013 || c === 0x2014;
}

/** Break tokens into lines no wider than `maxWidth` (a cut word may be the only thing on a line). */
export function breakLines(tokens: readonly Token[], maxWidth: number, emptySize: number): Line[] {
  const lines: Line[] = [];
  let parts: Part[] = [];
  let width = 0;
  let glue: SpaceToken | null = null;
  let lastSize = emptySize;
  const finish = (spaceAfter = false) => {
    const line = makeLine(parts, width, lastSize);
    if (spaceAfter) line.spaceAfter = true;
    lines.push(line);
    parts = [];
    width = 0;
    glue = null;
  };
  for (const token of tokens) {
    if (token.kind === "newline") {
      lastSize = token.size;
      finish(true);
      continue;
    }
    if (token.kind === "space") {
      // Spaces at the start of a line are dropped, like Word's wrapped lines.
      if (parts.length > 0) glue = token;
      continue;
    }
    const g: SpaceToken | null = glue;
    const glueWidth = g ? g.width : 0;
    if (parts.length > 0 && width + glueWidth + token.width <= maxWidth + EPSILON) {
      if (g) parts.push(...g.parts);
      parts.push(...token.parts);
      width += glueWidth + token.width;
      glue = null;
      continue;
    }
    if (parts.length > 0) finish(g !== null);
    glue = null;
    if (token.width <= maxWidth + EPSILON) {
      parts.push(...token.parts);
      width = token.width;
      continue;
    }
    const pieces = cutWord(token, maxWidth);
    pieces.forEach((piece, i) => {
      if (i > 0) finish();
      parts.push(...piece.parts);
      width = piece.width;
    });
  }
  if (parts.length > 0 || lines.length === 0) finish();
  return lines;
}

/** Cut a word too wide for any line between characters, each piece as wide as fits. */
function cutWord(word: WordToken, maxWidth: number): WordToken[] {
  const pieces: WordToken[] = [];
  let current: WordToken = { kind: "word", parts: [], width: 0 };
  for (const part of word.parts) {
    const metrics = metricsFor(part.style.face);
    let start = 0;
    let w = 0;
    for (let i = 0; i < part.text.length; ) {
      const cp = part.text.codePointAt(i) ?? 0;
      const step = cp > 0xffff ? 2 : 1;
      const cw = textWidth(metrics, part.text.slice(i, i + step), part.style.size);
      if (current.width + w + cw > maxWidth + EPSILON && current.width + w > 0) {
        if (i > start) current.parts.push({ text: part.text.slice(start, i), style: part.style, width: w });
        current.width += w;
        pieces.push(current);
        current = { kind: "word", parts: [], width: 0 };
        start = i;
        w = 0;
      }
      w += cw;
      i += step;
    }
    if (part.text.length > start) current.parts.push({ text: part.text.slice(start), style: part.style, width: w });
    current.width += w;
  }
  pieces.push(current);
  return pieces;
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a === b || (a.face === b.face && a.size === b.size && a.link === b.link && a.rise === b.rise && a.colour.join() === b.colour.join());
}

function makeLine(parts: readonly Part[], width: number, emptySize: number): Line {
  const fragments: Fragment[] = [];
  let x = 0;
  let size = parts.length === 0 ? emptySize : 0;
  for (const part of parts) {
    size = Math.max(size, part.style.size);
    const last = fragments.at(-1);
    if (last && sameStyle(last.style, part.style)) {
      last.text += part.text;
      last.width += part.width;
    } else fragments.push({ text: part.text, style: part.style, x, width: part.width });
    x += part.width;
  }
  return { fragments, width, size };
}

/**
 * The narrowest a block of spans can be (its widest word) and the widest it would like to be
 * (its longest hard line), without building tokens: tables measure every cell this way.
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
