// Tables at the page's text width with a fixed layout (Word then lays a long table out without
// measuring every cell, and the columns are the same in Word and LibreOffice). The header row
// repeats on every page and is marked as the header for screen readers (`w:tblHeader`); layout
// tables (the City of London header block, contact blocks) get neither header marking nor header
// styling. RAG cells are shaded and carry their word.
//
// A 10,000-row appendix is 60,000 cells, so per-cell work is kept to what the cell needs: width
// objects and shading are shared, plain text takes docx's cheapest run form.
import {
  BorderStyle,
  type IShadingAttributesProperties,
  type ITableBordersOptions,
  type ITableWidthProperties,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from "docx";
import type { TableBlock, TableCell as DocCell } from "../../compose/doc.js";
import type { Rag } from "../../model/schema.js";
import type { LinkIds } from "./hyperlink.js";
import { RAG_FILL, RAG_TEXT } from "../rag-colours.js";
import { renderRuns } from "./runs.js";
import { STYLE } from "./styles.js";
import { measure } from "./text-width.js";

/** A light grey behind header rows: black bold text on it is 14.9:1. */
export const HEADER_FILL = "D9D9D9";

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "808080" } as const;
const BORDERS: ITableBordersOptions = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

/** Cell padding in twips (Word's default left/right, a little air above and below). */
const PADDING = { left: 108, right: 108, top: 28, bottom: 28 };

const shade = (fill: string): IShadingAttributesProperties => ({ type: ShadingType.CLEAR, color: "auto", fill });
const HEADER_SHADING = shade(HEADER_FILL);
const RAG_SHADING = Object.fromEntries(Object.entries(RAG_FILL).map(([rag, fill]) => [rag, shade(fill)])) as Record<Rag, IShadingAttributesProperties>;
const ALIGN = { left: "left", center: "center", right: "right" } as const;

export interface TableContext {
  links: LinkIds;
  /** Twips between the margins. */
  width: number;
  /** The table font size, points, for estimating column widths from the text. */
  fontSize: number;
}

export function renderTable(table: TableBlock, ctx: TableContext): Table {
  const layout = table.role === "layout";
  let columns = Math.max(table.header.length, 1);
  for (const row of table.rows) if (row.length > columns) columns = row.length;
  const widths = columnWidths(table, columns, ctx);
  const cellWidths: ITableWidthProperties[] = widths.map((size) => ({ size, type: WidthType.DXA }));

  const rows: TableRow[] = [];
  if (table.header.length > 0) {
    rows.push(
      new TableRow({
        // Repeated on every page, and what screen readers announce as column headers.
        tableHeader: layout ? undefined : true,
        cantSplit: true,
        children: cells(table.header, columns, cellWidths, ctx, layout ? "body" : "header"),
      }),
    );
  }
  // Rows stay whole, so a reader never has half an action on one page and half on the next.
  for (const row of table.rows) rows.push(new TableRow({ cantSplit: true, children: cells(row, columns, cellWidths, ctx, "body") }));

  return new Table({
    rows,
    width: { size: ctx.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: PADDING,
    tableLook: { firstRow: !layout && table.header.length > 0, lastRow: false, firstColumn: false, lastColumn: false, noHBand: true, noVBand: true },
  });
}

function cells(row: readonly DocCell[], columns: number, widths: ITableWidthProperties[], ctx: TableContext, kind: "header" | "body"): TableCell[] {
  const out: TableCell[] = [];
  for (let c = 0; c < columns; c++) {
    const cell = row[c];
    const width = widths[c]!;
    if (!cell) {
      out.push(new TableCell({ width, children: [new Paragraph({ style: STYLE.tableText })] }));
      continue;
    }
    const rag = kind === "body" ? cell.rag : undefined;
    const look = rag ? { color: RAG_TEXT[rag], bold: true } : {};
    const style = kind === "header" ? STYLE.tableHeading : STYLE.tableText;
    const alignment = cell.align ? ALIGN[cell.align] : undefined;
    const paragraphs = cell.paragraphs.length > 0 ? cell.paragraphs : [[]];
    out.push(
      new TableCell({
        width,
        shading: rag ? RAG_SHADING[rag] : kind === "header" ? HEADER_SHADING : undefined,
        children: paragraphs.map((runs) => new Paragraph({ style, alignment, children: renderRuns(runs, ctx.links, look) })),
      }),
    );
  }
  return out;
}

/**
 * Column widths in twips, summing to the text width. The composer's relative widths when it gives
 * them; otherwise from the text, measured in Arial:
 * - when every column's longest text fits on one line, the columns are in proportion to it;
 * - else columns of short text (a ref, a status, a RAG word: at most a sixth of the table) keep
 *   it on one line, and the other columns share what is left in proportion to the square root
 *   of their longest text — so a long "Action" column gets the most room without squeezing the
 *   owner and date columns to a word a line;
 * - no column is narrower than its longest word (no "Amb|er"), or wider than its text needs.
 * When even the longest words do not fit, every column is scaled down alike.
 */
export function columnWidths(table: TableBlock, columns: number, ctx: TableContext): number[] {
  const given = table.widths;
  if (given && given.length === columns && given.every((w) => Number.isFinite(w) && w > 0)) {
    return fit(given, ctx.width);
  }
  const extents = Array.from({ length: columns }, () => ({ word: 0, line: 0 }));
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

  // 1/1000 em → twips at the table's size, with room to spare for a substitute font's wider
  // letters (LibreOffice without Arial or Liberation Sans falls back to DejaVu Sans, ~15% wider).
  const twips = (em1000: number, spare: number) => (em1000 / 1000) * ctx.fontSize * 20 * spare + PADDING.left + PADDING.right;
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
