// The file as pdf-lib's PDFStreamWriter lays it out (PDF 32000-1 §7.5.7–7.5.8): streams as
// objects of their own, every other object in an object stream, and a cross-reference stream —
// through PDFWriter's extension points (computeBufferSize, createTrailerDict), with the object
// streams and the cross-reference stream compressed by Node's zlib. pdf-lib compresses them with
// pako, zlib in JavaScript, which in a process that runs it once, cold, took about a second for
// the structure tree of a 1,000-action paper (some 15,000 small objects); Node's zlib takes
// a few tens of milliseconds. pdf-lib still writes the header, the objects and the trailer.
import type * as PdfLib from "pdf-lib";
import type { PDFContext, PDFObject, PDFRef } from "pdf-lib";
import { pdfLib } from "./libraries.js";
import { deflated, OBJECTS_PER_STREAM, type PackedObjects } from "./pdf-objects.js";

const { PDFWriter, PDFHeader, PDFTrailer, PDFRef: Ref, PDFName, PDFNumber, PDFStream, PDFInvalidObject } = pdfLib;

interface SerializationInfo {
  size: number;
  header: PdfLib.PDFHeader;
  indirectObjects: [PDFRef, PDFObject][];
  trailer: PdfLib.PDFTrailer;
}

/** An entry of the cross-reference stream: 1 = at an offset in the file, 2 = in an object stream. */
type XrefEntry = { type: 1; offset: number } | { type: 2; stream: number; index: number };

export class ZlibStreamWriter extends PDFWriter {
  private packed: readonly PackedObjects[] = [];

  /**
   * A writer for the document's context (never yielding to the event loop: it only slows a long
   * paper), and for objects packed outside it (their numbers reserved in it).
   */
  static of(context: PDFContext, packed: readonly PackedObjects[] = []): ZlibStreamWriter {
    const writer = new ZlibStreamWriter(context, Number.POSITIVE_INFINITY);
    writer.packed = packed;
    return writer;
  }

  protected override async computeBufferSize(): Promise<SerializationInfo> {
    const { context } = this;
    let objectNumber = context.largestObjectNumber + 1;
    const header = PDFHeader.forVersion(1, 7);
    let size = header.sizeInBytes() + 2;
    const entries = new Map<number, XrefEntry>();
    const written: [PDFRef, PDFObject][] = [];
    const place = (ref: PDFRef, object: PDFObject) => {
      entries.set(ref.objectNumber, { type: 1, offset: size });
      size += this.computeIndirectObjectSize([ref, object]);
      written.push([ref, object]);
    };

    // As PDFStreamWriter: streams (and anything it would not compress) stand alone; the rest go
    // into object streams, in object-number order.
    const chunks: [PDFRef, PDFObject][][] = [];
    for (const [ref, object] of context.enumerateIndirectObjects()) {
      const alone = ref === context.trailerInfo.Encrypt || object instanceof PDFStream || object instanceof PDFInvalidObject || ref.generationNumber !== 0;
      if (alone) {
        place(ref, object);
        continue;
      }
      let chunk = chunks.at(-1);
      if (!chunk || chunk.length === OBJECTS_PER_STREAM) chunks.push((chunk = []));
      chunk.push([ref, object]);
    }
    for (const chunk of chunks) {
      const streamRef = Ref.of(objectNumber++);
      chunk.forEach(([ref], index) => entries.set(ref.objectNumber, { type: 2, stream: streamRef.objectNumber, index }));
      place(streamRef, objectStream(context, chunk));
    }
    for (const block of this.packed) {
      for (const packed of block.streams()) {
        const streamRef = Ref.of(objectNumber++);
        for (let index = 0; index < packed.count; index++) entries.set(packed.first + index, { type: 2, stream: streamRef.objectNumber, index });
        place(streamRef, context.stream(packed.bytes, { Type: "ObjStm", N: packed.count, First: packed.headLength, Filter: "FlateDecode" }));
      }
    }

    const xrefRef = Ref.of(objectNumber++);
    entries.set(xrefRef.objectNumber, { type: 1, offset: size });
    const trailerDict = this.createTrailerDict();
    const xref = xrefStream(context, entries, objectNumber, trailerDict);
    const xrefOffset = size;
    place(xrefRef, xref);
    const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
    size += trailer.sizeInBytes();
    return { size, header, indirectObjects: written, trailer };
  }
}

/** An object stream (§7.5.7): "number offset" pairs, then the objects, each on a line of its own. */
function objectStream(context: PDFContext, objects: readonly [PDFRef, PDFObject][]): PdfLib.PDFRawStream {
  const pairs: string[] = [];
  let offset = 0;
  for (const [ref, object] of objects) {
    pairs.push(`${ref.objectNumber} ${offset}`);
    offset += object.sizeInBytes() + 1;
  }
  const head = Buffer.from(`${pairs.join(" ")}\n`, "latin1");
  const bytes = new Uint8Array(head.length + offset);
  bytes.set(head, 0);
  let at = head.length;
  for (const [, object] of objects) {
    at += object.copyBytesInto(bytes, at);
    bytes[at++] = 0x0a;
  }
  return context.stream(deflated(bytes), { Type: "ObjStm", N: objects.length, First: head.length, Filter: "FlateDecode" });
}

/** The cross-reference stream (§7.5.8): an entry for every object number from 0, unused ones free. */
function xrefStream(context: PDFContext, entries: Map<number, XrefEntry>, count: number, trailerDict: PdfLib.PDFDict): PdfLib.PDFRawStream {
  let maxField2 = 0;
  let maxField3 = 0;
  for (const entry of entries.values()) {
    maxField2 = Math.max(maxField2, entry.type === 1 ? entry.offset : entry.stream);
    maxField3 = Math.max(maxField3, entry.type === 1 ? 0 : entry.index);
  }
  const w2 = byteWidth(maxField2);
  // Field 3 is a free entry's generation (65535 for object 0) or an index within its stream.
  const w3 = Math.max(2, byteWidth(maxField3));
  const row = 1 + w2 + w3;
  const bytes = new Uint8Array(count * row);
  for (let n = 0; n < count; n++) {
    const entry = entries.get(n);
    const at = n * row;
    if (!entry) {
      // Free: object 0 heads the (empty) free list with generation 65535; gaps are free too.
      writeNumber(bytes, at + 1 + w2, w3, n === 0 ? 65535 : 0);
      continue;
    }
    bytes[at] = entry.type;
    writeNumber(bytes, at + 1, w2, entry.type === 1 ? entry.offset : entry.stream);
    writeNumber(bytes, at + 1 + w2, w3, entry.type === 1 ? 0 : entry.index);
  }
  const stream = context.stream(deflated(bytes), { Type: "XRef", Size: count, W: [1, w2, w3], Filter: "FlateDecode" });
  // The trailer's entries (Root, Info, ID) go in the stream's dictionary.
  for (const [key, value] of trailerDict.entries()) if (key !== PDFName.of("Size")) stream.dict.set(key, value);
  stream.dict.set(PDFName.of("Size"), PDFNumber.of(count));
  return stream;
}

function byteWidth(n: number): number {
  let width = 1;
  while (n >= 256 ** width) width++;
  return width;
}

function writeNumber(bytes: Uint8Array, at: number, width: number, n: number): void {
  for (let i = width - 1; i >= 0; i--) {
    bytes[at + i] = n & 0xff;
    n = Math.floor(n / 256);
  }
}
