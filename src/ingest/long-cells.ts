// A cell longer than Excel can hold (32,767 characters) is read whole: plan.json and CSV keep
// it so. Only the xlsx tracker must cut it, so the user hears of it at the cell.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { EXCEL_CELL_MAX_CHARS } from "../model/cell-limit.js";
import { forEachCell, type RawWorkbook } from "./raw-table.js";

export function longCellWarnings(workbook: RawWorkbook): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const sheet of workbook.sheets) {
    for (const row of sheet.rows) {
      forEachCell(row.cells, (cell, col) => {
        if (cell.text.length <= EXCEL_CELL_MAX_CHARS) return;
        out.push(
          diagnostic("warning", "CELL_TOO_LONG_FOR_EXCEL",
            `the cell holds ${cell.text.length.toLocaleString("en-GB")} characters, more than the ${EXCEL_CELL_MAX_CHARS.toLocaleString("en-GB")} an Excel cell can hold; ` +
              `plan.json and CSV keep it whole, an .xlsx tracker keeps its first ${EXCEL_CELL_MAX_CHARS.toLocaleString("en-GB")}`,
            { file: workbook.file, sheet: sheet.name, row: row.row, col }),
        );
      });
    }
  }
  return out;
}
