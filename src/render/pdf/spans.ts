// Runs (the Doc's text) → spans (text the font can print, in a resolved style). Links keep
// only addresses a reader should open without surprise: web, mail and phone.
import type { Run } from "../../compose/doc.js";
import { BLACK, type Rgb } from "./colour.js";
import { faceFor, type FontFamily } from "./fonts.js";
import type { Span } from "./line-break.js";
import { fontText, metricsFor } from "./measure.js";
import { LINK_COLOUR, SUPERSCRIPT } from "./rules.js";

export interface SpanLook {
  size: number;
  bold: boolean;
  italic: boolean;
  uppercase?: boolean;
  colour?: Rgb;
  family?: FontFamily;
}

const SAFE_SCHEME = /^(https?:|mailto:|tel:)/i;

/** The address as a link annotation may carry it (7-bit ASCII), or null when it should not be clickable. */
export function linkTarget(address: string): string | null {
  const trimmed = address.trim();
  if (!SAFE_SCHEME.test(trimmed)) return null;
  return trimmed.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

export function runsToSpans(runs: readonly Run[], look: SpanLook): Span[] {
  const spans: Span[] = [];
  const styles = new Map<string, Span["style"]>();
  for (const run of runs) {
    const face = faceFor(look.bold || run.bold === true, look.italic || run.italic === true, look.family);
    const link = run.link === undefined ? null : linkTarget(run.link);
    const superscript = run.superscript === true;
    const key = `${face}\u0000${link ?? ""}\u0000${superscript}`;
    let style = styles.get(key);
    if (!style) {
      style = { face, size: superscript ? look.size * SUPERSCRIPT.size : look.size, colour: link ? LINK_COLOUR : (look.colour ?? BLACK) };
      if (link) style.link = link;
      if (superscript) style.rise = look.size * SUPERSCRIPT.rise;
      styles.set(key, style);
    }
    const raw = look.uppercase ? run.text.toLocaleUpperCase("en-GB") : run.text;
    const span: Span = { text: fontText(metricsFor(face), raw), style };
    if (run.breakAfter) span.breakAfter = true;
    if (run.noBreak) span.noBreak = true;
    spans.push(span);
  }
  return spans;
}

/** The plain text of runs, spaces collapsed (bookmark titles, link descriptions). */
export function plainText(runs: readonly Run[]): string {
  return runs
    .map((r) => r.text)
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
