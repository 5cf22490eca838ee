// Write rows of the plan as a table sheet: header, values (text always as text, dates as real
// dates), fitted widths, frozen filtered header.
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { SourcePosition } from "../../model/schema.js";
import type { Cell } from "./row-xml.js";
import type { CellStyle } from "./style-table.js";
import { SheetWriter, type BookTables } from "./sheet-part.js";
import { filterRange, fittedWidth, headerStyle, TOP_WRAPPED, type SheetLayout } from "./sheet-format.js";
import type { TrackerColumn, TrackerValue } from "./tracker-columns.js";
import { removeForbiddenXmlCharacters } from "../xml-characters.js";

const DATE_WIDTH_TEXT = "00/00/0000";

const BODY: CellStyle = { alignment: TOP_WRAPPED };
const DATE_BODY: CellStyle = { numFmt: "dd/mm/yyyy", alignment: TOP_WRAPPED };

/**
 * The sheet: widths fitted to the values, each cell top-aligned and wrapped, Due shown as a date.
 * Text a workbook cannot hold is left out, with a warning in `out`.
 */
export function writeTableSheet<Row extends { source: SourcePosition }>(
  name: string,
  layout: SheetLayout,
  tables: BookTables,
  columns: TrackerColumn<Row>[],
  rows: readonly Row[],
  file: string,
  out: Diagnostic[],
): SheetWriter {
  const sheetColumns = columns.map((column) => ({
    width: fittedWidth(column.header, widthSamples(column, rows), column.minWidth, column.maxWidth),
    style: column.header === "Due" ? DATE_BODY : BODY,
  }));
  const sheet = new SheetWriter(name, layout, sheetColumns, tables);
  sheet.row(1, sheetColumns.map((c, i) => ({ value: columns[i]!.header, style: headerStyle(c.style) })));
  rows.forEach((item, r) => {
    const cells = columns.map((column): Cell => {
      const value = column.value(item);
      if (value === null) return { value: null };
      if ("date" in value) return { value: utcDate(value.date) };
      const clean = removeForbiddenXmlCharacters(value.text);
      if (clean.removed.length > 0) {
        const codes = [...new Set(clean.removed)].join(", ");
        out.push(diagnostic("warning", "TEXT_CONTROL_CHARACTERS", `${column.header} held characters a workbook cannot store (${codes}); they were left out of the tracker`, { file, sheet: item.source.sheet, row: item.source.row }));
      }
      return { value: clean.text };
    });
    sheet.row(r + 2, cells);
  });
  sheet.autoFilter(filterRange(1, columns.length, rows.length + 1));
  return sheet;
}

function* widthSamples<Row>(column: TrackerColumn<Row>, rows: readonly Row[]): Generator<string> {
  for (const row of rows) {
    const value: TrackerValue = column.value(row);
    if (value !== null) yield "date" in value ? DATE_WIDTH_TEXT : value.text;
  }
}

/** Midnight UTC of a YYYY-MM-DD date: the date Excel shows, in any time zone. */
export function utcDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}
