// The zip container of our .docx and .xlsx files: what an unzip tool, and our own reader, find in it.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inflateEntry, readZipDirectory } from "../../../src/ingest/zip-directory.js";
import { deflatePieces, writeZip } from "../../../src/render/zip/write-zip.js";
import { tempDir } from "../../helpers/cli.js";

const WHEN = new Date(Date.UTC(2016, 10, 30, 9, 15, 42));
const PARTS = [
  { path: "[Content_Types].xml", data: '<?xml version="1.0"?><Types/>' },
  { path: "xl/worksheets/sheet1.xml", data: "<row>Café £5 — “quoted”</row>".repeat(500) },
  { path: "docProps/empty.bin", data: new Uint8Array(0) },
  { path: "media/bytes.bin", data: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256) },
];

describe("writeZip", () => {
  it("holds every part, in order, with its content", () => {
    const zip = writeZip(PARTS, WHEN);
    const entries = readZipDirectory(zip, "test.zip");
    expect(entries.map((e) => e.name)).toEqual(PARTS.map((p) => p.path));
    for (const [i, entry] of entries.entries()) {
      const data = PARTS[i]!.data;
      const expected = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
      expect(inflateEntry(zip, entry, "test.zip").equals(expected), entry.name).toBe(true);
    }
  });

  it("passes unzip's own test of every entry's CRC, and shows the given date and time", () => {
    const file = join(tempDir(), "parts.zip");
    writeFileSync(file, writeZip(PARTS, WHEN));
    const test = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
    if (test.error) return; // no unzip on this machine; the test above still reads it back
    expect(test.stdout).toContain("No errors detected");
    const list = spawnSync("unzip", ["-l", file], { encoding: "utf8" }).stdout;
    expect(list).toContain("2016-11-30 09:15");
  });

  it("gives the same bytes for the same parts, whenever it runs", () => {
    expect(writeZip(PARTS, WHEN).equals(writeZip(PARTS, WHEN))).toBe(true);
    expect(writeZip(PARTS, WHEN).equals(writeZip(PARTS, new Date(Date.UTC(2017, 0, 1))))).toBe(false);
  });

  it("records each part's CRC-32 and sizes in its local and central headers", () => {
    const zip = writeZip(PARTS, WHEN);
    for (const entry of readZipDirectory(zip, "test.zip")) {
      const data = PARTS.find((p) => p.path === entry.name)!.data;
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
      const local = entry.localHeaderOffset;
      expect(zip.readUInt32LE(local + 14), entry.name).toBe(crc32(bytes));
      expect(zip.readUInt32LE(local + 22), entry.name).toBe(bytes.length);
      expect(entry.uncompressedSize, entry.name).toBe(bytes.length);
    }
  });

  it("writes a part deflated in pieces as the same bytes as the part whole, letting each piece go", async () => {
    // Pieces of uneven size, with text that repeats across their edges (zlib's matches span them).
    const text = Array.from({ length: 40_000 }, (_, i) => `<w:p><w:r><w:t>Action ${i % 977}: the force’s review – £${i}</w:t></w:r></w:p>`).join("");
    const whole = Buffer.from(text, "utf8");
    const pieces: (Buffer | undefined)[] = [];
    for (let at = 0, size = 1; at < whole.length; at += size, size = size * 3 + 7) pieces.push(whole.subarray(at, at + size));
    expect(pieces.length).toBeGreaterThan(5);

    const deflated = await deflatePieces(pieces);
    expect(pieces.every((p) => p === undefined)).toBe(true);
    const inPieces = writeZip([PARTS[0]!, { path: "word/document.xml", data: deflated }], WHEN);
    const joined = writeZip([PARTS[0]!, { path: "word/document.xml", data: whole }], WHEN);
    expect(inPieces.equals(joined)).toBe(true);
    const entry = readZipDirectory(inPieces, "test.zip")[1]!;
    expect(inflateEntry(inPieces, entry, "test.zip").equals(whole)).toBe(true);
  });
});
