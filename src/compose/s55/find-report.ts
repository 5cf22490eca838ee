// Which report of the tracker a user means by --report (or the spec's `report:`): its id
// exactly, else its title, else the reports whose title contains the words given. A user types
// "peel" or "evidence led", not "evidence-led-domestic-abuse-prosecutions".
import type { Plan, Report } from "../../model/schema.js";
import { formatUkDate } from "../../model/dates.js";

export type ReportChoice =
  | { ok: true; report: Report }
  | { ok: false; problem: "none-in-tracker" | "unknown" | "ambiguous" | "not-named"; candidates: Report[] };

/** `query` undefined: the tracker's only report, if it has exactly one. */
export function findReport(plan: Plan, query: string | undefined): ReportChoice {
  const reports = plan.reports;
  if (reports.length === 0) return { ok: false, problem: "none-in-tracker", candidates: [] };
  if (query === undefined) {
    return reports.length === 1 ? { ok: true, report: reports[0]! } : { ok: false, problem: "not-named", candidates: reports };
  }
  const byId = reports.find((r) => r.id === query.trim());
  if (byId) return { ok: true, report: byId };
  const wanted = comparable(query);
  const byTitle = reports.filter((r) => comparable(r.title) === wanted);
  if (byTitle.length === 1) return { ok: true, report: byTitle[0]! };
  const containing = wanted === "" ? [] : reports.filter((r) => comparable(r.title).includes(wanted));
  if (containing.length === 1) return { ok: true, report: containing[0]! };
  return containing.length > 1
    ? { ok: false, problem: "ambiguous", candidates: containing }
    : { ok: false, problem: "unknown", candidates: reports };
}

/** One line per report for messages: `  peel-police-effectiveness-2019  PEEL: Police effectiveness 2019 (published 02 May 2019)`. */
export function reportLines(reports: readonly Report[]): string[] {
  const width = Math.max(...reports.map((r) => r.id.length));
  return reports.map((r) => `  ${r.id.padEnd(width)}  ${r.title}${r.published ? ` (published ${formatUkDate(r.published)})` : " (no publication date)"}`);
}

/** Case, spacing, dashes and quote marks do not matter when matching titles. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‐‑‒–—―]/g, "-")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}
