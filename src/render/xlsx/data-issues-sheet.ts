// The Data issues sheet: every message about the source tracker, each with the cell it names,
// so a user can work through them with a filter.
import type ExcelJS from "exceljs";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { filterRange, fittedWidth, styleHeaderRow } from "./sheet-format.js";
import { removeForbiddenXmlCharacters } from "./xml-text.js";

const HEADERS = ["Severity", "Code", "Message", "File", "Sheet", "Row", "Cell"] as const;
const SEVERITY_WORD = { error: "Error", warning: "Warning", info: "Note" } as const;

const WIDTH_BOUNDS: [number, number][] = [[9, 10], [14, 26], [40, 90], [12, 30], [10, 30], [6, 8], [10, 30]];

function fields(d: Diagnostic): (string | number | null)[] {
  return [SEVERITY_WORD[d.severity], d.code, removeForbiddenXmlCharacters(d.message).text, d.file, d.sheet ?? null, d.row ?? d.line ?? null, d.cell ?? null];
}

/** The sheet must come from addWorksheet(name, sheetOptions(…)): print setup is decided there. */
export function writeDataIssuesSheet(sheet: ExcelJS.Worksheet, diagnostics: readonly Diagnostic[]): void {
  sheet.columns = HEADERS.map((header, i) => ({
    width: fittedWidth(header, diagnostics.map((d) => String(fields(d)[i] ?? "")), WIDTH_BOUNDS[i]![0], WIDTH_BOUNDS[i]![1]),
    style: { alignment: { vertical: "top", wrapText: true } },
  }));
  const header = sheet.addRow([...HEADERS]);
  styleHeaderRow(header, HEADERS.length);
  header.commit();
  for (const d of diagnostics) sheet.addRow(fields(d)).commit();
  if (diagnostics.length === 0) sheet.addRow(["None", null, "boardpack found nothing to report in the source tracker."]).commit();
  filterRange(sheet, 1, HEADERS.length, Math.max(2, diagnostics.length + 1));
}
