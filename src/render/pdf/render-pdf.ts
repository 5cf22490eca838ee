// Doc → PDF bytes: lay the blocks out into chunks and paginate, drawing each page — its header
// (with a force's template: its crest too), body, links and bookmarks — as it is laid out, and
// its footer once the page count is known (Page X of Y); the faces the pages use embedded as
// subsets, and its structure tree (tagged PDF, PDF/UA-1: structure.ts, struct-tree.ts). The same
// Doc always gives the same bytes.
import { createHash } from "node:crypto";
import type * as PdfLib from "pdf-lib";
import type { PDFRef } from "pdf-lib";
import type { Doc } from "../../compose/doc.js";
import { drawFoot, drawPage, type FontResources } from "./draw.js";
import { EmbeddedFont } from "./embed-font.js";
import { FACES, fontFile, type Face } from "./fonts.js";
import { pdfLib } from "./libraries.js";
import { type AppendedPage, appendPage, flateStream } from "./pdf-objects.js";
import { pageFoot, pageHead, withRoomForFurniture } from "./furniture.js";
import { documentChunks } from "./layout-blocks.js";
import { metricsFor } from "./measure.js";
import { setMetadata } from "./metadata.js";
import { addOutline, type OutlineEntry } from "./outline.js";
import { pageGeometry } from "./page-geometry.js";
import { pageStream } from "./paginate.js";
import { ZlibStreamWriter } from "./stream-writer.js";
import { structNode, type StructNode } from "./structure.js";
import { type TreeLinks, writeStructTree } from "./struct-tree.js";

export interface RenderPdfOptions {
  /** JSON.stringify(doc), when the caller has it already. */
  json?: string;
}

const { PDFDocument, PDFHexString, PDFName, PDFNumber } = pdfLib;
type PDFDocument = PdfLib.PDFDocument;

/** A page drawn and added: what its footer and resources need once every page is. */
interface AddedPage {
  added: AppendedPage;
  faces: Set<Face>;
  images: Set<string>;
}

export async function renderPdf(doc: Doc, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  const geometry = withRoomForFurniture(doc, pageGeometry(doc.style));
  const frame = { x: geometry.margins.left, width: geometry.contentWidth };
  const digest = createHash("sha256").update(options.json ?? JSON.stringify(doc)).digest();

  const pdf = await PDFDocument.create({ updateMetadata: false });
  const pictures = await embedTemplatePictures(pdf, doc);
  const fonts = embedFontsWhenUsed(pdf, digest);
  fonts.resources.image = (name) => pictures.get(name)?.resource;

  // Each page is drawn as soon as it is laid out, so a long paper is never held whole; the
  // layout builds the structure tree as it goes.
  const structure: StructNode = structNode("Document");
  const outline: OutlineEntry[] = [];
  const tree: TreeLinks = { pages: [], parents: [], annots: [] };
  const pages: AddedPage[] = [];
  for (const page of pageStream(documentChunks(doc, frame, structure), geometry.contentHeight)) {
    const pageIndex = pages.length;
    const drawn = drawPage(page, pageHead(doc, geometry, pageIndex), geometry.margins.top, geometry.height, fonts.resources, pageIndex);
    const added = appendPage(pdf, [geometry.width, geometry.height]);
    const pdfPage = added.page;
    pages.push({ added, faces: drawn.faces, images: drawn.images });
    tree.pages.push(pdfPage.ref);
    // Annotations in the order of the structure (PDF/UA-1 §7.18.3), and the way back from the page's MCIDs.
    pdfPage.node.set(PDFName.of("Tabs"), PDFName.of("S"));
    pdfPage.node.set(PDFName.of("StructParents"), PDFNumber.of(tree.parents.length));
    tree.parents.push({ kind: "page", marked: drawn.marked });
    // Compressed here as it is drawn: zlib.deflate in libuv's pool was measured to cost this thread
    // more than deflateSync (5,000 actions: 12.62 G instructions against 11.92 G).
    added.contents.push(pdf.context.register(flateStream(pdf, drawn.content)));
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
      added.annots.push(ref);
      link.element.kids.push({ kind: "annot", page: pageIndex, annot: tree.annots.length });
      tree.annots.push(ref);
      tree.parents.push({ kind: "annot", element: link.element });
    }
    for (const a of drawn.anchors) outline.push({ title: a.title, level: a.level, pageRef: pdfPage.ref, left: a.x, top: geometry.height - a.y });
  }

  // Now the page count is known: each page's footer, its second content stream, and the fonts
  // and pictures the page draws with, in a fixed order.
  for (const [pageIndex, { added, faces, images }] of pages.entries()) {
    const foot = drawFoot(pageFoot(doc, geometry, pageIndex, pages.length), geometry.height, fonts.resources);
    // Left uncompressed: a footer's line or two of text does not shrink (5,000 actions: 131 KB of
    // footers came out of zlib as 134 KB), and each would cost a zlib stream.
    if (foot.content !== "") added.contents.push(pdf.context.register(pdf.context.stream(Buffer.from(foot.content, "latin1"))));
    for (const face of FACES) {
      const font = fonts.embedded.get(face);
      if (font && (faces.has(face) || foot.faces.has(face))) added.fonts.set(PDFName.of(fonts.resources.name(face)), font.ref);
    }
    for (const picture of pictures.values()) if (images.has(picture.resource) || foot.images.has(picture.resource)) added.xObjects.set(PDFName.of(picture.resource), picture.ref);
  }

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

/** Each face embedded the first time a page draws with it (so unused faces are not), in that order. */
function embedFontsWhenUsed(pdf: PDFDocument, digest: Uint8Array): Fonts {
  const embedded = new Map<Face, EmbeddedFont>();
  const fontOf = (face: Face): EmbeddedFont => {
    let font = embedded.get(face);
    if (!font) {
      const customName = `${subsetTag(digest, face)}+${metricsFor(face).postscriptName}`;
      font = new EmbeddedFont(pdf, fontFile(face), customName);
      embedded.set(face, font);
    }
    return font;
  };
  const resources: FontResources = {
    name: (face) => `F${FACES.indexOf(face) + 1}`,
    encode: (face, text) => fontOf(face).encode(text),
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
