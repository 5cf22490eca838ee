// The tracker's columns as CSV, for systems that take nothing else. UTF-8 with a BOM so Excel
// shows £ and curly quotes; values that Excel would run as a formula get an apostrophe (OWASP).
import { guardFormulaText } from "../../model/formula-guard.js";
import { keyLineForCsv } from "../../model/legend.js";
import type { Plan } from "../../model/schema.js";
import { actionColumns, recommendationColumns, type TrackerColumn, type TrackerValue } from "./tracker-columns.js";

export function renderTrackerCsv(plan: Plan): string {
  const lines = plan.actions.length > 0 || plan.recommendations.length === 0
    ? table(actionColumns(plan), plan.actions)
    : table(recommendationColumns(plan, { withPublished: true }), plan.recommendations);
  // The force's own key below the table, after a blank line, as a tracker keeps it (model/legend.ts).
  const key = (plan.legend ?? []).map((line) => field(keyLineForCsv(line)));
  return `\uFEFF${[...lines, ...(key.length > 0 ? ["", ...key] : [])].join("\r\n")}\r\n`;
}

function table<Row>(columns: TrackerColumn<Row>[], rows: readonly Row[]): string[] {
  return [columns.map((c) => field(c.header)).join(","), ...rows.map((row) => columns.map((c) => field(cellText(c.value(row)))).join(","))];
}

function cellText(value: TrackerValue): string {
  if (value === null) return "";
  if ("date" in value) {
    const [y, m, d] = value.date.split("-");
    return `${d}/${m}/${y}`;
  }
  return value.text;
}

/** Neutralise formula starts, then quote when the text needs it. */
export function field(text: string): string {
  const safe = guardFormulaText(text);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
