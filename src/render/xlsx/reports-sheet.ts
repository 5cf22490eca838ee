// The Reports sheet of an inspection tracker: each report, its publication date and its
// section 55 deadline (the last day of the 56 days beginning with publication day).
import type { Report } from "../../model/schema.js";
import { section55Deadline } from "../../model/section55.js";
import { SheetWriter, type BookTables } from "./sheet-part.js";
import { filterRange, headerStyle, TOP_WRAPPED, type SheetLayout } from "./sheet-format.js";
import type { CellStyle } from "./style-table.js";
import { utcDate } from "./write-table-sheet.js";

const DATE: CellStyle = { numFmt: "dd/mm/yyyy" };

export function writeReportsSheet(tables: BookTables, layout: SheetLayout, reports: readonly Report[]): SheetWriter {
  const columns = [
    { width: Math.min(70, Math.max(20, ...reports.map((r) => r.title.length + 2))), style: { alignment: TOP_WRAPPED } },
    { width: 20, style: DATE },
    { width: 20, style: DATE },
  ];
  const sheet = new SheetWriter("Reports", layout, columns, tables);
  sheet.row(1, ["Report", "Published", "Section 55 deadline"].map((value, i) => ({ value, style: headerStyle(columns[i]!.style) })));
  reports.forEach((report, i) => {
    const r = i + 2;
    const published = report.published;
    sheet.row(r, [
      { value: report.title },
      { value: published ? utcDate(published) : null },
      { value: published ? { formula: `IF(B${r}="","",B${r}+55)`, result: utcDate(section55Deadline(published)) } : null },
    ]);
  });
  sheet.autoFilter(filterRange(1, 3, reports.length + 1));
  return sheet;
}
