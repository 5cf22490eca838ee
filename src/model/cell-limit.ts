// Excel holds at most 32,767 characters (UTF-16 units) in a cell, and reports a file with a
// longer one as damaged. plan.json and CSV have no such limit: the reader warns at the cell,
// and only the xlsx writer cuts the text, at this length.
export const EXCEL_CELL_MAX_CHARS = 32_767;

/** The text as an Excel cell can hold it: whole, or its first 32,767 units without splitting a character. */
export function textForExcelCell(text: string): string {
  if (text.length <= EXCEL_CELL_MAX_CHARS) return text;
  const end = EXCEL_CELL_MAX_CHARS;
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}
