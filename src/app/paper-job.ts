// Steps 2–4 of the page over the pipeline: the styles and their fields, the section 55 reports
// with their clocks, the paper composed from the form (as `boardpack paper --spec` or
// `boardpack s55 --spec` would compose the same spec), its HTML preview, and the files to
// download. Nothing here composes or renders by itself: it calls compose/ and render/.
import { basename, extname } from "node:path";
import { composePaper, type ComposeResult } from "../compose/compose-paper.js";
import type { Doc } from "../compose/doc.js";
import { houseStyleNames, loadHouseStyle } from "../compose/house-styles.js";
import { insertableValues, type InsertableValue } from "../compose/insertable-values.js";
import { displayPath, templatePath } from "../compose/paths.js";
import { clockText, reportClocks } from "../compose/s55/clock.js";
import { composeSection55 } from "../compose/s55/compose-s55.js";
import { itemLabel } from "../compose/s55/labels.js";
import { VARIANT_INFO } from "../compose/s55/variants.js";
import { loadSpec, type PaperSpec } from "../compose/spec.js";
import { formatDiagnostic, hasErrors, placeName, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadResult } from "../ingest/load-tracker.js";
import { recommendationCells } from "../ingest/recommendation-cells.js";
import { formatUkDate } from "../model/dates.js";
import type { ChangeReport } from "../model/changes.js";
import type { Plan } from "../model/schema.js";
import { renderHtmlArticle } from "../render/html/render-html.js";
import { formFieldsFor, type FormField } from "./form-fields.js";
import { placeProblems, SECTION_55, specFromForm, type PaperForm, type PlacedProblem, type SpecFromForm } from "./paper-form.js";

export interface StyleChoice {
  name: string;
  label: string;
  description: string;
  fields: FormField[];
  required: string[];
  committees: boolean;
  contacts: boolean;
  /** The style's default spec: its header fields and its words, to start the form and the editor from. */
  defaults: { fields: Record<string, string>; committees: { name: string; date: string }[]; body: string };
}

/** Every house style the page offers; section-55 is offered as one report's response. */
export function styleChoices(): StyleChoice[] {
  return houseStyleNames().flatMap((name): StyleChoice[] => {
    const style = loadHouseStyle(name).style;
    if (!style) return [];
    const specPath = templatePath("specs", name === SECTION_55 ? VARIANT_INFO["chief-constable"].spec : style.defaultSpec);
    const spec = loadSpec(specPath, { displayName: displayPath(specPath) });
    const front: PaperSpec = spec.spec ?? {};
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(front)) if (typeof value === "string" && !["style", "tracker", "variant", "report"].includes(key)) fields[key] = value;
    const committees = (front.committees ?? []).map((c) => ({ name: c.name, date: c.date ?? "" }));
    return [{
      name,
      label: name === SECTION_55 ? "Section 55 response to an inspection report" : style.description.split(/[:.]/)[0]!.trim(),
      description: style.description,
      ...formFieldsFor(style),
      defaults: { fields, committees, body: spec.body.replace(/^\n+/, "") },
    }];
  });
}

export interface ReportChoiceView {
  id: string;
  title: string;
  published: string;
  deadline: string;
  clock: string;
  overdue: boolean;
  needing: number;
  missing: { label: string; cell: string }[];
  /** What is missing and what is not counted, in the words of `check` and `s55 --list`. */
  missingText: string;
}

/** The tracker's inspection reports, each with its section 55 deadline, days left and missing responses. */
export function reportChoices(loaded: LoadResult, trackerFile: string, asOf: string): ReportChoiceView[] {
  if (!loaded.plan) return [];
  const cells = recommendationCells(loaded.tables, trackerFile);
  return reportClocks(loaded.plan, asOf).map((c) => ({
    id: c.report.id,
    title: c.report.title,
    published: c.report.published ? formatUkDate(c.report.published) : "not given",
    deadline: c.clock.state === "no-date" ? "no deadline (no publication date)" : formatUkDate(c.clock.deadline),
    clock: clockText(c.clock),
    overdue: c.clock.state === "overdue",
    needing: c.needingResponse,
    missing: c.withoutResponse.map((rec) => ({ label: itemLabel(rec), cell: placeName(cells.responseCell(rec)) })),
    missingText: c.responsesText,
  }));
}

export interface PaperResult {
  doc: Doc | null;
  spec: SpecFromForm;
  problems: PlacedProblem[];
  diagnostics: Diagnostic[];
  /** A section 55 response with responses missing is written as a draft. */
  draft: boolean;
  /** The name every download of this paper starts with. */
  base: string;
}

/** The paper the form describes, composed as the command line would compose its spec. */
export function composeFromForm(loaded: LoadResult, trackerFile: string, form: PaperForm, asOf: string, changes?: ChangeReport): PaperResult {
  const plan = loaded.plan!;
  const base = fileBase(form, plan, trackerFile);
  const spec = specFromForm(form, trackerFile, `${base}.md`);
  const diagnostics: Diagnostic[] = [...spec.loaded.diagnostics];
  let composed: ComposeResult = { doc: null, diagnostics: [] };
  let draft = false;
  if (spec.loaded.spec) {
    if (form.style === SECTION_55) {
      const report = plan.reports.find((r) => r.id === form.report);
      if (!report) {
        diagnostics.push({ severity: "error", code: "REPORT_NOT_CHOSEN", message: plan.reports.length === 0 ? "this tracker has no inspection reports: a section 55 response needs a recommendations tracker" : "choose the report to respond to", file: spec.loaded.file });
      } else {
        draft = reportClocks(plan, asOf).find((c) => c.report.id === report.id)!.withoutResponse.length > 0;
        composed = composeSection55({ plan, cells: recommendationCells(loaded.tables, trackerFile), report, variant: "chief-constable", asOf, draft, spec: spec.loaded });
      }
    } else {
      composed = composePaper({ plan, spec: spec.loaded, asOf, sourceFile: trackerFile, ...(changes ? { changes } : {}) });
    }
  }
  diagnostics.push(...composed.diagnostics);
  const doc = hasErrors(diagnostics) ? null : composed.doc;
  return { doc, spec, diagnostics, draft, base: draft ? `${base}-draft` : base, problems: placeProblems(diagnostics, spec, form, formatDiagnostic) };
}

export function previewHtml(result: PaperResult): string | null {
  return result.doc ? renderHtmlArticle(result.doc) : null;
}

/** The values the words can use, with what each is for this tracker and this form. */
export function valuesFor(loaded: LoadResult, result: PaperResult, asOf: string): InsertableValue[] {
  const spec = result.spec.loaded.spec;
  const style = spec?.style ? loadHouseStyle(spec.style).style : null;
  if (!loaded.plan || !spec || !style) return [];
  return insertableValues({ plan: loaded.plan, spec, style, asOf });
}

/** "domestic-abuse-action-plan-update": the paper's title (else the tracker's name), as a file name. */
function fileBase(form: PaperForm, plan: Plan, trackerFile: string): string {
  const title = form.fields.title?.trim() || (form.style === SECTION_55 ? `${plan.reports.find((r) => r.id === form.report)?.id ?? "section-55"}-s55-response` : `${plan.title || basename(trackerFile, extname(trackerFile))} ${form.style}`);
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const short = slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, "") : slug;
  return short || "paper";
}
