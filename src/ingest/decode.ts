// Turns a text file's bytes into a string. Excel on Windows saves "CSV" in Windows-1252 and
// "CSV UTF-8" with a BOM; "Unicode Text" is UTF-16LE with a BOM. £, curly quotes and en
// dashes must come through intact whichever one a user picked.

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

const BOMS: { encoding: TextEncoding; decoder: string; bytes: number[] }[] = [
  { encoding: "utf-8-bom", decoder: "utf-8", bytes: [0xef, 0xbb, 0xbf] },
  { encoding: "utf-16le", decoder: "utf-16le", bytes: [0xff, 0xfe] },
  { encoding: "utf-16be", decoder: "utf-16be", bytes: [0xfe, 0xff] },
];

/** The text without its BOM, and the encoding it was read as. */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
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
    // Not valid UTF-8: what Excel's plain "CSV" gives on Windows.
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

// WHATWG windows-1252 for bytes 0x80-0x9F; every other byte is its own code point. Done by hand
// because Node's TextDecoder("windows-1252") decodes as Latin-1 since 20.18.3 (nodejs/node#60888),
// which would turn curly quotes and en dashes into invisible control characters.
const CP1252_80_TO_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString("latin1").replace(/[\u0080-\u009f]/g, (c) => CP1252_80_TO_9F[c.charCodeAt(0) - 0x80]!);
}
