// Where a recommendation's cells are in the tracker, so a message names the cell to fill in
// (`Recommendations!G12`). The plan keeps each row's sheet and row (Recommendation.source) but not
// its columns, which plan.json deliberately leaves out: the caller builds a locator from the
// tables the ingest laid out (ingest/recommendation-cells.ts) and hands it to compose.
import type { Recommendation } from "./schema.js";

/** A cell of the tracker: its sheet and row, and its 0-based column when the table has one. */
export interface TrackerCell {
  /** The tracker as named in messages. */
  file: string;
  sheet: string | null;
  row: number;
  col?: number;
}

export interface CellLocator {
  /** The tracker as named in messages. */
  file: string;
  /** The Response column's cell on the row; only the row when the table has no such column. */
  responseCell(rec: Recommendation): TrackerCell;
  /** The header of the column responses are read from ("Force response"), or null when there is none. */
  responseHeader(rec: Recommendation): string | null;
  /** The Published column's cell on the row, or only the row. */
  publishedCell(rec: Recommendation): TrackerCell;
}
