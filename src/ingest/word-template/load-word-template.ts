// A Word template named by the user (--reference-doc, a spec's or house style's `reference:`):
// read from a regular file within the size limit, or refused in one line.
import { open } from "node:fs/promises";
import { LIMITS } from "../limits.js";
import { InputRefused, refuse } from "../refused.js";
import { refuseTooLarge } from "./open-docx.js";
import { readWordTemplate, type ReadTemplate } from "./read-word-template.js";

/** The template, or the one diagnostic that refuses it. */
export async function loadWordTemplate(path: string, file: string = path): Promise<ReadTemplate | { template: null; diagnostics: [InputRefused["diagnostic"]] }> {
  try {
    return readWordTemplate(await readRegularFile(path, file), file);
  } catch (err) {
    if (err instanceof InputRefused) return { template: null, diagnostics: [err.diagnostic] };
    throw err;
  }
}

async function readRegularFile(path: string, file: string): Promise<Buffer> {
  const handle = await open(path, "r").catch(() => {
    throw refuse(file, "TEMPLATE_NOT_FOUND", "there is no such Word template file");
  });
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw refuse(file, "TEMPLATE_NOT_FOUND", "this is a folder, not a Word template (.docx)");
    if (!info.isFile()) throw refuse(file, "TEMPLATE_NOT_DOCX", "this is not a regular file; give a Word template (.docx)");
    if (info.size > LIMITS.maxFileBytes) throw refuseTooLarge(file);
    const bytes = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(bytes, 0, info.size, 0);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
