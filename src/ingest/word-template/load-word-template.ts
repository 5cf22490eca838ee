// A Word template named by the user (--reference-doc, a spec's or house style's `reference:`):
// read as any file the user names (a regular file, within the size limit), or refused in one line.
import { LIMITS } from "../limits.js";
import { readUserFile } from "../../files/read-user-file.js";
import { InputRefused, refuse } from "../refused.js";
import { refuseTooLarge } from "./open-docx.js";
import { readWordTemplate, type ReadTemplate } from "./read-word-template.js";

export type LoadedTemplate = ReadTemplate | { template: null; diagnostics: [InputRefused["diagnostic"]] };

export function loadWordTemplate(path: string, file: string = path): LoadedTemplate {
  try {
    const read = readUserFile(path, LIMITS.maxFileBytes);
    if (!read.ok) {
      if (read.reason === "too-large") throw refuseTooLarge(file);
      throw refuse(file, read.reason === "missing" ? "TEMPLATE_NOT_FOUND" : "TEMPLATE_NOT_DOCX", read.message);
    }
    return readWordTemplate(read.bytes, file);
  } catch (err) {
    if (err instanceof InputRefused) return { template: null, diagnostics: [err.diagnostic] };
    throw err;
  }
}
