// Formatting every boardpack sheet shares: a styled header row, frozen and filtered, widths
// fitted to content, and print setup (landscape A4, one page wide, marking, page numbers).
import { columnLetter } from "../../diagnostics/diagnostic.js";
import type { CellStyle } from "./style-table.js";
import { escapeXml } from "./xml-text.js";

export interface SheetLayout {
  /** Rows above the first data row to freeze (0 for none). */
  frozenRows: number;
  /** Rows to repeat on every printed page ("1:1"). */
  printTitles?: string;
  marking?: string;
  /** Shown on the right of the printed header. */
  title: string;
}

export const TOP_WRAPPED: CellStyle["alignment"] = { vertical: "top", wrapText: true };

const HEADER: CellStyle = {
  font: { bold: true, color: "FFFFFFFF" },
  fill: "FF1F3864",
  alignment: TOP_WRAPPED,
  bottomBorder: "FF000000",
};

/** A header cell: white bold on dark blue, over its column's style (a date column keeps its format). */
export function headerStyle(columnStyle?: CellStyle): CellStyle {
  return { ...columnStyle, ...HEADER };
}

/** An autofilter over the header row and the rows below it, up to lastRow. */
export function filterRange(headerRow: number, columnCount: number, lastRow: number): string {
  return `A${headerRow}:${columnLetter(columnCount - 1)}${Math.max(lastRow, headerRow)}`;
}

/** Width in characters: the longest line of the header or of the values, within bounds. */
export function fittedWidth(header: string, values: Iterable<string>, minWidth: number, maxWidth: number): number {
  let longest = header.length;
  for (const value of values) {
    longest = Math.max(longest, longestLine(value));
    if (longest >= maxWidth) break;
  }
  return Math.min(maxWidth, Math.max(minWidth, longest + 2));
}

function longestLine(text: string): number {
  let longest = 0;
  for (let start = 0; ; ) {
    const end = text.indexOf("\n", start);
    longest = Math.max(longest, (end === -1 ? text.length : end) - start);
    if (end === -1) return longest;
    start = end + 1;
  }
}

/** <sheetViews>: the frozen header rows, if any. */
export function sheetViewsXml(layout: SheetLayout): string {
  if (layout.frozenRows === 0) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const firstFree = `A${layout.frozenRows + 1}`;
  return (
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane ySplit="${layout.frozenRows}" topLeftCell="${firstFree}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${firstFree}" sqref="${firstFree}"/>` +
    "</sheetView></sheetViews>"
  );
}

/** Margins, A4 landscape one page wide, and the marking, title and page numbers in header and footer. */
export function printSetupXml(layout: SheetLayout): string {
  const marking = layout.marking ? `&C&B${headerFooterText(layout.marking)}` : "";
  const header = `${marking}&R${headerFooterText(layout.title.slice(0, 100))}`;
  const footer = `${marking}&RPage &P of &N`;
  return (
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="0"/>' +
    `<headerFooter><oddHeader>${escapeXml(header)}</oddHeader><oddFooter>${escapeXml(footer)}</oddFooter></headerFooter>`
  );
}

/** Header and footer codes need "&" doubled. */
function headerFooterText(text: string): string {
  return text.replace(/&/g, "&&");
}
