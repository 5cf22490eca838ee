// A small zip writer for tests: stored or deflated entries, optional ZIP64 records, and
// entries whose declared size lies, for truncation and decompression-bomb tests.
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface TestZipEntry {
  name: string;
  /** Content; deflated unless method is "store". */
  data?: Buffer | string;
  method?: "store" | "deflate";
  /** Data deflated already, and the size it inflates to (a bomb never held in memory). */
  deflated?: { bytes: Buffer; size: number };
  /** The uncompressed size to write in the headers instead of the true one. */
  declaredSize?: number;
}

export interface TestZipOptions {
  /** Write zip64 extra fields and the zip64 end records. */
  zip64?: boolean;
}

const MiB = 1024 * 1024;

/** Raw deflate of `mebibytes` MiB of zeros, built from one compressed MiB repeated (about 1 KB each). */
export function deflatedZeros(mebibytes: number): { bytes: Buffer; size: number } {
  // A sync flush ends the chunk on a byte boundary without a final block, so copies chain;
  // back-references into the previous copy still see zeros.
  const chunk = deflateRawSync(Buffer.alloc(MiB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const finalBlock = deflateRawSync(Buffer.alloc(0));
  return { bytes: Buffer.concat([...Array<Buffer>(mebibytes).fill(chunk), finalBlock]), size: mebibytes * MiB };
}

export function buildZip(entries: TestZipEntry[], options: TestZipOptions = {}): Buffer {
  const zip64 = options.zip64 ?? false;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const { method, packed, size, crc } = content(entry);
    const declared = entry.declaredSize ?? size;
    const version = zip64 ? 45 : 20;
    const u32 = (n: number) => (zip64 ? 0xffffffff : n);

    const localExtra = zip64 ? zip64Extra([declared, packed.length]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(version, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x0021, 12); // 1 January 1980
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(u32(packed.length), 18);
    local.writeUInt32LE(u32(declared), 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    locals.push(local, name, localExtra, packed);

    const centralExtra = zip64 ? zip64Extra([declared, packed.length, offset]) : Buffer.alloc(0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(version, 4);
    central.writeUInt16LE(version, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x0021, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(u32(packed.length), 20);
    central.writeUInt32LE(u32(declared), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(u32(offset), 42);
    centrals.push(central, name, centralExtra);

    offset += local.length + name.length + localExtra.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4); // size of the rest of the record
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, directory, ...tail, end]);
}

/** The smallest zip an xlsx sniffer accepts: [Content_Types].xml and xl/workbook.xml, plus extras. */
export function xlsxShapedZip(extra: TestZipEntry[] = [], options: TestZipOptions = {}): Buffer {
  return buildZip(
    [
      { name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types/>' },
      { name: "xl/workbook.xml", data: '<?xml version="1.0"?><workbook/>' },
      ...extra,
    ],
    options,
  );
}

function content(entry: TestZipEntry): { method: number; packed: Buffer; size: number; crc: number } {
  if (entry.deflated) return { method: 8, packed: entry.deflated.bytes, size: entry.deflated.size, crc: 0 };
  const data = Buffer.from(entry.data ?? "");
  if (entry.method === "store") return { method: 0, packed: data, size: data.length, crc: crc32(data) };
  return { method: 8, packed: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(1, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, i) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * i));
  return extra;
}
