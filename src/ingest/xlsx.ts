// Reads an .xlsx workbook into raw sheets of cells (DESIGN §3): every worksheet in tab order,
// rows numbered as Excel shows them, dates as calendar dates with no time-zone shift, formulas
// as their cached results, RAG fills, merged banner rows. The caller has already checked the
// zip container (sniff.ts); the cells come from xlsx-direct.ts, boardpack's one xlsx reader.
import type { Rag } from "../model/schema.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { refuse } from "./refused.js";
import { firstCell, forEachCell, type RawCell, type RawRow, type RawSheet, type RawWorkbook } from "./raw-table.js";
import { DEFAULT_THEME_COLOURS, parseThemeColours, ragFromFill, type CellFill } from "./fill-colour.js";
import { readWorkbookParts, type CellMaker, type SourceSheet, type SourceValue } from "./xlsx-direct.js";
import { LIMITS } from "./limits.js";
import { readZipDirectory, verifyInflatedSizes } from "./zip-directory.js";

const DAY_MS = 86_400_000;
/** Excel serial (1900 system) of 1970-01-01, JavaScript's time 0. */
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
  /** Each distinct fill object's RAG (cells of one style share one fill object), null = none. */
  fillRags: WeakMap<object, Rag | null>;
  /** True once any formula has a cached result, i.e. the workbook was calculated when saved. */
  calculated: boolean;
  /** Formula cells that read with no cached result. */
  uncached: { sheet: string; row: RawRow; col: number }[];
  diagnostics: Diagnostic[];
  /** The cell being read, for a message about its value. */
  at: { sheet: string; row: number; col: number };
  /** The sheet being read: its messages about cells, and its formulas with no cached result, until its merges are known. */
  sheet: SheetMessages;
}

/** What a sheet's cells said as they were read, kept until the sheet is whole: a merge may yet cover the cell. */
interface SheetMessages {
  cells: { diagnostic: Diagnostic; row: number; col: number }[];
  uncached: { row: number; col: number; cell: RawCell }[];
}

export async function readXlsx(
  bytes: Buffer,
  file: string,
  /** The workbook's parts as sniff.ts inflated them (inflated here, with the same checks, when not given); emptied as they are read. */
  parts: ReadonlyMap<string, Buffer> = inflatedParts(bytes, file),
): Promise<{ workbook: RawWorkbook; diagnostics: Diagnostic[] }> {
  const source = readWorkbookParts(parts, file);
  if (source.sheets.length === 0) {
    throw refuse(file, "INPUT_UNREADABLE", "the workbook has no worksheets that can be read");
  }

  const book: Book = {
    file,
    date1904: source.date1904,
    themeColours: themeColoursOf(source.themes),
    fillRags: new WeakMap(),
    calculated: false,
    uncached: [],
    diagnostics: [...source.notes],
    at: { sheet: "", row: 0, col: 0 },
    sheet: { cells: [], uncached: [] },
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

/** The parts of a workbook not read through sniff.ts, inflated with the same checks (a damaged zip is refused). */
function inflatedParts(bytes: Buffer, file: string): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  verifyInflatedSizes(bytes, readZipDirectory(bytes, file), file, LIMITS, parts);
  return parts;
}

function readSheet(ws: SourceSheet, book: Book): RawSheet {
  book.at.sheet = ws.name;
  book.sheet = { cells: [], uncached: [] };
  const read = ws.read(cellMaker(book));
  const bannerMasters = read.wideMergeMasters;
  // The reader's rows become the sheet's: a row that shows nothing is left out.
  const rows: RawRow[] = read.rows;
  let kept = 0;
  for (const row of rows) {
    let filled = 0;
    let firstFilled = -1;
    let formula = false;
    forEachCell(row.cells, (cell, col) => {
      if (cell.formula === true) formula = true;
      if (cell.text.trim() !== "") {
        filled++;
        if (firstFilled < 0) firstFilled = col;
      }
    });
    // A row shows something, or holds a formula whose value we could not read.
    if (filled === 0 && !formula) continue;
    if (filled === 1 && bannerMasters.has(row.row * MAX_COLUMNS + firstFilled)) row.banner = true;
    rows[kept++] = row;
  }
  rows.length = kept;
  settleSheetMessages(ws.name, rows, book);
  return { name: ws.name, rows };
}

/**
 * The sheet's messages about cells, in row and column order, for the cells that stand now its
 * merges and hyperlinks are known (a covered cell says nothing); its formulas with no cached
 * result that still stand, for settleUncached.
 */
function settleSheetMessages(sheet: string, rows: RawRow[], book: Book): void {
  const { cells, uncached } = book.sheet;
  if (cells.length === 0 && uncached.length === 0) return;
  const byNumber = new Map(rows.map((r) => [r.row, r]));
  const standing = (row: number, col: number) => byNumber.get(row)?.cells[col];
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of cells) if (standing(c.row, c.col) !== undefined) book.diagnostics.push(c.diagnostic);
  uncached.sort((a, b) => a.row - b.row || a.col - b.col);
  for (const u of uncached) if (standing(u.row, u.col) === u.cell) book.uncached.push({ sheet, row: byNumber.get(u.row)!, col: u.col });
}

/** A row shows something, or holds a formula whose value we could not read. */
function isKept(row: RawRow): boolean {
  return firstCell(row.cells, (cell) => cell.text.trim() !== "" || cell.formula === true);
}

/**
 * Formulas with no cached result (no `<v>`). In a workbook Excel calculated (others have one),
 * they are cells Excel left empty: drop them. In one that holds no cached result at all
 * (written by a program that does not calculate), each is a value we cannot know: warn at the cell.
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

function fillRag(fill: CellFill | undefined, book: Book): Rag | undefined {
  if (!fill) return undefined;
  let rag = book.fillRags.get(fill);
  if (rag === undefined) {
    rag = ragFromFill(fill, book.themeColours) ?? null;
    book.fillRags.set(fill, rag);
  }
  return rag ?? undefined;
}

/** Makes each cell as the sheet is read: its value as a RawCell, its fill's RAG. */
function cellMaker(book: Book): CellMaker<RawCell> {
  return {
    cell(formula, value, fill, row, col) {
      book.at.row = row;
      book.at.col = col;
      const rag = fillRag(fill, book);
      let raw: RawCell | undefined;
      if (!formula) raw = fromValue(value, book);
      else if (value === undefined) {
        // A formula with no cached result: a value we cannot know, settled once the whole workbook is read.
        raw = { kind: "string", text: "", formula: true };
        book.sheet.uncached.push({ row, col, cell: raw });
      } else {
        book.calculated = true;
        raw = fromValue(value, book);
        if (raw) raw.formula = true;
      }
      if (!raw && rag) raw = { kind: "string", text: "" };
      if (raw && rag) raw.fillRag = rag;
      return raw;
    },
    linked(cell, target) {
      // The cell shows its value (text, a number, a date …); the address is the user's data too,
      // kept beside what it sits behind. A cell that shows nothing shows the address.
      const showsNothing = cell === undefined || (cell.kind === "string" && cell.text === "");
      let shown: RawCell | undefined;
      if (showsNothing) shown = textCell(target);
      else {
        const { formula: _formula, ...value } = cell;
        shown = value;
        if (target !== shown.text) shown.link = target;
      }
      if (cell?.fillRag) {
        shown ??= { kind: "string", text: "" };
        shown.fillRag = cell.fillRag;
      }
      return shown;
    },
  };
}

function fromValue(value: SourceValue, book: Book): RawCell | undefined {
  if (value == null) return undefined;
  switch (typeof value) {
    case "string":
      return value === "" ? undefined : { kind: "string", text: value };
    case "number":
      return { kind: "number", text: numberText(value), number: value };
    case "boolean":
      return { kind: "boolean", text: value ? "TRUE" : "FALSE" };
  }
  if ("dateSerial" in value) return fromSerial(value.dateSerial, book);
  if ("error" in value) return { kind: "error", text: value.error };
  return fromIsoDate(value.isoDate, book);
}

/** A message about the value of the cell being read. */
function cellMessage(book: Book, code: string, message: string): void {
  const { sheet, row, col } = book.at;
  book.sheet.cells.push({ diagnostic: diagnostic("error", code, message, { file: book.file, sheet, row, col }), row, col });
}

function textCell(text: string | undefined): RawCell | undefined {
  return text ? { kind: "string", text } : undefined;
}

/** The last day Excel shows: 31 December 9999, serial 2,958,465 (1900 system). */
const LAST_SERIAL = 2_958_465;

/**
 * A date-formatted number: its serial (in the workbook's date system) → the calendar day Excel
 * shows, worked out in UTC so no time zone can shift it. Past 31 December 9999 is an error at
 * its cell, the number kept.
 */
function fromSerial(value: number, book: Book): RawCell {
  const { date1904 } = book;
  if (!(value < LAST_SERIAL + 1 - (date1904 ? OFFSET_1904 : 0))) {
    cellMessage(book, "DATE_OUT_OF_RANGE",
      `the cell is formatted as a date but holds ${numberText(value)}, which is after 31 December 9999, the last date Excel shows (Excel shows ########)`);
    return { kind: "number", text: numberText(value), number: value };
  }
  const ms = Math.round((value - SERIAL_1970 + (date1904 ? OFFSET_1904 : 0)) * DAY_MS);
  let days = Math.floor(ms / DAY_MS);
  const serial = days + SERIAL_1970 - (date1904 ? OFFSET_1904 : 0);
  const time = ms - days * DAY_MS;
  // Serial 0.x is a time of day with no date (h:mm formats).
  if (serial === 0 && time > 0) return { kind: "string", text: timeText(time) };
  // Excel shows no date before serial 1 (1900 system) or 0 (1904 system).
  if (serial < (date1904 ? 0 : 1)) {
    return { kind: "number", text: numberText(value), number: value };
  }
  if (!date1904 && serial <= 60) {
    // Excel's 1900 system counts a 29 February 1900 that never was (Lotus compatibility):
    // serial 60 is that day, and the serials before it are one day later than the UTC day.
    if (serial === 60) return { kind: "string", text: "1900-02-29" };
    days += 1;
  }
  const iso = new Date(days * DAY_MS).toISOString().slice(0, 10);
  return { kind: "date", text: iso, date: iso };
}

/**
 * A `t="d"` cell holds an ISO 8601 date ("2017-03-31", optionally with a time). A date that
 * does not exist is an error at its cell; the text is kept as written.
 */
function fromIsoDate(text: string, book: Book): RawCell | undefined {
  if (text === "") return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day && year >= 1900;
    const timeOk = m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60);
    if (real && timeOk) {
      const iso = `${m[1]}-${m[2]}-${m[3]}`;
      return { kind: "date", text: iso, date: iso };
    }
  }
  cellMessage(book, "DATE_INVALID",
    `the cell is stored as a date but holds "${text.length > 40 ? `${text.slice(0, 37)}...` : text}", which is not a date that exists`);
  return { kind: "string", text };
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
