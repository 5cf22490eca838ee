// The tracker's own key, word for word, for the Key sheet of the converted tracker: legend rows
// under a table, a sheet of its own named Key or Legend, or (boardpack's own tracker) the lines
// under FORCE_KEY_HEADING on its Key sheet.
import { FORCE_KEY_HEADING } from "../model/legend.js";
import type { SheetLayout } from "./layout.js";
import { filledCells, type RawRow } from "./raw-table.js";

/** One row of a key as one line: its cells' texts, joined when there are several. */
export function keyRowText(raw: RawRow): string {
  return filledCells(raw).map(({ cell }) => cell.text.trim()).join(" | ");
}

/**
 * The lines of a sheet that is a key rather than a table (named Key, Legend, RAG key …), or null
 * for any other sheet. boardpack's own Key sheet gives only the lines under its heading for the
 * force's key: the rest is boardpack's standard key, not the force's words.
 */
export function keySheetLines(layout: SheetLayout): string[] | null {
  const name = layout.sheet.name;
  if (name === null || !/^\s*((rag|brag|colour)\s+)?(key|legend)\s*$/i.test(name)) return null;
  const rows = layout.sheet.rows.filter((r) => filledCells(r).length > 0);
  const heading = rows.findIndex((r) => filledCells(r)[0]?.cell.text.trim() === FORCE_KEY_HEADING);
  if (heading >= 0) return rows.slice(heading + 1).map(keyRowText);
  if (rows.some(isBoardpackMark)) return [];
  return rows.map(keyRowText);
}

/** The "Made by | boardpack 1.2.3" line of boardpack's Key sheet. */
function isBoardpackMark(raw: RawRow): boolean {
  const [label, value] = filledCells(raw).map(({ cell }) => cell.text.trim());
  return label === "Made by" && value !== undefined && /^boardpack\b/.test(value);
}
