// Opens a force's Word template safely: only a real .docx/.dotx is read, through the same
// size and bomb guards as a workbook. Macro-enabled files (.docm/.dotm, or any file carrying a
// VBA project), password-protected and old .doc files are refused in one line each.
import { extname } from "node:path";
import { formatMegabytes } from "../../files/limits.js";
import { LIMITS } from "../limits.js";
import { InputRefused, refuse } from "../refused.js";
import { assertPlausibleRatios, checkInflation, FLAG_ENCRYPTED, inflateEntry, readZipDirectory, type ZipEntry } from "../zip-directory.js";

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from("PK\x03\x04", "latin1");
const SAVE_AS_DOCX = "open it in Word and save it as a Word Document (.docx) or Word Template (.dotx)";

/** The template's parts, inflated on demand (each within the limits), by their names in the zip. */
export interface DocxPackage {
  /** The part's bytes, or undefined when there is no such part. */
  read(name: string): Buffer | undefined;
  text(name: string): string | undefined;
}

export function openDocx(bytes: Buffer, file: string): DocxPackage {
  const extension = extname(file).toLowerCase();
  if (extension === ".docm" || extension === ".dotm") throw refuseMacros(file);
  if (bytes.length > LIMITS.maxFileBytes) throw refuseTooLarge(file);
  if (bytes.length === 0) throw refuse(file, "TEMPLATE_NOT_DOCX", "the Word template is empty");
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    if (bytes.includes(Buffer.from("EncryptionInfo", "utf16le"))) throw refuseEncrypted(file);
    throw refuse(file, "TEMPLATE_NOT_DOCX", `this is an old-style Word document (.doc), not a .docx; ${SAVE_AS_DOCX}`);
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw refuse(file, "TEMPLATE_NOT_DOCX", `this is not a Word document (.docx); ${SAVE_AS_DOCX}`);

  const entries = reworded(file, () => readZipDirectory(bytes, file));
  if (entries.some((entry) => entry.flags & FLAG_ENCRYPTED)) throw refuseEncrypted(file);
  reworded(file, () => {
    checkInflation(entries, file);
    assertPlausibleRatios(entries, file);
  });
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) byName.set(entry.name.replace(/^\//, ""), entry);
  const read = (name: string) => {
    const entry = byName.get(name);
    return entry ? reworded(file, () => inflateEntry(bytes, entry, file)) : undefined;
  };
  const contentTypes = read("[Content_Types].xml")?.toString("utf8");
  if (contentTypes === undefined || !byName.has("word/document.xml")) {
    const what = byName.has("xl/workbook.xml") ? "an Excel workbook" : byName.has("ppt/presentation.xml") ? "a PowerPoint file" : "not a Word document";
    throw refuse(file, "TEMPLATE_NOT_DOCX", `this is ${what}, not a Word document (.docx); ${SAVE_AS_DOCX}`);
  }
  if (/macroEnabled/i.test(contentTypes) || entries.some((entry) => /vbaProject\.bin$/i.test(entry.name))) throw refuseMacros(file);
  return { read, text: (name) => read(name)?.toString("utf8") };
}

export function refuseTooLarge(file: string) {
  return refuse(file, "TEMPLATE_TOO_LARGE", `the Word template is larger than the ${formatMegabytes(LIMITS.maxFileBytes)} boardpack reads; remove large pictures from it and save it again`);
}

function refuseMacros(file: string) {
  return refuse(file, "TEMPLATE_MACROS",
    "this Word template is macro-enabled (.docm/.dotm); boardpack never carries macros: in Word, save it as a Word Template (.dotx) or Word Document (.docx) and use that");
}

function refuseEncrypted(file: string) {
  return refuse(file, "TEMPLATE_ENCRYPTED", "the Word template is protected with a password; open it in Word, remove the password (File > Info > Protect Document) and save it again");
}

/** The zip guards speak of workbooks; say the same things of a Word template. */
function reworded<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof InputRefused)) throw err;
    if (err.diagnostic.code === "INPUT_TOO_LARGE") {
      throw refuse(file, "TEMPLATE_TOO_LARGE", "the Word template would expand to more than boardpack reads when opened; boardpack refuses it to protect your computer");
    }
    throw refuse(file, "TEMPLATE_DAMAGED", "the Word template is damaged (cut short, or a part is not what the file says); open it in Word and save it again");
  }
}
