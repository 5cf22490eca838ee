// Step 2 and 3 of the page are a paper spec in another form: the header fields, the style and
// the words. This turns what the browser sends into the spec's text (which is also what the
// page offers to download, so next month starts from it) and reads it back with the same
// parser as `boardpack paper --spec`; each problem is then placed at a form field or at a line
// of the words editor.
import { stringify } from "yaml";
import { z } from "zod";
import { parseSpec, type LoadedSpec } from "../compose/spec.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

const Line = z.string().max(2_000);

/** What the browser sends about the paper. Unknown keys are refused, text is bounded. */
export const PaperForm = z.strictObject({
  style: z.string().regex(/^[a-z0-9-]{1,60}$/),
  fields: z.record(z.string().regex(/^[a-zA-Z]{1,40}$/), Line).default({}),
  committees: z.array(z.strictObject({ name: Line, date: Line })).max(20).default([]),
  contacts: z.array(z.strictObject({ name: Line, role: Line, unit: Line, force: Line, phone: Line, email: Line })).max(20).default([]),
  /** The words: Markdown with {{values}}. */
  body: z.string().max(1_000_000),
  /** Section 55: the report's id. */
  report: z.string().max(200).optional(),
});
export type PaperForm = z.infer<typeof PaperForm>;

/** The style name the page shows as "Section 55 response": one report's response, as `boardpack s55` writes it. */
export const SECTION_55 = "section-55";

export interface SpecFromForm {
  text: string;
  loaded: LoadedSpec;
}

/** The spec file's text for the form: front matter (only what was filled in), then the words. */
export function specText(form: PaperForm, trackerFile: string): string {
  const front: Record<string, unknown> = { style: form.style, tracker: trackerFile };
  if (form.style === SECTION_55) {
    if (form.report) front.report = form.report;
    front.variant = "chief-constable";
  }
  for (const [name, value] of Object.entries(form.fields)) if (value.trim() !== "") front[name] = value.trim();
  const committees = form.committees.filter((c) => c.name.trim() !== "").map((c) => (c.date.trim() ? { name: c.name.trim(), date: c.date.trim() } : { name: c.name.trim() }));
  if (committees.length > 0) front.committees = committees;
  const contacts = form.contacts
    .filter((c) => c.name.trim() !== "")
    .map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v.trim() !== "").map(([k, v]) => [k, v.trim()])));
  if (contacts.length > 0) front.contacts = contacts;
  const body = form.body.replace(/\r\n?/g, "\n");
  return `---\n${stringify(front, { lineWidth: 0 })}---\n${body.endsWith("\n") ? body : `${body}\n`}`;
}

export function specFromForm(form: PaperForm, trackerFile: string, specFile: string): SpecFromForm {
  const text = specText(form, trackerFile);
  return { text, loaded: parseSpec(text, specFile, specFile) };
}

export interface PlacedProblem {
  severity: Diagnostic["severity"];
  code: string;
  message: string;
  /** The line of the words editor, when the problem is in the words. */
  editorLine?: number;
  /** The form field ("date", "committees.0.name"), when the problem is in the header fields. */
  field?: string;
  /** The message exactly as `boardpack paper --spec` prints it. */
  cli: string;
}

/** Where each problem belongs on the page: a line of the words, a field of the form, or neither. */
export function placeProblems(diagnostics: readonly Diagnostic[], spec: SpecFromForm, form: PaperForm, cli: (d: Diagnostic) => string): PlacedProblem[] {
  const { loaded } = spec;
  const fieldAtLine = new Map<number, string>();
  const note = (path: (string | number)[]) => {
    const line = loaded.lineOf(path);
    if (!fieldAtLine.has(line)) fieldAtLine.set(line, path.join("."));
  };
  for (const name of Object.keys(form.fields)) note([name]);
  form.committees.forEach((_, i) => (["name", "date"] as const).forEach((k) => note(["committees", i, k])));
  form.contacts.forEach((_, i) => (["name", "role", "unit", "force", "phone", "email"] as const).forEach((k) => note(["contacts", i, k])));
  return diagnostics.map((d) => {
    const placed: PlacedProblem = { severity: d.severity, code: d.code, message: d.message, cli: cli(d) };
    if (d.file === loaded.file && d.line !== undefined) {
      if (d.line >= loaded.bodyStartLine) placed.editorLine = d.line - loaded.bodyStartLine + 1;
      else {
        const field = fieldAtLine.get(d.line);
        if (field) placed.field = field;
      }
    }
    return placed;
  });
}
