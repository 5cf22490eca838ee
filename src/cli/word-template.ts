// Reads the Word template a composed paper is to be built on (see compose/reference-doc.ts)
// and hands it to the writers through the Doc. A template that cannot or must not be read
// (missing, macro-enabled, encrypted, damaged) stops the command: one line, exit 2.
import type { ComposeResult } from "../compose/compose-paper.js";
import type { Doc } from "../compose/doc.js";
import type { HouseStyle } from "../compose/house-style.js";
import { styleFromTemplate } from "../compose/template-house-style.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { embeddedFamily } from "../render/pdf/fonts.js";
import { InputRefused } from "../ingest/refused.js";

/**
 * Puts the template (if the paper names one) on the doc; the doc's house style takes the
 * template's page, fonts and colours, so the PDF looks like the Word paper, and a font the PDF
 * cannot embed is warned about when a PDF is wanted. A template that is refused throws
 * InputRefused: the command stops with that one line, exit 2.
 */
export async function attachWordTemplate(doc: Doc, composed: ComposeResult, diagnostics: Diagnostic[], formats: readonly string[]): Promise<void> {
  const choice = composed.referenceDoc;
  if (!choice) return;
  // Loaded only when a paper names a template: the XML library is not every paper's cost.
  const { loadWordTemplate } = await import("../ingest/word-template/load-word-template.js");
  const read = loadWordTemplate(choice.path, choice.file);
  if (read.template === null) {
    const [refusal] = read.diagnostics;
    // A template named in a spec or style that is not there: point at the line that names it.
    if (refusal.code === "TEMPLATE_NOT_FOUND" && choice.origin.file !== "--reference-doc") {
      throw new InputRefused({ ...refusal, message: `there is no Word template "${choice.file}" (looked for ${choice.path})`, file: choice.origin.file, ...(choice.origin.line ? { line: choice.origin.line } : {}) });
    }
    throw new InputRefused(refusal);
  }
  diagnostics.push(...read.diagnostics);
  doc.template = read.template;
  doc.style = styleFromTemplate(doc.style, read.template);
  if (formats.includes("pdf")) diagnostics.push(...substitutedFonts(doc.style, choice.file));
}

/** One warning for each font of the style the PDF draws in another family's shapes. */
function substitutedFonts(style: HouseStyle, file: string): Diagnostic[] {
  const families = new Set([style.fonts.family, ...Object.values(style.looks ?? {}).flatMap((look) => (look?.family ? [look.family] : []))]);
  return [...families].flatMap((family) => {
    const embedded = embeddedFamily(family);
    if (embedded.exact) return [];
    return [{
      severity: "warning" as const,
      code: "TEMPLATE_FONT_SUBSTITUTED",
      message: `the PDF cannot embed the template's font "${family}" (only Arial, Calibri, Cambria and Times New Roman have free faces of the same measurements); it is drawn in ${embedded.name}, so lines may break a little differently from the Word paper`,
      file,
    }];
  });
}
