// Find the header row of a sheet: real trackers put title rows, dates and notes above it.
// The header is the row in the first 30 whose cells name the most known fields.
import { forEachCell, type RawRow, type RawSheet } from "./raw-table.js";
import { fieldForHeader, TRACKER_HEADERS, type ColumnField } from "./columns.js";
import { normaliseWord } from "../model/vocabulary.js";

export const HEADER_SEARCH_ROWS = 30;

export interface Column {
  /** 0-based column index. */
  col: number;
  /** The header text as the user wrote it (trimmed; an unmapped header repeated is made unique with " (2)"). */
  header: string;
  /** The field it feeds, or null: then its values go to `extra` verbatim. */
  field: ColumnField | null;
  /** Why a header that looks like a field was not used for it. */
  note?: string;
}

export interface HeaderRow {
  /** Index into sheet.rows. */
  index: number;
  /** The row number a user sees. */
  row: number;
  columns: Column[];
}

/** User overrides from --map: field → the header text to use for it. */
export type MappingOverrides = Partial<Record<ColumnField, string>>;

export function findHeaderRow(sheet: RawSheet, overrides: MappingOverrides = {}): HeaderRow | undefined {
  let best: HeaderRow | undefined;
  let bestScore = 1; // a header names at least two fields
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const row = sheet.rows[index]!;
    if (row.row > HEADER_SEARCH_ROWS) break;
    const columns = mapColumns(row, overrides);
    const score = new Set(columns.map((c) => c.field).filter((f) => f !== null)).size;
    if (score > bestScore) {
      best = { index, row: row.row, columns };
      bestScore = score;
    }
  }
  return best;
}

/** Map a row's cells, read as headers, to fields. The first column for a field wins; overrides beat synonyms. */
export function mapColumns(row: RawRow, overrides: MappingOverrides = {}): Column[] {
  const overrideByHeader = new Map<string, ColumnField>();
  for (const [field, header] of Object.entries(overrides)) {
    if (header) overrideByHeader.set(normaliseWord(header), field as ColumnField);
  }
  const overridden = new Set(overrideByHeader.values());
  const taken = new Map<ColumnField, string>();
  const columns: Column[] = [];

  forEachCell(row.cells, (cell, col) => {
    const header = cell.text.replace(/\s+/g, " ").trim() ?? "";
    if (header === "") return;
    const forced = overrideByHeader.get(normaliseWord(header));
    const guessed = fieldForHeader(header);
    const field = forced ?? (guessed && !overridden.has(guessed) ? guessed : undefined);
    if (!field) {
      columns.push({ col, header, field: null });
    } else if (taken.has(field)) {
      columns.push({ col, header, field: null, note: `also looks like ${field}, but "${taken.get(field)}" is used for it` });
    } else {
      taken.set(field, header);
      columns.push({ col, header, field });
    }
  });
  return makeExtraHeadersUnique(columns);
}

/**
 * Unmapped columns are keyed by header in `extra`, so two with the same text become "Notes" and
 * "Notes (2)"; and one named like a column of boardpack's tracker (a second "Status") becomes
 * "Status (original)", so the converted tracker never has two columns of one name.
 */
function makeExtraHeadersUnique(columns: Column[]): Column[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    if (c.field !== null) return c;
    const header = TRACKER_HEADERS.has(c.header.toLowerCase()) ? `${c.header} (original)` : c.header;
    const n = (seen.get(header) ?? 0) + 1;
    seen.set(header, n);
    return n === 1 && header === c.header ? c : { ...c, header: n === 1 ? header : `${header} (${n})` };
  });
}
