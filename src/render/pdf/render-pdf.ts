// Doc → PDF bytes: lay the blocks out into chunks, paginate, then (knowing the page count)
// draw each page, its header and footer (with a force's template: its crest too), links and
// bookmarks, with the faces the pages use embedded as subsets, and its structure tree (tagged PDF, PDF/UA-1: structure.ts,
// struct-tree.ts). The same Doc always gives the same bytes.
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import type * as PdfLib from "pdf-lib";
import type { PDFRef } from "pdf-lib";
import type { Doc } from "../../compose/doc.js";
import { docSize } from "../doc-size.js";
import { drawPage, facesUsed, type DrawnPage, type FontResources } from "./draw.js";
import { EmbeddedFont } from "./embed-font.js";
import { FACES, fontFile, type Face } from "./fonts.js";
import { pdfLib } from "./libraries.js";
import { appendPage } from "./pdf-objects.js";
import { pageFurniture, withRoomForFurniture } from "./furniture.js";
import { documentChunks, layoutDocument } from "./layout-blocks.js";
import { metricsFor } from "./measure.js";
import { setMetadata } from "./metadata.js";
import { addOutline, type OutlineEntry } from "./outline.js";
import { pageGeometry } from "./page-geometry.js";
import { type Page, pageStream, paginate } from "./paginate.js";
import { ZlibStreamWriter } from "./stream-writer.js";
import { structNode, type StructNode } from "./structure.js";
import { type TreeLinks, writeStructTree } from "./struct-tree.js";

export interface RenderPdfOptions {
  /**
   * Who compresses page contents (zlib, as deflateSync with its defaults): by default this
   * thread, at once. The PDF thread shares the work with the main thread once that is free
   * (pdf-worker.ts); a page's content may then be compressed by either, with the same bytes.
   */
  compressor?: Compressor;
  /** Lay out page by page, twice, above this docSize (tests lower it to check both ways agree). */
  streamAbove?: number;
  /** JSON.stringify(doc), when the caller has it already. */
  json?: string;
}

export interface Compressor {
  /** Takes a page's content; `take` gives its compressed bytes when the page is added. */
  offer(content: Buffer): { take(): Uint8Array };
  /** Pages drawn ahead of the one being added, so others have time to compress them. */
  window: number;
}

const { PDFDocument, PDFHexString, PDFName, PDFNumber } = pdfLib;
type PDFDocument = PdfLib.PDFDocument;

const COMPRESS_HERE: Compressor = {
  offer: (content) => {
    const compressed = deflateSync(content);
    return { take: () => compressed };
  },
  window: 0,
};

/** Papers larger than this (docSize) are laid out page by page, twice, to keep memory down. */
const STREAM_ABOVE = 20_000;

export async function renderPdf(doc: Doc, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  const compressor = options.compressor ?? COMPRESS_HERE;
  const geometry = withRoomForFurniture(doc, pageGeometry(doc.style));
  const frame = { x: geometry.margins.left, width: geometry.contentWidth };
  const furnitureOf = (i: number, count: number) => pageFurniture(doc, geometry, i, count);
  // The fonts must be embedded, and the page count known (Page X of Y), before the first page is
  // drawn. A long paper is laid out and paginated twice, page by page, rather than held whole:
  // once to count its pages and faces, once to draw them.
  let pages: Iterable<Page>;
  let pageCount = 0;
  let faces: Set<Face>;
  // The layout that is drawn builds the structure tree (the counting pass's is let go).
  const structure: StructNode = structNode("Document");
  if (docSize(doc) <= (options.streamAbove ?? STREAM_ABOVE)) {
    const all = paginate(layoutDocument(doc, frame, structure), geometry.contentHeight);
    pages = all;
    pageCount = all.length;
    faces = facesUsed(all, all.map((_, i) => furnitureOf(i, all.length)));
  } else {
    faces = new Set();
    for (const page of pageStream(documentChunks(doc, frame), geometry.contentHeight)) {
      for (const face of facesUsed([page], [furnitureOf(pageCount, 1)])) faces.add(face);
      pageCount++;
    }
    pages = pageStream(documentChunks(doc, frame, structure), geometry.contentHeight);
  }
  const digest = createHash("sha256").update(options.json ?? JSON.stringify(doc)).digest();

  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = embedFonts(pdf, faces, digest);
  const pictures = await embedTemplatePictures(pdf, doc);
  fonts.resources.image = (name) => pictures.get(name)?.resource;

  const outline: OutlineEntry[] = [];
  const tree: TreeLinks = { pages: [], parents: [], annots: [] };
  // Pages are drawn in order; each is added to the PDF, in order, once its compressed content is
  // back (at once, unless compressing happens elsewhere while the next pages are drawn).
  const queue: { drawn: DrawnPage; compressed: { take(): Uint8Array } }[] = [];
  const addNext = () => {
    const { drawn, compressed } = queue.shift()!;
    const pageFonts: [string, PDFRef][] = [];
    for (const face of FACES) {
      const font = fonts.embedded.get(face);
      if (font && drawn.faces.has(face)) pageFonts.push([fonts.resources.name(face), font.ref]);
    }
    const pageImages = [...pictures.values()].filter((p) => drawn.images.has(p.resource)).map((p): [string, PDFRef] => [p.resource, p.ref]);
    const { page: pdfPage, contents, annots } = appendPage(pdf, [geometry.width, geometry.height], pageFonts, pageImages);
    const pageIndex = tree.pages.length;
    tree.pages.push(pdfPage.ref);
    // Annotations in the order of the structure (PDF/UA-1 §7.18.3), and the way back from the page's MCIDs.
    pdfPage.node.set(PDFName.of("Tabs"), PDFName.of("S"));
    pdfPage.node.set(PDFName.of("StructParents"), PDFNumber.of(tree.parents.length));
    tree.parents.push({ kind: "page", marked: drawn.marked });
    // Node's zlib rather than pdf-lib's pako: compressing page contents was half the time of a long appendix.
    contents.push(pdf.context.register(pdf.context.stream(compressed.take(), { Filter: "FlateDecode" })));
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
        StructParent: tree.parents.length,
      });
      const ref = pdf.context.register(annot);
      annots.push(ref);
      link.element.kids.push({ kind: "annot", page: pageIndex, annot: tree.annots.length });
      tree.annots.push(ref);
      tree.parents.push({ kind: "annot", element: link.element });
    }
    for (const a of drawn.anchors) outline.push({ title: a.title, level: a.level, pageRef: pdfPage.ref, left: a.x, top: geometry.height - a.y });
  };
  let i = 0;
  for (const page of pages) {
    const drawn = drawPage(page, furnitureOf(i, pageCount), geometry.margins.top, geometry.height, fonts.resources, i);
    i++;
    queue.push({ drawn, compressed: compressor.offer(Buffer.from(drawn.content, "latin1")) });
    if (queue.length > compressor.window) addNext();
    // Now and then let the event loop run, so compressed pages can come back from elsewhere.
    if (compressor !== COMPRESS_HERE && i % 8 === 0) await new Promise((resume) => setImmediate(resume));
  }
  while (queue.length > 0) addNext();

  addOutline(pdf, outline);
  const structElements = writeStructTree(pdf, structure, tree);
  setMetadata(pdf, doc.meta, digest);
  // Where pdf-lib would write the fonts it embeds: first thing when saving.
  for (const font of fonts.embedded.values()) font.write();
  // pdf.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false }) as
  // pdf-lib does it (flush, then a stream writer), its object streams compressed with Node's zlib.
  await pdf.flush();
  return ZlibStreamWriter.of(pdf.context, [structElements]).serializeToBuffer();
}

interface Fonts {
  embedded: Map<Face, EmbeddedFont>;
  resources: FontResources;
}

function embedFonts(pdf: PDFDocument, used: Set<Face>, digest: Uint8Array): Fonts {
  const embedded = new Map<Face, EmbeddedFont>();
  for (const face of FACES) {
    if (!used.has(face)) continue;
    const customName = `${subsetTag(digest, face)}+${metricsFor(face).postscriptName}`;
    embedded.set(face, new EmbeddedFont(pdf, fontFile(face), customName));
  }
  const resources: FontResources = {
    name: (face) => `F${FACES.indexOf(face) + 1}`,
    encode: (face, text) => {
      const font = embedded.get(face);
      if (!font) throw new Error(`render-pdf: font ${face} was not embedded`);
      return font.encode(text);
    },
  };
  return { embedded, resources };
}

/**
 * The pictures of a force's Word template (its crest) and the style's or spec's logo the PDF can
 * draw: PNG and JPEG, by their media names; a picture pdf-lib cannot read is left out (the Word
 * paper still shows it; a logo was checked as a whole PNG or JPEG when it was read).
 */
async function embedTemplatePictures(pdf: PDFDocument, doc: Doc): Promise<Map<string, { resource: string; ref: PDFRef }>> {
  const out = new Map<string, { resource: string; ref: PDFRef }>();
  for (const media of [...(doc.template?.media ?? []), ...(doc.logo ? [doc.logo.media] : [])]) {
    if (media.format !== "png" && media.format !== "jpeg") continue;
    const bytes = Buffer.from(media.base64, "base64");
    try {
      const image = media.format === "png" ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
      out.set(media.name, { resource: `Im${out.size + 1}`, ref: image.ref });
    } catch {
      // Not a picture pdf-lib can read: drawn in Word only.
    }
  }
  return out;
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
