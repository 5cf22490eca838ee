// docx's Packer (the reference the Word writer is tested against, render-docx-components.ts)
// stamps every zip entry with the time of writing. For byte-identical output we stamp them all
// with one fixed date afterwards. Our own packages are dated as they are zipped (zip/write-zip.ts).
import { dosDateTime } from "./zip/write-zip.js";

const END_OF_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Rewrite the DOS date and time of every entry (local and central headers) in place; returns the same buffer. */
export function fixZipTimestamps(zip: Buffer, when: Date): Buffer {
  const { time, date } = dosDateTime(when);
  const end = findEndOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error("zip-timestamps: not a central directory header");
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(date, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error("zip-timestamps: not a local header");
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

function findEndOfDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new Error("zip-timestamps: no end of central directory");
}
