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
import type { LinkIds } from "./link-ids.js";
import { RAG_FILL, RAG_TEXT } from "../rag-colours.js";
import { renderRuns } from "./runs.js";
import { STYLE } from "./styles.js";
import { columnWidths, HEADER_FILL, PADDING, type TableSize } from "./table-layout.js";

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "808080" } as const;
const BORDERS: ITableBordersOptions = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

const shade = (fill: string): IShadingAttributesProperties => ({ type: ShadingType.CLEAR, color: "auto", fill });
const HEADER_SHADING = shade(HEADER_FILL);
const RAG_SHADING = Object.fromEntries(Object.entries(RAG_FILL).map(([rag, fill]) => [rag, shade(fill)])) as Record<Rag, IShadingAttributesProperties>;
const ALIGN = { left: "left", center: "center", right: "right" } as const;

export interface TableContext extends TableSize {
  links: LinkIds;
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
