// A character's glyph code in an embedded subset font: what pdf-lib's encodeText gives for a
// one-character string, without its first step, shaping the string through fontkit's layout
// engine. Shaping one character gives that character's own glyph (its cmap entry) for every
// character Arimo has except the default-ignorable ones (zero-width joiners, bidi marks), which
// shaping turns into another glyph; those still go through pdf-lib. Shaping's first call on a
// font reads the font's whole GPOS table, the largest fixed cost of a short PDF.
// test/render/pdf/glyph-codes.test.ts checks every character of every face against pdf-lib.
import type { PDFFont } from "pdf-lib";

interface FontkitGlyph {
  id: number;
}

/** The parts of pdf-lib's CustomFontSubsetEmbedder that its encodeText uses. */
interface SubsetEmbedder {
  font: { glyphForCodePoint(codePoint: number): FontkitGlyph; layout: unknown };
  subset: { includeGlyph(glyph: FontkitGlyph): number };
  glyphs: FontkitGlyph[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
}

const SHAPED = /\p{Default_Ignorable_Code_Point}/u;

/** The glyph code of one character (one code point) as four hex digits, adding the glyph to the subset. */
export function glyphCode(font: PDFFont, char: string): string {
  const embedder = (font as unknown as { embedder: Partial<SubsetEmbedder> }).embedder;
  const { subset, glyphs, glyphIdMap, glyphCache } = embedder;
  if (SHAPED.test(char) || !embedder.font || !subset || !glyphs || !glyphIdMap || !glyphCache) {
    return font.encodeText(char).toString().slice(1, -1);
  }
  // CustomFontSubsetEmbedder.encodeText, for the one glyph shaping would give.
  const glyph = embedder.font.glyphForCodePoint(char.codePointAt(0) ?? 0);
  const id = subset.includeGlyph(glyph);
  glyphs[id - 1] = glyph;
  glyphIdMap.set(glyph.id, id);
  glyphCache.invalidate();
  return id.toString(16).padStart(4, "0").toUpperCase();
}
