// A subset of a TrueType (glyf-outline) font for embedding in a PDF (FontFile2): the glyphs a
// paper draws, renumbered 1, 2, 3 … in the order they are first drawn (0 is .notdef), with the
// glyphs composite glyphs are built from added after them. It holds the tables PDF 32000-1
// §9.9 names for an embedded TrueType program (head, hhea, loca, maxp, cvt, prep, glyf, hmtx,
// fpgm), written as the OpenType spec asks: a sorted table directory with checksums, tables
// 4-byte aligned, each glyph padded to 4 bytes and long (32-bit) loca offsets, so a glyph of
// any length, in any font, is found where the offsets say. Any TrueType face with glyf outlines
// can go through it (Arimo today; Carlito, Caladea, Tinos alike).
import { viewOf, type TrueTypeFont } from "./truetype.js";

/** Composite glyph flags (the OpenType glyf table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** head.checkSumAdjustment is this less the checksum of the whole file (OpenType, head table). */
const CHECKSUM_MAGIC = 0xb1b0afba;
/** The tables copied from the font as they are, when it has them (hinting programs and values). */
const COPIED = ["cvt ", "fpgm", "prep"] as const;

export class FontSubset {
  /** Original glyph ids, by subset id. */
  readonly glyphs: number[] = [];
  private readonly ids = new Map<number, number>();

  constructor(private readonly font: TrueTypeFont) {
    this.includeGlyph(0);
  }

  /** The glyph's id in the subset, adding it if new. */
  includeGlyph(glyph: number): number {
    let id = this.ids.get(glyph);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(glyph);
      this.ids.set(glyph, id);
    }
    return id;
  }

  /** The subset font file. */
  encode(): Uint8Array {
    const { font } = this;
    const glyf: Uint8Array[] = [];
    const offsets: number[] = [];
    const metrics: number[] = [];
    let offset = 0;
    // Components are added to `glyphs` as they are met, so the list may grow while it is walked.
    for (let i = 0; i < this.glyphs.length; i++) {
      const gid = this.glyphs[i]!;
      const bytes = this.withSubsetComponents(font.glyphBytes(gid));
      glyf.push(bytes);
      offsets.push(offset);
      metrics.push(font.advanceWidth(gid), font.leftBearing(gid));
      offset += padded(bytes.length);
    }
    offsets.push(offset);

    const required = (tag: string) => {
      const t = font.tables.get(tag);
      if (!t) throw new Error(`font-subset: the font has no ${tag} table`);
      return new Uint8Array(t);
    };
    const head = required("head");
    viewOf(head).setUint32(8, 0); // checkSumAdjustment: set once the file is whole
    viewOf(head).setInt16(50, 1); // indexToLocFormat: long offsets
    const hhea = required("hhea");
    viewOf(hhea).setUint16(34, glyf.length); // numberOfHMetrics: every glyph has its own
    const maxp = required("maxp");
    viewOf(maxp).setUint16(4, glyf.length);
    const loca = new Uint8Array(offsets.length * 4);
    offsets.forEach((o, i) => viewOf(loca).setUint32(i * 4, o));
    const hmtx = new Uint8Array(metrics.length * 2);
    metrics.forEach((v, i) => (i % 2 === 0 ? viewOf(hmtx).setUint16(i * 2, v) : viewOf(hmtx).setInt16(i * 2, v)));

    const tables = new Map<string, Uint8Array>([
      ["head", head],
      ["hhea", hhea],
      ["maxp", maxp],
      ["loca", loca],
      ["hmtx", hmtx],
      ["glyf", concatPadded(glyf)],
    ]);
    for (const tag of COPIED) {
      const t = font.tables.get(tag);
      if (t) tables.set(tag, t);
    }
    return sfnt(tables);
  }

  /** A composite glyph's bytes with its components' ids changed to their subset ids (adding them). */
  private withSubsetComponents(bytes: Uint8Array): Uint8Array {
    if (bytes.length === 0 || viewOf(bytes).getInt16(0) >= 0) return bytes;
    const out = new Uint8Array(bytes);
    const view = viewOf(out);
    let at = 10;
    for (;;) {
      const flags = view.getUint16(at);
      view.setUint16(at + 2, this.includeGlyph(view.getUint16(at + 2)));
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) return out;
    }
  }
}

/**
 * A TrueType font file from its tables: version 1.0, the directory sorted by tag with each
 * table's checksum, tables in the same order, each starting on a 4-byte boundary, and the
 * head table's checkSumAdjustment set for the whole file.
 */
export function sfnt(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const header = 12 + n * 16;
  const out = new Uint8Array(header + tags.reduce((sum, tag) => sum + padded(tables.get(tag)!.length), 0));
  const view = viewOf(out);
  const power = 2 ** Math.floor(Math.log2(n));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, n);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, n * 16 - power * 16);
  let at = header;
  let headAt = -1;
  tags.forEach((tag, i) => {
    const bytes = tables.get(tag)!;
    const record = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[record + c] = tag.charCodeAt(c);
    view.setUint32(record + 4, checksum(bytes));
    view.setUint32(record + 8, at);
    view.setUint32(record + 12, bytes.length);
    out.set(bytes, at);
    if (tag === "head") headAt = at;
    at += padded(bytes.length);
  });
  if (headAt >= 0) view.setUint32(headAt + 8, (CHECKSUM_MAGIC - checksum(out)) >>> 0);
  return out;
}

/** The OpenType table checksum: the sum of its big-endian 32-bit words, the last zero-padded. */
export function checksum(bytes: Uint8Array): number {
  const view = viewOf(bytes);
  const whole = bytes.length & ~3;
  let sum = 0;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  let last = 0;
  for (let i = whole; i < bytes.length; i++) last |= bytes[i]! << (24 - (i - whole) * 8);
  return (sum + (last >>> 0)) >>> 0;
}

function padded(length: number): number {
  return (length + 3) & ~3;
}

/** The parts one after another, each starting on a 4-byte boundary (zero bytes between). */
function concatPadded(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + padded(p.length), 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += padded(p.length);
  }
  return out;
}
