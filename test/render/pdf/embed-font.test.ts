// The PDF writer reads the Arimo files itself (truetype.ts) and embeds subsets of them
// (font-subset.ts, embed-font.ts) without fontkit. These tests hold it to what pdf-lib with
// fontkit reads and writes: the same metrics, glyph codes and PDF objects, byte for byte once
// decompressed, all but the font program (our subset, checked in fonts.test.ts).
import fontkit from "@pdf-lib/fontkit";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { EmbeddedFont } from "../../../src/render/pdf/embed-font.js";
import { STYLES, fontBytes, fontFile, type Face } from "../../../src/render/pdf/fonts.js";
import { pdfLib } from "../../../src/render/pdf/libraries.js";
import { UNICODE_SAMPLE } from "./fixtures.js";

// Shaping hides these (the space glyph, no advance). A soft hyphen shares the hyphen's glyph, and
// pdf-lib's shaping hides that glyph for good once a soft hyphen is drawn first; papers never draw
// one (fontText drops it), so here it always follows a hyphen.
const AWKWARD = `zero\u200bwidth\u200e\u2060 bidi\u202a\u202e\u2066 cgj\u034f hyphen- soft\u00ad 😀 e\u0301`;

describe("reading the font file", () => {
  it("gives fontkit's metrics, glyph for every code point, advances and bearings", () => {
    // Arimo's four faces: fontkit 1.1.1, the reference here, cannot read some of Carlito's
    // glyphs (RangeError); the other families are checked by printing them (families.test.ts).
    for (const face of STYLES) {
      const theirs = fontkit.create(fontBytes(face));
      const ours = fontFile(face);
      expect([ours.unitsPerEm, ours.ascent, ours.descent, ours.lineGap, ours.postscriptName], face).toEqual([
        theirs.unitsPerEm,
        theirs.ascent,
        theirs.descent,
        theirs.lineGap,
        theirs.postscriptName,
      ]);
      for (let cp = 0; cp < 0x10000; cp += 1) {
        if (ours.glyphFor(cp) !== theirs.glyphForCodePoint(cp).id) expect(ours.glyphFor(cp), `${face} U+${cp.toString(16)}`).toBe(theirs.glyphForCodePoint(cp).id);
      }
      for (let g = 0; g < ours.numGlyphs; g += 1) {
        const glyph = theirs.getGlyph(g);
        expect([ours.advanceWidth(g), ours.leftBearing(g)], `${face} glyph ${g}`).toEqual([glyph.advanceWidth, (glyph as unknown as { _getMetrics(): { leftBearing: number } })._getMetrics().leftBearing]);
      }
    }
  });
});

/**
 * Every object of a PDF as text, streams decompressed (and their /Length left out), by
 * reference; font programs (FontFile2) only as "font program".
 */
async function objectsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = new Map<string, string>();
  const programs = new Set<string>();
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const program = object instanceof PDFDict ? object.get(PDFName.of("FontFile2")) : undefined;
    if (program) programs.add(program.toString());
  }
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    if (programs.has(ref.toString())) {
      out.set(ref.toString(), "font program");
      continue;
    }
    if (!(object instanceof PDFRawStream)) {
      out.set(ref.toString(), object.toString());
      continue;
    }
    const type = object.dict.get(PDFName.of("Type"))?.toString();
    if (type === "/ObjStm" || type === "/XRef") continue; // how the objects are stored, not what they are
    const dict = object.dict.clone();
    dict.delete(PDFName.of("Length"));
    out.set(ref.toString(), `${dict.toString()}\n${Buffer.from(decodePDFRawStream(object).decode()).toString("latin1")}`);
  }
  return out;
}

describe("embedding", () => {
  /** A PDF with one face embedded as a subset, drawing `text` a character at a time. */
  async function withFont(face: Face, text: string, embed: "pdf-lib" | "ours"): Promise<{ codes: string[]; bytes: Buffer }> {
    const name = "ABCDEF+Arimo";
    if (embed === "pdf-lib") {
      const pdf = await PDFDocument.create({ updateMetadata: false });
      pdf.registerFontkit(fontkit);
      const font = await pdf.embedFont(fontBytes(face), { subset: true, customName: name });
      const codes = [...text].map((char) => font.encodeText(char).toString().slice(1, -1));
      pdf.addPage();
      return { codes, bytes: Buffer.from(await pdf.save({ useObjectStreams: true })) };
    }
    const pdf = await pdfLib.PDFDocument.create({ updateMetadata: false });
    const font = new EmbeddedFont(pdf, fontFile(face), name);
    const codes = [...text].map((char) => font.glyphCode(char.codePointAt(0)!));
    pdf.addPage();
    font.write();
    return { codes, bytes: Buffer.from(await pdf.save({ useObjectStreams: true })) };
  }

  it("gives pdf-lib's glyph codes and PDF objects, default-ignorable characters included", async () => {
    const texts = [
      `Review the DASH process – “quoted” ${UNICODE_SAMPLE} ${AWKWARD} ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789`,
      `hyphen - then soft\u00ad`,
      "",
    ];
    // Arimo's four faces: fontkit 1.1.1, the reference here, cannot read some of Carlito's
    // glyphs (RangeError); the other families are checked by printing them (families.test.ts).
    for (const face of STYLES) {
      for (const text of texts) {
        const theirs = await withFont(face, text, "pdf-lib");
        const ours = await withFont(face, text, "ours");
        expect(ours.codes, `${face}: ${text}`).toEqual(theirs.codes);
        expect(await objectsOf(ours.bytes), `${face}: ${text}`).toEqual(await objectsOf(theirs.bytes));
      }
    }
  });

  it("gives pdf-lib's PDF objects for every character of the font", async () => {
    const font = fontkit.create(fontBytes("regular"));
    const text = font.characterSet.map((cp) => String.fromCodePoint(cp)).join("");
    const theirs = await withFont("regular", text, "pdf-lib");
    const ours = await withFont("regular", text, "ours");
    expect(ours.codes).toEqual(theirs.codes);
    expect(await objectsOf(ours.bytes)).toEqual(await objectsOf(theirs.bytes));
  });
});

describe("glyph codes in the page content", () => {
  /** A PDF literal string's body back to its bytes (the escapes the writer uses). */
  function unescapeLiteral(body: string): number[] {
    const bytes: number[] = [];
    for (let i = 0; i < body.length; i++) {
      if (body[i] === "\\") {
        const next = body[++i]!;
        bytes.push(next === "r" ? 0x0d : next.charCodeAt(0));
      } else bytes.push(body.charCodeAt(i));
    }
    return bytes;
  }

  it("are each glyph's two bytes, with ( ) \\ and carriage return escaped, as the hex codes say", async () => {
    const pdf = await pdfLib.PDFDocument.create({ updateMetadata: false });
    const font = new EmbeddedFont(pdf, fontFile("regular"), "ABCDEF+Arimo");
    // Enough different characters that subset ids 13, 40, 41 and 92 — bytes 0D ( ) \ — are reached.
    const text = Array.from({ length: 120 }, (_, i) => String.fromCodePoint(0x21 + i)).join("") + "éü€";
    const body = font.encode(text);
    expect(body).toMatch(/\\\(/);
    expect(body).toMatch(/\\\)/);
    expect(body).toMatch(/\\\\/);
    expect(body).toMatch(/\\r/);
    expect(body).not.toMatch(/\r/);
    const hex = [...text].map((char) => font.glyphCode(char.codePointAt(0)!)).join("");
    expect(Buffer.from(unescapeLiteral(body)).toString("hex").toUpperCase()).toBe(hex);
  });
});
