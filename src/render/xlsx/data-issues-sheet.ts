// The Data issues sheet: every message about the source tracker, each with the cell it names,
// so a user can work through them with a filter.
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { SheetWriter, type BookTables } from "./sheet-part.js";
import { filterRange, fittedWidth, headerStyle, TOP_WRAPPED, type SheetLayout } from "./sheet-format.js";
import { removeForbiddenXmlCharacters } from "../xml-characters.js";

const HEADERS = ["Severity", "Code", "Message", "File", "Sheet", "Row", "Cell"] as const;
const SEVERITY_WORD = { error: "Error", warning: "Warning", info: "Note" } as const;

const WIDTH_BOUNDS: [number, number][] = [[9, 10], [14, 26], [40, 90], [12, 30], [10, 30], [6, 8], [10, 30]];

function fields(d: Diagnostic): (string | number | null)[] {
  return [SEVERITY_WORD[d.severity], d.code, removeForbiddenXmlCharacters(d.message).text, d.file, d.sheet ?? null, d.row ?? d.line ?? null, d.cell ?? null];
}

export function writeDataIssuesSheet(tables: BookTables, layout: SheetLayout, diagnostics: readonly Diagnostic[]): SheetWriter {
  const style = { alignment: TOP_WRAPPED };
  const columns = HEADERS.map((header, i) => ({
    width: fittedWidth(header, diagnostics.map((d) => String(fields(d)[i] ?? "")), WIDTH_BOUNDS[i]![0], WIDTH_BOUNDS[i]![1]),
    style,
  }));
  const sheet = new SheetWriter("Data issues", layout, columns, tables);
  sheet.row(1, HEADERS.map((value) => ({ value, style: headerStyle(style) })));
  diagnostics.forEach((d, i) => sheet.row(i + 2, fields(d).map((value) => ({ value }))));
  if (diagnostics.length === 0) sheet.row(2, [{ value: "None" }, { value: null }, { value: "boardpack found nothing to report in the source tracker." }]);
  sheet.autoFilter(filterRange(1, HEADERS.length, Math.max(2, diagnostics.length + 1)));
  return sheet;
}
