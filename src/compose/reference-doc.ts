// Which Word template (if any) a paper is built on: --reference-doc, else the spec's
// `referenceDoc:` (or a `reference:` that names a Word file), else the house style's
// `reference:`. Paths are relative to the file that names them. Reading the template is
// ingest's job (src/ingest/word-template/); this only says which file and where it was named.
import { dirname, resolve } from "node:path";
import type { LoadedStyle } from "./house-styles.js";
import type { LoadedSpec, PaperSpec } from "./spec.js";

export interface ReferenceDocChoice {
  /** Where to read it. */
  path: string;
  /** How messages name it: as the user wrote it. */
  file: string;
  /** Where it was named, for a message about a missing or unreadable template. */
  origin: { file: string; line?: number };
}

const WORD_FILE = /\.(docx|dotx|docm|dotm)$/i;

/** A spec's `reference:` naming a Word file means the template, not the report's reference number. */
export function specReferenceDoc(spec: PaperSpec): string | undefined {
  return spec.referenceDoc ?? (spec.reference !== undefined && WORD_FILE.test(spec.reference.trim()) ? spec.reference.trim() : undefined);
}

export function chooseReferenceDoc(option: string | undefined, spec: LoadedSpec | null, styled: LoadedStyle): ReferenceDocChoice | undefined {
  if (option !== undefined) return { path: resolve(option), file: option, origin: { file: "--reference-doc" } };
  const fromSpec = spec?.spec ? specReferenceDoc(spec.spec) : undefined;
  if (fromSpec !== undefined && spec) {
    const key = spec.spec!.referenceDoc !== undefined ? "referenceDoc" : "reference";
    return { path: resolve(dirname(spec.path), fromSpec), file: fromSpec, origin: { file: spec.file, line: spec.lineOf([key]) } };
  }
  const fromStyle = styled.style?.reference;
  if (fromStyle !== undefined && styled.path) {
    return { path: resolve(dirname(styled.path), fromStyle), file: fromStyle, origin: { file: styled.file } };
  }
  return undefined;
}
