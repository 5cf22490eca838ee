// What every reader produces: the sheets of a tracker as rows of cells, each still
// knowing where it stood, before any meaning is given to a column.
import type { Rag } from "../model/schema.js";

export type RawCellKind = "string" | "number" | "boolean" | "date" | "error";

export interface RawCell {
  kind: RawCellKind;
  /** The cell's text as a user would read it (numbers in their plain form, dates as YYYY-MM-DD). */
  text: string;
  /** For date cells: the calendar date, YYYY-MM-DD. */
  date?: string;
  /** For number cells: the number. */
  number?: number;
  /** The RAG colour of the cell's fill, when it has one we recognise. */
  fillRag?: Rag;
  /** A hyperlink's address, when the cell shows other text. */
  link?: string;
  /** True when the value is a formula's cached result. */
  formula?: boolean;
}

export interface RawRow {
  /** 1-based row number as the user sees it (CSV: the line the record starts on). */
  row: number;
  /** For a CSV record whose quoted cells span lines: the line it ends on. */
  lastRow?: number;
  /** Cells by 0-based column index; a missing entry is an empty cell. */
  cells: (RawCell | undefined)[];
  /** True when the row's first filled cell is merged across several columns (a banner row). */
  banner?: boolean;
}

export interface RawSheet {
  /** Sheet name; null for a CSV file. */
  name: string | null;
  rows: RawRow[];
}

export interface RawWorkbook {
  /** The file's name as the user gave it, used in every diagnostic. */
  file: string;
  format: "xlsx" | "csv";
  sheets: RawSheet[];
  /** The workbook's Title property (File > Info), when set. */
  title?: string;
}

/**
 * Each cell a row holds, with its 0-based column, in column order. A row with one cell in
 * column XFD is one step, not 16,384: long rows are sparse, so only their present entries are visited.
 */
export function forEachCell<T>(cells: readonly (T | undefined)[], visit: (cell: T, col: number) => void): void {
  if (cells.length <= 256) {
    for (let col = 0; col < cells.length; col++) {
      const cell = cells[col];
      if (cell !== undefined) visit(cell, col);
    }
    return;
  }
  // Integer keys enumerate in ascending order.
  for (const key in cells) {
    const cell = cells[key as unknown as number];
    if (cell !== undefined) visit(cell, Number(key));
  }
}

/** Cells that hold something other than blanks. */
export function filledCells(row: RawRow): { col: number; cell: RawCell }[] {
  const out: { col: number; cell: RawCell }[] = [];
  forEachCell(row.cells, (cell, col) => {
    if (cell.text.trim() !== "") out.push({ col, cell });
  });
  return out;
}

/** True when some cell holds something other than blanks (filledCells(row).length > 0, without the list). */
export function hasFilledCell(row: RawRow): boolean {
  return firstCell(row.cells, (cell) => cell.text.trim() !== "");
}

/** True when some cell the row holds passes the test (stops at the first). */
export function firstCell(cells: readonly (RawCell | undefined)[], test: (cell: RawCell) => boolean): boolean {
  if (cells.length <= 256) {
    for (const cell of cells) if (cell && test(cell)) return true;
    return false;
  }
  for (const key in cells) {
    const cell = cells[key as unknown as number];
    if (cell && test(cell)) return true;
  }
  return false;
}
