// pdf-lib, loaded from the single-file bundle its package ships, with require. `import … from
// "pdf-lib"` loads pdf-lib's hundreds of CommonJS files through Node's ESM loader, which first
// scans every one of them for its exports: several times the work of requiring the bundle. The
// bundle is the same version built from the same sources; everything the PDF writer makes comes
// from it, so its objects are all of one copy of pdf-lib. Types still come from the package
// (`import type`). (fontkit is not loaded at all: see truetype.ts and embed-font.ts.)
import { createRequire } from "node:module";
import { deflateSync } from "node:zlib";
import type * as PdfLib from "pdf-lib";

const require = createRequire(import.meta.url);

export const pdfLib = require("pdf-lib/dist/pdf-lib.min.js") as typeof PdfLib;

/** What PDFFlateStream keeps of its contents: a cache filled by `populate` when first read. */
interface FlateStreamInternals {
  encode: boolean;
  contentsCache: { populate: () => Uint8Array; access(): Uint8Array };
  getUnencodedContents(): Uint8Array;
  deflatedByZlib?: boolean;
}

/**
 * pdf-lib compresses the streams it makes itself (object streams, the cross-reference stream)
 * with pako, zlib in JavaScript, which in a process that runs it once, cold, took several times
 * as long as Node's zlib: PDFFlateStream (in this copy of pdf-lib only) deflates with zlib instead,
 * at the same default level. The bytes differ from pako's, and are as deterministic.
 */
function deflateWithZlib(stream: FlateStreamInternals): void {
  if (stream.deflatedByZlib) return;
  stream.deflatedByZlib = true;
  // Replaced before anything has read the cache (only these two methods read it).
  stream.contentsCache.populate = () => (stream.encode ? deflateSync(stream.getUnencodedContents()) : stream.getUnencodedContents());
}
const flateStream = pdfLib.PDFFlateStream.prototype as unknown as { getContents(): Uint8Array; getContentsSize(): number };
flateStream.getContents = function (this: FlateStreamInternals) {
  deflateWithZlib(this);
  return this.contentsCache.access();
};
flateStream.getContentsSize = function (this: FlateStreamInternals) {
  deflateWithZlib(this);
  return this.contentsCache.access().length;
};
