// How wide text is in Arial, to size table columns without a layout engine: Arial shares
// Helvetica's advance widths (the public AFM metrics), so a table of printable ASCII in 1/1000 em,
// regular and bold, measures nearly all tracker text exactly; anything else counts as a digit.
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p … ~
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** Where a word ends (space, tab, newline, return): marked 0 in the tables below. */
const BREAK = 0;
/**
 * Widths by character code below 128, for one look-up per character (a long appendix measures
 * every character of every cell): spaces marked BREAK, anything unlisted a digit's width.
 */
function byCode(widths: readonly number[]): Uint16Array {
  const table = new Uint16Array(128).fill(556);
  for (let code = 33; code < 127; code++) table[code] = widths[code - 32]!;
  for (const space of [9, 10, 13, 32]) table[space] = BREAK;
  return table;
}
const REGULAR_BY_CODE = byCode(REGULAR);
const BOLD_BY_CODE = byCode(BOLD);
const SPACE_WIDTH = REGULAR[0]!;

export interface Extent {
  /** The widest word, in 1/1000 em: a column narrower than this breaks a word. */
  word: number;
  /** The whole text on one line, in 1/1000 em. */
  line: number;
}

/** Measure text, folding it into an extent so far (a paragraph's runs one after another). */
export function measure(text: string, bold: boolean, into: Extent = { word: 0, line: 0 }, carry = { word: 0 }): Extent {
  const widths = bold ? BOLD_BY_CODE : REGULAR_BY_CODE;
  // Local sums, written back once: a long appendix measures every character of every cell.
  let word = carry.word;
  let widest = into.word;
  let line = into.line;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A no-break space (inside a date: "31 May 2016") joins words at a space's width.
    const w = code < 128 ? widths[code]! : code === 0xa0 ? SPACE_WIDTH : 556;
    if (w === BREAK) {
      if (word > widest) widest = word;
      word = 0;
      line += SPACE_WIDTH;
      continue;
    }
    word += w;
    line += w;
  }
  carry.word = word;
  into.word = word > widest ? word : widest;
  into.line = line;
  return into;
}
