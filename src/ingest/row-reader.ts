// Read one table row by field name rather than by column letter.
import { columnLetter, diagnostic, type Diagnostic, type Position } from "../diagnostics/diagnostic.js";
import type { ColumnField } from "./columns.js";
import type { Column } from "./header.js";
import type { TableLayout } from "./layout.js";
import { forEachCell, type RawCell, type RawRow } from "./raw-table.js";
import { cellText, quote, readDue, type DueValue } from "./cell-values.js";
import { parseSourceText } from "../model/provenance.js";

export interface LocatedCell {
  cell: RawCell | undefined;
  header: string;
  at: Position;
}

export interface RowReader {
  column(field: ColumnField): Column | undefined;
  /** The position of a column's cell on this row. */
  at(col: number): Position;
  /** The field's text, trimmed; null when empty or when the table has no such column. */
  text(field: ColumnField): string | null;
  /** The field's cell with its header and position, or undefined when there is no such column. */
  located(field: ColumnField): LocatedCell | undefined;
  /** The due date and its wording, with "Due as written" (boardpack's trackers) restoring the wording. */
  due(out: Diagnostic[]): DueValue;
  /**
   * Every unmapped column's non-empty text, under its header, verbatim; any hyperlink address
   * under "<header> (link)". Text in a column with no header is kept too, as "Column C", with a
   * warning at the first such cell of each column.
   */
  extra(out: Diagnostic[]): Record<string, string>;
}

/** Each table's first column for each field, worked out once rather than searched for on every row. */
const columnsByField = new WeakMap<readonly Column[], Map<ColumnField, Column>>();

function fieldColumns(columns: readonly Column[]): Map<ColumnField, Column> {
  let byField = columnsByField.get(columns);
  if (!byField) {
    byField = new Map();
    for (const c of columns) if (c.field !== null && !byField.has(c.field)) byField.set(c.field, c);
    columnsByField.set(columns, byField);
  }
  return byField;
}

export function rowReader(file: string, table: TableLayout, raw: RawRow): RowReader {
  const sheet = table.sheet.name;
  const byField = fieldColumns(table.header.columns);
  const column = (field: ColumnField) => byField.get(field);
  const at = (col: number): Position => ({ file, sheet, row: raw.row, col });
  return {
    column,
    at,
    text(field) {
      const c = column(field);
      return c ? cellText(raw.cells[c.col]) : null;
    },
    located(field) {
      const c = column(field);
      return c ? { cell: raw.cells[c.col], header: c.header, at: at(c.col) } : undefined;
    },
    due(out) {
      const c = column("due");
      const value = c ? readDue(raw.cells[c.col], at(c.col), c.header, out) : { due: null, dueText: null };
      const written = this.text("dueText");
      return written !== null ? { due: value.due, dueText: written } : value;
    },
    extra(out) {
      const extra: Record<string, string> = {};
      for (const c of table.header.columns) {
        const cell = raw.cells[c.col];
        const value = c.field === null || c.field === "source" ? cellText(cell) : null;
        // A Source cell that only says where boardpack found the row is ours, not the user's data.
        if (value !== null && !(c.field === "source" && parseSourceText(value))) setExtra(extra, c.header, value);
        if (cell?.link) setExtra(extra, `${c.header} (link)`, cell.link);
      }
      const headed = headedColumns(table);
      forEachCell(raw.cells, (cell, col) => {
        if (headed.has(col)) return;
        const value = cellText(cell);
        if (value === null && !cell.link) return;
        const name = headlessName(table, col);
        if (value !== null) setExtra(extra, name, value);
        if (cell.link) setExtra(extra, `${name} (link)`, cell.link);
        const warned = warnedHeadless.get(table) ?? new Set<number>();
        warnedHeadless.set(table, warned);
        if (!warned.has(col)) {
          warned.add(col);
          out.push(diagnostic("warning", "COLUMN_NO_HEADER", `this cell has text but its column has no header; kept as the extra column "${name}" (give the column a header to name it)`, at(col)));
        }
      });
      return extra;
    },
  };
}

/**
 * One extra column's value under its header, as the object's own field whatever the header says:
 * `extra["__proto__"] = …` would set the object's prototype instead, and the column would vanish.
 */
export function setExtra(extra: Record<string, string>, header: string, value: string): void {
  Object.defineProperty(extra, header, { value, enumerable: true, writable: true, configurable: true });
}

/** The columns a table's header row names. */
const headedByTable = new WeakMap<TableLayout, Set<number>>();
/** Headerless columns already warned about, per table. */
const warnedHeadless = new WeakMap<TableLayout, Set<number>>();

function headedColumns(table: TableLayout): Set<number> {
  let headed = headedByTable.get(table);
  if (!headed) {
    headed = new Set(table.header.columns.map((c) => c.col));
    headedByTable.set(table, headed);
  }
  return headed;
}

/** "Column C", or "Column C (no header)" when a real header already says "Column C". */
function headlessName(table: TableLayout, col: number): string {
  const name = `Column ${columnLetter(col)}`;
  return table.header.columns.some((c) => c.header === name) ? `${name} (no header)` : name;
}

/** A formula's last calculated value is used; say so, since it may be stale. */
export function warnFormulas(file: string, table: TableLayout, raw: RawRow, out: Diagnostic[]): void {
  forEachCell(raw.cells, (c, col) => {
    if (!c.formula) return;
    const header = table.header.columns.find((h) => h.col === col)?.header ?? "this cell";
    const value = c.text.trim() === "" ? "it has no calculated value, so the cell is empty" : `its last calculated value ${quote(c.text)} is used`;
    out.push(diagnostic("warning", "FORMULA_CACHED", `${header} is a formula; ${value}`, { file, sheet: table.sheet.name, row: raw.row, col }));
  });
}

/**
 * The plan keeps a cell's text without the spaces, tabs or line breaks before it; since the user
 * may have put them there on purpose (an indent), say so at the cell rather than drop them silently.
 */
export function warnLeadingSpace(file: string, table: TableLayout, raw: RawRow, out: Diagnostic[]): void {
  forEachCell(raw.cells, (cell, col) => {
    const text = cell.text;
    const lead = /^\s+(?=\S)/.exec(text);
    if (!lead) return;
    const header = table.header.columns.find((h) => h.col === col)?.header ?? "this cell";
    out.push(diagnostic("warning", "TEXT_TRIMMED", `${header} ${quote(text.trim())} starts with ${describeSpace(lead[0])}; the plan keeps the text without ${lead[0].length === 1 ? "it" : "them"}`, { file, sheet: table.sheet.name, row: raw.row, col }));
  });
}

function describeSpace(space: string): string {
  if (/^ +$/.test(space)) return space.length === 1 ? "a space" : `${space.length} spaces`;
  if (/^\t+$/.test(space)) return space.length === 1 ? "a tab" : `${space.length} tabs`;
  if (/^(\r?\n|\r)$/.test(space)) return "a line break";
  if (/^[\r\n]+$/.test(space)) return "line breaks";
  return "spaces or tabs";
}
