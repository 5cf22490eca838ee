// Problems are data, not exceptions (DESIGN §4): every one carries where it is,
// so a user can find the cell from the one line we print.
import { z } from "zod";

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export const Diagnostic = z.object({
  severity: Severity,
  /** A stable rule id such as DATE_INVALID, for scripts and the Data issues sheet. */
  code: z.string(),
  message: z.string(),
  /** The input file's name as the user gave it. */
  file: z.string(),
  sheet: z.string().optional(),
  /** 1-based row as Excel shows it (for CSV: the line the record starts on). */
  row: z.number().int().positive().optional(),
  /** Column letter as Excel shows it ("E"). */
  column: z.string().optional(),
  /** 1-based line, for text inputs such as a mapping file or a paper spec. */
  line: z.number().int().positive().optional(),
  /** What a user types in Excel's name box: 'Tactical Plan'!G12, or G12 for a CSV. */
  cell: z.string().optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export interface Position {
  file: string;
  sheet?: string | null;
  row?: number;
  /** 0-based column index; turned into a letter. */
  col?: number;
}

/** Build a diagnostic at a position; fills column and cell from the row and column. */
export function diagnostic(
  severity: Severity,
  code: string,
  message: string,
  at: Position,
): Diagnostic {
  const d: Diagnostic = { severity, code, message, file: at.file };
  if (at.sheet != null) d.sheet = at.sheet;
  if (at.row != null) d.row = at.row;
  if (at.col != null) {
    d.column = columnLetter(at.col);
    if (at.row != null) d.cell = cellName(at.sheet ?? null, at.col, at.row);
  }
  return d;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel's name-box form: Sheet1!B3, or 'Tactical Plan'!B3 when the name needs quoting. */
export function cellName(sheet: string | null, col: number, row: number): string {
  const ref = `${columnLetter(col)}${row}`;
  return sheet == null ? ref : `${sheetPrefix(sheet)}!${ref}`;
}

/** What a user types in Excel's name box (`Recommendations!G12`), or `Recommendations row 12` with no column. */
export function placeName(at: Position): string {
  const row = at.row ?? 1;
  if (at.col !== undefined) return cellName(at.sheet ?? null, at.col, row);
  return at.sheet != null ? `${cellName(at.sheet, 0, row).replace(/![A-Z]+\d+$/, "")} row ${row}` : `row ${row}`;
}

function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** The one line a user reads: `colp.xlsx 'Tactical Plan'!E31: error DATE_INVALID "31/02/2017" is not a date`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}${locationSuffix(d)}: ${d.severity} ${d.code} ${d.message}`;
}

function locationSuffix(d: Diagnostic): string {
  if (d.line != null) return `:${d.line}`;
  if (d.cell) return ` ${d.cell}`;
  if (d.row != null) return d.sheet != null ? ` ${sheetPrefix(d.sheet)} row ${d.row}` : ` row ${d.row}`;
  if (d.sheet != null) return ` ${sheetPrefix(d.sheet)}`;
  return "";
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Order for printing: by sheet order of appearance is kept; within that, by row then column. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      if (a.d.file !== b.d.file || (a.d.sheet ?? "") !== (b.d.sheet ?? "")) return a.i - b.i;
      return (a.d.row ?? 0) - (b.d.row ?? 0) || (a.d.column ?? "").length - (b.d.column ?? "").length ||
        (a.d.column ?? "").localeCompare(b.d.column ?? "") || a.i - b.i;
    })
    .map(({ d }) => d);
}
