// The cell locator of a recommendations tracker (model/cell-locator.ts): the row each
// recommendation came from, and the columns of the tables the ingest laid out.
import type { CellLocator, TrackerCell } from "../model/cell-locator.js";
import type { Recommendation } from "../model/schema.js";
import type { ColumnField } from "./columns.js";
import type { Column } from "./header.js";
import type { TableHeading } from "./layout.js";

export function recommendationCells(tables: readonly TableHeading[], file: string): CellLocator {
  const column = (rec: Recommendation, ...fields: ColumnField[]): Column | undefined => {
    const columns = tables.find((t) => t.sheet.name === rec.source.sheet)?.header.columns ?? [];
    for (const field of fields) {
      const found = columns.find((c) => c.field === field);
      if (found) return found;
    }
    return undefined;
  };
  const at = (rec: Recommendation, found: Column | undefined): TrackerCell => ({ file, sheet: rec.source.sheet, row: rec.source.row, ...(found ? { col: found.col } : {}) });
  // The ingest reads a response from the "response" column, else from an "update" column.
  const responseColumn = (rec: Recommendation) => column(rec, "response", "update");
  return {
    file,
    responseCell: (rec) => at(rec, responseColumn(rec)),
    responseHeader: (rec) => responseColumn(rec)?.header ?? null,
    publishedCell: (rec) => at(rec, column(rec, "published")),
  };
}
