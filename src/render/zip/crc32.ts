// The CRC-32 a zip entry carries. Node has it natively from 20.15 (zlib.crc32); on an older
// Node 20 we compute it with the usual table, so boardpack still runs there.
import * as zlib from "node:zlib";

type Crc32 = (data: Uint8Array) => number;

const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

let table: Uint32Array | undefined;

function crc32ByTable(data: Uint8Array): number {
  table ??= makeTable();
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

export const crc32: Crc32 = native ? (data) => native(data) : crc32ByTable;

/** For tests: the table version, whatever Node provides. */
export const crc32WithoutNode: Crc32 = crc32ByTable;
