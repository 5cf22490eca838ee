// The plan's title: the title rows above a tracker's header, else the workbook's Title
// property (boardpack's own trackers set it), else a cover sheet's first line, else the
// file's name. Label lines ("Workstream lead: …") are not titles.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SheetLayout, TableLayout } from "./layout.js";
import { filledCells, type RawRow, type RawWorkbook } from "./raw-table.js";

/** "Workstream lead: DI George Binns", "Date: 04/06/2015" — a label and a value, not a title. */
function isLabelLine(text: string): boolean {
  return /^[^:]{1,40}:\s*\S/.test(text);
}

/** A row above the header that reads as a title: one text, not a label line. */
function titleText(row: RawRow): string | null {
  const filled = filledCells(row);
  if (filled.length !== 1) return null;
  const text = filled[0]!.cell.text.replace(/\s+/g, " ").trim();
  return text.length > 1 && !isLabelLine(text) ? text : null;
}

export function planTitle(workbook: RawWorkbook, layouts: SheetLayout[], tables: TableLayout[]): string {
  for (const table of tables) {
    const lines = table.above.map(titleText).filter((t): t is string => t !== null);
    if (lines.length > 0) return [...new Set(lines)].join(" – ");
  }
  if (workbook.title) return workbook.title;
  // A cover sheet before the first table often carries the plan's name.
  for (const layout of layouts) {
    if (layout.kind === "table") break;
    const first = layout.sheet.rows.map(titleText).find((t) => t !== null);
    if (first) return first;
  }
  return fileStem(workbook.file);
}

/** Rows above a header that are not the title are still the user's words: say they were not read. */
export function reportRowsAboveHeader(file: string, tables: TableLayout[], title: string, out: Diagnostic[]): void {
  for (const table of tables) {
    for (const row of table.above) {
      const filled = filledCells(row);
      if (filled.length === 0) continue;
      const text = filled.map(({ cell }) => cell.text.replace(/\s+/g, " ").trim()).join(" | ");
      if (titleText(row) !== null && title.includes(text)) continue;
      out.push(diagnostic("info", "ABOVE_HEADER", `above the header, so not part of the table: "${text.length > 80 ? `${text.slice(0, 77)}…` : text}"`, { file, sheet: table.sheet.name, row: row.row }));
    }
  }
}

function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, "");
}
