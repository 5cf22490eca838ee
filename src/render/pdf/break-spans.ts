// Line breaking as most text needs it: a paragraph or table cell in one style (one span), broken
// by scanning its text, each line one slice of it. The general way (line-break.ts) makes a token
// and a part for every word and space, which for a long paper was the largest part of laying it
// out. The lines are exactly those of breakLines(tokenise(spans)), widths added in the same
// order; a word wider than a line, or text in several styles, goes the general way.
import { AFTER_DASH, breakLines, EPSILON, scanWord, tokenise, type Line, type ScannedWord, type Span } from "./line-break.js";
import { advanceUnits, metricsFor, textWidth } from "./measure.js";

/** breakLines(tokenise(spans), maxWidth, emptySize). */
export function breakSpans(spans: readonly Span[], maxWidth: number, emptySize: number): Line[] {
  return (spans.length === 1 && breakOneSpan(spans[0]!, maxWidth, emptySize)) || breakLines(tokenise(spans), maxWidth, emptySize);
}

/** The lines of one span, or null when a word is wider than a line (cutting it is the general way's). */
function breakOneSpan(span: Span, maxWidth: number, emptySize: number): Line[] | null {
  const { text, style } = span;
  if (span.noBreak) return null;
  const metrics = metricsFor(style.face);
  const scanned: ScannedWord = { end: 0, units: 0, dash: false };
  const lines: Line[] = [];
  // The current line: text[start, end), its width as breakLines adds it up and as makeLine does.
  let start = -1;
  let end = 0;
  let width = 0;
  let fragmentWidth = 0;
  // The width of the spaces after the line's last word: kept only if another word joins the line.
  let glue: number | null = null;
  let emptyLineSize = emptySize;
  const finish = (spaceAfter = false) => {
    const line: Line =
      start < 0 ? { fragments: [], width, size: emptyLineSize } : { fragments: [{ text: text.slice(start, end), style, x: 0, width: fragmentWidth }], width, size: style.size };
    if (spaceAfter) line.spaceAfter = true;
    lines.push(line);
    start = -1;
    width = 0;
    glue = null;
  };
  /** Puts the word text[from, to) of width w on the line, or on a new one. False: it fits on none. */
  const place = (from: number, to: number, w: number): boolean => {
    const glueWidth = glue ?? 0;
    if (start >= 0 && width + glueWidth + w <= maxWidth + EPSILON) {
      // Added up as breakLines adds the line's width and makeLine its fragment's.
      if (glue !== null) fragmentWidth += glue;
      fragmentWidth += w;
      width += glueWidth + w;
      end = to;
      glue = null;
      return true;
    }
    if (start >= 0) finish(glue !== null);
    glue = null;
    if (w > maxWidth + EPSILON) return false;
    start = from;
    end = to;
    width = w;
    fragmentWidth = w;
    return true;
  };

  for (let at = 0; at < text.length; ) {
    let to = at;
    if (text.charCodeAt(at) === 32) {
      while (to < text.length && text.charCodeAt(to) === 32) to++;
      // Spaces at the start of a line are dropped, like Word's wrapped lines.
      if (start >= 0) glue = ((to - at) * advanceUnits(metrics, 32) * style.size) / metrics.unitsPerEm;
      at = to;
      continue;
    }
    scanWord(metrics, text, at, scanned);
    to = scanned.end;
    const dash = scanned.dash;
    const w = (scanned.units * style.size) / metrics.unitsPerEm;
    const words = dash ? text.slice(at, to).split(AFTER_DASH) : null;
    if (!words || words.length === 1) {
      if (!place(at, to, w)) return null;
    } else {
      // A break may follow a dash between letters or digits: each part is a word of its own.
      let from = at;
      for (const word of words) {
        if (!place(from, from + word.length, textWidth(metrics, word, style.size))) return null;
        from += word.length;
      }
    }
    at = to;
  }
  if (span.breakAfter) {
    emptyLineSize = style.size;
    finish(true);
  }
  if (start >= 0 || lines.length === 0) finish();
  return lines;
}
