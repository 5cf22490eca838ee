import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { LIMITS, type Limits } from "../../src/ingest/limits.js";
import { InputRefused } from "../../src/ingest/refused.js";
import { checkFileSize, detectFormat } from "../../src/ingest/sniff.js";
import { buildZip, deflatedZeros, xlsxShapedZip } from "../helpers/zip.js";

const MiB = 1024 * 1024;

async function realXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Tactical Plan");
  sheet.addRow(["Ref", "Action", "Owner"]);
  for (let i = 1; i <= 50; i++) sheet.addRow([`1.${i}`, `Review the domestic abuse policy, part ${i}`, "DCI Smith"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Deterministic noise (xorshift32), so the test never depends on chance. */
function noise(length: number, seed = 0x2545f491): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

function oleFile(streamNames: string[]): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const names = streamNames.map((name) => Buffer.from(name, "utf16le"));
  return Buffer.concat([header, Buffer.alloc(504), ...names, Buffer.alloc(512)]);
}

/** The refusal's code; also checks it names the file and is one line. */
function refusedCode(bytes: Buffer, file = "tracker.xlsx", limits: Limits = LIMITS): string {
  try {
    detectFormat(bytes, file, limits);
  } catch (err) {
    if (!(err instanceof InputRefused)) throw err;
    expect(err.diagnostic.file).toBe(file);
    expect(err.diagnostic.severity).toBe("error");
    expect(err.diagnostic.message).not.toMatch(/[\r\n]/);
    return err.diagnostic.code;
  }
  throw new Error("expected the file to be refused");
}

function refusedMessage(bytes: Buffer, file = "tracker.xlsx", limits: Limits = LIMITS): string {
  try {
    detectFormat(bytes, file, limits);
  } catch (err) {
    if (err instanceof InputRefused) return err.diagnostic.message;
    throw err;
  }
  throw new Error("expected the file to be refused");
}

describe("detectFormat: what it accepts", () => {
  it("accepts a real xlsx from exceljs, whatever its name", async () => {
    const xlsx = await realXlsx();
    expect(detectFormat(xlsx, "tracker.xlsx")).toBe("xlsx");
    expect(detectFormat(xlsx, "tracker.csv")).toBe("xlsx");
  });

  it("accepts an xlsx-shaped zip written with ZIP64 records", () => {
    expect(detectFormat(xlsxShapedZip([{ name: "xl/worksheets/sheet1.xml", data: "<x/>" }], { zip64: true }), "t.xlsx")).toBe(
      "xlsx",
    );
  });

  it("reads text as csv: UTF-8, cp1252, UTF-16 with a BOM", () => {
    expect(detectFormat(Buffer.from("Ref,Action\n1,x\n"), "tracker.csv")).toBe("csv");
    expect(detectFormat(Buffer.from([0x52, 0x65, 0x66, 0x2c, 0xa3, 0x35, 0x96, 0x0d, 0x0a]), "tracker.csv")).toBe("csv");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Ref\tAction\r\n1\tx\r\n", "utf16le")]);
    expect(detectFormat(utf16, "tracker.txt")).toBe("csv");
    expect(detectFormat(Buffer.from(utf16).swap16(), "tracker.txt")).toBe("csv");
  });
});

describe("detectFormat: what it refuses", () => {
  it("refuses an empty file, and one holding only blanks or a BOM", () => {
    expect(refusedCode(Buffer.alloc(0), "tracker.csv")).toBe("INPUT_EMPTY");
    expect(refusedMessage(Buffer.alloc(0), "tracker.csv")).toBe("the file is empty");
    expect(refusedCode(Buffer.from("\r\n \r\n"), "tracker.csv")).toBe("INPUT_EMPTY");
    expect(refusedCode(Buffer.from([0xef, 0xbb, 0xbf]), "tracker.csv")).toBe("INPUT_EMPTY");
  });

  it("refuses a file over the size limit before looking inside", () => {
    expect(refusedCode(Buffer.from("a,b\n"), "tracker.csv", { ...LIMITS, maxFileBytes: 3 })).toBe("INPUT_TOO_LARGE");
    expect(() => checkFileSize(73 * MiB, "tracker.xlsx")).toThrow(
      "the file is 73 MB, more than the 50 MB boardpack reads; delete unused sheets, rows or pictures and save it again",
    );
    expect(() => checkFileSize(50 * MiB, "tracker.xlsx")).not.toThrow();
  });

  it("refuses random bytes named .xlsx", () => {
    expect(refusedCode(noise(64 * 1024), "tracker.xlsx")).toBe("INPUT_NOT_SPREADSHEET");
    expect(refusedMessage(noise(64 * 1024))).toBe("this file is not an Excel workbook (.xlsx) or a CSV file");
  });

  it("refuses binary without NULs when it is full of control characters", () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41)));
    expect(refusedCode(bytes, "tracker.csv")).toBe("INPUT_NOT_SPREADSHEET");
  });

  it("refuses a text file pretending to be .xlsx rather than reading it as CSV", () => {
    expect(refusedCode(Buffer.from("Ref,Action\n1,x\n"), "tracker.xlsx")).toBe("INPUT_NOT_SPREADSHEET");
    expect(refusedMessage(Buffer.from("Ref,Action\n1,x\n"), "Tracker.XLSX")).toMatch(
      /^this file is named \.xlsx but is not a real Excel workbook/,
    );
  });

  it("refuses a web page saved as .xls", () => {
    expect(refusedCode(Buffer.from("<html><table><tr><td>1</td></tr></table></html>"), "export.xls")).toBe(
      "INPUT_NOT_SPREADSHEET",
    );
  });

  it("refuses a PDF", () => {
    expect(refusedCode(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "tracker.pdf")).toBe("INPUT_NOT_SPREADSHEET");
    expect(refusedMessage(Buffer.from("%PDF-1.7\n"), "tracker.pdf")).toMatch(/^this is a PDF/);
  });

  it("refuses a truncated xlsx", async () => {
    const xlsx = await realXlsx();
    expect(refusedCode(xlsx.subarray(0, Math.floor(xlsx.length / 2)))).toBe("INPUT_TRUNCATED");
    expect(refusedCode(xlsx.subarray(0, xlsx.length - 1))).toBe("INPUT_TRUNCATED");
    expect(refusedMessage(xlsx.subarray(0, 100))).toMatch(/^the file is cut short or damaged; /);
  });

  it("refuses an OpenDocument spreadsheet", () => {
    const ods = buildZip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", method: "store" },
      { name: "content.xml", data: "<office:document-content/>" },
      { name: "META-INF/manifest.xml", data: "<manifest/>" },
    ]);
    expect(refusedCode(ods, "tracker.xlsx")).toBe("INPUT_ODS");
    expect(refusedMessage(ods)).toBe(
      "this is an OpenDocument spreadsheet (.ods); open it in LibreOffice or Excel and save it as .xlsx",
    );
    const noMimetype = buildZip([{ name: "content.xml", data: "<office:document-content/>" }]);
    expect(refusedCode(noMimetype, "tracker.ods")).toBe("INPUT_ODS");
  });

  it("refuses an OpenDocument text file as not a spreadsheet", () => {
    const odt = buildZip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.text", method: "store" },
      { name: "content.xml", data: "<office:document-content/>" },
    ]);
    expect(refusedCode(odt, "paper.xlsx")).toBe("INPUT_NOT_SPREADSHEET");
  });

  it("refuses a Word document renamed .xlsx, and a zip of anything else", () => {
    const docx = buildZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<w:document/>" },
    ]);
    expect(refusedCode(docx)).toBe("INPUT_NOT_SPREADSHEET");
    expect(refusedMessage(docx)).toBe("this is a Word document, not an Excel workbook (.xlsx) or a CSV file");
    expect(refusedCode(buildZip([{ name: "notes.txt", data: "hello" }]))).toBe("INPUT_NOT_SPREADSHEET");
    expect(refusedCode(buildZip([]))).toBe("INPUT_NOT_SPREADSHEET");
  });

  it("refuses an old .xls, a password-protected workbook, and an old Word .doc", () => {
    expect(refusedCode(oleFile(["Root Entry", "Workbook"]), "tracker.xls")).toBe("INPUT_XLS");
    expect(refusedMessage(oleFile(["Workbook"]), "tracker.xls")).toBe(
      "this is an old-style Excel 97-2003 .xls workbook; open it in Excel and save it as .xlsx",
    );
    const encrypted = oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]);
    expect(refusedCode(encrypted)).toBe("INPUT_ENCRYPTED");
    expect(refusedMessage(encrypted)).toBe(
      "the workbook is protected with a password; open it in Excel, remove the password " +
        "(File > Info > Protect Workbook) and save it again",
    );
    expect(refusedCode(oleFile(["Root Entry", "WordDocument"]), "paper.xls")).toBe("INPUT_NOT_SPREADSHEET");
  });

  it("refuses a zip whose entries are encrypted", () => {
    const zip = xlsxShapedZip();
    // Set bit 0 (encrypted) on the first central directory header's flags.
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 1, central + 8);
    expect(refusedCode(zip)).toBe("INPUT_ENCRYPTED");
  });
});

describe("detectFormat: decompression bombs", () => {
  // About 2 MB of deflate that inflates to 2 GiB of zeros; never inflated in full by the test.
  const twoGigabytes = deflatedZeros(2048);

  it("refuses a part that declares 2 GB, at once", () => {
    const bomb = xlsxShapedZip([{ name: "xl/worksheets/sheet1.xml", deflated: twoGigabytes }]);
    const started = performance.now();
    expect(refusedCode(bomb)).toBe("INPUT_TOO_LARGE");
    expect(refusedMessage(bomb)).toBe(
      "the workbook would expand to more than 100 MB when opened " +
        "(its part xl/worksheets/sheet1.xml alone would be 2,048 MB); boardpack refuses it to protect your computer",
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses parts that together declare more than 200 MB", () => {
    const part = (n: number) => ({ name: `xl/worksheets/sheet${n}.xml`, deflated: deflatedZeros(90) });
    const bomb = xlsxShapedZip([part(1), part(2), part(3)]);
    expect(refusedMessage(bomb)).toMatch(/^the workbook would expand to more than 200 MB when opened \(270 MB in all\)/);
  });

  it("refuses a ZIP64 part declaring 5 GB", () => {
    const bomb = xlsxShapedZip([{ name: "xl/sharedStrings.xml", deflated: twoGigabytes, declaredSize: 5 * 1024 * MiB }], {
      zip64: true,
    });
    expect(refusedCode(bomb)).toBe("INPUT_TOO_LARGE");
  });

  it("refuses a part packed tighter than 1000:1, even within the limits", () => {
    const bomb = xlsxShapedZip([{ name: "xl/worksheets/sheet1.xml", deflated: deflatedZeros(50) }]);
    expect(refusedCode(bomb)).toBe("INPUT_TOO_LARGE");
    expect(refusedMessage(bomb)).toMatch(/would expand more than 1,000 times when opened/);
  });

  it("refuses a part whose declared size is smaller than its own compressed data", () => {
    const bomb = xlsxShapedZip([{ name: "xl/worksheets/sheet1.xml", deflated: twoGigabytes, declaredSize: 10_000 }]);
    expect(refusedCode(bomb)).toBe("INPUT_TRUNCATED");
  });

  it("stops a part that lies plausibly (declares 90 MB, holds 2 GB) once its output passes the declared size", () => {
    // Ratio 90 MB : 2 MB passes the cheap checks; only inflating with a capped output catches it.
    const bomb = xlsxShapedZip([{ name: "xl/worksheets/sheet1.xml", deflated: twoGigabytes, declaredSize: 90 * MiB }]);
    const started = performance.now();
    expect(refusedCode(bomb)).toBe("INPUT_TRUNCATED");
    expect(refusedMessage(bomb)).toBe(
      "the file is damaged (its part xl/worksheets/sheet1.xml is not the size the file says it is); " +
        "open the original in Excel and save it again",
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("row limit", () => {
  it("refuses a workbook with more rows than the limit before any parser reads it", () => {
    const rows = Array.from({ length: 11 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join("");
    const zip = xlsxShapedZip([{ name: "xl/worksheets/sheet1.xml", data: `<worksheet><sheetData>${rows}</sheetData></worksheet>` }]);
    const limits = { ...LIMITS, maxRows: 10 };
    expect(refusedCode(zip, "big.xlsx", limits)).toBe("INPUT_TOO_LARGE");
    expect(refusedMessage(zip, "big.xlsx", limits)).toBe("the workbook has 11 rows, more than the 10 boardpack reads; delete unused rows or sheets, or split it into smaller files");
    expect(detectFormat(zip, "ok.xlsx", { ...LIMITS, maxRows: 11 })).toBe("xlsx");
  });
});
