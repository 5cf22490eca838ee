// A section 55 response from a recommendations tracker: one report, the coverage check, the
// statutory clock, then an ordinary paper (composePaper) in the section-55 house style with the
// report's values as `s55` beside plan, paper and today.
//
// Which text: the user's spec's own text when it is written for the variant being built
// (`variant:`, default chief-constable) and is not blank; otherwise the variant's standard text
// under templates/specs/, filled with the spec's fields. To, From and the title belong to a
// variant, so they are taken from the spec only for its own variant.
import { diagnostic, hasErrors, type Diagnostic, type Position } from "../../diagnostics/diagnostic.js";
import type { CellLocator } from "../../model/cell-locator.js";
import { formatUkDate } from "../../model/dates.js";
import type { Plan, Recommendation, Report } from "../../model/schema.js";
import { daysBetween } from "../../model/section55.js";
import { composePaper, type ComposeResult } from "../compose-paper.js";
import type { TemplateSource } from "../handlebars-env.js";
import { displayPath, templatePath } from "../paths.js";
import { loadSpec, type LoadedSpec, type PaperSpec } from "../spec.js";
import { joinList } from "../text-forms.js";
import { checkCoverage, recommendationsOf } from "./coverage.js";
import { reportInspectorate } from "./inspectorate.js";
import { section55Report, section55Values, type Section55Values } from "./s55-values.js";
import { VARIANT_INFO, type Variant } from "./variants.js";

export interface Section55Options {
  plan: Plan;
  /** Where each recommendation's cells are in the tracker (and its name), to name the cell of a missing response. */
  cells: CellLocator;
  report: Report;
  /** The user's spec, already read and valid; none for the standard paper. */
  spec?: LoadedSpec;
  variant: Variant;
  /** YYYY-MM-DD: the paper's date when the spec gives none. */
  asOf: string;
  marking?: string;
  /** --reference-doc: the force's Word template. */
  referenceDoc?: string;
  /** Write the paper despite missing responses, with "[response needed]" and the marking DRAFT. */
  draft: boolean;
}

const COMMENT_FIELDS = ["pccComments", "chiefConstableComments", "pccCommentsOnChiefConstable"] as const;

export function composeSection55(options: Section55Options): ComposeResult {
  const { plan, report, variant, draft } = options;
  const diagnostics: Diagnostic[] = [];
  const recs = recommendationsOf(plan, report);
  const { cells } = options;
  diagnostics.push(...checkCoverage(recs, report, cells, { draft }));

  const standardPath = templatePath("specs", VARIANT_INFO[variant].spec);
  const standard = loadSpec(standardPath, { displayName: displayPath(standardPath) });
  diagnostics.push(...standard.diagnostics);
  if (!standard.spec) return { doc: null, diagnostics };

  const user = options.spec;
  const ownVariant = (user?.spec?.variant ?? "chief-constable") === variant;
  const fields = specFields(standard.spec, user?.spec ?? undefined, { ownVariant, variant, report, recs });
  const loaded: LoadedSpec = { ...(user ?? standard), spec: fields };
  const useOwnText = user !== undefined && ownVariant && user.body.trim() !== "";
  const body: TemplateSource | undefined = useOwnText ? undefined : { file: standard.file, text: standard.body, firstLine: standard.bodyStartLine };

  const s55 = section55Values({ report, recs, spec: fields, variant, draft });
  diagnostics.push(...clockDiagnostics(s55, recs[0] ? cells.publishedCell(recs[0]) : { file: cells.file }, fields.date ?? options.asOf, user?.spec?.date !== undefined ? user : undefined));
  diagnostics.push(...commentDiagnostics(s55, variant, draft, user));
  if (!fields.referenceDocument) {
    diagnostics.push({ severity: "info", code: "REFERENCE_DOCUMENT_MISSING", message: "the Reference Document is left blank: give the report's web address as referenceDocument: in the spec", file: user?.file ?? cells.file, ...(user ? { line: user.frontMatterLine } : {}) });
  }

  // The comments are Markdown + Handlebars like the body, rendered where they sit in the spec.
  const narratives = user
    ? COMMENT_FIELDS.filter((field) => fields[field] !== undefined).map((field) => ({
        source: { file: user.file, text: fields[field]!, firstLine: user.textLineOf([field]) },
        apply: (rendered: string) => {
          s55[field] = rendered;
        },
      }))
    : [];

  const composed = composePaper({
    plan,
    spec: loaded,
    asOf: options.asOf,
    draft,
    sourceFile: cells.file,
    extraContext: { s55 },
    narratives,
    ...(body ? { body } : {}),
    ...(options.marking !== undefined ? { marking: options.marking } : {}),
    ...(options.referenceDoc !== undefined ? { referenceDoc: options.referenceDoc } : {}),
  });
  diagnostics.push(...composed.diagnostics);
  return { doc: hasErrors(diagnostics) ? null : composed.doc, diagnostics, ...(composed.referenceDoc ? { referenceDoc: composed.referenceDoc } : {}) };
}

/**
 * The front matter in force: the standard text's (style, to, from), under the user's; the
 * user's To, From and title only when the spec is written for this variant; the title from
 * the report when nobody gives one.
 */
function specFields(standard: PaperSpec, user: PaperSpec | undefined, how: { ownVariant: boolean; variant: Variant; report: Report; recs: readonly Recommendation[] }): PaperSpec {
  const { variant, report } = how;
  const own: PaperSpec = { ...user };
  if (!how.ownVariant) {
    delete own.to;
    delete own.from;
    delete own.title;
  }
  const merged: PaperSpec = { ...standard, ...own, variant };
  const named = section55Report(report, how.recs, merged);
  merged.title ??= VARIANT_INFO[variant].title(named.name);
  // The PCC's response goes to the Home Secretary and to whoever published the report.
  if (variant === "pcc-response") merged.to ??= joinList(["Home Secretary", ...reportInspectorate(report, how.recs, merged).shorts], "and");
  merged.subject ??= `Section 55 response: ${report.title}`;
  return merged;
}

/** No publication date (no deadline to give), and a paper dated after the deadline. */
function clockDiagnostics(s55: Section55Values, publishedAt: Position, date: string, datedBy: LoadedSpec | undefined): Diagnostic[] {
  const { report } = s55;
  if (report.published === null || report.deadline === null) {
    return [diagnostic("warning", "PUBLISHED_MISSING", `the tracker gives no publication date for “${report.title}”, so the paper cannot state its section 55 deadline: add the date in the Published column`, publishedAt)];
  }
  const late = daysBetween(report.deadline, date);
  if (late <= 0) return [];
  return [{
    severity: "warning",
    code: "DEADLINE_PASSED",
    message: `the response to “${report.title}” was due by ${formatUkDate(report.deadline)} (56 days beginning with its publication on ${formatUkDate(report.published)}); this paper is dated ${formatUkDate(date)}, ${late} ${late === 1 ? "day" : "days"} later`,
    file: datedBy?.file ?? "--as-of",
    ...(datedBy ? { line: datedBy.lineOf(["date"]) } : {}),
  }];
}

/** The PCC's response must carry the PCC's comments; the Chief Constable's, and the PCC's on those, are expected. */
function commentDiagnostics(s55: Section55Values, variant: Variant, draft: boolean, user: LoadedSpec | undefined): Diagnostic[] {
  if (variant !== "pcc-response") return [];
  const where = user ? { file: user.file, line: user.frontMatterLine } : { file: "--spec" };
  const out: Diagnostic[] = [];
  const missing = (field: (typeof COMMENT_FIELDS)[number], who: string, required: boolean): void => {
    if (s55[field] !== null) return;
    const severity = required && !draft ? "error" : "warning";
    const then = draft ? "the draft says [comments needed] in their place" : required ? "section 55 requires them" : "that section is left out";
    out.push({ ...where, severity, code: "COMMENTS_MISSING", message: `the PCC’s response has no ${who} (${field}: in the spec's front matter); ${then}` });
  };
  missing("pccComments", "comments from the Police and Crime Commissioner", true);
  missing("chiefConstableComments", "comments from the Chief Constable", false);
  missing("pccCommentsOnChiefConstable", "comments from the Police and Crime Commissioner on the Chief Constable’s comments", false);
  return out;
}
