// Who published a report, for the words of a section 55 paper: the spec's `inspection:`, else a
// tracker column that says ("Inspectorate", "Source", "Report by"), else the report's title ("A
// joint inspection by HMICFRS and HMI Probation …"), else HMICFRS — the body section 55 is
// about. A joint inspection names each body; a report by another body never says HMICFRS.
import { bodyById, findInspectorates, namesAt, type FoundInspectorates, type InspectionUmbrella } from "../../model/inspectorates.js";
import type { Plan, Recommendation, Report } from "../../model/schema.js";
import { normaliseWord } from "../../model/vocabulary.js";
import { joinList } from "../text-forms.js";

export interface ReportInspectorate {
  /** "HMICFRS", "HMICFRS and HMI Probation" (HMIC before July 2017). */
  short: string;
  /** Each body in full: "His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) and HM Inspectorate of Probation (HMI Probation)". */
  full: string;
  /** Each body's short name, in order. */
  shorts: string[];
  /** What goes before the title in "the … “title” report", or "" when the title names it already. */
  naming: string;
}

/** Tracker columns (normalised headers) that say who published a report. */
const INSPECTORATE_COLUMNS = new Set([
  "inspectorate", "inspectorates", "inspected by", "inspection body", "inspecting body", "lead inspectorate",
  "report by", "reported by", "published by", "publisher", "source", "report source", "issued by", "body", "author",
]);

export function reportInspectorate(report: Report, recs: readonly Recommendation[], spec: { inspection?: string | undefined }): ReportInspectorate {
  const given = spec.inspection?.trim() || undefined;
  const column = trackerColumnText(recs);
  const sources: FoundInspectorates[] = [given, column, report.title].filter((t): t is string => t !== undefined).map(findInspectorates);
  let bodies = sources.find((s) => s.bodies.length > 0)?.bodies ?? [];
  const umbrella: InspectionUmbrella | null = sources.find((s) => s.umbrella !== null)?.umbrella ?? null;
  if (bodies.length === 0 && umbrella) bodies = umbrella.members.map(bodyById);

  let names = bodies.map((b) => namesAt(b, report.published));
  // A tracker cell naming a body we do not know is taken as written, rather than HMICFRS.
  if (names.length === 0 && column !== undefined) names = [{ short: column, full: column }];
  if (names.length === 0) names = [namesAt(bodyById("hmicfrs"), report.published)];

  const short = joinList(names.map((n) => n.short), "and");
  const naming = given ?? umbrella?.naming ?? short;
  return { short, shorts: names.map((n) => n.short), full: joinList(names.map((n) => n.full), "and"), naming: contains(report.title, naming) ? "" : naming };
}

/** The report's value in an inspectorate column: the distinct cells of its rows, joined. */
function trackerColumnText(recs: readonly Recommendation[]): string | undefined {
  const values = new Set<string>();
  for (const rec of recs) {
    for (const [header, value] of Object.entries(rec.extra)) {
      if (INSPECTORATE_COLUMNS.has(normaliseWord(header)) && value.trim() !== "") values.add(value.replace(/\s+/g, " ").trim());
    }
  }
  return values.size === 0 ? undefined : joinList([...values], "and");
}

function contains(title: string, words: string): boolean {
  return normaliseWord(title).includes(normaliseWord(words));
}

/** Who published the tracker's reports, short, for a paper over all of them: "HMICFRS", "HMICFRS and HMI Probation". */
export function planInspectorate(plan: Pick<Plan, "reports" | "recommendations">, spec: { inspection?: string | undefined }): string {
  const names: string[] = [];
  for (const report of plan.reports) {
    const short = reportInspectorate(report, plan.recommendations.filter((r) => r.report === report.id), spec).short;
    if (!names.includes(short)) names.push(short);
  }
  return names.length === 0 ? namesAt(bodyById("hmicfrs"), null).short : joinList(names, "and");
}
