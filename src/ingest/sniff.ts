// Decides from a file's bytes whether it is an xlsx workbook or a CSV file, and refuses
// everything else with one sentence a Word/Excel user can act on. The file's extension is
// only a hint: a .csv that is really an xlsx is read as one, an .xlsx that is text is refused.
import { decodeText } from "./decode.js";
import { formatMegabytes } from "../files/limits.js";
import { LIMITS, type Limits } from "./limits.js";
import { refuse } from "./refused.js";
import {
  assertPlausibleRatios,
  checkInflation,
  compressedData,
  FLAG_ENCRYPTED,
  readZipDirectory,
  verifyInflatedSizes,
  type ZipEntry,
} from "./zip-directory.js";

export type InputFormat = "xlsx" | "csv";

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGICS = [Buffer.from("PK\x03\x04", "latin1"), Buffer.from("PK\x05\x06", "latin1")];
const PDF_MAGIC = Buffer.from("%PDF", "latin1");
const TEXT_SAMPLE_BYTES = 8 * 1024;
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

const NOT_SPREADSHEET = "this file is not an Excel workbook (.xlsx) or a CSV file";

/** Refuses INPUT_TOO_LARGE for a file over the size limit; the CLI calls it with fs.stat's size before reading. */
export function checkFileSize(sizeInBytes: number, file: string, limits: Limits = LIMITS): void {
  if (sizeInBytes > limits.maxFileBytes) {
    throw refuse(file, "INPUT_TOO_LARGE",
      `the file is ${formatMegabytes(sizeInBytes)}, more than the ${formatMegabytes(limits.maxFileBytes)} boardpack reads; ` +
        "delete unused sheets, rows or pictures and save it again");
  }
}

/**
 * "xlsx" or "csv", or an InputRefused naming the file. An "xlsx" answer means the zip holds
 * together and every part inflates within the limits, so it is safe to hand to an unzip library.
 */
export function detectFormat(bytes: Buffer, file: string, limits: Limits = LIMITS): InputFormat {
  return detectInput(bytes, file, limits).format;
}

/**
 * detectFormat, and for a workbook its parts as the checks inflated them (entry name → content;
 * only XML parts carry their content), in zip order, for the direct reader.
 */
export function detectInput(bytes: Buffer, file: string, limits: Limits = LIMITS): { format: InputFormat; parts?: Map<string, Buffer> } {
  checkFileSize(bytes.length, file, limits);
  if (bytes.length === 0) throw refuse(file, "INPUT_EMPTY", "the file is empty");
  if (startsWith(bytes, OLE_MAGIC)) throw refuseOle(bytes, file);
  if (ZIP_MAGICS.some((magic) => startsWith(bytes, magic))) {
    const parts = new Map<string, Buffer>();
    checkWorkbookZip(bytes, file, limits, parts);
    return { format: "xlsx", parts };
  }
  if (startsWith(bytes, PDF_MAGIC)) {
    throw refuse(file, "INPUT_NOT_SPREADSHEET",
      "this is a PDF, not a spreadsheet; use the Excel workbook (.xlsx) or CSV file the PDF was made from");
  }
  if (looksBinary(bytes)) throw refuse(file, "INPUT_NOT_SPREADSHEET", NOT_SPREADSHEET);
  checkText(bytes, file);
  return { format: "csv" };
}

/** Old Excel (.xls), old Word (.doc) and password-protected workbooks are all OLE2 compound files. */
function refuseOle(bytes: Buffer, file: string) {
  if (bytes.includes(Buffer.from("EncryptionInfo", "utf16le"))) {
    return refuse(file, "INPUT_ENCRYPTED",
      "the workbook is protected with a password; open it in Excel, remove the password " +
        "(File > Info > Protect Workbook) and save it again");
  }
  if (bytes.includes(Buffer.from("WordDocument", "utf16le"))) {
    return refuse(file, "INPUT_NOT_SPREADSHEET", "this is an old-style Word document (.doc), not an Excel workbook (.xlsx) or a CSV file");
  }
  return refuse(file, "INPUT_XLS",
    "this is an old-style Excel 97-2003 .xls workbook; open it in Excel and save it as .xlsx");
}

function checkWorkbookZip(bytes: Buffer, file: string, limits: Limits, parts: Map<string, Buffer>): void {
  const entries = readZipDirectory(bytes, file);
  const byName = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  if (isOpenDocument(bytes, byName, file)) {
    throw refuse(file, "INPUT_ODS",
      "this is an OpenDocument spreadsheet (.ods); open it in LibreOffice or Excel and save it as .xlsx");
  }
  if (entries.some((entry) => entry.flags & FLAG_ENCRYPTED)) {
    throw refuse(file, "INPUT_ENCRYPTED",
      "the file is protected with a password; open it, remove the password and save it as .xlsx without one");
  }
  if (!byName.has("[content_types].xml") || !byName.has("xl/workbook.xml")) {
    throw refuse(file, "INPUT_NOT_SPREADSHEET", notWorkbookMessage(byName));
  }
  checkInflation(entries, file, limits);
  assertPlausibleRatios(entries, file);
  const { worksheetRows, mergedRanges } = verifyInflatedSizes(bytes, entries, file, limits, parts);
  if (worksheetRows > limits.maxRows) {
    throw refuse(file, "INPUT_TOO_LARGE",
      `the workbook has ${worksheetRows.toLocaleString("en-GB")} rows, more than the ${limits.maxRows.toLocaleString("en-GB")} boardpack reads; ` +
        "delete unused rows or sheets, or split it into smaller files");
  }
  if (mergedRanges > limits.maxMergedRanges) {
    throw refuse(file, "INPUT_TOO_LARGE",
      `the workbook has ${mergedRanges.toLocaleString("en-GB")} merged ranges, more than the ${limits.maxMergedRanges.toLocaleString("en-GB")} boardpack reads; ` +
        "unmerge cells (Home > Merge & Center > Unmerge Cells) and save it again");
  }
}

/** An OpenDocument file names its type in a stored `mimetype` entry; without one, content.xml and no [Content_Types].xml. */
function isOpenDocument(bytes: Buffer, byName: Map<string, ZipEntry>, file: string): boolean {
  const mimetype = byName.get("mimetype");
  if (mimetype && mimetype.method === 0 && mimetype.compressedSize <= 200) {
    return compressedData(bytes, mimetype, file).toString("latin1").startsWith(ODS_MIMETYPE);
  }
  return byName.has("content.xml") && !byName.has("[content_types].xml");
}

function notWorkbookMessage(byName: Map<string, ZipEntry>): string {
  if (byName.has("xl/workbook.bin")) {
    return "this is an Excel binary workbook (.xlsb); open it in Excel and save it as .xlsx";
  }
  if (byName.has("word/document.xml")) return "this is a Word document, not an Excel workbook (.xlsx) or a CSV file";
  if (byName.has("ppt/presentation.xml")) return "this is a PowerPoint file, not an Excel workbook (.xlsx) or a CSV file";
  return NOT_SPREADSHEET;
}

/** NUL bytes or many control characters near the start; UTF-16 text (which has NULs) carries a BOM. */
function looksBinary(bytes: Buffer): boolean {
  if (startsWith(bytes, Buffer.from([0xff, 0xfe])) || startsWith(bytes, Buffer.from([0xfe, 0xff]))) return false;
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, line feed, form feed, carriage return and Ctrl-Z (an old end-of-file mark) occur in text.
    if ((byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1a].includes(byte)) || byte === 0x7f) controls++;
  }
  return controls > sample.length / 100;
}

/** Text that is blank, or that pretends to be a workbook, is refused rather than read as CSV. */
function checkText(bytes: Buffer, file: string): void {
  const { text } = decodeText(bytes);
  const start = text.trimStart();
  if (start === "") throw refuse(file, "INPUT_EMPTY", "the file is empty");
  if (/^<(\?xml|!doctype html|html|table)\b/i.test(start)) {
    // Web systems export HTML tables as ".xls"; Excel 2003 saves XML spreadsheets.
    throw refuse(file, "INPUT_NOT_SPREADSHEET",
      "this is a web page or XML file, not an Excel workbook (.xlsx) or a CSV file; open it in Excel and save it as .xlsx");
  }
  const extension = /\.(xlsx|xlsm|xls)$/i.exec(file)?.[1];
  if (extension) {
    throw refuse(file, "INPUT_NOT_SPREADSHEET",
      `this file is named .${extension.toLowerCase()} but is not a real Excel workbook, it holds plain text; ` +
        "if it is a CSV file, rename it to end in .csv");
  }
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}
