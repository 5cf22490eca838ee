// How the paper's tables are laid out and look (body-xml.ts writes them): column widths at the
// page's text width, the cell padding, the header row's shade.
import type { TableBlock, TableCell as DocCell } from "../../compose/doc.js";
import { widthsAtLeast } from "../widths-at-least.js";
import { type Extent, measure } from "./text-width.js";

/** A light grey behind header rows: black bold text on it is 14.9:1. */
export const HEADER_FILL = "D9D9D9";

/** Cell padding in twips (Word's default left/right, a little air above and below). */
export const PADDING = { left: 108, right: 108, top: 28, bottom: 28 };

export interface TableSize {
  /** Twips between the margins. */
  width: number;
  /** The table font size, points, for estimating column widths from the text. */
  fontSize: number;
}

/**
 * Column widths in twips, summing to the text width. The composer's relative widths when it gives
 * them, no column narrower than its longest word; otherwise from the text, measured in Arial:
 * - when every column's longest text fits on one line, the columns are in proportion to it;
 * - else columns of short text (a ref, a status, a RAG word: at most a sixth of the table) keep
 *   it on one line, and the other columns share what is left in proportion to the square root
 *   of their longest text — so a long "Action" column gets the most room without squeezing the
 *   owner and date columns to a word a line;
 * - no column is narrower than its longest word (no "Amb|er"), or wider than its text needs.
 * When even the longest words do not fit, every column is scaled down alike.
 */
export function columnWidths(table: TableBlock, columns: number, ctx: TableSize): number[] {
  const extents = measureColumns(table, columns);
  // 1/1000 em → twips at the table's size, with room to spare for a substitute font's wider
  // letters (LibreOffice without Arial or Liberation Sans falls back to DejaVu Sans, ~15% wider).
  const twips = (em1000: number, spare: number) => (em1000 / 1000) * ctx.fontSize * 20 * spare + PADDING.left + PADDING.right;
  const given = table.widths;
  if (given && given.length === columns && given.every((w) => Number.isFinite(w) && w > 0)) {
    // The composer's proportions, no column narrower than its longest word ("31 Jul 2016", "Amber"),
    // with a little room to spare: enough to keep the Action column the widest, as the composer meant.
    return fit(widthsAtLeast(fit(given, ctx.width), extents.map((e) => twips(e.word, 1.05))), ctx.width);
  }
  const floor = Math.min(567, ctx.width / columns);
  const min = extents.map((e) => Math.max(floor, twips(e.word, 1.2)));
  const line = extents.map((e, c) => Math.max(min[c]!, twips(e.line, 1.1)));
  if (sum(line) <= ctx.width) return fit(line, ctx.width);
  if (sum(min) >= ctx.width) return fit(min, ctx.width);

  // Short columns first, then the rest in proportion to √line, pinning columns at their bounds
  // until none moves.
  const pinned = line.map((l) => (l <= ctx.width / 6 ? l : undefined));
  if (sum(pinned.map((w) => w ?? 0)) > ctx.width / 2) pinned.fill(undefined);
  const weight = line.map(Math.sqrt);
  for (let round = 0; round <= columns; round++) {
    const room = ctx.width - sum(pinned.map((w) => w ?? 0));
    const free = sum(weight.filter((_, c) => pinned[c] === undefined));
    if (free === 0) break;
    let moved = false;
    for (let c = 0; c < columns; c++) {
      if (pinned[c] !== undefined) continue;
      const w = (room * weight[c]!) / free;
      if (w < min[c]!) (pinned[c] = min[c]!), (moved = true);
      else if (w > line[c]!) (pinned[c] = line[c]!), (moved = true);
    }
    if (!moved) return fit(pinned.map((w, c) => w ?? (room * weight[c]!) / free), ctx.width);
  }
  return fit(pinned.map((w, c) => w ?? min[c]!), ctx.width);
}

/** Each column's widest word and longest line, in 1/1000 em of Arial. */
function measureColumns(table: TableBlock, columns: number): Extent[] {
  const extents: Extent[] = Array.from({ length: columns }, () => ({ word: 0, line: 0 }));
  const measureRow = (row: readonly DocCell[], header: boolean) => {
    for (let c = 0; c < columns; c++) {
      const cell = row[c];
      if (!cell) continue;
      const bold = header || cell.rag !== undefined;
      for (const runs of cell.paragraphs) {
        const line = { word: 0, line: 0 };
        const carry = { word: 0 };
        for (const run of runs) measure(run.text, bold || run.bold === true, line, carry);
        const extent = extents[c]!;
        if (line.word > extent.word) extent.word = line.word;
        if (line.line > extent.line) extent.line = line.line;
      }
    }
  };
  measureRow(table.header, table.role !== "layout");
  for (const row of table.rows) measureRow(row, false);
  return extents;
}

/** Scale to `total` and round, giving the rounding's remainder to the widest column. */
function fit(weights: readonly number[], total: number): number[] {
  const scale = total / sum(weights);
  const out = weights.map((w) => Math.max(1, Math.floor(w * scale)));
  const widest = out.indexOf(Math.max(...out));
  out[widest]! += total - sum(out);
  return out;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
