// The parts of a TrueType font file the PDF writer reads: metrics (head, hhea, hmtx, OS/2, post),
// the character map, the PostScript name, and the glyph outlines as bytes (loca, glyf). Reading
// these few tables directly costs a millisecond; loading fontkit to read them cost a tenth of a
// second per process (it unpacks its own compressed data tables when loaded). Values are read as
// fontkit reads them (test/render/pdf/embed-font.test.ts compares them), so measuring and
// embedding agree with pdf-lib's.

export interface TrueTypeFont {
  bytes: Uint8Array;
  /** Each table's bytes, by tag. */
  tables: Map<string, Uint8Array>;
  unitsPerEm: number;
  /** hhea's ascent, descent (negative) and line gap, in font units. */
  ascent: number;
  descent: number;
  lineGap: number;
  postscriptName: string | null;
  numGlyphs: number;
  /** The glyph a code point maps to; 0 (.notdef) when the font has none. */
  glyphFor(codePoint: number): number;
  advanceWidth(glyph: number): number;
  leftBearing(glyph: number): number;
  /** A glyph's outline bytes as stored (glyf between its loca offsets). */
  glyphBytes(glyph: number): Uint8Array;
}

export function readTrueType(bytes: Uint8Array): TrueTypeFont {
  const tables = new Map<string, Uint8Array>();
  const view = viewOf(bytes);
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const offset = view.getUint32(at + 8);
    tables.set(tag, bytes.subarray(offset, offset + view.getUint32(at + 12)));
  }
  const table = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`truetype: the font has no ${tag} table`);
    return t;
  };
  const head = viewOf(table("head"));
  const hhea = viewOf(table("hhea"));
  const hmtx = viewOf(table("hmtx"));
  const loca = viewOf(table("loca"));
  const glyf = table("glyf");
  const numGlyphs = viewOf(table("maxp")).getUint16(4);
  const numberOfMetrics = hhea.getUint16(34);
  const longLoca = head.getInt16(50) === 1;
  const offset = (g: number) => (longLoca ? loca.getUint32(g * 4) : loca.getUint16(g * 2) * 2);
  const lookup = cmapLookup(table("cmap"));

  return {
    bytes,
    tables,
    unitsPerEm: head.getUint16(18),
    ascent: hhea.getInt16(4),
    descent: hhea.getInt16(6),
    lineGap: hhea.getInt16(8),
    postscriptName: postscriptName(tables.get("name")),
    numGlyphs,
    glyphFor: lookup,
    // As fontkit: glyphs past the last full metric share its advance and have their own bearing.
    advanceWidth: (g) => hmtx.getUint16(Math.min(g, numberOfMetrics - 1) * 4),
    leftBearing: (g) => (g < numberOfMetrics ? hmtx.getInt16(g * 4 + 2) : g - numberOfMetrics < numGlyphs - numberOfMetrics ? hmtx.getInt16(numberOfMetrics * 4 + (g - numberOfMetrics) * 2) : 0),
    glyphBytes: (g) => glyf.subarray(offset(g), offset(g + 1)),
  };
}

export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The Unicode subtable fontkit would choose (the same preference order), as a lookup function. */
function cmapLookup(cmap: Uint8Array): (codePoint: number) => number {
  const view = viewOf(cmap);
  const count = view.getUint16(2);
  const subtables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const key = `${view.getUint16(4 + i * 8)},${view.getUint16(6 + i * 8)}`;
    if (!subtables.has(key)) subtables.set(key, view.getUint32(8 + i * 8));
  }
  for (const key of ["3,10", "0,6", "0,4", "3,1", "0,3", "0,2", "0,1", "0,0"]) {
    const at = subtables.get(key);
    if (at === undefined) continue;
    const format = view.getUint16(at);
    if (format === 4) return format4(viewOf(cmap.subarray(at)));
    if (format === 12) return format12(viewOf(cmap.subarray(at)));
  }
  throw new Error("truetype: no Unicode character map of format 4 or 12");
}

function format4(t: DataView): (codePoint: number) => number {
  const segCount = t.getUint16(6) / 2;
  const endAt = 14;
  const startAt = endAt + segCount * 2 + 2;
  const deltaAt = startAt + segCount * 2;
  const rangeAt = deltaAt + segCount * 2;
  return (cp) => {
    let min = 0;
    let max = segCount - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      const start = t.getUint16(startAt + mid * 2);
      if (cp < start) max = mid - 1;
      else if (cp > t.getUint16(endAt + mid * 2)) min = mid + 1;
      else {
        const rangeOffset = t.getUint16(rangeAt + mid * 2);
        const delta = t.getInt16(deltaAt + mid * 2);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        // idRangeOffset counts from its own entry into glyphIdArray, which follows the offsets.
        const at = rangeAt + mid * 2 + rangeOffset + (cp - start) * 2;
        const gid = at + 2 <= t.byteLength ? t.getUint16(at) : 0;
        return gid === 0 ? 0 : (gid + delta) & 0xffff;
      }
    }
    return 0;
  };
}

function format12(t: DataView): (codePoint: number) => number {
  const groups = t.getUint32(12);
  return (cp) => {
    let min = 0;
    let max = groups - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      const at = 16 + mid * 12;
      const start = t.getUint32(at);
      if (cp < start) max = mid - 1;
      else if (cp > t.getUint32(at + 4)) min = mid + 1;
      else return t.getUint32(at + 8) + (cp - start);
    }
    return 0;
  };
}

/** Name 6, as fontkit picks it: the English (Windows, then Mac) record. */
function postscriptName(name: Uint8Array | undefined): string | null {
  if (!name) return null;
  const view = viewOf(name);
  const count = view.getUint16(2);
  const strings = view.getUint16(4);
  let mac: string | null = null;
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    if (view.getUint16(at + 6) !== 6) continue;
    const platform = view.getUint16(at);
    const language = view.getUint16(at + 4);
    const start = strings + view.getUint16(at + 10);
    const bytes = name.subarray(start, start + view.getUint16(at + 8));
    if (platform === 3 && language === 0x409) return Buffer.from(bytes).swap16().toString("utf16le");
    if (platform === 1 && language === 0) mac ??= Buffer.from(bytes).toString("latin1");
  }
  return mac;
}
