// Turns a text file's bytes into a string. Excel on Windows saves "CSV" in Windows-1252 and
// "CSV UTF-8" with a BOM; "Unicode Text" is UTF-16LE with a BOM. £, curly quotes and en
// dashes must come through intact whichever one a user picked.

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

const BOMS: { encoding: TextEncoding; decoder: string; bytes: number[] }[] = [
  { encoding: "utf-8-bom", decoder: "utf-8", bytes: [0xef, 0xbb, 0xbf] },
  { encoding: "utf-16le", decoder: "utf-16le", bytes: [0xff, 0xfe] },
  { encoding: "utf-16be", decoder: "utf-16be", bytes: [0xfe, 0xff] },
];

/**
 * The text without its BOM, and the encoding it was read as. `invalidLines` lists the 1-based
 * lines of a UTF-8 file that hold bytes UTF-8 does not allow (each read as U+FFFD, "�"): a
 * file that is UTF-8 but for a stray byte is read as UTF-8, not re-read as Windows-1252.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding; invalidLines?: number[] } {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, i) => bytes[i] === byte)) {
      // ignoreBOM: we strip the mark ourselves, and a second one is content.
      const text = new TextDecoder(bom.decoder, { ignoreBOM: true }).decode(bytes.subarray(bom.bytes.length));
      return { text, encoding: bom.encoding };
    }
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const { valid, invalid } = countNonAscii(lenient);
    // Some UTF-8 characters and no more bad bytes than good characters: UTF-8 with a few strays.
    if (valid > 0 && invalid <= valid) return { text: lenient, encoding: "utf-8", invalidLines: linesWith(lenient, "\uFFFD") };
    // Not UTF-8: what Excel's plain "CSV" gives on Windows.
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** Characters beyond ASCII that UTF-8 decoded (valid) and the replacement characters that stand for bad bytes (invalid). */
function countNonAscii(text: string): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd) invalid++;
    else if (c < 0xdc00 || c > 0xdfff) valid++; // a surrogate pair counts once
  }
  return { valid, invalid };
}

/** The 1-based lines (LF, CRLF or lone CR ends a line) on which `char` occurs. */
function linesWith(text: string, char: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) {
    for (; from < at; from++) {
      const c = text.charCodeAt(from);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(from + 1) !== 0x0a)) line++;
    }
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

// WHATWG windows-1252 for bytes 0x80-0x9F; every other byte is its own code point. Done by hand
// because Node's TextDecoder("windows-1252") decodes as Latin-1 since 20.18.3 (nodejs/node#60888),
// which would turn curly quotes and en dashes into invisible control characters.
const CP1252_80_TO_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString("latin1").replace(/[\u0080-\u009f]/g, (c) => CP1252_80_TO_9F[c.charCodeAt(0) - 0x80]!);
}
