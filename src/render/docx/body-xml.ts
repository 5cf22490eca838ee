// The body of the Word paper written as XML, byte for byte what docx writes for the components
// blocks.ts builds (the reference: test/render/docx/body-xml.test.ts renders both and compares
// the files). A 50,000-action paper is half a million paragraphs and table cells; as docx
// components each is a tree of objects built, prepared and stringified, and the document one
// string of over a hundred million characters, several times over. Here each paragraph is a
// string, gathered straight into UTF-8 chunks.
//
// docx still writes the rest of document.xml (namespaces, section properties), with a marker
// where the body goes, and everything it feeds the body from — numbering instances, link
// relationships — is fed the same way its components feed it, while docx prepares the document
// (see prepForXml). render-docx.ts then puts the body's bytes in place of the marker.
import { FileChild, type IContext, type IXmlableObject } from "docx";
import type { Block, HeadingBlock, ListBlock, ParagraphBlock, Run, TableBlock, TableCell as DocCell } from "../../compose/doc.js";
import { RAG_FILL, RAG_TEXT } from "../rag-colours.js";
import { addLinkRelationship, type LinkIds } from "./hyperlink.js";
import type { NumberingPlan, NumberingRef } from "./numbering.js";
import { cleanText } from "./runs.js";
import { roleStyle, STYLE } from "./styles.js";
import { columnWidths, HEADER_FILL, type TableContext } from "./tables.js";

export interface BodyContext extends TableContext {
  numbering: NumberingPlan;
}

/** What docx writes where the body goes; escaping leaves it as it is. */
const MARKER = "boardpack-body-xml-6f1d2c";

/** The blocks as one child of docx's document body; documentXml puts them in the document. */
export class BodyXml extends FileChild {
  private chunks: Buffer[] | undefined;

  constructor(
    private readonly blocks: readonly Block[],
    private readonly ctx: BodyContext,
  ) {
    super("w:body-content");
  }

  override prepForXml(context: IContext): IXmlableObject {
    const writer = new Writer(this.ctx, context);
    for (const block of this.blocks) writer.block(block);
    this.chunks = writer.finish();
    // A string child: docx writes it (escaped, which leaves the marker alone) where the children go.
    return MARKER as unknown as IXmlableObject;
  }

  /** docx's document.xml with the body's bytes where docx wrote the marker. */
  documentXml(docxXml: string): Uint8Array {
    const at = docxXml.indexOf(MARKER);
    if (at === -1 || !this.chunks) throw new Error("docx: the document was written without its body");
    const parts = [Buffer.from(docxXml.slice(0, at), "utf8"), ...this.chunks, Buffer.from(docxXml.slice(at + MARKER.length), "utf8")];
    this.chunks = undefined;
    return Buffer.concat(parts);
  }
}

// docx's escaping of text and attribute values (its stringify.ts escapeAll).
const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };
const NEEDS_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const TO_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
function escape(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(TO_ESCAPE, (c) => ESCAPES[c] ?? "") : text;
}

const NEWLINE = /\r\n|\r|\n/;
const ALIGN = { left: "left", center: "center", right: "right" } as const;
const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
const LINE = 'w:val="single" w:color="808080" w:sz="4"';
const TABLE_FIXED =
  `<w:tblBorders><w:top ${LINE}/><w:left ${LINE}/><w:bottom ${LINE}/><w:right ${LINE}/><w:insideH ${LINE}/><w:insideV ${LINE}/></w:tblBorders>` +
  '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="28"/><w:left w:type="dxa" w:w="108"/><w:bottom w:type="dxa" w:w="28"/><w:right w:type="dxa" w:w="108"/></w:tblCellMar>';
const shading = (fill: string) => `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>`;

interface Look {
  color?: string;
  bold?: boolean;
}

interface ParagraphOptions {
  style?: string;
  align?: "left" | "center" | "right";
  numbering?: NumberingRef;
  left?: number;
}

/** Pieces of XML gathered before they are encoded into a chunk. */
const PIECES_PER_CHUNK = 20_000;

class Writer {
  private out: string[] = [];
  private readonly chunks: Buffer[] = [];
  /** Each list instance's number (its `w:num`), by "reference-instance". */
  private readonly numIds = new Map<string, string>();

  constructor(
    private readonly ctx: BodyContext,
    private readonly context: IContext,
  ) {}

  finish(): Buffer[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (this.out.length > 0) this.chunks.push(Buffer.from(this.out.join(""), "utf8"));
    this.out = [];
  }

  block(block: Block): void {
    if (this.out.length > PIECES_PER_CHUNK) this.flush();
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
        return;
    }
  }

  private heading(block: HeadingBlock): void {
    this.p({ style: STYLE.headings[block.level - 1], numbering: this.ctx.numbering.blocks.get(block) }, block.runs);
  }

  private paragraph(block: ParagraphBlock, ref: NumberingRef | undefined, style: string = roleStyle(block.role), left?: number): void {
    this.p({ style, align: block.align, numbering: ref, left }, block.runs);
  }

  private list(block: ListBlock): void {
    const ref = this.ctx.numbering.lists.get(block);
    if (!ref) throw new Error("docx: a list the numbering plan has not seen");
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
          this.p({ style: STYLE.list, numbering: ref }, []);
          marked = true;
        }
        this.block(child);
      }
      if (!marked) this.p({ style: STYLE.list, numbering: ref }, []);
    }
  }

  /** A paragraph as docx writes `new Paragraph({ style, alignment, numbering: { …, custom: true }, indent, children })`. */
  private p(options: ParagraphOptions, runs: readonly Run[], look: Look = {}): void {
    const out = this.out;
    let properties = "";
    if (options.style) properties += `<w:pStyle w:val="${escape(options.style)}"/>`;
    if (options.numbering) {
      properties += `<w:numPr><w:ilvl w:val="${options.numbering.level}"/><w:numId w:val="${this.numId(options.numbering)}"/></w:numPr>`;
    }
    if (options.left !== undefined) properties += `<w:ind w:left="${options.left}"/>`;
    if (options.align) properties += `<w:jc w:val="${ALIGN[options.align]}"/>`;
    if (properties === "" && runs.length === 0) {
      out.push("<w:p/>");
      return;
    }
    out.push(properties === "" ? "<w:p>" : `<w:p><w:pPr>${properties}</w:pPr>`);
    this.runs(runs, look);
    out.push("</w:p>");
  }

  /**
   * What docx's Paragraph does while it is prepared: the list instance is created (numbered in
   * the order first used), and its number replaces the `{reference-instance}` docx writes.
   */
  private numId({ reference, instance }: NumberingRef): string {
    const key = `${reference}-${instance}`;
    let id = this.numIds.get(key);
    if (id === undefined) {
      const numbering = this.context.file.Numbering;
      numbering.createConcreteNumberingInstance(reference, instance);
      const created = numbering.ConcreteNumbering.find((n) => n.reference === reference && n.instance === instance);
      // No such list (docx then leaves its placeholder): the placeholder, as docx writes it.
      id = created ? String(created.numId) : escape(`{${key}}`);
      this.numIds.set(key, id);
    }
    return id;
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
        addLinkRelationship(this.context, id, run.link);
      } else {
        this.textRuns(run, look);
        i++;
      }
    }
  }

  private textRuns(run: Run, look: Look, style?: string): void {
    const lines = cleanText(run.text).split(NEWLINE);
    const bold = run.bold || look.bold;
    const italics = run.italic;
    let properties = "";
    if (style) properties += `<w:rStyle w:val="${style}"/>`;
    if (bold) properties += "<w:b/><w:bCs/>";
    if (italics) properties += "<w:i/><w:iCs/>";
    if (look.color) properties += `<w:color w:val="${escape(look.color)}"/>`;
    const rPr = properties === "" ? "" : `<w:rPr>${properties}</w:rPr>`;
    for (let i = 0; i < lines.length; i++) {
      this.out.push(`<w:r>${rPr}${i > 0 ? "<w:br/>" : ""}<w:t xml:space="preserve">${escape(lines[i]!)}</w:t></w:r>`);
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
  }

  private cells(row: readonly DocCell[], columns: number, cellStart: string[], kind: "header" | "body"): void {
    const out = this.out;
    for (let c = 0; c < columns; c++) {
      const cell = row[c];
      if (!cell) {
        out.push(`${cellStart[c]}</w:tcPr>`);
        this.p({ style: STYLE.tableText }, []);
        out.push("</w:tc>");
        continue;
      }
      const rag = kind === "body" ? cell.rag : undefined;
      const look: Look = rag ? { color: RAG_TEXT[rag], bold: true } : {};
      const style = kind === "header" ? STYLE.tableHeading : STYLE.tableText;
      const fill = rag ? RAG_FILL[rag] : kind === "header" ? HEADER_FILL : undefined;
      out.push(`${cellStart[c]}${fill ? shading(fill) : ""}</w:tcPr>`);
      const paragraphs = cell.paragraphs.length > 0 ? cell.paragraphs : [[]];
      for (const runs of paragraphs) this.p({ style, align: cell.align }, runs, look);
      out.push("</w:tc>");
    }
  }
}
