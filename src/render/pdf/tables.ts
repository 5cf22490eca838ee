// Tables → one chunk per row. Cells wrap within their column; a data table's header row is
// bold and shaded, kept with the first row and drawn again at the top of every page the table
// runs onto; a row taller than the room left splits between lines of its cells. RAG cells are
// filled with their colour, their text black or white for contrast, and say their word.
// Structure: Table → THead (the header row, TH /Scope Column) and TBody (TR of TD); in a layout
// table, which has no header row, each row's first cell heads the row (TH /Scope Row).
import type { TableBlock, TableCell } from "../../compose/doc.js";
import type { HouseStyle } from "../../compose/house-style.js";
import type { Chunk, Frame } from "./chunk.js";
import { BLACK, type Rgb } from "./colour.js";
import { columnWidths, type ContentWidth } from "./column-widths.js";
import type { Item } from "./display-list.js";
import { breakSpans } from "./break-spans.js";
import { contentWidths, type Line, type Span } from "./line-break.js";
import { lineBox, lineItems } from "./line-items.js";
import {
  BORDER_COLOUR,
  BORDER_WIDTH,
  CELL_PAD_X,
  CELL_PAD_Y,
  CELL_PARAGRAPH_GAP,
  HEADER_SHADE,
  RAG_FILL,
  RAG_TEXT,
  paragraphLook,
} from "./rules.js";
import { runsToSpans } from "./spans.js";
import { embeddedFamily } from "./fonts.js";
import { addElement, type StructNode, structNode } from "./structure.js";

interface PlacedLine {
  line: Line;
  /** Top of the line within the cell's content box. */
  top: number;
  height: number;
  /** Offset for the cell's alignment. */
  dx: number;
}

interface CellLayout {
  lines: PlacedLine[];
  fill: Rgb | null;
  /** The cell's TH or TD element. */
  tag: StructNode;
}

interface RowGeometry {
  /** Column edges, n + 1 of them, absolute. */
  edges: number[];
  /** The least content height of a row: one line. */
  minContent: number;
}

/** Tables with up to this many rows keep their cells' spans between measuring and laying out. */
const KEEP_SPANS_UP_TO = 10_000;

/** `parent`: the element the table's element goes in. */
export function tableChunks(block: TableBlock, frame: Frame, style: HouseStyle, parent: StructNode = structNode("Document")): Chunk[] {
  return [...tableChunkStream(block, frame, style, parent)];
}

/** tableChunks one row at a time, so a long table need not be laid out all at once. */
export function* tableChunkStream(block: TableBlock, frame: Frame, style: HouseStyle, parent: StructNode = structNode("Document")): Generator<Chunk> {
  const table = tableLayout(block, frame, style, parent);
  if (!table) return;
  // Each chunk is given out once the next exists: the first gets space above, the last below.
  let held = table.header;
  for (let i = 0; i < block.rows.length; i++) {
    const chunk = table.row(i);
    if (held) yield held;
    else chunk.spaceBefore = table.spaceBefore;
    held = chunk;
  }
  if (held) {
    held.spaceAfter = table.spaceAfter;
    yield held;
  }
}

interface TableLayout {
  /** The header row's chunk, spaced above, or none. */
  header: Chunk | undefined;
  /** The chunk of the row at `index` (its TR made now): rows are asked for in order, once. */
  row(index: number): Chunk;
  spaceBefore: number;
  spaceAfter: number;
}

/**
 * The table's columns measured, its element and header row made; its rows laid out as asked.
 * Apart from the generator above, which only hands the chunks on: V8 compiles a generator with
 * everything it inlines as one, and one holding this work cost more to compile in a cold layout
 * of 1,000 actions (2.66 → 2.61 G instructions, single-threaded, layout alone).
 */
function tableLayout(block: TableBlock, frame: Frame, style: HouseStyle, parent: StructNode): TableLayout | null {
  const size = style.fonts.table;
  const family = embeddedFamily(style.fonts.family).family;
  const data = block.role !== "layout";
  let n = block.header.length;
  for (const row of block.rows) n = Math.max(n, row.length);
  if (n === 0) return null;

  // A layout table with an empty header row (a Markdown table needs one) shows no header.
  const showHeader = block.header.some(hasText);
  const cellSpans = (cell: TableCell | undefined, header: boolean): Span[][] =>
    (cell?.paragraphs ?? []).map((runs) =>
      runsToSpans(runs, {
        size,
        bold: (header && data) || cell?.rag !== undefined,
        italic: false,
        colour: cell?.rag ? RAG_TEXT[cell.rag] : BLACK,
        family,
      }),
    );
  // Each cell's spans, made when its column is measured, are kept for laying its row out (and
  // then let go), unless the table is so long that holding them all would cost more memory.
  const kept = block.rows.length <= KEEP_SPANS_UP_TO ? new Map<TableCell, Span[][]>() : null;
  const spansOf = (cell: TableCell | undefined, header: boolean): Span[][] => {
    const spans = cell && kept?.get(cell);
    if (spans) {
      kept?.delete(cell);
      return spans;
    }
    return cellSpans(cell, header);
  };
  const measuredSpansOf = (cell: TableCell | undefined, header: boolean): Span[][] => {
    const spans = cellSpans(cell, header);
    if (cell) kept?.set(cell, spans);
    return spans;
  };

  const widths = columnWidths(frame.width, measureColumns(block, n, showHeader, measuredSpansOf), block.widths);
  const edges = [frame.x];
  for (const w of widths) edges.push((edges.at(-1) ?? frame.x) + w);
  const geometry: RowGeometry = { edges, minContent: lineBox(size).height };

  const layoutRow = (cells: readonly TableCell[], header: boolean, tags: readonly StructNode[]): CellLayout[] =>
    Array.from({ length: n }, (_, i) => {
      const cell = cells[i];
      const textWidth = Math.max(1, (widths[i] ?? 0) - 2 * CELL_PAD_X);
      const lines: PlacedLine[] = [];
      let top = 0;
      spansOf(cell, header).forEach((spans, p) => {
        if (p > 0) {
          top += CELL_PARAGRAPH_GAP;
          // The paragraphs of a cell are read one after another, not run together.
          const previous = lines.at(-1)?.line;
          if (previous) previous.spaceAfter = true;
        }
        for (const line of breakSpans(spans, textWidth, size)) {
          const height = lineBox(line.size).height;
          const slack = textWidth - line.width;
          const dx = cell?.align === "center" ? slack / 2 : cell?.align === "right" ? slack : 0;
          lines.push({ line, top, height, dx: Math.max(0, dx) });
          top += height;
        }
      });
      const fill = cell?.rag ? RAG_FILL[cell.rag] : header && data ? HEADER_SHADE : null;
      return { lines, fill, tag: tags[i] ?? structNode("TD") };
    });

  const body = paragraphLook("body", style);
  const table = addElement(parent, "Table", block.lang ? { lang: block.lang } : {});
  const rowElements = (tbody: StructNode, header: boolean): StructNode[] => {
    const tr = addElement(tbody, "TR");
    return Array.from({ length: n }, (_, i) =>
      header ? addElement(tr, "TH", { scope: "Column" }) : !showHeader && n >= 2 && i === 0 ? addElement(tr, "TH", { scope: "Row" }) : addElement(tr, "TD"),
    );
  };
  let headerChunk: Chunk | undefined;
  if (showHeader) {
    headerChunk = rowChunk(layoutRow(block.header, true, rowElements(addElement(table, "THead"), true)), geometry, undefined, null);
    headerChunk.keepWithNext = true;
    headerChunk.spaceBefore = body.after * 0.5;
  }
  const repeat = data && headerChunk ? headerChunk : undefined;
  const tbody = block.rows.length > 0 ? addElement(table, "TBody") : table;
  return {
    header: headerChunk,
    row(index) {
      const row = block.rows[index]!;
      const tags = rowElements(tbody, false);
      // The row is laid out again if it has to split: its chunk does not hold its lines meanwhile.
      return rowChunk(layoutRow(row, false, tags), geometry, repeat, () => layoutRow(row, false, tags));
    },
    spaceBefore: body.after * 0.5,
    spaceAfter: body.after,
  };
}

function hasText(cell: TableCell): boolean {
  return cell.paragraphs.some((runs) => runs.some((r) => r.text.trim() !== ""));
}

function measureColumns(
  block: TableBlock,
  n: number,
  showHeader: boolean,
  spansOf: (cell: TableCell | undefined, header: boolean) => Span[][],
): ContentWidth[] {
  const out: ContentWidth[] = Array.from({ length: n }, () => ({ min: 0, max: 0 }));
  const visit = (cells: readonly TableCell[], header: boolean) => {
    for (let i = 0; i < n; i++) {
      const col = out[i];
      if (!col) continue;
      for (const spans of spansOf(cells[i], header)) {
        const w = contentWidths(spans);
        col.min = Math.max(col.min, w.min + 2 * CELL_PAD_X);
        col.max = Math.max(col.max, w.max + 2 * CELL_PAD_X);
      }
    }
  };
  if (showHeader) visit(block.header, true);
  for (const row of block.rows) visit(row, false);
  return out;
}

/**
 * A row's chunk. `relayout` gives its cells again when it has to split (null: it never does);
 * holding a function rather than the cells lets their lines go as soon as the items are made.
 */
function rowChunk(cells: CellLayout[], geometry: RowGeometry, repeatHeader: Chunk | undefined, relayout: (() => CellLayout[]) | null): Chunk {
  const contentHeight = Math.max(geometry.minContent, ...cells.map(cellHeight));
  const height = contentHeight + 2 * CELL_PAD_Y;
  const { edges } = geometry;
  const left = edges[0] ?? 0;
  const right = edges.at(-1) ?? left;
  const items: Item[] = [];
  cells.forEach((cell, i) => {
    const x = edges[i] ?? left;
    const w = (edges[i + 1] ?? x) - x;
    if (cell.fill) items.push({ kind: "rect", x, y: 0, w, h: height, fill: cell.fill });
  });
  cells.forEach((cell, i) => {
    const x = (edges[i] ?? left) + CELL_PAD_X;
    for (const pl of cell.lines) lineItems(pl.line, x + pl.dx, CELL_PAD_Y + pl.top, items, cell.tag);
  });
  const rule = (x1: number, y1: number, x2: number, y2: number): Item => ({ kind: "rule", x1, y1, x2, y2, width: BORDER_WIDTH, colour: BORDER_COLOUR });
  items.push(rule(left, 0, right, 0), rule(left, height, right, height));
  for (const x of edges) items.push(rule(x, 0, x, height));

  const chunk: Chunk = { height, items, spaceBefore: 0, spaceAfter: 0 };
  if (repeatHeader) chunk.repeatHeader = repeatHeader;
  const tallest = tallestCell(cells);
  if (relayout && tallest && tallest.lines.length >= 2) {
    // Unforced, a split leaves at least two lines of the tallest cell on either side.
    const second = tallest.lines[1];
    if (tallest.lines.length >= 4 && second) chunk.minSplitHeight = second.top + second.height + 2 * CELL_PAD_Y;
    chunk.split = (room, force) => splitRow(relayout(), geometry, repeatHeader, room, force);
  }
  return chunk;
}

function tallestCell(cells: readonly CellLayout[]): CellLayout | undefined {
  return cells.reduce<CellLayout | undefined>((a, c) => (!a || cellHeight(c) > cellHeight(a) ? c : a), undefined);
}

function cellHeight(cell: CellLayout): number {
  const last = cell.lines.at(-1);
  return last ? last.top + last.height : 0;
}

/** Cut every cell between lines at the same height; unless forced, two lines of the tallest cell stay on each side. */
function splitRow(cells: CellLayout[], geometry: RowGeometry, repeatHeader: Chunk | undefined, room: number, force: boolean): [Chunk, Chunk] | null {
  const tallest = tallestCell(cells);
  if (!tallest) return null;
  const limit = room - 2 * CELL_PAD_Y + 0.01;
  const fits = (cell: CellLayout) => cell.lines.filter((l) => l.top + l.height <= limit).length;
  const kept = fits(tallest);
  if (kept >= tallest.lines.length) return null;
  if (!force && (kept < 2 || tallest.lines.length - kept < 2)) return null;
  if (kept < 1) return null;
  const before: CellLayout[] = [];
  const after: CellLayout[] = [];
  for (const cell of cells) {
    const k = fits(cell);
    before.push({ fill: cell.fill, lines: cell.lines.slice(0, k), tag: cell.tag });
    const rest = cell.lines.slice(k);
    const shift = rest[0]?.top ?? 0;
    after.push({ fill: cell.fill, lines: rest.map((l) => ({ ...l, top: l.top - shift })), tag: cell.tag });
  }
  return [rowChunk(before, geometry, repeatHeader, null), rowChunk(after, geometry, repeatHeader, () => after)];
}
