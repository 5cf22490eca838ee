// Formatting every boardpack sheet shares: a styled header row, frozen and filtered, widths
// fitted to content, and print setup (landscape A4, one page wide, marking, page numbers).
// The workbook is streamed, so all of this is decided before a sheet's first row is written.
import type ExcelJS from "exceljs";

export const HEADER_FILL = "FF1F3864";
export const HEADER_TEXT = "FFFFFFFF";

export interface SheetLayout {
  /** Rows above the first data row to freeze (0 for none). */
  frozenRows: number;
  /** Rows to repeat on every printed page ("1:1"). */
  printTitles?: string;
  marking?: string;
  /** Shown on the right of the printed header. */
  title: string;
}

/** Options for workbook.addWorksheet: views, page setup, header and footer. */
export function sheetOptions(layout: SheetLayout): Partial<ExcelJS.AddWorksheetOptions> {
  const marking = layout.marking ? `&C&B${headerFooterText(layout.marking)}` : "";
  return {
    views: layout.frozenRows > 0
      ? [{ state: "frozen", xSplit: 0, ySplit: layout.frozenRows, topLeftCell: `A${layout.frozenRows + 1}`, activeCell: `A${layout.frozenRows + 1}` }]
      : [{ state: "normal" }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(layout.printTitles ? { printTitlesRow: layout.printTitles } : {}),
    },
    headerFooter: {
      oddHeader: `${marking}&R${headerFooterText(layout.title.slice(0, 100))}`,
      oddFooter: `${marking}&RPage &P of &N`,
    } as ExcelJS.HeaderFooter,
  };
}

export function styleHeaderRow(row: ExcelJS.Row, columnCount: number): void {
  for (let c = 1; c <= columnCount; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true, color: { argb: HEADER_TEXT } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: "top", wrapText: true };
    cell.border = { bottom: { style: "thin", color: { argb: "FF000000" } } };
  }
}

export function filterRange(sheet: ExcelJS.Worksheet, headerRow: number, columnCount: number, lastRow: number): void {
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(lastRow, headerRow), column: columnCount } };
}

/** Width in characters: the longest line of the header or of the values, within bounds. */
export function fittedWidth(header: string, values: Iterable<string>, minWidth: number, maxWidth: number): number {
  let longest = header.length;
  for (const value of values) {
    for (const line of value.split("\n")) if (line.length > longest) longest = line.length;
    if (longest >= maxWidth) break;
  }
  return Math.min(maxWidth, Math.max(minWidth, longest + 2));
}

/** Header and footer codes need "&" doubled. */
function headerFooterText(text: string): string {
  return text.replace(/&/g, "&&");
}
