// The zip container of our .docx and .xlsx files: what an unzip tool, and our own reader, find in it.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 as nodeCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inflateEntry, readZipDirectory } from "../../../src/ingest/zip-directory.js";
import { crc32WithoutNode } from "../../../src/render/zip/crc32.js";
import { writeZip } from "../../../src/render/zip/write-zip.js";
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

  it("computes the CRC-32 by table as Node does, for an older Node 20 without zlib.crc32", () => {
    const data = Buffer.from(PARTS[1]!.data as string, "utf8");
    expect(crc32WithoutNode(data)).toBe(nodeCrc32(data));
    expect(crc32WithoutNode(Buffer.from("123456789"))).toBe(0xcbf43926);
  });
});
