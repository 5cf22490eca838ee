// A subset of a TrueType font: the glyphs a paper draws, renumbered 1, 2, 3 … in the order they
// are first drawn (0 is .notdef), with the glyphs composite glyphs are built from added after
// them. The file is written byte for byte as fontkit's TTFSubset writes it (the tables PDF needs,
// in fontkit's order, checksums left 0), so PDFs keep the bytes they had when fontkit wrote it.
import { viewOf, type TrueTypeFont } from "./truetype.js";

/** Composite glyph flags (the OpenType glyf table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

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
    const hmtx: number[] = [];
    let offset = 0;
    // Components are added to `glyphs` as they are met, so the list may grow while it is walked.
    for (let i = 0; i < this.glyphs.length; i++) {
      const gid = this.glyphs[i]!;
      const bytes = this.withSubsetComponents(font.glyphBytes(gid));
      glyf.push(bytes);
      offsets.push(offset);
      hmtx.push(font.advanceWidth(gid), font.leftBearing(gid));
      offset += bytes.length;
    }
    offsets.push(offset);
    const longLoca = offset > 0xffff;

    const table = (tag: string) => font.tables.get(tag);
    const head = copy(table("head")!);
    viewOf(head).setUint16(44, viewOf(head).getUint16(44) & 0x7f); // macStyle: the bits fontkit knows
    viewOf(head).setInt16(50, longLoca ? 1 : 0);
    const hhea = copy(table("hhea")!);
    viewOf(hhea).setUint16(34, glyf.length);
    const maxp = copy(table("maxp")!);
    viewOf(maxp).setUint16(4, glyf.length);
    const loca = new Uint8Array(offsets.length * (longLoca ? 4 : 2));
    offsets.forEach((o, i) => (longLoca ? viewOf(loca).setUint32(i * 4, o) : viewOf(loca).setUint16(i * 2, o >>> 1)));
    const metrics = new Uint8Array(hmtx.length * 2);
    hmtx.forEach((v, i) => (i % 2 === 0 ? viewOf(metrics).setUint16(i * 2, v) : viewOf(metrics).setInt16(i * 2, v)));
    const cvt = table("cvt ");

    const tables: [string, Uint8Array | undefined][] = [
      ["head", head],
      ["hhea", hhea],
      ["loca", loca],
      ["maxp", maxp],
      // Read as 16-bit values by fontkit, so an odd last byte is dropped.
      ["cvt ", cvt?.subarray(0, cvt.length & ~1)],
      ["prep", table("prep")],
      ["glyf", concat(glyf)],
      ["hmtx", metrics],
      ["fpgm", table("fpgm")],
    ];
    return directory(tables.filter((t): t is [string, Uint8Array] => t[1] !== undefined));
  }

  /** A composite glyph's bytes with its components' ids changed to their subset ids (adding them). */
  private withSubsetComponents(bytes: Uint8Array): Uint8Array {
    if (bytes.length === 0 || viewOf(bytes).getInt16(0) >= 0) return bytes;
    const out = copy(bytes);
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

/** The font file: fontkit's directory (tag "true", checksums 0), tables one after another. */
function directory(tables: [string, Uint8Array][]): Uint8Array {
  const n = tables.length;
  const header = 12 + n * 16;
  const out = new Uint8Array(header + tables.reduce((sum, [, t]) => sum + t.length, 0));
  const view = viewOf(out);
  const power = 2 ** Math.floor(Math.log(n) / Math.LN2);
  out.set([0x74, 0x72, 0x75, 0x65], 0); // "true"
  view.setUint16(4, n);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log(power) / Math.LN2);
  view.setUint16(10, n * 16 - power * 16);
  let at = header;
  tables.forEach(([tag, bytes], i) => {
    const record = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[record + c] = tag.charCodeAt(c);
    view.setUint32(record + 8, at);
    view.setUint32(record + 12, bytes.length);
    out.set(bytes, at);
    at += bytes.length;
  });
  return out;
}

function copy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
