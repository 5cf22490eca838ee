// Writes a zip (the container of .docx and .xlsx files) from parts held in memory: each part
// deflated by Node's zlib (native, several times faster than a JavaScript deflate), every entry
// stamped with one given time, so the same parts always give the same bytes.
// The format is PKWARE's APPNOTE: local header + data per entry, then the central directory.
import * as zlib from "node:zlib";

export interface ZipPart {
  /** The path inside the package, such as "word/document.xml". */
  path: string;
  /** Text is written as UTF-8; a large part held in pieces comes deflated already (deflatePieces). */
  data: string | Uint8Array | Deflated;
}

/** A part's content deflated, with what the zip's headers say of the content itself. */
export interface Deflated {
  deflated: Buffer;
  crc: number;
  size: number;
}

export interface ZipOptions {
  /** zlib's level, 1 (fastest) to 9 (smallest); 6, zlib's default, unless given. */
  level?: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const DEFLATE = 8;
/** Version 2.0: deflate. */
const VERSION = 20;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
const MAX_32 = 0xffffffff;

/** The zip of the parts, in the order given, all dated `when` (UTC calendar time, as zip has no zone). */
export function writeZip(parts: Iterable<ZipPart>, when: Date, options: ZipOptions = {}): Buffer {
  const { time, date } = dosDateTime(when);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const part of parts) {
    const { deflated: compressed, crc, size } = isDeflated(part.data) ? part.data : deflate(part.data, options.level ?? 6);
    const name = Buffer.from(part.path, "utf8");
    const flags = /^[\x20-\x7e]*$/.test(part.path) ? 0 : UTF8_NAME;
    if (size > MAX_32 || compressed.length > MAX_32 || offset > MAX_32) throw new Error(`write-zip: ${part.path} is too large for a zip without zip64`);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL_HEADER, 0);
    entry.writeUInt16LE(VERSION, 4); // made by: MS-DOS, version 2.0
    entry.writeUInt16LE(VERSION, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(DEFLATE, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(compressed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal and external attributes: all 0
    entry.writeUInt32LE(offset, 42);

    chunks.push(local, name, compressed);
    central.push(entry, name);
    offset += local.length + name.length + compressed.length;
    count++;
  }
  if (count > 0xffff) throw new Error("write-zip: too many parts for a zip without zip64");
  const directorySize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

function isDeflated(data: ZipPart["data"]): data is Deflated {
  return typeof data === "object" && "deflated" in data;
}

function deflate(data: string | Uint8Array, level: number): Deflated {
  const raw = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return { deflated: zlib.deflateRawSync(raw, { level }), crc: zlib.crc32(raw), size: raw.length };
}

/**
 * Deflates a part held in pieces (a long paper's document.xml, hundreds of megabytes) without
 * joining them into one buffer first; each piece is let go from `pieces` once deflated. zlib
 * gives the same bytes however its input is split, so the zip is the one writeZip would write.
 */
export async function deflatePieces(pieces: (Uint8Array | undefined)[], level = 6): Promise<Deflated> {
  const stream = zlib.createDeflateRaw({ level });
  const out: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    pieces[i] = undefined;
    crc = zlib.crc32(piece, crc);
    size += piece.length;
    // Waits while zlib is behind, so that pieces are let go as they are deflated, not queued.
    if (!stream.write(piece)) await new Promise((resolve) => stream.once("drain", resolve));
  }
  stream.end();
  await done;
  return { deflated: Buffer.concat(out), crc, size };
}

/** DOS time and date fields, from the UTC calendar time (1980 is the format's epoch). */
export function dosDateTime(when: Date): { time: number; date: number } {
  const year = Math.max(1980, when.getUTCFullYear());
  return {
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | Math.floor(when.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
  };
}
