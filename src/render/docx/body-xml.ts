// The body of the Word paper written as XML. A 50,000-action paper is half a million paragraphs
// and table cells; as the docx library's components each was a tree of objects built, prepared
// and stringified, and the document one string of over a hundred million characters, several
// times over. Here each paragraph is a string, gathered straight into UTF-8 chunks.
//
// What the body feeds the rest of the package is gathered as docx gathers it: list instances
// numbered in the order first used (ListInstances, for numbering.xml), link addresses in the
// order first used (LinkIds, for the document's relationships).
import type { Block, HeadingBlock, ListBlock, ParagraphBlock, Run, TableBlock, TableCell as DocCell } from "../../compose/doc.js";
import type { Rag } from "../../model/schema.js";
import { RAG_FILL, RAG_TEXT } from "../rag-colours.js";
import { withoutForbiddenXmlCharacters } from "../xml-characters.js";
import type { LinkIds } from "./link-ids.js";
import type { NumberingPlan, NumberingRef } from "./numbering.js";
import type { ListInstances } from "./numbering-xml.js";
import { roleStyle, STYLE } from "./styles.js";
import { columnWidths, HEADER_FILL, type TableSize } from "./table-layout.js";
import { BODY_SPACE_AFTER } from "./units.js";
import { escapeXml as escape } from "./xml-escape.js";

export interface BodyContext extends TableSize {
  numbering: NumberingPlan;
  lists: ListInstances;
  links: LinkIds;
}

/** The blocks' XML, the content of `w:body` before the section properties, as UTF-8 chunks. */
export function bodyXml(blocks: readonly Block[], ctx: BodyContext): Buffer[] {
  const writer = new Writer(ctx);
  for (const block of blocks) writer.block(block);
  return writer.finish();
}

const NEWLINE = /\r\n|\r|\n/;
const ALIGN = { left: "left", center: "center", right: "right" } as const;
const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
const LINE = 'w:val="single" w:color="808080" w:sz="4"';
const TABLE_FIXED =
  `<w:tblBorders><w:top ${LINE}/><w:left ${LINE}/><w:bottom ${LINE}/><w:right ${LINE}/><w:insideH ${LINE}/><w:insideV ${LINE}/></w:tblBorders>` +
  '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="28"/><w:left w:type="dxa" w:w="108"/><w:bottom w:type="dxa" w:w="28"/><w:right w:type="dxa" w:w="108"/></w:tblCellMar>';
const shading = (fill: string) => `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>`;

/** `w:pStyle` for each style used, written once: every paragraph has one. */
const STYLE_PROPERTIES = new Map<string, string>();
function styleProperty(style: string): string {
  let xml = STYLE_PROPERTIES.get(style);
  if (xml === undefined) STYLE_PROPERTIES.set(style, (xml = `<w:pStyle w:val="${escape(style)}"/>`));
  return xml;
}

/**
 * Formatting a whole paragraph's runs share (a RAG cell's bold text in its colour). Always both
 * fields, and shared objects, so the code that reads them sees one shape (V8 keeps it optimised).
 */
interface Look {
  color: string | undefined;
  bold: boolean;
}
const PLAIN: Look = { color: undefined, bold: false };
const RAG_LOOK = Object.fromEntries(Object.entries(RAG_TEXT).map(([rag, color]) => [rag, { color, bold: true }])) as Record<Rag, Look>;

type Align = "left" | "center" | "right";

/** Pieces of XML gathered before they are encoded into a chunk. */
const PIECES_PER_CHUNK = 20_000;

class Writer {
  private out: string[] = [];
  private readonly chunks: Buffer[] = [];

  constructor(private readonly ctx: BodyContext) {}

  finish(): Buffer[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (this.out.length > 0) this.chunks.push(Buffer.from(this.out.join(""), "utf8"));
    this.out = [];
  }

  /** Whether the last block written was a table: Word joins two tables that touch into one. */
  private afterTable = false;

  block(block: Block): void {
    if (this.out.length > PIECES_PER_CHUNK) this.flush();
    if (block.type === "table" && this.afterTable) this.out.push("<w:p/>");
    switch (block.type) {
      case "heading":
        this.heading(block);
        return;
      case "paragraph":
        this.paragraph(block, this.ctx.numbering.blocks.get(block));
        return;
      case "list":
        this.list(block);
        return;
      case "table":
        this.table(block);
        return;
      case "pageBreak":
        this.out.push(PAGE_BREAK);
        this.afterTable = false;
        return;
    }
  }

  private heading(block: HeadingBlock): void {
    this.p(STYLE.headings[block.level - 1], undefined, this.ctx.numbering.blocks.get(block), undefined, block.runs, PLAIN);
  }

  private paragraph(block: ParagraphBlock, ref: NumberingRef | undefined, style: string = roleStyle(block.role), left?: number): void {
    this.p(style, block.align, ref, left, block.runs, PLAIN, block.keepWithNext === true, block === this.endOfList);
  }

  /** The last paragraph of the top-level list being written: a body paragraph's space follows it. */
  private endOfList: ParagraphBlock | undefined;

  private list(block: ListBlock): void {
    const ref = this.ctx.numbering.lists.get(block);
    if (!ref) throw new Error("docx: a list the numbering plan has not seen");
    const outer = this.endOfList === undefined;
    if (outer) this.endOfList = lastParagraph(block);
    this.listItems(block, ref);
    if (outer) this.endOfList = undefined;
  }

  private listItems(block: ListBlock, ref: NumberingRef & { left: number }): void {
    for (const item of block.items) {
      let marked = false;
      for (const child of item.blocks) {
        if (child.type === "paragraph") {
          // The item's first paragraph carries the marker; later ones line up with its text.
          const style = child.role === "body" ? STYLE.list : roleStyle(child.role);
          if (marked) this.paragraph(child, undefined, style, ref.left);
          else this.paragraph(child, ref, style);
          marked = true;
          continue;
        }
        if (!marked) {
          // An item that opens with something other than a paragraph still gets its marker.
          this.p(STYLE.list, undefined, ref, undefined, [], PLAIN);
          marked = true;
        }
        this.block(child);
      }
      if (!marked) this.p(STYLE.list, undefined, ref, undefined, [], PLAIN);
    }
  }

  /**
   * A paragraph as docx writes `new Paragraph({ style, alignment, numbering: { …, custom: true },
   * indent: { left }, children })`. (Arguments, not an options object: half a million paragraphs.)
   */
  private p(style: string | undefined, align: Align | undefined, numbering: NumberingRef | undefined, left: number | undefined, runs: readonly Run[], look: Look, keepNext = false, bodySpaceAfter = false): void {
    const out = this.out;
    let properties = "";
    if (style) properties += styleProperty(style);
    if (keepNext) properties += "<w:keepNext/>";
    this.afterTable = false;
    if (numbering) properties += `<w:numPr><w:ilvl w:val="${numbering.level}"/><w:numId w:val="${this.ctx.lists.numId(numbering)}"/></w:numPr>`;
    if (bodySpaceAfter) properties += `<w:spacing w:after="${BODY_SPACE_AFTER}"/>`;
    if (left !== undefined) properties += `<w:ind w:left="${left}"/>`;
    if (align) properties += `<w:jc w:val="${ALIGN[align]}"/>`;
    if (properties === "" && runs.length === 0) {
      out.push("<w:p/>");
      return;
    }
    out.push(properties === "" ? "<w:p>" : `<w:p><w:pPr>${properties}</w:pPr>`);
    this.runs(runs, look);
    out.push("</w:p>");
  }

  /** renderRuns: bold, italic, links (styled Hyperlink), line breaks. */
  private runs(runs: readonly Run[], look: Look): void {
    for (let i = 0; i < runs.length; ) {
      const run = runs[i]!;
      if (run.link) {
        // Neighbouring runs with the same address are one link (a link with a bold word in it).
        const id = this.ctx.links.idFor(run.link);
        this.out.push(`<w:hyperlink w:history="1" r:id="rId${escape(id)}">`);
        while (i < runs.length && runs[i]!.link === run.link) this.textRuns(runs[i++]!, look, STYLE.hyperlink);
        this.out.push("</w:hyperlink>");
      } else {
        this.textRuns(run, look);
        i++;
      }
    }
  }

  private textRuns(run: Run, look: Look, style?: string): void {
    const text = withoutForbiddenXmlCharacters(run.text);
    // Most text has no line break: spare it the split.
    const lines = text.includes("\n") || text.includes("\r") ? text.split(NEWLINE) : [text];
    const bold = run.bold === true || look.bold;
    const italics = run.italic === true;
    const superscript = run.superscript === true;
    let rPr = "";
    if (style || bold || italics || look.color || superscript) {
      let properties = "";
      if (style) properties += `<w:rStyle w:val="${style}"/>`;
      if (bold) properties += "<w:b/><w:bCs/>";
      if (italics) properties += "<w:i/><w:iCs/>";
      if (look.color) properties += `<w:color w:val="${escape(look.color)}"/>`;
      if (superscript) properties += '<w:vertAlign w:val="superscript"/>';
      rPr = `<w:rPr>${properties}</w:rPr>`;
    }
    for (let i = 0; i < lines.length; i++) {
      this.out.push(`<w:r>${rPr}${i > 0 ? "<w:br/>" : ""}${run.noBreak ? unbroken(lines[i]!) : textElement(lines[i]!)}</w:r>`);
    }
    if (run.breakAfter) this.out.push("<w:r><w:br/></w:r>");
  }

  /** renderTable: fixed layout at the text width, repeated header row, RAG cells shaded and labelled. */
  private table(table: TableBlock): void {
    const layout = table.role === "layout";
    let columns = Math.max(table.header.length, 1);
    for (const row of table.rows) if (row.length > columns) columns = row.length;
    const widths = columnWidths(table, columns, this.ctx);
    const firstRow = !layout && table.header.length > 0;
    this.out.push(
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${this.ctx.width}"/>${TABLE_FIXED}` +
        `<w:tblLook w:firstRow="${firstRow}" w:lastRow="false" w:firstColumn="false" w:lastColumn="false" w:noHBand="true" w:noVBand="true"/></w:tblPr>` +
        `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
    );
    const cellStart = widths.map((w) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${w}"/>`);
    if (table.header.length > 0) {
      // Repeated on every page, and what screen readers announce as column headers.
      this.out.push(layout ? "<w:tr><w:trPr><w:cantSplit/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
      this.cells(table.header, columns, cellStart, layout ? "body" : "header");
      this.out.push("</w:tr>");
    }
    // Rows stay whole, so a reader never has half an action on one page and half on the next.
    for (const row of table.rows) {
      if (this.out.length > PIECES_PER_CHUNK) this.flush();
      this.out.push("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
      this.cells(row, columns, cellStart, "body");
      this.out.push("</w:tr>");
    }
    this.out.push("</w:tbl>");
    this.afterTable = true;
  }

  private cells(row: readonly DocCell[], columns: number, cellStart: string[], kind: "header" | "body"): void {
    const out = this.out;
    for (let c = 0; c < columns; c++) {
      const cell = row[c];
      if (!cell) {
        out.push(`${cellStart[c]}</w:tcPr>`);
        this.p(STYLE.tableText, undefined, undefined, undefined, [], PLAIN);
        out.push("</w:tc>");
        continue;
      }
      const rag = kind === "body" ? cell.rag : undefined;
      const look = rag ? RAG_LOOK[rag] : PLAIN;
      const style = kind === "header" ? STYLE.tableHeading : STYLE.tableText;
      const fill = rag ? RAG_FILL[rag] : kind === "header" ? HEADER_FILL : undefined;
      out.push(`${cellStart[c]}${fill ? shading(fill) : ""}</w:tcPr>`);
      const paragraphs = cell.paragraphs.length > 0 ? cell.paragraphs : [[]];
      for (const runs of paragraphs) this.p(style, cell.align, undefined, undefined, runs, look);
      out.push("</w:tc>");
    }
  }
}

const textElement = (text: string) => `<w:t xml:space="preserve">${escape(text)}</w:t>`;

/** Text kept on one line ("Mar-17"): its hyphens are Word's non-breaking hyphen, which reads back as "-". */
function unbroken(text: string): string {
  return text
    .split("-")
    .map((piece) => (piece === "" ? "" : textElement(piece)))
    .join("<w:noBreakHyphen/>");
}

/** The paragraph a list ends with, inside its last item (or that item's own last list). */
function lastParagraph(list: ListBlock): ParagraphBlock | undefined {
  const last = list.items.at(-1)?.blocks.at(-1);
  if (last?.type === "paragraph") return last;
  if (last?.type === "list") return lastParagraph(last);
  return undefined;
}
