// The columns of boardpack's standard RAG tracker, in the order DESIGN §6 fixes, and how
// each takes its value from the plan. Reading the tracker back maps the same headers.
import { describeSource } from "../../model/provenance.js";
import type { Action, Plan, Recommendation } from "../../model/schema.js";
import { RAG_LABELS, STATUS_LABELS } from "../../model/vocabulary.js";

/** A cell value as the writer puts it: text, or a calendar date (YYYY-MM-DD) written as a real Excel date. */
export type TrackerValue = { text: string } | { date: string } | null;

export interface TrackerColumn<Row> {
  header: string;
  /** Width bounds in characters; the width fits the content within them. */
  minWidth: number;
  maxWidth: number;
  value(row: Row): TrackerValue;
}

const text = (s: string | null | undefined): TrackerValue => (s === null || s === undefined || s === "" ? null : { text: s });

/** A real date when there is one; otherwise the words the tracker used ("Ongoing"). */
function dueValue(row: { due: string | null; dueText: string | null }): TrackerValue {
  if (row.due) return { date: row.due };
  return text(row.dueText);
}

/** "Mar-17" beside its date: kept so nothing the source tracker said is lost. */
function dueAsWritten(row: { due: string | null; dueText: string | null }): TrackerValue {
  return row.due && row.dueText ? { text: row.dueText } : null;
}

/** The force's own words beside the standard ones ("On track" beside In progress), when they differ. */
function asWrittenColumns<Row extends { statusAsWritten?: string; ragAsWritten?: string }>(rows: readonly Row[]): TrackerColumn<Row>[] {
  const columns: TrackerColumn<Row>[] = [];
  if (rows.some((r) => r.statusAsWritten !== undefined)) columns.push({ header: "Status as written", minWidth: 12, maxWidth: 30, value: (r) => text(r.statusAsWritten) });
  if (rows.some((r) => r.ragAsWritten !== undefined)) columns.push({ header: "RAG as written", minWidth: 10, maxWidth: 24, value: (r) => text(r.ragAsWritten) });
  return columns;
}

export const KIND_LABELS: Record<Recommendation["kind"], string> = {
  recommendation: "Recommendation",
  afi: "Area for improvement",
  "cause-of-concern": "Cause of concern",
};

/** Canonical action columns; "Due as written" follows Source only when some action needs it. */
export function actionColumns(plan: Plan): TrackerColumn<Action>[] {
  const themeTitle = new Map(plan.themes.map((t) => [t.id, t.title]));
  const columns: TrackerColumn<Action>[] = [
    { header: "Ref", minWidth: 6, maxWidth: 12, value: (a) => text(a.ref) },
    { header: "Theme", minWidth: 12, maxWidth: 30, value: (a) => text(a.theme === null ? null : (themeTitle.get(a.theme) ?? a.theme)) },
    { header: "Recommendation", minWidth: 14, maxWidth: 40, value: (a) => text(a.recommendation) },
    { header: "Action", minWidth: 30, maxWidth: 60, value: (a) => text(a.title) },
    { header: "Owner", minWidth: 10, maxWidth: 24, value: (a) => text(a.owner) },
    { header: "Due", minWidth: 11, maxWidth: 16, value: dueValue },
    { header: "Status", minWidth: 12, maxWidth: 16, value: (a) => text(a.status ? STATUS_LABELS[a.status] : null) },
    { header: "RAG", minWidth: 7, maxWidth: 10, value: (a) => text(a.rag ? RAG_LABELS[a.rag] : null) },
    { header: "Update", minWidth: 30, maxWidth: 70, value: (a) => text(a.update) },
    { header: "Evidence", minWidth: 14, maxWidth: 40, value: (a) => text(a.evidence) },
    { header: "Source", minWidth: 12, maxWidth: 30, value: (a) => text(describeSource(a.source)) },
  ];
  if (plan.actions.some((a) => dueAsWritten(a) !== null)) {
    columns.push({ header: "Due as written", minWidth: 12, maxWidth: 20, value: dueAsWritten });
  }
  columns.push(...asWrittenColumns(plan.actions));
  return [...columns, ...extraColumns(plan.actions, columns)];
}

/**
 * Canonical recommendation columns. The workbook gives each report's publication date on its
 * Reports sheet; a CSV, one table, carries it in a Published column (`withPublished`).
 */
export function recommendationColumns(plan: Plan, options: { withPublished?: boolean } = {}): TrackerColumn<Recommendation>[] {
  const reportTitle = new Map(plan.reports.map((r) => [r.id, r.title]));
  const published = new Map(plan.reports.map((r) => [r.id, r.published]));
  const columns: TrackerColumn<Recommendation>[] = [
    { header: "Report", minWidth: 20, maxWidth: 40, value: (r) => text(reportTitle.get(r.report) ?? r.report) },
    ...(options.withPublished ? [{ header: "Published", minWidth: 11, maxWidth: 16, value: (r: Recommendation): TrackerValue => { const date = published.get(r.report); return date ? { date } : null; } }] : []),
    { header: "Number", minWidth: 8, maxWidth: 10, value: (r) => text(r.number) },
    { header: "Kind", minWidth: 14, maxWidth: 22, value: (r) => text(KIND_LABELS[r.kind]) },
    { header: "Recommendation", minWidth: 40, maxWidth: 70, value: (r) => text(r.text) },
    { header: "Addressed to", minWidth: 12, maxWidth: 24, value: (r) => text(r.addressee) },
    { header: "Response", minWidth: 30, maxWidth: 70, value: (r) => text(r.response) },
    { header: "Owner", minWidth: 10, maxWidth: 24, value: (r) => text(r.owner) },
    { header: "Due", minWidth: 11, maxWidth: 16, value: dueValue },
    { header: "Status", minWidth: 12, maxWidth: 16, value: (r) => text(r.status ? STATUS_LABELS[r.status] : null) },
    { header: "RAG", minWidth: 7, maxWidth: 10, value: (r) => text(r.rag ? RAG_LABELS[r.rag] : null) },
    { header: "Source", minWidth: 12, maxWidth: 30, value: (r) => text(describeSource(r.source)) },
  ];
  if (plan.recommendations.some((r) => dueAsWritten(r) !== null)) {
    columns.push({ header: "Due as written", minWidth: 12, maxWidth: 20, value: dueAsWritten });
  }
  columns.push(...asWrittenColumns(plan.recommendations));
  return [...columns, ...extraColumns(plan.recommendations, columns)];
}

/**
 * The legacy tracker's other columns, in the order they first appear, each kept verbatim. Reading
 * names a second "Status" column "Status (original)"; a plan from elsewhere may not, so a header
 * that would repeat one of ours is told apart here too.
 */
function extraColumns<Row extends { extra: Record<string, string> }>(rows: Row[], ours: readonly TrackerColumn<Row>[]): TrackerColumn<Row>[] {
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row.extra)) {
      if (!seen.has(key)) {
        seen.add(key);
        headers.push(key);
      }
    }
  }
  const taken = new Set([...ours.map((c) => c.header.toLowerCase()), ...headers.map((h) => h.toLowerCase())]);
  return headers.map((key) => {
    let header = key;
    if (ours.some((c) => c.header.toLowerCase() === key.toLowerCase())) {
      header = `${key} (original)`;
      for (let n = 2; taken.has(header.toLowerCase()); n++) header = `${key} (original ${n})`;
      taken.add(header.toLowerCase());
    }
    return { header, minWidth: 10, maxWidth: 40, value: (row: Row) => text(row.extra[key]) };
  });
}
