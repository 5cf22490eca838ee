// One worksheet part (xl/worksheets/sheetN.xml), written top to bottom: view and column widths,
// then rows in order, then filter, conditional formats, drop-downs and print setup — the order
// the schema requires.
import { isDeepStrictEqual } from "node:util";
import { rowXml, type Cell, type RowContext } from "./row-xml.js";
import type { SharedStrings } from "./shared-strings.js";
import { printSetupXml, sheetViewsXml, type SheetLayout } from "./sheet-format.js";
import type { CellStyle, DifferentialStyle, StyleTable } from "./style-table.js";
import { XmlBuffer } from "./xml-buffer.js";
import { escapeXml } from "./xml-text.js";

export interface Column {
  /** In characters. */
  width: number;
  /** What the column's cells look like unless a cell says otherwise. */
  style?: CellStyle;
}

/** A rule that colours a cell whose value equals the formula's (such as "\"Red\""). */
export interface EqualsRule {
  formula: string;
  style: DifferentialStyle;
}

/** A drop-down list whose other entries are warned about, not refused. */
export interface ListValidation {
  words: string[];
  errorTitle: string;
  error: string;
}

/** The workbook's shared tables every sheet writes into. */
export interface BookTables {
  styles: StyleTable;
  strings: SharedStrings;
}

/** Excel's default width: such a column with no style needs no <col>. */
const DEFAULT_WIDTH = 9;

const OPEN_WORKSHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">' +
  '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';

export class SheetWriter {
  private readonly out = new XmlBuffer();
  private readonly context: RowContext;
  private lastRow = 0;
  private filter = "";
  private readonly conditionalFormats: string[] = [];
  private readonly validations: string[] = [];

  /** Column styles are registered now, before any cell's, as exceljs did. */
  constructor(
    readonly name: string,
    readonly layout: SheetLayout,
    columns: readonly Column[],
    tables: BookTables,
  ) {
    this.context = { ...tables, columnStyles: columns.map((c) => c.style) };
    this.out.add(
      OPEN_WORKSHEET +
        sheetViewsXml(layout) +
        '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>' +
        colsXml(columns, tables.styles) +
        "<sheetData>",
    );
  }

  /** Rows must come in increasing order; see rowXml for cells. */
  row(rowNumber: number, cells: readonly (Cell | undefined)[], rowStyle?: CellStyle): void {
    if (rowNumber <= this.lastRow) throw new Error(`sheet-part: row ${rowNumber} of ${this.name} written after row ${this.lastRow}`);
    this.lastRow = rowNumber;
    const xml = rowXml(rowNumber, cells, this.context, rowStyle);
    if (xml) this.out.add(xml);
  }

  autoFilter(range: string): void {
    this.filter = `<autoFilter ref="${range}"/>`;
  }

  /** Rules are numbered 1, 2, … in the order given: the first that matches wins. */
  conditionalFormatting(range: string, rules: EqualsRule[]): void {
    const xml = rules.map((rule, i) => {
      const dxfId = this.context.styles.dxfId(rule.style);
      return `<cfRule type="cellIs" dxfId="${dxfId}" priority="${i + 1}" operator="equal"><formula>${escapeXml(rule.formula)}</formula></cfRule>`;
    });
    this.conditionalFormats.push(`<conditionalFormatting sqref="${range}">${xml.join("")}</conditionalFormatting>`);
  }

  listValidation(range: string, list: ListValidation): void {
    this.validations.push(
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="warning" errorTitle="${escapeXml(list.errorTitle)}" error="${escapeXml(list.error)}" sqref="${range}">` +
        `<formula1>${escapeXml(`"${list.words.join(",")}"`)}</formula1></dataValidation>`,
    );
  }

  /** The finished part, as UTF-8. */
  bytes(): Buffer {
    const validations = this.validations.length > 0 ? `<dataValidations count="${this.validations.length}">${this.validations.join("")}</dataValidations>` : "";
    this.out.add(`</sheetData>${this.filter}${this.conditionalFormats.join("")}${validations}${printSetupXml(this.layout)}</worksheet>`);
    return this.out.bytes();
  }
}

/** <cols>: neighbouring columns alike in width and style share one element. */
function colsXml(columns: readonly Column[], styles: StyleTable): string {
  const runs: { min: number; max: number; column: Column }[] = [];
  let run: (typeof runs)[number] | null = null;
  columns.forEach((column, i) => {
    if (column.width === DEFAULT_WIDTH && !column.style) run = null;
    else if (run && run.column.width === column.width && isDeepStrictEqual(run.column.style, column.style)) run.max = i + 1;
    else runs.push((run = { min: i + 1, max: i + 1, column }));
  });
  if (runs.length === 0) return "";
  const cols = runs.map(({ min, max, column }) => {
    const styleId = column.style ? styles.id(column.style) : 0;
    return `<col min="${min}" max="${max}"${column.width ? ` width="${column.width}"` : ""}${styleId ? ` style="${styleId}"` : ""} customWidth="1"/>`;
  });
  return `<cols>${cols.join("")}</cols>`;
}
