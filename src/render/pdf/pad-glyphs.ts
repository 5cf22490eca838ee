// Subsets are written as @pdf-lib/fontkit 1.1.1 writes them (font-subset.ts keeps its bytes):
// with a short `loca` table (offsets stored halved) when they fit, each glyph's bytes copied as
// they are. Fonts built by recent tools (Arimo from Google Fonts among them) store glyphs
// unpadded, at odd lengths, so the halved offsets land mid-glyph and viewers draw most letters
// blank. We rewrite the font once, before anything reads it: every glyph padded to four bytes, a
// long `loca`, checksums recomputed. Same font, same metrics; the subsets are then well formed.

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

export function padGlyphs(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const numTables = view.getUint16(4);
  const tables = new Map<string, TableRecord>();
  const order: string[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(font[at] ?? 0, font[at + 1] ?? 0, font[at + 2] ?? 0, font[at + 3] ?? 0);
    tables.set(tag, { tag, offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
    order.push(tag);
  }
  const head = tables.get("head");
  const loca = tables.get("loca");
  const glyf = tables.get("glyf");
  const maxp = tables.get("maxp");
  if (!head || !loca || !glyf || !maxp) return font; // not a glyf-based TrueType font

  const longLoca = view.getInt16(head.offset + 50) === 1;
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const offsets: number[] = [];
  for (let g = 0; g <= numGlyphs; g++) {
    offsets.push(longLoca ? view.getUint32(loca.offset + g * 4) : view.getUint16(loca.offset + g * 2) * 2);
  }
  const lengths = offsets.slice(1).map((end, g) => end - (offsets[g] ?? 0));
  if (lengths.every((n) => n % 4 === 0)) return font;

  // The glyphs, each padded to a multiple of four bytes, and their long offsets.
  const padded = (n: number) => (n + 3) & ~3;
  const newGlyf = new Uint8Array(lengths.reduce((sum, n) => sum + padded(n), 0));
  const newLoca = new Uint8Array((numGlyphs + 1) * 4);
  const locaView = new DataView(newLoca.buffer);
  let at = 0;
  lengths.forEach((n, g) => {
    locaView.setUint32(g * 4, at);
    const start = glyf.offset + (offsets[g] ?? 0);
    newGlyf.set(font.subarray(start, start + n), at);
    at += padded(n);
  });
  locaView.setUint32(numGlyphs * 4, at);
  const newHead = font.slice(head.offset, head.offset + head.length);
  new DataView(newHead.buffer).setInt16(50, 1); // indexToLocFormat: long
  new DataView(newHead.buffer).setUint32(8, 0); // checkSumAdjustment, recomputed below

  const data = new Map<string, Uint8Array>();
  for (const tag of order) {
    const t = tables.get(tag);
    if (t) data.set(tag, tag === "glyf" ? newGlyf : tag === "loca" ? newLoca : tag === "head" ? newHead : font.subarray(t.offset, t.offset + t.length));
  }
  return assemble(font.subarray(0, 12), order, data);
}

/** A font file from its tables, in the original directory order, each 4-byte aligned. */
function assemble(offsetTable: Uint8Array, order: readonly string[], data: Map<string, Uint8Array>): Uint8Array {
  const directorySize = 12 + order.length * 16;
  let size = directorySize;
  for (const tag of order) size += ((data.get(tag)?.length ?? 0) + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(offsetTable, 0);
  let at = directorySize;
  let headAt = -1;
  // Table records must be sorted by tag; the original file's order already is, keep it.
  order.forEach((tag, i) => {
    const bytes = data.get(tag) ?? new Uint8Array(0);
    const record = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[record + c] = tag.charCodeAt(c);
    view.setUint32(record + 4, checksum(bytes));
    view.setUint32(record + 8, at);
    view.setUint32(record + 12, bytes.length);
    out.set(bytes, at);
    if (tag === "head") headAt = at;
    at += (bytes.length + 3) & ~3;
  });
  if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

function checksum(bytes: Uint8Array): number {
  // Whole words read as such (this runs over every byte of four fonts as the writer starts).
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = bytes.length & ~3;
  let sum = 0;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < bytes.length) {
    const word = ((bytes[whole] ?? 0) << 24) | ((bytes[whole + 1] ?? 0) << 16) | ((bytes[whole + 2] ?? 0) << 8) | (bytes[whole + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}
