// The composer gives every numbered heading and paragraph its label ("1.", "3.2", "12", "IV");
// Word must print exactly that label from its own numbering. This file takes a label apart into
// the counters Word would keep and the literal text around them (its `w:lvlText`).

/** Word's `w:numFmt` values for the counters our labels use. */
export type CounterFormat = "decimal" | "upperRoman" | "lowerRoman" | "upperLetter" | "lowerLetter";

export interface ParsedLabel {
  /** The counters, outermost first: "3.2" → [3, 2]. */
  values: number[];
  formats: CounterFormat[];
  /** Literal text around the counters; always one more than `values` ("3.2." → ["", ".", "."]). */
  pieces: string[];
}

const TOKEN = /\d+|[A-Za-z]+/g;
const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/i;

/**
 * Split a label into counters and literal text. `hint` gives the formats an earlier label of the
 * same list used, so "C" after "B" reads as a letter, not as roman 100. Null when a counter is not
 * something Word can count (a word, a zero).
 */
export function parseLabel(label: string, hint: readonly CounterFormat[] = []): ParsedLabel | null {
  const values: number[] = [];
  const formats: CounterFormat[] = [];
  const pieces: string[] = [];
  let at = 0;
  for (const match of label.matchAll(TOKEN)) {
    const token = match[0];
    const read = readCounter(token, hint[values.length]);
    if (!read) return null;
    pieces.push(label.slice(at, match.index));
    values.push(read.value);
    formats.push(read.format);
    at = match.index + token.length;
  }
  if (values.length === 0) return null;
  pieces.push(label.slice(at));
  // "%" would be read by Word as a placeholder; labels never carry one, so refuse rather than guess.
  if (pieces.some((p) => p.includes("%"))) return null;
  return { values, formats, pieces };
}

/** Word's level text for a parsed label, its counters as %1, %2 …: "3.2." → "%1.%2.". */
export function levelText(label: ParsedLabel): string {
  return label.pieces.map((piece, i) => (i === 0 ? piece : `%${i}${piece}`)).join("");
}

/** The label's text before its last counter, with the last counter as Word's `%1` ("3.2" → "3.%1"). */
export function literalLevelText(label: string, parsed: ParsedLabel): { prefix: string; text: string } {
  const last = parsed.values.length - 1;
  const tail = parsed.pieces[last + 1] ?? "";
  let end = label.length - tail.length;
  while (end > 0 && /[0-9A-Za-z]/.test(label[end - 1] ?? "")) end--;
  const prefix = label.slice(0, end);
  return { prefix, text: `${prefix}%1${tail}` };
}

function readCounter(token: string, hint: CounterFormat | undefined): { value: number; format: CounterFormat } | null {
  if (/^\d+$/.test(token)) {
    const value = Number(token);
    return value > 0 ? { value, format: "decimal" } : null;
  }
  const upper = token === token.toUpperCase();
  const asRoman = () => {
    const value = ROMAN.test(token) ? romanValue(token) : 0;
    return value > 0 ? { value, format: upper ? ("upperRoman" as const) : ("lowerRoman" as const) } : null;
  };
  const asLetter = () => {
    const value = letterValue(token);
    return value > 0 ? { value, format: upper ? ("upperLetter" as const) : ("lowerLetter" as const) } : null;
  };
  if (hint === "upperLetter" || hint === "lowerLetter") return asLetter() ?? asRoman();
  if (hint === "upperRoman" || hint === "lowerRoman") return asRoman() ?? asLetter();
  // Without a hint, I, V and X (and any longer numeral) are roman; other single letters are letters.
  if (token.length > 1 || /^[ivx]$/i.test(token)) return asRoman() ?? asLetter();
  return asLetter() ?? asRoman();
}

const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

function romanValue(token: string): number {
  let total = 0;
  const s = token.toUpperCase();
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_DIGITS[s[i] ?? ""] ?? 0;
    const next = ROMAN_DIGITS[s[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Word's letter counting: A … Z, then AA … ZZ, AAA …; one letter repeated. */
function letterValue(token: string): number {
  if (!/^([A-Za-z])\1*$/.test(token)) return 0;
  return (token.length - 1) * 26 + (token.toUpperCase().charCodeAt(0) - 64);
}
