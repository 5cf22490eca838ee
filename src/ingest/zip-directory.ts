// Reads a zip's table of contents (its central directory) without inflating anything, so a
// truncated file or a decompression bomb is refused before any unzip library touches it.
//
// Declared sizes can lie. Three guards, cheapest first:
//   checkInflation         declared sizes within the limits (catches an honest bomb at once);
//   assertPlausibleRatios  declared sizes consistent with the compressed sizes (catches a part
//                          that claims to be smaller than its own compressed data, and the
//                          >1000:1 ratios only bombs reach);
//   inflateEntry / verifyInflatedSizes  inflate with zlib's maxOutputLength capped at the
//                          declared size, so a part that lies (declares 2 MB, holds 2 GB)
//                          is stopped after 2 MB of output. This is what makes the limits
//                          hold whatever the zip claims; detectFormat runs all three.
import { crc32, inflateRawSync } from "node:zlib";
import { formatMegabytes } from "../files/limits.js";
import { LIMITS, type Limits } from "./limits.js";
import { refuse } from "./refused.js";

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** General-purpose flags: bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name. */
  flags: number;
  /** 0 stored, 8 deflated; Excel writes nothing else. */
  method: number;
  localHeaderOffset: number;
  /** The CRC-32 the directory gives for the entry's content. */
  crc32: number;
}

const SIGNATURE = {
  localHeader: 0x04034b50,
  centralHeader: 0x02014b50,
  end: 0x06054b50,
  zip64End: 0x06064b50,
  zip64Locator: 0x07064b50,
} as const;
const END_SIZE = 22;
const ZIP64_END_SIZE = 56;
const ZIP64_LOCATOR_SIZE = 20;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const FLAG_UTF8_NAME = 0x0800;
export const FLAG_ENCRYPTED = 0x0001;

const DAMAGED =
  "the file is cut short or damaged; open the original in Excel and save it again, or copy it again from where it came from";

/** Internal: the directory does not hold together. Becomes INPUT_TRUNCATED. */
class ZipDamaged extends Error {}

function need(condition: boolean): asserts condition {
  if (!condition) throw new ZipDamaged();
}

/** The zip's entries, in directory order. Refuses INPUT_TRUNCATED when the directory is missing or inconsistent. */
export function readZipDirectory(bytes: Buffer, file: string): ZipEntry[] {
  return refuseIfDamaged(file, () => {
    const { count, size, offset, limit } = directoryLocation(bytes, findEndRecord(bytes));
    need(offset + size <= limit);
    const entries = readCentralHeaders(bytes, offset, offset + size, count);
    for (const entry of entries) dataRange(bytes, entry);
    return entries;
  });
}

/** The entry's stored (still compressed) bytes. */
export function compressedData(bytes: Buffer, entry: ZipEntry, file: string): Buffer {
  return refuseIfDamaged(file, () => {
    const { start, end } = dataRange(bytes, entry);
    return bytes.subarray(start, end);
  });
}

function refuseIfDamaged<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof ZipDamaged || err instanceof RangeError) throw refuse(file, "INPUT_TRUNCATED", DAMAGED);
    throw err;
  }
}

/** Refuses INPUT_TOO_LARGE when the declared sizes add up to more than the limits allow. */
export function checkInflation(entries: readonly ZipEntry[], file: string, limits: Limits = LIMITS): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize > limits.maxPartInflatedBytes) {
      throw refuse(file, "INPUT_TOO_LARGE",
        `the workbook would expand to more than ${formatMegabytes(limits.maxPartInflatedBytes)} when opened ` +
          `(its part ${partName(entry)} alone would be ${formatMegabytes(entry.uncompressedSize)}); ` +
          "boardpack refuses it to protect your computer");
    }
    total += entry.uncompressedSize;
  }
  if (total > limits.maxInflatedBytes) {
    throw refuse(file, "INPUT_TOO_LARGE",
      `the workbook would expand to more than ${formatMegabytes(limits.maxInflatedBytes)} when opened ` +
        `(${formatMegabytes(total)} in all); boardpack refuses it to protect your computer`);
  }
}

/** Beyond this ratio only a decompression bomb is left (deflate's own ceiling is about 1032:1). */
const MAX_RATIO = 1000;
const RATIO_CHECKED_ABOVE = 1024 * 1024;

/**
 * Refuses entries whose declared size cannot be true for their compressed data:
 * INPUT_TRUNCATED when a part claims to be smaller than deflate could ever make it,
 * INPUT_TOO_LARGE when a part over 1 MB claims a ratio above 1000:1.
 */
export function assertPlausibleRatios(entries: readonly ZipEntry[], file: string): void {
  for (const entry of entries) {
    const { compressedSize: packed, uncompressedSize: size } = entry;
    // Stored parts are their own size; deflate grows incompressible data by well under 1/8.
    const impossible = entry.method === 0 ? size !== packed : packed > size + size / 8 + 1024;
    if (impossible) throw sizeMismatch(entry, file);
    if (size > RATIO_CHECKED_ABOVE && size > packed * MAX_RATIO) {
      throw refuse(file, "INPUT_TOO_LARGE",
        `the workbook holds a part that would expand more than ${MAX_RATIO.toLocaleString("en-GB")} times when opened ` +
          `(${partName(entry)}, ${formatMegabytes(size)}), which real spreadsheets never do; ` +
          "boardpack refuses it to protect your computer");
    }
  }
}

/**
 * The entry's content, inflated with the output capped at its declared size (itself capped by
 * the limits), so a lying directory cannot make us produce more. Refuses INPUT_TRUNCATED when the
 * data is corrupt or not the declared size, INPUT_NOT_SPREADSHEET for a method Excel never uses.
 */
export function inflateEntry(bytes: Buffer, entry: ZipEntry, file: string, limits: Limits = LIMITS): Buffer {
  checkInflation([entry], file, limits);
  const data = compressedData(bytes, entry, file);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw sizeMismatch(entry, file);
    checkCrc(data, entry, file);
    return data;
  }
  if (entry.method !== 8) {
    throw refuse(file, "INPUT_NOT_SPREADSHEET",
      `the workbook is packed in a way Excel never uses (zip method ${entry.method}); open it in Excel and save it again`);
  }
  let out: Buffer;
  try {
    // maxOutputLength must be at least 1; a 0-byte part that inflates to 1 byte still mismatches.
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch {
    throw sizeMismatch(entry, file);
  }
  if (out.length !== entry.uncompressedSize) throw sizeMismatch(entry, file);
  checkCrc(out, entry, file);
  return out;
}

/** Refuses INPUT_TRUNCATED when the content is not what the zip's checksum says: a part altered or damaged. */
function checkCrc(content: Buffer, entry: ZipEntry, file: string): void {
  if (crc32(content) >>> 0 !== entry.crc32 >>> 0) {
    throw refuse(file, "INPUT_TRUNCATED",
      `the file is damaged (its part ${partName(entry)} does not match its checksum, so its bytes were altered); ` +
        "open the original in Excel and save it again, or copy it again from where it came from");
  }
}

/**
 * Inflates every entry once: proves the declared sizes, and so the limits, hold. Counts the
 * worksheets' rows on the way, so a workbook with too many is refused before any spreadsheet
 * parser sees it. With `keep`, the XML parts' content is kept for the direct reader
 * (xlsx-direct.ts), so nothing is inflated twice.
 */
export function verifyInflatedSizes(
  bytes: Buffer,
  entries: readonly ZipEntry[],
  file: string,
  limits: Limits = LIMITS,
  /** Receives each entry by name, in zip order: an XML part's content, anything else empty. */
  keep?: Map<string, Buffer>,
): { worksheetRows: number; mergedRanges: number } {
  checkInflation(entries, file, limits);
  let worksheetRows = 0;
  let mergedRanges = 0;
  for (const entry of entries) {
    const content = inflateEntry(bytes, entry, file, limits);
    if (/\.xml$/i.test(entry.name) && !/^(\[content_types\]|docprops\/|xl\/(workbook|styles|sharedstrings)\.xml$|xl\/theme\/)/i.test(entry.name)) {
      // Any part may be a worksheet (the workbook's relationships say which): count in all.
      worksheetRows += countElements(content, "row");
      mergedRanges += countElements(content, "mergeCell");
    }
    if (keep) {
      if (keep.has(entry.name)) keep.set(DUPLICATE_PART, EMPTY);
      keep.set(entry.name, /\.(xml|rels|vml)$/i.test(entry.name) ? content : EMPTY);
    }
  }
  return { worksheetRows, mergedRanges };
}

const EMPTY = Buffer.alloc(0);
/** The name verifyInflatedSizes records when two entries share a name (no real part is called this). */
export const DUPLICATE_PART = "\u0000two entries with one name";

/**
 * Opening tags of an element, with or without a namespace prefix (`<row …>`, `<x:row>`), counted
 * in the bytes before any parser sees them (empty rows Excel keeps for formatting count too).
 */
function countElements(xml: Buffer, name: string): number {
  const needle = Buffer.from(name);
  let count = 0;
  for (let at = xml.indexOf(needle); at !== -1; at = xml.indexOf(needle, at + needle.length)) {
    const before = xml[at - 1];
    const after = xml[at + needle.length];
    // "<row" or ":row" (after a prefix), then space, ">" or "/": not "<rowBreaks" nor an attribute.
    if ((before === 0x3c || (before === 0x3a && prefixedTag(xml, at - 1))) && (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d)) count++;
  }
  return count;
}

/** The ":" at `colon` ends a tag's prefix: "<" and name characters lie before it. */
function prefixedTag(xml: Buffer, colon: number): boolean {
  for (let i = colon - 1; i >= 0 && i > colon - 64; i--) {
    const c = xml[i]!;
    if (c === 0x3c) return i < colon - 1;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d || c === 0x2e)) return false;
  }
  return false;
}

function sizeMismatch(entry: ZipEntry, file: string) {
  return refuse(file, "INPUT_TRUNCATED",
    `the file is damaged (its part ${partName(entry)} is not the size the file says it is); ` +
      "open the original in Excel and save it again");
}

/** A part name fit for a one-line message, whatever bytes the zip holds. */
function partName(entry: ZipEntry): string {
  const clean = entry.name.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

/** The end-of-central-directory record: the last 22 bytes, unless a comment (≤ 64 KiB) follows it. */
function findEndRecord(bytes: Buffer): number {
  const last = bytes.length - END_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (bytes.readUInt32LE(at) === SIGNATURE.end && at + END_SIZE + bytes.readUInt16LE(at + 20) <= bytes.length) {
      return at;
    }
  }
  throw new ZipDamaged();
}

/** Where the central directory is; `limit` is where it must end (the record that follows it). */
function directoryLocation(bytes: Buffer, end: number) {
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count !== U16_MAX && size !== U32_MAX && offset !== U32_MAX) return { count, size, offset, limit: end };
  // ZIP64: the real values sit in the zip64 end record, found through the locator just before.
  const locator = end - ZIP64_LOCATOR_SIZE;
  need(locator >= 0 && bytes.readUInt32LE(locator) === SIGNATURE.zip64Locator);
  const record = readU64(bytes, locator + 8);
  need(record + ZIP64_END_SIZE <= locator && bytes.readUInt32LE(record) === SIGNATURE.zip64End);
  return {
    count: readU64(bytes, record + 32),
    size: readU64(bytes, record + 40),
    offset: readU64(bytes, record + 48),
    limit: record,
  };
}

function readCentralHeaders(bytes: Buffer, start: number, end: number, count: number): ZipEntry[] {
  need(end <= bytes.length && count <= (end - start) / CENTRAL_HEADER_SIZE);
  const entries: ZipEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    need(at + CENTRAL_HEADER_SIZE <= end && bytes.readUInt32LE(at) === SIGNATURE.centralHeader);
    const flags = bytes.readUInt16LE(at + 8);
    const nameStart = at + CENTRAL_HEADER_SIZE;
    const extraStart = nameStart + bytes.readUInt16LE(at + 28);
    const extraEnd = extraStart + bytes.readUInt16LE(at + 30);
    const next = extraEnd + bytes.readUInt16LE(at + 32);
    need(next <= end);
    const entry: ZipEntry = {
      // Names without the UTF-8 flag are CP437; the names we look for are ASCII either way.
      name: bytes.toString(flags & FLAG_UTF8_NAME ? "utf8" : "latin1", nameStart, extraStart),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      flags,
      method: bytes.readUInt16LE(at + 10),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      crc32: bytes.readUInt32LE(at + 16),
    };
    applyZip64Extra(bytes.subarray(extraStart, extraEnd), entry);
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** A zip64 extra field (id 1) holds, in this order, each 32-bit value that was saturated. */
function applyZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    const end = at + 4 + length;
    need(end <= extra.length);
    if (id === 1) {
      let field = at + 4;
      const next = () => {
        need(field + 8 <= end);
        const value = readU64(extra, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === U32_MAX) entry.uncompressedSize = next();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next();
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = next();
      return;
    }
    at = end;
  }
}

/** Where the entry's data lies; the local header has its own name and extra lengths. */
function dataRange(bytes: Buffer, entry: ZipEntry): { start: number; end: number } {
  const header = entry.localHeaderOffset;
  need(header + LOCAL_HEADER_SIZE <= bytes.length && bytes.readUInt32LE(header) === SIGNATURE.localHeader);
  const start = header + LOCAL_HEADER_SIZE + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const end = start + entry.compressedSize;
  need(end <= bytes.length);
  return { start, end };
}

/** 64-bit sizes as numbers; anything past 2^53 is far past any file we accept, and fails the range checks. */
function readU64(bytes: Buffer, at: number): number {
  return Number(bytes.readBigUInt64LE(at));
}
