// Doc → PDF bytes: lay the blocks out into chunks, paginate, then (knowing the page count)
// draw each page, its header and footer, links and bookmarks, with the Arimo faces the pages
// use embedded as subsets. The same Doc always gives the same bytes.
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, PDFHexString, PDFName, type PDFFont } from "pdf-lib";
import type { Doc } from "../../compose/doc.js";
import { drawPage, facesUsed, type FontResources } from "./draw.js";
import { FACES, fontBytes, type Face } from "./fonts.js";
import { pageFurniture } from "./furniture.js";
import { layoutDocument } from "./layout-blocks.js";
import { metricsFor } from "./measure.js";
import { setMetadata } from "./metadata.js";
import { addOutline, type OutlineEntry } from "./outline.js";
import { pageGeometry } from "./page-geometry.js";
import { paginate } from "./paginate.js";

export async function renderPdf(doc: Doc): Promise<Uint8Array> {
  const geometry = pageGeometry(doc.style);
  const chunks = layoutDocument(doc, { x: geometry.margins.left, width: geometry.contentWidth });
  const pages = paginate(chunks, geometry.contentHeight);
  const furniture = pages.map((_, i) => pageFurniture(doc, geometry, i, pages.length));
  const digest = createHash("sha256").update(JSON.stringify(doc)).digest();

  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const fonts = await embedFonts(pdf, facesUsed(pages, furniture), digest);

  const outline: OutlineEntry[] = [];
  for (const [i, page] of pages.entries()) {
    const pdfPage = pdf.addPage([geometry.width, geometry.height]);
    const drawn = drawPage(page, furniture[i] ?? { head: [], foot: [] }, geometry.margins.top, geometry.height, fonts.resources);
    // Node's zlib rather than pdf-lib's pako: compressing page contents was half the time of a long appendix.
    const content = pdf.context.stream(deflateSync(Buffer.from(drawn.content, "latin1")), { Filter: "FlateDecode" });
    pdfPage.node.addContentStream(pdf.context.register(content));
    for (const face of FACES) {
      const font = fonts.embedded.get(face);
      if (font && drawn.faces.has(face)) pdfPage.node.setFontDictionary(PDFName.of(fonts.resources.name(face)), font.ref);
    }
    for (const link of drawn.links) {
      const bottom = geometry.height - link.y - link.h;
      const annot = pdf.context.obj({
        Type: "Annot",
        Subtype: "Link",
        Rect: [link.x, bottom, link.x + link.w, bottom + link.h].map(round),
        Border: [0, 0, 0],
        F: 4,
        Contents: PDFHexString.fromText(link.text),
        // Hex, so no character of the address needs escaping; linkTarget made it ASCII.
        A: { Type: "Action", S: "URI", URI: PDFHexString.of(Buffer.from(link.uri, "latin1").toString("hex")) },
      });
      pdfPage.node.addAnnot(pdf.context.register(annot));
    }
    for (const a of drawn.anchors) outline.push({ title: a.title, level: a.level, pageRef: pdfPage.ref, left: a.x, top: geometry.height - a.y });
  }

  addOutline(pdf, outline);
  setMetadata(pdf, doc.meta, digest);
  return pdf.save({
    useObjectStreams: true,
    addDefaultPage: false,
    updateFieldAppearances: false,
    // pdf-lib yields to the event loop every 50 objects by default, which only slows a long paper.
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
}

interface Fonts {
  embedded: Map<Face, PDFFont>;
  resources: FontResources;
}

async function embedFonts(pdf: PDFDocument, used: Set<Face>, digest: Uint8Array): Promise<Fonts> {
  const embedded = new Map<Face, PDFFont>();
  for (const face of FACES) {
    if (!used.has(face)) continue;
    const customName = `${subsetTag(digest, face)}+${metricsFor(face).postscriptName}`;
    embedded.set(face, await pdf.embedFont(fontBytes(face), { subset: true, customName }));
  }
  // Glyph codes per character, asked of pdf-lib once each (which also adds the glyph to the
  // subset), so drawing never shapes whole strings.
  const codes = new Map<Face, Map<string, string>>();
  const resources: FontResources = {
    name: (face) => `F${FACES.indexOf(face) + 1}`,
    encode: (face, text) => {
      const font = embedded.get(face);
      if (!font) throw new Error(`render-pdf: font ${face} was not embedded`);
      let map = codes.get(face);
      if (!map) codes.set(face, (map = new Map()));
      let out = "";
      for (const ch of text) {
        let hex = map.get(ch);
        if (hex === undefined) {
          hex = font.encodeText(ch).toString().slice(1, -1);
          map.set(ch, hex);
        }
        out += hex;
      }
      return out;
    },
  };
  return { embedded, resources };
}

/**
 * The six capital letters before "+" that mark a subset font (PDF 32000-1 §9.6.4). pdf-lib
 * would add a random-looking suffix instead; a tag from the Doc's digest is stable and marks
 * the font as a subset for tools like pdffonts.
 */
export function subsetTag(digest: Uint8Array, face: Face): string {
  const bytes = createHash("sha256").update(digest).update(face).digest();
  return Array.from(bytes.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join("");
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
