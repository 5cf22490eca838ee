// Reads the Word template a composed paper is to be built on (see compose/reference-doc.ts)
// and hands it to the writers through the Doc. A template that cannot or must not be read
// (missing, macro-enabled, encrypted, damaged) stops the command: one line, exit 2.
import type { ComposeResult } from "../compose/compose-paper.js";
import type { Doc } from "../compose/doc.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { loadWordTemplate } from "../ingest/word-template/load-word-template.js";

/** true when the doc now carries its template (or needs none); false when the template was refused. */
export async function attachWordTemplate(doc: Doc, composed: ComposeResult, diagnostics: Diagnostic[]): Promise<boolean> {
  const choice = composed.referenceDoc;
  if (!choice) return true;
  const read = loadWordTemplate(choice.path, choice.file);
  if (read.template === null) {
    const [refusal] = read.diagnostics;
    // A template named in a spec or style that is not there: point at the line that names it.
    if (refusal.code === "TEMPLATE_NOT_FOUND" && choice.origin.file !== "--reference-doc") {
      diagnostics.push({ ...refusal, message: `there is no Word template "${choice.file}" (looked for ${choice.path})`, file: choice.origin.file, ...(choice.origin.line ? { line: choice.origin.line } : {}) });
    } else {
      diagnostics.push(refusal);
    }
    return false;
  }
  diagnostics.push(...read.diagnostics);
  doc.template = read.template;
  return true;
}
