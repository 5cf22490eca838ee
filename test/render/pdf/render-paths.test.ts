// The PDF writer's ways of working: characters encoded without shaping (embed-font.ts) as
// pdf-lib's encodeText would; each page drawn as it is laid out, its footer once the page count
// is known; the same bytes every time; streams compressed into memory of their own size.
import { inflateSync } from "node:zlib";
import fontkit from "@pdf-lib/fontkit";
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { Doc } from "../../../src/compose/doc.js";
import { STYLES, fontBytes } from "../../../src/render/pdf/fonts.js";
import { deflated } from "../../../src/render/pdf/pdf-objects.js";
import { renderPdf } from "../../../src/render/pdf/render-pdf.js";
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
  it("draws each page's footer once the page count is known, in a second stream that sets its own colour", async () => {
    // City of London: RAG cells in colour, and "Page X of Y" in the footer.
    const pdf = await PDFDocument.load(await renderPdf(cityOfLondonDoc(40)));
    const pages = pdf.getPages();
    expect(pages.length).toBeGreaterThan(2);
    let colourLeftSet = 0;
    pages.forEach((page, i) => {
      const contents = page.node.lookup(PDFName.of("Contents"), PDFArray);
      expect(contents.size(), `page ${i + 1}`).toBe(2);
      const [body, foot] = [0, 1].map((k) => streamText(contents.lookup(k, PDFRawStream)));
      const fills = [...body!.matchAll(/^([\d. ]+) rg$/gm)].map((m) => m[1]);
      if (fills.at(-1) !== "0 0 0") colourLeftSet++;
      expect(foot, `page ${i + 1}`).toMatch(/^\/Artifact <<\/Type \/Pagination \/Subtype \/Footer>> BDC\n0 0 0 rg\nBT /);
      expect(foot!.trimEnd().endsWith("EMC"), `page ${i + 1}`).toBe(true);
    });
    // The check above means something: some page's body leaves a RAG colour set.
    expect(colourLeftSet).toBeGreaterThan(0);
  });

  it("gives the same bytes every time", async () => {
    for (const [name, doc] of docs()) {
      const first = Buffer.from(await renderPdf(doc));
      const again = Buffer.from(await renderPdf(doc));
      expect(again.equals(first), name).toBe(true);
    }
  });
});

describe("deflated", () => {
  it("gives bytes that inflate back, holding no more memory than they take", () => {
    // A page's contents: a few kilobytes out of zlib's 16 KB chunk.
    const page = Buffer.from(Array.from({ length: 400 }, (_, i) => `BT /F1 12 Tf 144 ${700 - i} Td (line ${i * 7919}) Tj ET`).join("\n"), "latin1");
    const out = deflated(page);
    expect(inflateSync(out).equals(page)).toBe(true);
    expect(out.byteLength).toBeLessThan(page.byteLength / 2);
    expect(out.buffer.byteLength).toBeLessThan(2 * out.byteLength + 8192);
  });
});

function streamText(stream: PDFRawStream): string {
  return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
}
