// Two of pdf-lib's operations as it does them, without the costs that grow with a long paper:
// adding a page walked every page already in the tree (quadratic in the page count), and writing
// a stream copied its bytes one at a time. The objects, their order and their bytes are pdf-lib's.
import { deflateSync } from "node:zlib";
import type { PDFDocument, PDFPage, PDFRawStream, PDFRef } from "pdf-lib";
import { pdfLib } from "./libraries.js";

const { PDFName, PDFPage: Page } = pdfLib;

interface DocumentInternals {
  pageMap: Map<unknown, PDFPage>;
  pageCache: { invalidate(): void };
  pageCount: number | undefined;
}

/**
 * pdf.addPage(size), for a document whose pages are all added this way: its page tree is one
 * flat node, so the new page is simply its last kid (where pdf-lib's walk would put it).
 */
export function appendPage(pdf: PDFDocument, size: [number, number]): PDFPage {
  const index = pdf.getPageCount();
  const page = Page.create(pdf);
  page.setSize(size[0], size[1]);
  const pages = pdf.catalog.Pages();
  if (pages.Kids().size() !== index) throw new Error("appendPage: the page tree is not flat");
  (pages as unknown as { insertLeafKid(index: number, ref: PDFRef): void }).insertLeafKid(index, page.ref);
  page.node.setParent(pdf.catalog.get(PDFName.of("Pages")) as PDFRef);
  const internals = pdf as unknown as DocumentInternals;
  internals.pageMap.set(page.node, page);
  internals.pageCache.invalidate();
  internals.pageCount = index + 1;
  return page;
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
