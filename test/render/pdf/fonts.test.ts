import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import { BLACK, contrastRatio, hexColour, WHITE } from "../../../src/render/pdf/colour.js";
import { FACES, fontBytes } from "../../../src/render/pdf/fonts.js";
import { padGlyphs } from "../../../src/render/pdf/pad-glyphs.js";
import { HEADER_SHADE, LINK_COLOUR, RAG_FILL, RAG_TEXT } from "../../../src/render/pdf/rules.js";

const require = createRequire(import.meta.url);
const original = new Uint8Array(readFileSync(require.resolve("@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf")));

function subsetOf(bytes: Uint8Array, text: string): Promise<{ ids: number[]; font: ReturnType<typeof fontkit.create> }> {
  const font = fontkit.create(bytes);
  const subset = font.createSubset();
  const ids = [...text].map((ch) => subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0) ?? 0)));
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on("data", (b: Uint8Array) => parts.push(b))
      .on("end", () => resolve({ ids, font: fontkit.create(Buffer.concat(parts)) }));
  });
}

describe("the embedded font", () => {
  it("has glyphs for the characters papers need, in all four faces", () => {
    for (const face of FACES) {
      const font = fontkit.create(fontBytes(face));
      for (const ch of "£–—‘’“”éŵŷ•") expect(font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0), `${face} ${ch}`).toBe(true);
    }
  });

  it("is the same font after padding: same advances and outlines", () => {
    const before = fontkit.create(original);
    const after = fontkit.create(fontBytes("regular"));
    for (const ch of "The £ – ‘single’ “double” é ŵ ŷ Ag%") {
      const cp = ch.codePointAt(0) ?? 0;
      expect(after.glyphForCodePoint(cp).advanceWidth).toBe(before.glyphForCodePoint(cp).advanceWidth);
      expect(after.glyphForCodePoint(cp).path.toSVG()).toBe(before.glyphForCodePoint(cp).path.toSVG());
    }
    expect(padGlyphs(fontBytes("regular"))).toBe(fontBytes("regular")); // already padded: untouched
  });

  it("subsets whole glyphs (fontkit's short loca needs even glyph lengths)", async () => {
    const text = "The purpose of this report is to update the Board £ – é ŵ ŷ";
    const source = fontkit.create(fontBytes("regular"));
    const { ids, font } = await subsetOf(fontBytes("regular"), text);
    [...text].forEach((ch, i) => {
      const expected = source.glyphForCodePoint(ch.codePointAt(0) ?? 0).path.toSVG();
      expect(font.getGlyph(ids[i] ?? 0).path.toSVG(), ch).toBe(expected);
    });
  });
});

describe("colours", () => {
  it("keep RAG labels, header text and links at 4.5:1 or better", () => {
    for (const rag of ["red", "amber", "green", "blue"] as const) {
      expect(contrastRatio(RAG_FILL[rag], RAG_TEXT[rag]), rag).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio(HEADER_SHADE, BLACK)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(LINK_COLOUR, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(RAG_FILL.amber).toEqual(hexColour("FFC000"));
  });
});
