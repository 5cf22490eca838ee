// The tracker's columns as CSV, for systems that take nothing else. UTF-8 with a BOM so Excel
// shows £ and curly quotes; values that Excel would run as a formula get an apostrophe (OWASP).
import type { Plan } from "../../model/schema.js";
import { actionColumns, recommendationColumns, type TrackerColumn, type TrackerValue } from "./tracker-columns.js";

/** Cells starting with these are formulas to Excel, LibreOffice and Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function renderTrackerCsv(plan: Plan): string {
  const lines = plan.actions.length > 0 || plan.recommendations.length === 0
    ? table(actionColumns(plan), plan.actions)
    : table(recommendationColumns(plan), plan.recommendations);
  return `\uFEFF${lines.join("\r\n")}\r\n`;
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
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
