// The PDF writer's faster paths give the very bytes of the plain ones: characters encoded without
// shaping (glyph-codes.ts) as pdf-lib's encodeText would, a long paper laid out page by page in
// two passes as in one, and pages compressed elsewhere (the PDF thread) as here.
import { deflateSync } from "node:zlib";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { Doc } from "../../../src/compose/doc.js";
import { FACES, fontBytes } from "../../../src/render/pdf/fonts.js";
import { glyphCode } from "../../../src/render/pdf/glyph-codes.js";
import { type Compressor, renderPdf } from "../../../src/render/pdf/render-pdf.js";
import { appendixDoc, cambridgeshireDoc, cityOfLondonDoc, p, t, UNICODE_SAMPLE } from "./fixtures.js";

const docs = (): [string, Doc][] => [
  ["Cambridgeshire", cambridgeshireDoc()],
  ["City of London", cityOfLondonDoc(40)],
  ["appendix", appendixDoc(300)],
  ["awkward text", { ...cambridgeshireDoc(), blocks: [p([t(`${UNICODE_SAMPLE} zero\u200bwidth joiner\u200d bidi\u200e soft\u00adhyphen e\u0301 \ud83d\ude00 tab\tend`)])] }],
];

describe("glyph codes without shaping", () => {
  it("are the glyph shaping gives, for every character of every face but the default-ignorable ones", async () => {
    for (const face of FACES) {
      const font = fontkit.create(fontBytes(face));
      for (const cp of font.characterSet) {
        const char = String.fromCodePoint(cp);
        if (/\p{Default_Ignorable_Code_Point}/u.test(char)) continue;
        expect(font.layout(char).glyphs.map((g) => g.id), `${face} U+${cp.toString(16)}`).toEqual([font.glyphForCodePoint(cp).id]);
      }
    }
  });

  it("encode and embed exactly as pdf-lib's encodeText", async () => {
    const text = `Review the DASH process – “quoted” ${UNICODE_SAMPLE} zero\u200bwidth\u200e\u2060 soft\u00ad 😀 ${"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"}`;
    const build = async (encode: (font: Awaited<ReturnType<PDFDocument["embedFont"]>>, char: string) => string) => {
      const pdf = await PDFDocument.create({ updateMetadata: false });
      pdf.registerFontkit(fontkit);
      const font = await pdf.embedFont(fontBytes("regular"), { subset: true, customName: "ABCDEF+Arimo" });
      const codes = [...text].map((char) => encode(font, char));
      pdf.addPage();
      return { codes, bytes: Buffer.from(await pdf.save({ useObjectStreams: true })) };
    };
    const plain = await build((font, char) => font.encodeText(char).toString().slice(1, -1));
    const direct = await build(glyphCode);
    expect(direct.codes).toEqual(plain.codes);
    expect(direct.bytes.equals(plain.bytes)).toBe(true);
  });
});

describe("renderPdf's ways of working", () => {
  it("lays a paper out page by page, twice, with the same bytes as all at once", async () => {
    for (const [name, doc] of docs()) {
      const whole = Buffer.from(await renderPdf(doc, { streamAbove: Number.POSITIVE_INFINITY }));
      const paged = Buffer.from(await renderPdf(doc, { streamAbove: 0 }));
      expect(paged.equals(whole), name).toBe(true);
    }
  });

  it("gives the same bytes when pages are compressed elsewhere and come back late", async () => {
    // Every other page "comes back" from elsewhere; the rest are compressed when taken.
    let n = 0;
    const compressor: Compressor = {
      offer(content) {
        const elsewhere = n++ % 2 === 0 ? deflateSync(content) : undefined;
        return { take: () => elsewhere ?? deflateSync(content) };
      },
      window: 5,
    };
    for (const [name, doc] of docs()) {
      const here = Buffer.from(await renderPdf(doc));
      const shared = Buffer.from(await renderPdf(doc, { compressor }));
      expect(shared.equals(here), name).toBe(true);
    }
  });
});
