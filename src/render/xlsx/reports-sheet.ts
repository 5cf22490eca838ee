// The Reports sheet of an inspection tracker: each report, its publication date and its
// section 55 deadline (the last day of the 56 days beginning with publication day).
import type ExcelJS from "exceljs";
import type { Report } from "../../model/schema.js";
import { section55Deadline } from "../../model/section55.js";
import { filterRange, styleHeaderRow } from "./sheet-format.js";
import { utcDate } from "./write-table-sheet.js";

/** The sheet must come from addWorksheet(name, sheetOptions(…)): print setup is decided there. */
export function writeReportsSheet(sheet: ExcelJS.Worksheet, reports: readonly Report[]): void {
  const dateColumn = { width: 20, style: { numFmt: "dd/mm/yyyy" } };
  sheet.columns = [{ width: Math.min(70, Math.max(20, ...reports.map((r) => r.title.length + 2))), style: { alignment: { wrapText: true, vertical: "top" } } }, dateColumn, dateColumn];
  const header = sheet.addRow(["Report", "Published", "Section 55 deadline"]);
  styleHeaderRow(header, 3);
  reports.forEach((report, i) => {
    const r = i + 2;
    const row = sheet.addRow([report.title, report.published ? utcDate(report.published) : null]);
    row.getCell(3).value = report.published
      ? ({ formula: `IF(B${r}="","",B${r}+55)`, result: utcDate(section55Deadline(report.published)) } as ExcelJS.CellFormulaValue)
      : null;
  });
  filterRange(sheet, 1, 3, reports.length + 1);
}
