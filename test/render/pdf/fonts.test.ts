import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import { BLACK, contrastRatio, hexColour, WHITE } from "../../../src/render/pdf/colour.js";
import { checksum, FontSubset } from "../../../src/render/pdf/font-subset.js";
import { FACES, fontBytes, fontFile, type Face } from "../../../src/render/pdf/fonts.js";
import { readTrueType } from "../../../src/render/pdf/truetype.js";
import { HEADER_SHADE, LINK_COLOUR, RAG_FILL, RAG_TEXT } from "../../../src/render/pdf/rules.js";

const require = createRequire(import.meta.url);
const shipped = new Uint8Array(readFileSync(require.resolve("@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf")));
const PAPER_TEXT = "The purpose of this report is to update the Board £ – — ‘single’ “double” é ŵ ŷ • Ag%";

/** Our subset of a face drawing `text`, read back by fontkit, with each character's subset glyph id. */
function subsetOf(face: Face, text: string): { ids: number[]; font: ReturnType<typeof fontkit.create>; bytes: Uint8Array } {
  const source = fontFile(face);
  const subset = new FontSubset(source);
  const ids = [...text].map((ch) => subset.includeGlyph(source.glyphFor(ch.codePointAt(0) ?? 0)));
  const bytes = subset.encode();
  return { ids, font: fontkit.create(Buffer.from(bytes)), bytes };
}

describe("the embedded font", () => {
  it("has glyphs for the characters papers need, in all four faces", () => {
    for (const face of FACES) {
      const font = fontkit.create(Buffer.from(fontBytes(face)));
      for (const ch of "£–—‘’“”éŵŷ•") expect(font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0), `${face} ${ch}`).toBe(true);
    }
  });

  it("is the font file as its package ships it, not a repaired copy", () => {
    expect(Buffer.from(fontBytes("regular")).equals(Buffer.from(shipped))).toBe(true);
  });

  it("subsets whole glyphs, with the source's outlines and advances, composite letters too, in all four faces", () => {
    for (const face of FACES) {
      const source = fontkit.create(Buffer.from(fontBytes(face)));
      const { ids, font } = subsetOf(face, PAPER_TEXT);
      [...PAPER_TEXT].forEach((ch, i) => {
        const expected = source.glyphForCodePoint(ch.codePointAt(0) ?? 0);
        const glyph = font.getGlyph(ids[i] ?? 0);
        expect(glyph.path.toSVG(), `${face} ${ch}`).toBe(expected.path.toSVG());
        expect(glyph.advanceWidth, `${face} ${ch}`).toBe(expected.advanceWidth);
      });
    }
  });

  it("subsets every glyph of the face whole (every character the regular face has)", () => {
    const source = fontkit.create(Buffer.from(fontBytes("regular")));
    const text = source.characterSet.map((cp) => String.fromCodePoint(cp)).join("");
    const { ids, font } = subsetOf("regular", text);
    [...text].forEach((ch, i) => {
      const expected = source.glyphForCodePoint(ch.codePointAt(0) ?? 0).path.toSVG();
      if (font.getGlyph(ids[i] ?? 0).path.toSVG() !== expected) expect(font.getGlyph(ids[i] ?? 0).path.toSVG(), `U+${ch.codePointAt(0)?.toString(16)}`).toBe(expected);
    });
  });

  it("writes a well-formed TrueType file: sorted table directory, checksums, 4-byte alignment, long loca", () => {
    const { bytes } = subsetOf("bold", PAPER_TEXT);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0)).toBe(0x00010000);
    const count = view.getUint16(4);
    const tags: string[] = [];
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = Buffer.from(bytes.subarray(at, at + 4)).toString("latin1");
      const [sum, offset, length] = [view.getUint32(at + 4), view.getUint32(at + 8), view.getUint32(at + 12)];
      tags.push(tag);
      expect(offset % 4, tag).toBe(0);
      const table = new Uint8Array(bytes.subarray(offset, offset + length));
      if (tag === "head") new DataView(table.buffer).setUint32(8, 0); // summed with checkSumAdjustment 0
      expect(checksum(table), tag).toBe(sum);
    }
    // The tables PDF names for a TrueType program, less the hinting ones Arimo does not have (cvt, fpgm).
    expect(tags).toEqual(["glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"]);
    expect(checksum(bytes)).toBe(0xb1b0afba); // the whole file, checkSumAdjustment included
    const head = tables(bytes).get("head")!;
    expect(new DataView(head.buffer, head.byteOffset).getInt16(50)).toBe(1); // long loca
    const loca = tables(bytes).get("loca")!;
    const locaView = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
    for (let i = 0; i < loca.length; i += 4) expect(locaView.getUint32(i) % 4).toBe(0);
  });

  it("subsets a font whose glyphs are stored at odd lengths (as Arimo ships) without repairing it first", () => {
    const file = readTrueType(shipped);
    const text = "Tse%"; // glyphs of 37, 135, 94 and 159 bytes
    expect([...text].map((ch) => file.glyphBytes(file.glyphFor(ch.codePointAt(0)!)).length % 2)).toEqual([1, 1, 0, 1]);
    const { ids, font } = subsetOf("regular", text);
    const source = fontkit.create(Buffer.from(shipped));
    [...text].forEach((ch, i) => expect(font.getGlyph(ids[i] ?? 0).path.toSVG(), ch).toBe(source.glyphForCodePoint(ch.codePointAt(0)!).path.toSVG()));
  });
});

/** A font file's tables, by tag. */
function tables(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + i * 16;
    out.set(Buffer.from(bytes.subarray(at, at + 4)).toString("latin1"), bytes.subarray(view.getUint32(at + 8), view.getUint32(at + 8) + view.getUint32(at + 12)));
  }
  return out;
}

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
