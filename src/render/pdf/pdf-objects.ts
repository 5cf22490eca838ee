// Some of pdf-lib's operations as it does them, without the costs that grow with a long paper:
// adding a page walked every page already in the tree (quadratic in the page count), and writing
// a stream copied its bytes one at a time. The objects, their order and their bytes are pdf-lib's.
import { deflateSync } from "node:zlib";
import type * as PdfLib from "pdf-lib";
import type { PDFArray, PDFDocument, PDFObject, PDFPage, PDFRawStream, PDFRef } from "pdf-lib";
import { pdfLib } from "./libraries.js";

const { PDFName, PDFPage: Page, PDFPageLeaf } = pdfLib;
type PDFName = PdfLib.PDFName;

interface DocumentInternals {
  pageMap: Map<unknown, PDFPage>;
  pageCache: { invalidate(): void };
  pageCount: number | undefined;
}

/** A page just added, with the arrays its content streams and annotations go in. */
export interface AppendedPage {
  page: PDFPage;
  contents: PDFArray;
  annots: PDFArray;
}

/**
 * pdf.addPage(size), then the page's font resources set (`fonts`, in order), for a document
 * whose pages are all added this way: its page tree is one flat node, so the new page is simply
 * its last kid (where pdf-lib's walk would put it). The page dictionary is made as it ends up
 * after pdf-lib's PDFPage.create, setSize, setFontDictionary and addContentStream (its keys in
 * that order), at once rather than through their lookups of inherited attributes.
 */
export function appendPage(pdf: PDFDocument, size: [number, number], fonts: readonly [string, PDFRef][]): AppendedPage {
  const index = pdf.getPageCount();
  const { context } = pdf;
  const pagesRef = pdf.catalog.get(PDFName.of("Pages")) as PDFRef;
  const font = context.obj({});
  for (const [name, ref] of fonts) font.set(PDFName.of(name), ref);
  const contents = context.obj([]);
  const annots = context.obj([]);
  const leaf = PDFPageLeaf.fromMapWithContext(
    new Map<PDFName, PDFObject>([
      [PDFName.of("Type"), PDFName.of("Page")],
      [PDFName.of("Parent"), pagesRef],
      [PDFName.of("Resources"), context.obj({ Font: font, XObject: {}, ExtGState: {} })],
      [PDFName.of("MediaBox"), context.obj([0, 0, 0 + size[0], 0 + size[1]])],
      [PDFName.of("Annots"), annots],
      [PDFName.of("Contents"), contents],
    ]),
    context,
    false,
  );
  const page = Page.of(leaf, context.register(leaf), pdf);
  const pages = pdf.catalog.Pages();
  if (pages.Kids().size() !== index) throw new Error("appendPage: the page tree is not flat");
  (pages as unknown as { insertLeafKid(index: number, ref: PDFRef): void }).insertLeafKid(index, page.ref);
  const internals = pdf as unknown as DocumentInternals;
  internals.pageMap.set(page.node, page);
  internals.pageCache.invalidate();
  internals.pageCount = index + 1;
  return { page, contents, annots };
}

const STREAM = Buffer.from("\nstream\n", "latin1");
const END_STREAM = Buffer.from("\nendstream", "latin1");

/** PDFStream.copyBytesInto, its loop over the contents a single copy. */
function copyBytesInBulk(this: PDFRawStream, buffer: Uint8Array, offset: number): number {
  (this as unknown as { updateDict(): void }).updateDict();
  const start = offset;
  offset += this.dict.copyBytesInto(buffer, offset);
  buffer.set(STREAM, offset);
  offset += STREAM.length;
  buffer.set(this.contents, offset);
  offset += this.contents.length;
  buffer.set(END_STREAM, offset);
  offset += END_STREAM.length;
  return offset - start;
}

/** pdf.context.stream(contents, dict), written in bulk. */
export function bulkStream(pdf: PDFDocument, contents: Uint8Array, dict: Record<string, unknown>): PDFRawStream {
  const stream = pdf.context.stream(contents, dict as never);
  stream.copyBytesInto = copyBytesInBulk;
  return stream;
}

/** pdf.context.flateStream(contents, dict), compressed with Node's zlib rather than pako (see libraries.ts). */
export function flateStream(pdf: PDFDocument, contents: Uint8Array | string, dict: Record<string, unknown> = {}): PDFRawStream {
  const bytes = typeof contents === "string" ? Buffer.from(contents, "latin1") : contents;
  return pdf.context.stream(deflateSync(bytes), { ...dict, Filter: "FlateDecode" } as never);
}
