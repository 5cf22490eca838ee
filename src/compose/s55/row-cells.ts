// Where a recommendation's cells are in the tracker, so a message names the cell to fill in
// (`Recommendations!G12`). The plan keeps each row's sheet and row (Recommendation.source); the
// columns come from the tables the ingest laid out, which plan.json deliberately leaves out.
import { cellName, type Position } from "../../diagnostics/diagnostic.js";
import type { ColumnField } from "../../ingest/columns.js";
import type { Column } from "../../ingest/header.js";
import type { TableHeading } from "../../ingest/layout.js";
import type { Recommendation } from "../../model/schema.js";

export interface RowCells {
  /** The tracker as named in messages. */
  file: string;
  /** The Response column's cell on the row; only the row when the table has no such column. */
  responseCell(rec: Recommendation): Position;
  /** The header of the column responses are read from ("Force response"), or null when there is none. */
  responseHeader(rec: Recommendation): string | null;
  /** The Published column's cell on the row, or only the row. */
  publishedCell(rec: Recommendation): Position;
}

export function rowCells(tables: readonly TableHeading[], file: string): RowCells {
  const column = (rec: Recommendation, ...fields: ColumnField[]): Column | undefined => {
    const columns = tables.find((t) => t.sheet.name === rec.source.sheet)?.header.columns ?? [];
    for (const field of fields) {
      const found = columns.find((c) => c.field === field);
      if (found) return found;
    }
    return undefined;
  };
  const at = (rec: Recommendation, found: Column | undefined): Position => ({ file, sheet: rec.source.sheet, row: rec.source.row, ...(found ? { col: found.col } : {}) });
  // The ingest reads a response from the "response" column, else from an "update" column.
  const responseColumn = (rec: Recommendation) => column(rec, "response", "update");
  return {
    file,
    responseCell: (rec) => at(rec, responseColumn(rec)),
    responseHeader: (rec) => responseColumn(rec)?.header ?? null,
    publishedCell: (rec) => at(rec, column(rec, "published")),
  };
}

/** What a user types in Excel's name box (`Recommendations!G12`), or `Recommendations row 12` with no column. */
export function placeName(at: Position): string {
  const row = at.row ?? 1;
  if (at.col !== undefined) return cellName(at.sheet ?? null, at.col, row);
  return at.sheet != null ? `${cellName(at.sheet, 0, row).replace(/![A-Z]+\d+$/, "")} row ${row}` : `row ${row}`;
}
