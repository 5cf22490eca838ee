// One row of a worksheet as XML (<row><c>…</c></row>): text through the shared strings, dates as
// Excel serial numbers, formulas with their cached result, and each cell's style index.
import { columnLetter } from "../../diagnostics/diagnostic.js";
import type { SharedStrings } from "./shared-strings.js";
import type { CellStyle, StyleTable } from "./style-table.js";
import { escapeXml } from "./xml-text.js";

/** A live formula (without "="), and the value it gives now, for readers that do not recalculate. */
export interface Formula {
  formula: string;
  result?: number | Date;
}

/** Text is always written as text: "=SUM(A1)" typed in a tracker stays words. */
export type CellValue = string | number | Date | Formula | null;

/** A cell; without a style of its own it takes its column's, as a cell made in a styled column does. */
export interface Cell {
  value: CellValue;
  style?: CellStyle;
}

/** What rows of one sheet share: the workbook's tables and the sheet's column styles. */
export interface RowContext {
  styles: StyleTable;
  strings: SharedStrings;
  columnStyles: readonly (CellStyle | undefined)[];
}

const MS_PER_DAY = 24 * 3600 * 1000;
/** Excel's serial number of 1970-01-01 (the 1900 date system). */
const UNIX_EPOCH_SERIAL = 25569;

const letters: string[] = [];
function letter(index: number): string {
  return (letters[index] ??= columnLetter(index));
}

/**
 * The row's XML: cells[i] is column i+1 (undefined: no cell). An empty cell is written only for
 * its style. A row with no value at all is left out, and registers no style, as exceljs did.
 */
export function rowXml(rowNumber: number, cells: readonly (Cell | undefined)[], context: RowContext, rowStyle?: CellStyle): string {
  let first = 0;
  let last = 0;
  let hasValue = false;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (!cell) continue;
    if (first === 0) first = i + 1;
    last = i + 1;
    if (cell.value !== null) hasValue = true;
  }
  if (!hasValue) return "";

  const { styles } = context;
  const rowStyleId = rowStyle ? styles.id(rowStyle) : 0;
  let xml = `<row r="${rowNumber}" spans="${first}:${last}"${rowStyleId ? ` s="${rowStyleId}" customFormat="1"` : ""} x14ac:dyDescent="0.25">`;
  for (let i = first - 1; i < last; i++) {
    const cell = cells[i];
    if (!cell) continue;
    const style = cell.style ?? context.columnStyles[i];
    const styleId = style ? styles.id(style) : 0;
    if (cell.value === null && !styleId) continue;
    const open = `<c r="${letter(i)}${rowNumber}"${styleId ? ` s="${styleId}"` : ""}`;
    xml += cell.value === null ? `${open}/>` : `${open}${valueXml(cell.value, context.strings)}</c>`;
  }
  return `${xml}</row>`;
}

/** The rest of the opening tag (the type, if any) and the content of <c>. */
function valueXml(value: Exclude<CellValue, null>, strings: SharedStrings): string {
  if (typeof value === "string") return ` t="s"><v>${strings.id(value)}</v>`;
  if (typeof value === "number") return `><v>${value}</v>`;
  if (value instanceof Date) return `><v>${excelSerial(value)}</v>`;
  const cached = value.result === undefined ? "" : `<v>${value.result instanceof Date ? excelSerial(value.result) : value.result}</v>`;
  return `><f>${escapeXml(value.formula)}</f>${cached}`;
}

function excelSerial(date: Date): number {
  return UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY;
}
