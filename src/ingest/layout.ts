// Read the shape of each sheet: is it a table at all (dashboards and cover sheets are not),
// where its header is, and which rows below it are actions, theme banners or a legend.
import { filledCells, hasFilledCell, type RawRow, type RawSheet } from "./raw-table.js";
import { findHeaderRow, type HeaderRow, type MappingOverrides } from "./header.js";

export type RowRole =
  | { kind: "data"; raw: RawRow }
  | { kind: "banner"; raw: RawRow; title: string }
  | { kind: "legend"; raw: RawRow; text: string }
  /** Not an action: a totals row, or a line of text below the last action ("Note: …"). */
  | { kind: "note"; raw: RawRow; text: string; what: "total" | "note" };

export interface TableLayout {
  kind: "table";
  sheet: RawSheet;
  header: HeaderRow;
  /** Rows above the header (titles, notes, "Workstream lead: …"). */
  above: RawRow[];
  rows: RowRole[];
}

/**
 * What a table's reading leaves the commands: its sheet's name and where its header is, to name
 * a cell in a message. Not its rows: those are let go once the plan is made.
 */
export interface TableHeading {
  sheet: { name: string | null };
  header: HeaderRow;
}

export function tableHeading(table: TableLayout): TableHeading {
  return { sheet: { name: table.sheet.name }, header: table.header };
}

export interface SkippedSheet {
  kind: "skipped";
  sheet: RawSheet;
  reason: string;
}

export type SheetLayout = TableLayout | SkippedSheet;

export function layoutSheet(sheet: RawSheet, overrides: MappingOverrides): SheetLayout {
  if (sheet.rows.length === 0) return { kind: "skipped", sheet, reason: "the sheet is empty" };
  const header = findHeaderRow(sheet, overrides);
  if (!header) {
    return { kind: "skipped", sheet, reason: "no header row (Ref, Action, Owner, Due, Status, RAG …) in its first 30 rows, so it is not read as a tracker" };
  }
  const above = sheet.rows.slice(0, header.index);
  const rows = sheet.rows.slice(header.index + 1).map((raw) => classifyRow(raw, header));
  return { kind: "table", sheet, header, above, rows: notesBelowTheTable(rows) };
}

function classifyRow(raw: RawRow, header: HeaderRow): RowRole {
  const filled = filledCells(raw);
  const first = filled[0];
  if (first && isLegendText(first.cell.text)) return { kind: "legend", raw, text: first.cell.text.trim() };
  if (first && isTotalRow(first.cell.text, raw, header)) return { kind: "note", raw, text: rowText(raw), what: "total" };
  if (first && filled.length === 1 && looksLikeBanner(raw, first.col, first.cell.text, header)) {
    return { kind: "banner", raw, title: bannerTitle(first.cell.text) };
  }
  return { kind: "data", raw };
}

/** "Total", "Grand total:" in the first cell, with no action text: a sum, not an action. */
function isTotalRow(firstText: string, raw: RawRow, header: HeaderRow): boolean {
  if (!/^(grand\s+)?totals?\s*:?$/i.test(firstText.trim())) return false;
  const action = header.columns.find((c) => c.field === "action" || c.field === "recommendation");
  return !action || (raw.cells[action.col]?.text.trim() ?? "") === "";
}

/** A banner with no action after it is a note below the table ("Note: reviewed monthly"), not a theme. */
function notesBelowTheTable(rows: RowRole[]): RowRole[] {
  let lastData = -1;
  rows.forEach((role, i) => {
    if (role.kind === "data" && hasFilledCell(role.raw)) lastData = i;
  });
  return rows.map((role, i) => (i > lastData && role.kind === "banner" ? { kind: "note", raw: role.raw, text: rowText(role.raw), what: "note" } : role));
}

function rowText(raw: RawRow): string {
  return filledCells(raw).map(({ cell }) => cell.text.replace(/\s+/g, " ").trim()).join(" | ");
}

/** "Key: Blue = complete …", "Legend – R = off track", "Red = off track", or a row of "Colour = meaning" pairs. */
export function isLegendText(text: string): boolean {
  const t = text.trim();
  if (/^(key|legend|rag key|brag key|colour key)( as written)?\s*[:\-–=]/i.test(t) || /^(key|legend)$/i.test(t)) return true;
  // "Blue = Complete": a colour word, then what it means.
  if (/^(blue|red|amber|green)\s*[=:–]\s*[a-z]/i.test(t)) return true;
  const pairs = t.match(/\b(blue|red|amber|green|b|r|a|g)\s*[=:–-]\s*[a-z]/gi);
  return (pairs?.length ?? 0) >= 2;
}

/**
 * A theme banner: one text across a merged row, or alone in the first (or ref) column
 * where an action row would have a short reference. "I   Understanding & Identifying Risk".
 */
function looksLikeBanner(raw: RawRow, col: number, text: string, header: HeaderRow): boolean {
  if (raw.banner) return true;
  const firstCol = header.columns[0]?.col ?? 0;
  const refCol = header.columns.find((c) => c.field === "ref")?.col;
  if (col !== firstCol && col !== refCol) return false;
  const t = text.trim();
  return /[a-z]{3}/i.test(t) && !/^\d+(\.\d+)*[a-z]?$/i.test(t);
}

const PREFIX_WORD = /^(?:section|area|theme|workstream|work stream|key area|part|priority)\s+(?=[IVXLC\d])/i;
/** An upper-case roman numeral (strictly formed, so "CIVIL" is not one) or a number like 2 or 2.1. */
const NUMERAL = /^(?:(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})|\d+(?:\.\d+)*)(?:[.):–-]\s*|\s+)(?=\S)/;

/** Drop a leading roman numeral, number or "Section 2:" so the banner text is the theme's title. */
export function bannerTitle(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  const numbered = t.replace(PREFIX_WORD, "");
  const stripped = numbered.replace(NUMERAL, "");
  if (stripped !== numbered) return stripped.trim();
  return t.replace(/^[A-Z][.)] (?=\S)/, "");
}
