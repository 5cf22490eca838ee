// Reads an .xlsx workbook into raw sheets of cells (DESIGN §3): every worksheet in tab order,
// rows numbered as Excel shows them, dates as calendar dates with no time-zone shift, formulas
// as their cached results, RAG fills, merged banner rows. The caller has already checked the
// zip container (sniff.ts). An ordinary workbook is read straight from the parts sniff.ts
// inflated (xlsx-direct.ts, which gives what exceljs gives); any other goes to exceljs, loaded
// only then, and any failure of exceljs becomes one refusal line.
import type ExcelJS from "exceljs";
import type { Rag } from "../model/schema.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { refuse } from "./refused.js";
import type { RawCell, RawRow, RawSheet, RawWorkbook } from "./raw-table.js";
import { DEFAULT_THEME_COLOURS, parseThemeColours, ragFromFill, type CellFill } from "./fill-colour.js";
import { readWorkbookParts, type SourceBook, type SourceCell, type SourceSheet } from "./xlsx-direct.js";
import { NotHandled } from "./xml-scan.js";
import { LIMITS } from "./limits.js";
import { readZipDirectory, verifyInflatedSizes } from "./zip-directory.js";

const DAY_MS = 86_400_000;
/** Excel serial (1900 system) of 1970-01-01, the epoch exceljs converts dates from. */
const SERIAL_1970 = 25_569;
/** Days between the 1900 and 1904 date systems. */
const OFFSET_1904 = 1_462;
/** Columns in a sheet: keys a (row, column) pair in one number. */
const MAX_COLUMNS = 16_384;

/** What reading one workbook shares across its sheets. */
interface Book {
  file: string;
  date1904: boolean;
  themeColours: readonly string[];
  /** Each distinct fill object's RAG (exceljs shares one fill object per style), null = none. */
  fillRags: WeakMap<object, Rag | null>;
  /** True once any formula has a cached result, i.e. the workbook was calculated when saved. */
  calculated: boolean;
  /** Formula cells that read with no cached result. */
  uncached: { sheet: string; row: RawRow; col: number }[];
  diagnostics: Diagnostic[];
}

/** readCell's answer for a formula with no cached result. */
const NO_RESULT: Readonly<RawCell> = Object.freeze({ kind: "string", text: "", formula: true });

export async function readXlsx(
  bytes: Buffer,
  file: string,
  /** The workbook's parts as sniff.ts inflated them (inflated here when not given); null: read with exceljs. */
  parts: ReadonlyMap<string, Buffer> | null = inflatedParts(bytes, file),
): Promise<{ workbook: RawWorkbook; diagnostics: Diagnostic[] }> {
  let source: SourceBook | undefined;
  if (parts) {
    try {
      source = readWorkbookParts(parts);
    } catch (err) {
      if (!(err instanceof NotHandled)) throw err;
    }
  }
  source ??= await readWithExcelJs(bytes, file);
  if (source.sheets.length === 0) {
    throw refuse(file, "INPUT_UNREADABLE", "the workbook has no worksheets that can be read");
  }

  const book: Book = {
    file,
    // exceljs already applies the 1904 offset on read (cell-xform reconcile); we only need
    // the flag to undo Excel's 1900 leap-year bug and to spot time-only values.
    date1904: source.date1904,
    themeColours: themeColoursOf(source.themes),
    fillRags: new WeakMap(),
    calculated: false,
    uncached: [],
    diagnostics: [],
  };
  const sheets = source.sheets.map((ws) => {
    if (ws.state === "hidden" || ws.state === "veryHidden") {
      book.diagnostics.push(
        diagnostic("info", "SHEET_HIDDEN", `the sheet "${ws.name}" is hidden in Excel`, { file, sheet: ws.name }),
      );
    }
    return readSheet(ws, book);
  });
  settleUncached(book, sheets);
  const title = source.title?.trim();
  return { workbook: { file, format: "xlsx", sheets, ...(title ? { title } : {}) }, diagnostics: book.diagnostics };
}

/** The parts of a workbook not read through sniff.ts, or null when the zip does not hold together (exceljs then says why). */
function inflatedParts(bytes: Buffer, file: string): Map<string, Buffer> | null {
  try {
    const parts = new Map<string, Buffer>();
    verifyInflatedSizes(bytes, readZipDirectory(bytes, file), file, LIMITS, parts);
    return parts;
  } catch {
    return null;
  }
}

/** The workbook as exceljs reads it, in the direct reader's terms. */
async function readWithExcelJs(bytes: Buffer, file: string): Promise<SourceBook> {
  // Loaded on demand: exceljs is large, and most workbooks never need it.
  const { default: Excel } = await import("exceljs");
  const excel = new Excel.Workbook();
  try {
    await excel.xlsx.load(bytes as unknown as Parameters<typeof excel.xlsx.load>[0]);
  } catch (err) {
    throw refuse(file, "INPUT_UNREADABLE", `the workbook is damaged and cannot be read: ${shortReason(err)}`);
  }
  const { Formula, Merge } = Excel.ValueType;
  const sheets = excel.worksheets.map((ws): SourceSheet => ({
    name: ws.name,
    state: ws.state,
    wideMergeMasters: wideMergeMasters(ws),
    eachRow(visit) {
      ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: (SourceCell | undefined)[] = [];
        const source = rowCells(row);
        for (let col = 0; col < source.length; col++) {
          const cell = source[col];
          // A merged cell other than the master repeats the master's value in exceljs: skip it.
          if (!cell || cell.type === Merge) continue;
          const fill = cell.style?.fill as CellFill | undefined;
          cells[col] =
            cell.type === Formula
              ? { formula: true, result: (cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue).result, fill }
              : { formula: false, value: cell.value, fill };
        }
        visit(rowNumber, cells);
      });
    },
  }));
  // exceljs keeps the theme parts as raw XML strings on an undocumented field.
  const themes = (excel as unknown as { _themes?: Record<string, string> })._themes ?? {};
  return {
    date1904: excel.properties?.date1904 === true,
    title: excel.title,
    themes: new Map(Object.entries(themes)),
    sheets,
  };
}

function readSheet(ws: SourceSheet, book: Book): RawSheet {
  const bannerMasters = ws.wideMergeMasters;
  const rows: RawRow[] = [];
  ws.eachRow((rowNumber, source) => {
    const out: RawRow = { row: rowNumber, cells: [] };
    let filled = 0;
    let firstFilled = -1;
    for (let col = 0; col < source.length; col++) {
      const cell = source[col];
      if (!cell) continue;
      const rag = fillRag(cell.fill, book);
      let raw = readCell(cell, book) ?? (rag ? { kind: "string" as const, text: "" } : undefined);
      if (!raw) continue;
      if (raw === NO_RESULT) {
        raw = { ...NO_RESULT };
        book.uncached.push({ sheet: ws.name, row: out, col });
      }
      if (rag) raw.fillRag = rag;
      out.cells[col] = raw;
      if (raw.text.trim() !== "") {
        filled++;
        if (firstFilled < 0) firstFilled = col;
      }
    }
    if (!isKept(out)) return;
    if (filled === 1 && bannerMasters.has(rowNumber * MAX_COLUMNS + firstFilled)) out.banner = true;
    rows.push(out);
  });
  return { name: ws.name, rows };
}

/** A row shows something, or holds a formula whose value we could not read. */
function isKept(row: RawRow): boolean {
  return row.cells.some((cell) => cell !== undefined && (cell.text.trim() !== "" || cell.formula === true));
}

/**
 * exceljs reads a formula whose cached value is the empty string (Excel writes `<v></v>`) the
 * same as one never calculated. In a workbook Excel calculated, they are empty strings: drop
 * them. In one that holds no cached result at all (written by a program that does not
 * calculate), each is a value we cannot know: warn at the cell.
 */
function settleUncached(book: Book, sheets: RawSheet[]): void {
  if (book.uncached.length === 0) return;
  if (!book.calculated) {
    for (const { sheet, row, col } of book.uncached) {
      book.diagnostics.push(
        diagnostic(
          "warning",
          "FORMULA_NO_RESULT",
          "the formula has no saved value (the file was not calculated when it was saved); open it in Excel and save it again",
          { file: book.file, sheet, row: row.row, col },
        ),
      );
    }
    return;
  }
  for (const { row, col } of book.uncached) {
    const cell = row.cells[col];
    if (cell?.fillRag) row.cells[col] = { kind: "string", text: "", fillRag: cell.fillRag };
    else delete row.cells[col];
    while (row.cells.length > 0 && row.cells[row.cells.length - 1] === undefined) row.cells.length--;
  }
  for (const sheet of sheets) {
    if (book.uncached.some((u) => u.sheet === sheet.name)) sheet.rows = sheet.rows.filter(isKept);
  }
}

/**
 * Every cell exceljs holds for a row, by 0-based column, including styled empty cells (a RAG
 * shown only as fill). The public row.eachCell either skips those or, with includeEmpty,
 * creates a Cell object for every gap, which costs memory on large trackers.
 */
function rowCells(row: ExcelJS.Row): readonly (ExcelJS.Cell | undefined)[] {
  const cells = (row as unknown as { _cells?: (ExcelJS.Cell | undefined)[] })._cells;
  if (Array.isArray(cells)) return cells;
  const out: ExcelJS.Cell[] = [];
  row.eachCell({ includeEmpty: true }, (cell, col) => (out[col - 1] = cell));
  return out;
}

/** Keys (row * MAX_COLUMNS + 0-based column) of merge masters spanning 3 or more columns. */
function wideMergeMasters(ws: ExcelJS.Worksheet): Set<number> {
  type Range = { model: { top: number; left: number; right: number } };
  const merges = (ws as unknown as { _merges?: Record<string, Range> })._merges ?? {};
  const masters = new Set<number>();
  for (const { model } of Object.values(merges)) {
    if (model.right - model.left + 1 >= 3) masters.add(model.top * MAX_COLUMNS + model.left - 1);
  }
  return masters;
}

function fillRag(fill: CellFill | undefined, book: Book): Rag | undefined {
  if (!fill) return undefined;
  let rag = book.fillRags.get(fill);
  if (rag === undefined) {
    rag = ragFromFill(fill, book.themeColours) ?? null;
    book.fillRags.set(fill, rag);
  }
  return rag ?? undefined;
}

/** The cell's value as a RawCell (NO_RESULT for a formula without a cached value), or undefined when it shows nothing. */
function readCell(cell: SourceCell, book: Book): RawCell | undefined {
  if (!cell.formula) return fromValue(cell.value as ExcelJS.CellValue, book.date1904);
  const result = cell.result as ExcelJS.CellFormulaValue["result"];
  if (result === undefined) return NO_RESULT;
  book.calculated = true;
  const raw = fromValue(result, book.date1904);
  if (raw) raw.formula = true;
  return raw;
}

function fromValue(value: ExcelJS.CellValue, date1904: boolean): RawCell | undefined {
  if (value == null) return undefined;
  switch (typeof value) {
    case "string":
      return value === "" ? undefined : { kind: "string", text: value };
    case "number":
      return { kind: "number", text: numberText(value), number: value };
    case "boolean":
      return { kind: "boolean", text: value ? "TRUE" : "FALSE" };
  }
  if (value instanceof Date) return fromDate(value, date1904);
  if ("error" in value) return { kind: "error", text: value.error };
  if ("richText" in value) return textCell(richText(value));
  if ("hyperlink" in value) {
    // exceljs may give a hyperlink's text as rich text.
    const text = value.text as string | ExcelJS.CellRichTextValue | undefined;
    const shown = (typeof text === "object" && text ? richText(text) : text) || value.hyperlink;
    const cell = textCell(shown);
    // The address is the user's data too: kept beside the text it sits behind.
    if (cell && value.hyperlink && value.hyperlink !== shown) cell.link = value.hyperlink;
    return cell;
  }
  return undefined; // a formula object never reaches here: readCell unwraps it
}

function textCell(text: string | undefined): RawCell | undefined {
  return text ? { kind: "string", text } : undefined;
}

function richText(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((run) => run.text).join("");
}

/**
 * exceljs builds a date cell's Date in UTC from the serial (already shifted for the 1904
 * system), so the UTC calendar day is the date Excel shows, whatever the local time zone.
 */
function fromDate(date: Date, date1904: boolean): RawCell {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return { kind: "error", text: "#NUM!" };
  let days = Math.floor(ms / DAY_MS);
  const serial = days + SERIAL_1970 - (date1904 ? OFFSET_1904 : 0);
  const time = ms - days * DAY_MS;
  // Serial 0.x is a time of day with no date (h:mm formats).
  if (serial === 0 && time > 0) return { kind: "string", text: timeText(time) };
  // Excel shows no date before serial 1 (1900 system) or 0 (1904 system).
  if (serial < (date1904 ? 0 : 1)) {
    const n = ms / DAY_MS + SERIAL_1970 - (date1904 ? OFFSET_1904 : 0);
    return { kind: "number", text: numberText(n), number: n };
  }
  if (!date1904 && serial <= 60) {
    // Excel's 1900 system counts a 29 February 1900 that never was (Lotus compatibility):
    // serial 60 is that day, and the serials before it are one day later than exceljs says.
    if (serial === 60) return { kind: "string", text: "1900-02-29" };
    days += 1;
  }
  const iso = new Date(days * DAY_MS).toISOString().slice(0, 10);
  return { kind: "date", text: iso, date: iso };
}

function timeText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, "0");
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, "0");
  const ss = seconds % 60;
  return ss === 0 ? `${hh}:${mm}` : `${hh}:${mm}:${String(ss).padStart(2, "0")}`;
}

/** Plain form, rounded to the 15 significant digits Excel keeps (0.1 + 0.2 → "0.3"). */
export function numberText(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : String(n);
}

function themeColoursOf(themes: ReadonlyMap<string, string>): readonly string[] {
  const xml = themes.get("theme1") ?? themes.values().next().value;
  const colours = xml ? parseThemeColours(xml) : [];
  return colours.length > 0 ? colours : DEFAULT_THEME_COLOURS;
}

function shortReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // jszip appends a help link ("… If it is, see https://…"); the user needs only the first part.
  const reason = (message.split("\n")[0] ?? "").replace(/\s*If it is, see .*$/, "").trim();
  return reason.length > 120 ? `${reason.slice(0, 117)}…` : reason || "unknown error";
}
