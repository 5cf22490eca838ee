// The Changes sheet (`convert … --since old.xlsx`): one row per change since last time's tracker,
// with the values before and now as each tracker wrote them and the cells they came from.
// Its headers name no action column, so reading the tracker back passes over it.
import { changeLabel, changeMeasure, type Change, type ChangeReport } from "../../model/changes.js";
import { removeForbiddenXmlCharacters } from "../xml-characters.js";
import { SheetWriter, type BookTables } from "./sheet-part.js";
import { filterRange, fittedWidth, headerStyle, TOP_WRAPPED, type SheetLayout } from "./sheet-format.js";

export const CHANGES_SHEET = "Changes";

const COLUMNS: { header: string; value: (c: Change) => string | null; min: number; max: number }[] = [
  { header: "Theme", value: (c) => c.theme, min: 14, max: 36 },
  { header: "Ref", value: (c) => c.ref, min: 6, max: 10 },
  { header: "Ref before", value: (c) => (c.oldRef !== null && c.oldRef !== c.ref ? c.oldRef : null), min: 8, max: 10 },
  { header: "Action text", value: (c) => c.title, min: 30, max: 60 },
  // Also the Summary's "since" columns count this one.
  { header: "Change", value: (c) => changeLabel(c), min: 12, max: 18 },
  { header: "Before", value: (c) => c.before, min: 12, max: 45 },
  { header: "Now", value: (c) => c.after, min: 12, max: 45 },
  { header: "By how much", value: (c) => changeMeasure(c) || null, min: 10, max: 18 },
  { header: "Matched by", value: (c) => (c.matchedBy === "title" ? "Title (check)" : c.matchedBy === "pinned" ? "Match file" : c.matchedBy === "ref" ? "Ref" : null), min: 10, max: 14 },
  { header: "Cell before", value: (c) => place(c.old), min: 12, max: 30 },
  { header: "Cell now", value: (c) => place(c.new), min: 12, max: 30 },
];

/** The letters the Summary counts over: the theme and the change word. */
export const CHANGES_COLUMNS = { theme: "A", ref: "B", change: "E" } as const;

function place(p: Change["old"]): string | null {
  if (p === null) return null;
  return p.cell ?? (p.sheet === null ? `row ${p.row}` : `${p.sheet}, row ${p.row}`);
}

export function writeChangesSheet(tables: BookTables, layout: SheetLayout, report: ChangeReport): SheetWriter {
  const style = { alignment: TOP_WRAPPED };
  const values = report.changes.map((c) => COLUMNS.map((col) => clean(col.value(c))));
  const columns = COLUMNS.map((col, i) => ({ width: fittedWidth(col.header, values.map((v) => v[i] ?? ""), col.min, col.max), style }));
  const sheet = new SheetWriter(CHANGES_SHEET, layout, columns, tables);
  sheet.row(1, COLUMNS.map((col) => ({ value: col.header, style: headerStyle(style) })));
  values.forEach((row, i) => sheet.row(i + 2, row.map((value) => ({ value }))));
  if (values.length === 0) sheet.row(2, [{ value: null }, { value: null }, { value: null }, { value: `Nothing changed since ${report.old.file}.` }]);
  sheet.autoFilter(filterRange(1, COLUMNS.length, Math.max(2, values.length + 1)));
  return sheet;
}

function clean(text: string | null): string | null {
  return text === null ? null : removeForbiddenXmlCharacters(text).text;
}
