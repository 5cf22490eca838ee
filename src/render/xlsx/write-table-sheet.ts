// Write rows of the plan as a table sheet: header, values (text always as text, dates as real
// dates), fitted widths, frozen filtered header. Rows are committed as they are written, so a
// 50,000-row tracker streams out rather than sitting in memory.
import type ExcelJS from "exceljs";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { SourcePosition } from "../../model/schema.js";
import type { TrackerColumn, TrackerValue } from "./tracker-columns.js";
import { removeForbiddenXmlCharacters } from "./xml-text.js";
import { filterRange, fittedWidth, styleHeaderRow } from "./sheet-format.js";

const DATE_WIDTH_TEXT = "00/00/0000";

export function writeTableSheet<Row extends { source: SourcePosition }>(
  sheet: ExcelJS.Worksheet,
  columns: TrackerColumn<Row>[],
  rows: readonly Row[],
  file: string,
  out: Diagnostic[],
): void {
  // Widths first: a streamed sheet writes its column definitions before its first row.
  sheet.columns = columns.map((column) => ({
    width: fittedWidth(column.header, widthSamples(column, rows), column.minWidth, column.maxWidth),
    style: { alignment: { vertical: "top", wrapText: true }, ...(column.header === "Due" ? { numFmt: "dd/mm/yyyy" } : {}) },
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  styleHeaderRow(header, columns.length);
  header.commit();

  // exceljs finds a cell's style id from its style object and remembers the answer per object,
  // but gives every cell a fresh copy of its column's style, so it would render the style's XML
  // again for every cell. Cells of one column holding one kind of value (the id depends on the
  // kind) share one copy instead: the same style, the same id, worked out once.
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  for (const item of rows) {
    const values = columns.map((column) => {
      const value = column.value(item);
      if (value === null) return null;
      if ("date" in value) return utcDate(value.date);
      const clean = removeForbiddenXmlCharacters(value.text);
      if (clean.removed.length > 0) {
        const codes = [...new Set(clean.removed)].join(", ");
        out.push(diagnostic("warning", "TEXT_CONTROL_CHARACTERS", `${column.header} held characters a workbook cannot store (${codes}); they were left out of the tracker`, { file, sheet: item.source.sheet, row: item.source.row }));
      }
      // Always a plain string: exceljs writes strings as text, so "=SUM(…)" stays words.
      return clean.text;
    });
    const row = sheet.addRow(values);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      const key = `${i}:${value === null ? "empty" : value instanceof Date ? "date" : "text"}`;
      const style = shared.get(key);
      if (style) cell.style = style;
      else shared.set(key, cell.style);
    });
    row.commit();
  }
  filterRange(sheet, 1, columns.length, rows.length + 1);
}

function* widthSamples<Row>(column: TrackerColumn<Row>, rows: readonly Row[]): Generator<string> {
  for (const row of rows) {
    const value: TrackerValue = column.value(row);
    if (value !== null) yield "date" in value ? DATE_WIDTH_TEXT : value.text;
  }
}

export function utcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}
