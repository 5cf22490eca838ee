// The PDF writer's faster paths give the very bytes of the plain ones: characters encoded without
// shaping (embed-font.ts) as pdf-lib's encodeText would, a long paper laid out page by page in
// two passes as in one, and pages compressed elsewhere (the PDF thread) as here.
import { deflateSync } from "node:zlib";
import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import type { Doc } from "../../../src/compose/doc.js";
import { STYLES, fontBytes } from "../../../src/render/pdf/fonts.js";
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
    // Arimo's four faces: fontkit 1.1.1, the reference here, cannot read some of Carlito's
    // glyphs (RangeError); the other families are checked by printing them (families.test.ts).
    for (const face of STYLES) {
      const font = fontkit.create(fontBytes(face));
      for (const cp of font.characterSet) {
        const char = String.fromCodePoint(cp);
        if (/\p{Default_Ignorable_Code_Point}/u.test(char)) continue;
        expect(font.layout(char).glyphs.map((g) => g.id), `${face} U+${cp.toString(16)}`).toEqual([font.glyphForCodePoint(cp).id]);
      }
    }
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
