import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/ingest/limits.js";
import { InputRefused } from "../../src/ingest/refused.js";
import {
  assertPlausibleRatios,
  checkInflation,
  inflateEntry,
  readZipDirectory,
  verifyInflatedSizes,
  type ZipEntry,
} from "../../src/ingest/zip-directory.js";
import { buildZip, deflatedZeros } from "../helpers/zip.js";

const MiB = 1024 * 1024;
const SHEET = "<worksheet>" + "<row/>".repeat(1000) + "</worksheet>";

function code(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (!(err instanceof InputRefused)) throw err;
    expect(err.diagnostic.file).toBe("t.xlsx");
    expect(err.diagnostic.message).not.toMatch(/[\r\n]/);
    return err.diagnostic.code;
  }
  throw new Error("expected a refusal");
}

function entry(fields: Partial<ZipEntry>): ZipEntry {
  return { name: "xl/worksheets/sheet1.xml", compressedSize: 0, uncompressedSize: 0, flags: 0, method: 8, localHeaderOffset: 0, crc32: 0, ...fields };
}

describe("readZipDirectory", () => {
  for (const zip64 of [false, true]) {
    it(`lists entries without inflating them${zip64 ? " (ZIP64)" : ""}`, () => {
      const zip = buildZip(
        [
          { name: "mimetype", data: "hello", method: "store" },
          { name: "xl/worksheets/sheet1.xml", data: SHEET },
          { name: "xl/Überblick.xml", data: "é" },
        ],
        { zip64 },
      );
      const entries = readZipDirectory(zip, "t.xlsx");
      expect(entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
        ["mimetype", 0, 5],
        ["xl/worksheets/sheet1.xml", 8, SHEET.length],
        ["xl/Überblick.xml", 8, 2],
      ]);
      expect(entries[0]).toMatchObject({ compressedSize: 5, localHeaderOffset: 0, flags: 0x0800 });
      expect(entries[1]!.compressedSize).toBeLessThan(SHEET.length);
      expect(inflateEntry(zip, entries[1]!, "t.xlsx").toString()).toBe(SHEET);
      expect(inflateEntry(zip, entries[0]!, "t.xlsx").toString()).toBe("hello");
    });
  }

  it("finds the end record behind an archive comment", () => {
    const zip = buildZip([{ name: "a.xml", data: "<a/>" }]);
    const comment = Buffer.from("saved by a tool that writes comments");
    zip.writeUInt16LE(comment.length, zip.length - 2);
    expect(readZipDirectory(Buffer.concat([zip, comment]), "t.xlsx").map((e) => e.name)).toEqual(["a.xml"]);
  });

  it("refuses a zip whose entries run past the end of the file", () => {
    const zip = buildZip([{ name: "a.xml", data: "<a/>" }]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(10 * MiB, central + 20); // compressed size
    expect(code(() => readZipDirectory(zip, "t.xlsx"))).toBe("INPUT_TRUNCATED");
  });

  it("refuses a directory that points outside the file, or holds fewer headers than it says", () => {
    const zip = buildZip([{ name: "a.xml", data: "<a/>" }]);
    const pastEnd = Buffer.from(zip);
    pastEnd.writeUInt32LE(zip.length + 100, zip.length - 6); // directory offset
    expect(code(() => readZipDirectory(pastEnd, "t.xlsx"))).toBe("INPUT_TRUNCATED");
    const tooMany = Buffer.from(zip);
    tooMany.writeUInt16LE(2, zip.length - 12); // total entries
    expect(code(() => readZipDirectory(tooMany, "t.xlsx"))).toBe("INPUT_TRUNCATED");
  });

  it("refuses anything too short to hold a directory", () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from("PK\x03\x04"), Buffer.alloc(21)]) {
      expect(code(() => readZipDirectory(bytes, "t.xlsx"))).toBe("INPUT_TRUNCATED");
    }
  });
});

describe("inflation guards", () => {
  it("checkInflation holds the total and each part to the limits, overridable for tests", () => {
    const limits = { ...LIMITS, maxInflatedBytes: 100, maxPartInflatedBytes: 60 };
    expect(() => checkInflation([entry({ uncompressedSize: 60 }), entry({ uncompressedSize: 40 })], "t.xlsx", limits)).not.toThrow();
    expect(code(() => checkInflation([entry({ uncompressedSize: 61 })], "t.xlsx", limits))).toBe("INPUT_TOO_LARGE");
    expect(code(() => checkInflation([entry({ uncompressedSize: 60 }), entry({ uncompressedSize: 41 })], "t.xlsx", limits))).toBe(
      "INPUT_TOO_LARGE",
    );
  });

  it("assertPlausibleRatios refuses ratios above 1000:1 for parts over 1 MB", () => {
    expect(() => assertPlausibleRatios([entry({ uncompressedSize: 100 * MiB, compressedSize: 200 * 1024 })], "t.xlsx")).not.toThrow();
    expect(() => assertPlausibleRatios([entry({ uncompressedSize: 900 * 1024, compressedSize: 1 })], "t.xlsx")).not.toThrow();
    expect(code(() => assertPlausibleRatios([entry({ uncompressedSize: 2 * MiB, compressedSize: 2000 })], "t.xlsx"))).toBe(
      "INPUT_TOO_LARGE",
    );
    // Real deflate of zeros sits just above the line: these bytes would be refused end to end.
    const zeros = deflatedZeros(50);
    expect(zeros.size / zeros.bytes.length).toBeGreaterThan(1000);
  });

  it("assertPlausibleRatios refuses parts smaller than their own compressed data", () => {
    expect(() => assertPlausibleRatios([entry({ uncompressedSize: 10_000, compressedSize: 11_000 })], "t.xlsx")).not.toThrow();
    expect(code(() => assertPlausibleRatios([entry({ uncompressedSize: 10_000, compressedSize: 20_000 })], "t.xlsx"))).toBe(
      "INPUT_TRUNCATED",
    );
    expect(code(() => assertPlausibleRatios([entry({ method: 0, uncompressedSize: 10, compressedSize: 11 })], "t.xlsx"))).toBe(
      "INPUT_TRUNCATED",
    );
  });

  it("inflateEntry never produces more than the declared size", () => {
    // Declares 1 MiB, holds 64 MiB: the cap stops it after 1 MiB of output.
    const zip = buildZip([{ name: "xl/worksheets/sheet1.xml", deflated: deflatedZeros(64), declaredSize: MiB }]);
    const [lying] = readZipDirectory(zip, "t.xlsx");
    expect(code(() => inflateEntry(zip, lying!, "t.xlsx"))).toBe("INPUT_TRUNCATED");
    expect(code(() => verifyInflatedSizes(zip, [lying!], "t.xlsx"))).toBe("INPUT_TRUNCATED");
  });

  it("inflateEntry refuses a part whose bytes were altered (CRC-32 mismatch), stored or deflated", () => {
    const stored = buildZip([{ name: "xl/worksheets/sheet1.xml", data: SHEET, method: "store" }]);
    const at = stored.indexOf(Buffer.from("<row/>"));
    stored[at + 1] = "R".charCodeAt(0); // same size, different bytes
    const [entry] = readZipDirectory(stored, "t.xlsx");
    let message = "";
    try {
      inflateEntry(stored, entry!, "t.xlsx");
    } catch (err) {
      message = (err as InputRefused).diagnostic.message;
    }
    expect(message).toBe(
      "the file is damaged (its part xl/worksheets/sheet1.xml does not match its checksum, so its bytes were altered); open the original in Excel and save it again, or copy it again from where it came from",
    );
    const deflated = buildZip([{ name: "xl/worksheets/sheet1.xml", data: SHEET }]);
    const central = deflated.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    deflated.writeUInt32LE((deflated.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16); // the checksum no longer fits
    expect(code(() => inflateEntry(deflated, readZipDirectory(deflated, "t.xlsx")[0]!, "t.xlsx"))).toBe("INPUT_TRUNCATED");
  });

  it("inflateEntry refuses corrupt data and methods Excel never writes", () => {
    const zip = buildZip([{ name: "a.xml", data: SHEET }]);
    const [good] = readZipDirectory(zip, "t.xlsx");
    const corrupt = Buffer.from(zip);
    corrupt.fill(0xff, 40, 50); // inside the deflated data
    expect(code(() => inflateEntry(corrupt, good!, "t.xlsx"))).toBe("INPUT_TRUNCATED");
    expect(code(() => inflateEntry(zip, { ...good!, method: 12 }, "t.xlsx"))).toBe("INPUT_NOT_SPREADSHEET");
  });
});
