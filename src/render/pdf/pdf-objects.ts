// pdf-lib's page operations for a long paper, through its public object API (PDFContext,
// PDFDict, PDFArray, PDFPageLeaf, PDFPage.of). pdf.addPage walks every page already in the tree
// to find where the new one goes, which is quadratic in the page count (a 13,000-page appendix
// took seconds); a paper only ever appends, so its page tree is one flat node and a new page is
// simply its last kid.
import { deflateSync } from "node:zlib";
import type * as PdfLib from "pdf-lib";
import type { PDFArray, PDFContext, PDFDict, PDFDocument, PDFObject, PDFPage, PDFRawStream, PDFRef } from "pdf-lib";
import { pdfLib } from "./libraries.js";

const { PDFName, PDFNumber, PDFPage: Page, PDFPageLeaf } = pdfLib;
type PDFName = PdfLib.PDFName;

/** A page just added, with the arrays its content streams and annotations go in and its resource dictionaries. */
export interface AppendedPage {
  page: PDFPage;
  contents: PDFArray;
  annots: PDFArray;
  /** Its /Font and /XObject resources, to be filled in before the document is saved. */
  fonts: PDFDict;
  xObjects: PDFDict;
}

/**
 * A page added at the end of the document: the dictionary pdf.addPage(size) makes, made at once,
 * with resource dictionaries to name the fonts and pictures its contents draw with.
 * Pages added this way are not in pdf-lib's page cache: the document's pages are only read back
 * (getPages, getPageCount) from its saved bytes.
 */
export function appendPage(pdf: PDFDocument, size: [number, number]): AppendedPage {
  const { context } = pdf;
  const pagesRef = pdf.catalog.get(PDFName.of("Pages")) as PDFRef;
  const pages = pdf.catalog.Pages();
  const kids = pages.Kids();
  if (pages.Count().asNumber() !== kids.size()) throw new Error("appendPage: the page tree is not flat");
  const fonts = context.obj({});
  const xObjects = context.obj({});
  const contents = context.obj([]);
  const annots = context.obj([]);
  const leaf = PDFPageLeaf.fromMapWithContext(
    new Map<PDFName, PDFObject>([
      [PDFName.of("Type"), PDFName.of("Page")],
      [PDFName.of("Parent"), pagesRef],
      [PDFName.of("Resources"), context.obj({ Font: fonts, XObject: xObjects, ExtGState: {} })],
      [PDFName.of("MediaBox"), context.obj([0, 0, size[0], size[1]])],
      [PDFName.of("Annots"), annots],
      [PDFName.of("Contents"), contents],
    ]),
    context,
    false,
  );
  const page = Page.of(leaf, context.register(leaf), pdf);
  kids.push(page.ref);
  pages.set(PDFName.of("Count"), PDFNumber.of(kids.size()));
  return { page, contents, annots, fonts, xObjects };
}

/** What pdf.context.flateStream(contents, dict) makes, compressed with Node's zlib rather than pdf-lib's pako (zlib in JavaScript, several times slower in a process that runs it once). */
export function flateStream(pdf: PDFDocument, contents: Uint8Array | string, dict: Record<string, unknown> = {}): PDFRawStream {
  const bytes = typeof contents === "string" ? Buffer.from(contents, "latin1") : contents;
  return pdf.context.stream(deflated(bytes), { ...dict, Filter: "FlateDecode" } as never);
}

/**
 * `bytes` deflated, in memory of their own size. deflateSync hands back output that fits in one
 * of its 16 KB chunks as a view of that chunk, so each page's few kilobytes kept 16 KB alive
 * until the file was written: 190 MB for a 50,000-action paper's 11,777 pages.
 */
export function deflated(bytes: Uint8Array): Uint8Array {
  const out = deflateSync(bytes);
  return out.byteLength * 2 < out.buffer.byteLength ? Buffer.from(out) : out;
}

/**
 * An object whose bytes are written here rather than built from pdf-lib's objects (as draw.ts
 * writes page contents): a long paper's structure tree is tens of thousands of small
 * dictionaries, which as PDFDicts cost more to make and to save than the rest of the paper.
 * pdf-lib places it like any other object (in an object stream); its bytes must be one valid
 * PDF object.
 */
export class RawObject extends pdfLib.PDFObject {
  /** `text`: the object's bytes, one character a byte (its characters are all below U+0100). */
  private constructor(private readonly text: string) {
    super();
  }

  static of(text: string): RawObject {
    return new RawObject(text);
  }

  override clone(): RawObject {
    return this;
  }

  override toString(): string {
    return this.text;
  }

  override sizeInBytes(): number {
    return this.text.length;
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    const { text } = this;
    for (let i = 0; i < text.length; i++) buffer[offset + i] = text.charCodeAt(i);
    return text.length;
  }
}

/** Objects to an object stream: readers inflate a whole stream to read one of its objects. */
export const OBJECTS_PER_STREAM = 500;

/** An object stream (PDF 32000-1 §7.5.7) of packed objects `first` … `first + count - 1`, compressed. */
export interface PackedStream {
  first: number;
  count: number;
  /** The length of the "number offset" pairs that head it: its /First. */
  headLength: number;
  bytes: Uint8Array;
}

/**
 * Objects kept out of pdf-lib's context altogether, as their bytes: a block of object numbers
 * reserved in the context (so nothing else takes them), given in number order and packed into
 * compressed object streams as they come, for ZlibStreamWriter to place. For the many small
 * dictionaries of a structure tree, where a pdf-lib object apiece (made, registered, sorted,
 * sized and copied a byte at a time) cost more than writing the rest of the paper's objects; and
 * packed as they come because, held as text until the file was written, a 50,000-action paper's
 * 684,000 of them took some 350 MB and seconds of garbage collection.
 */
export class PackedObjects {
  private readonly packed: PackedStream[] = [];
  /** Objects given and not yet packed: the last pending.length before `next`. */
  private pending: string[] = [];
  private next: number;

  private constructor(
    /** The first reserved object number. */
    readonly first: number,
    readonly count: number,
  ) {
    this.next = first;
  }

  /** Reserves `count` object numbers after the context's largest (as `count` calls of nextRef would). */
  static reserve(context: PDFContext, count: number): PackedObjects {
    const first = context.largestObjectNumber + 1;
    context.largestObjectNumber += count;
    return new PackedObjects(first, count);
  }

  /** Reserved object `objectNumber`'s bytes, one character a byte (all below U+0100): one valid PDF object. Objects come in number order. */
  put(objectNumber: number, text: string): void {
    if (objectNumber !== this.next) throw new Error(`PackedObjects: object ${objectNumber} came when ${this.next} was due`);
    if (objectNumber >= this.first + this.count) throw new Error(`PackedObjects: object ${objectNumber} was not reserved`);
    this.pending.push(text);
    this.next++;
    if (this.pending.length === OBJECTS_PER_STREAM) this.pack();
  }

  /** The object streams, in number order; every reserved number must have been written. */
  streams(): readonly PackedStream[] {
    const missing = this.first + this.count - this.next;
    if (missing > 0) throw new Error(`PackedObjects: ${missing} reserved objects were never written`);
    if (this.pending.length > 0) this.pack();
    return this.packed;
  }

  /** The pending objects as an object stream: "number offset" pairs, then the objects, each on a line of its own. */
  private pack(): void {
    const texts = this.pending;
    const first = this.next - texts.length;
    const pairs: string[] = [];
    let offset = 0;
    for (let i = 0; i < texts.length; i++) {
      pairs.push(`${first + i} ${offset}`);
      offset += texts[i]!.length + 1;
    }
    const head = `${pairs.join(" ")}\n`;
    const bytes = Buffer.from(`${head}${texts.join("\n")}\n`, "latin1");
    this.packed.push({ first, count: texts.length, headLength: head.length, bytes: deflated(bytes) });
    this.pending = [];
  }
}
