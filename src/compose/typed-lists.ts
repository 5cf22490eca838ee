// Lists typed by hand the way committee papers write them — "i) …", "ii) …", "a) …", "A) …" —
// are not lists to CommonMark (it only knows 1. and 1)). We recognise them so they become real
// lists with the marker the author typed. Only markers that are really in the Markdown count:
// escapeMarkdown writes a ")" from tracker data as "\)", so a task titled "i) Review" stays text.
import type { ListKind } from "./doc.js";

export type TypedKind = Extract<ListKind, "roman-paren" | "alpha-paren" | "upper-alpha-paren">;

export interface TypedMarker {
  kind: TypedKind;
  value: number;
  /** Characters the marker and the space after it take at the start of the line. */
  length: number;
}

const MARKER = /^\s*([ivxlcdm]+|[a-z]|[A-Z])\)(?:[ \t]+|$)/;
const ROMAN = /^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

/** The marker at the start of a line of Markdown source, read in the light of the one before. */
export function readTypedMarker(sourceLine: string, previous?: TypedKind): TypedMarker | null {
  const match = MARKER.exec(sourceLine);
  if (!match) return null;
  const token = match[1]!;
  const length = match[0].length;
  if (/^[A-Z]$/.test(token)) return { kind: "upper-alpha-paren", value: token.charCodeAt(0) - 64, length };
  const looksRoman = ROMAN.test(token) && (token.length > 1 || /^[ivx]$/.test(token));
  if (looksRoman && previous !== "alpha-paren") return { kind: "roman-paren", value: romanValue(token), length };
  if (token.length === 1) return { kind: "alpha-paren", value: token.charCodeAt(0) - 96, length };
  return null;
}

export interface TypedSplit {
  /** Lines before the first marker (a lead-in such as "The main areas are:"). */
  leadIn: number;
  /** For each item, the index of its first line; later lines up to the next item continue it. */
  itemStarts: number[];
  kind: TypedKind;
  start: number;
}

/**
 * Finds a run of typed markers in a paragraph's source lines: from some line to the end, every
 * marker follows the one before (i), ii), iii) …). A list that does not begin the paragraph must
 * start at 1, so prose that happens to put "c) " at a line start is left alone.
 */
export function findTypedList(sourceLines: readonly string[]): TypedSplit | null {
  for (let first = 0; first < sourceLines.length; first++) {
    const marker = readTypedMarker(sourceLines[first]!);
    if (!marker) continue;
    if (first > 0 && marker.value !== 1) return null;
    const itemStarts = [first];
    let expected = marker.value + 1;
    for (let i = first + 1; i < sourceLines.length; i++) {
      const next = readTypedMarker(sourceLines[i]!, marker.kind);
      if (next && next.kind === marker.kind && next.value === expected) {
        itemStarts.push(i);
        expected++;
      } else if (next) {
        return null; // out of sequence: not a list we can be sure of
      }
    }
    return { leadIn: first, itemStarts, kind: marker.kind, start: marker.value };
  }
  return null;
}

function romanValue(token: string): number {
  const digits: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const v = digits[token[i]!] ?? 0;
    const next = digits[token[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
