// The document tree's blocks → Word paragraphs and tables. Headings use Word's Heading 1–3,
// paragraphs their role's named style; numbers and list markers come from the numbering plan
// (Word numbering), never from typed text.
import { type FileChild, PageBreak, Paragraph, Table } from "docx";
import type { Block, HeadingBlock, ListBlock, ParagraphBlock } from "../../compose/doc.js";
import type { NumberingPlan, NumberingRef } from "./numbering.js";
import { renderRuns } from "./runs.js";
import { roleStyle, STYLE } from "./styles.js";
import { renderTable, type TableContext } from "./tables.js";

export interface BlockContext extends TableContext {
  numbering: NumberingPlan;
}

const ALIGN = { left: "left", center: "center", right: "right" } as const;

export function renderBlocks(blocks: readonly Block[], ctx: BlockContext): FileChild[] {
  const out: FileChild[] = [];
  for (const block of blocks) renderBlock(block, ctx, out);
  return out;
}

function renderBlock(block: Block, ctx: BlockContext, out: FileChild[]): void {
  switch (block.type) {
    case "heading":
      out.push(heading(block, ctx));
      return;
    case "paragraph":
      out.push(paragraph(block, ctx, ctx.numbering.blocks.get(block)));
      return;
    case "list":
      list(block, ctx, out);
      return;
    case "table":
      // Word joins two tables that touch into one.
      if (out[out.length - 1] instanceof Table) out.push(new Paragraph({}));
      out.push(renderTable(block, ctx));
      return;
    case "pageBreak":
      // As Word's Ctrl+Enter writes it: a page break in a paragraph of its own.
      out.push(new Paragraph({ children: [new PageBreak()] }));
      return;
  }
}

function heading(block: HeadingBlock, ctx: BlockContext): Paragraph {
  const ref = ctx.numbering.blocks.get(block);
  return new Paragraph({
    style: STYLE.headings[block.level - 1],
    numbering: ref && numbering(ref),
    children: renderRuns(block.runs, ctx.links),
  });
}

function paragraph(block: ParagraphBlock, ctx: BlockContext, ref: NumberingRef | undefined, style = roleStyle(block.role), left?: number): Paragraph {
  return new Paragraph({
    style,
    alignment: block.align ? ALIGN[block.align] : undefined,
    numbering: ref && numbering(ref),
    indent: left !== undefined ? { left } : undefined,
    keepNext: block.keepWithNext === true ? true : undefined,
    children: renderRuns(block.runs, ctx.links),
  });
}

/** `custom`: keep our own paragraph style rather than docx's implicit List Paragraph. */
function numbering(ref: NumberingRef) {
  return { reference: ref.reference, level: ref.level, instance: ref.instance, custom: true };
}

function list(block: ListBlock, ctx: BlockContext, out: FileChild[]): void {
  const ref = ctx.numbering.lists.get(block);
  if (!ref) throw new Error("docx: a list the numbering plan has not seen");
  for (const item of block.items) {
    let marked = false;
    for (const child of item.blocks) {
      if (child.type === "paragraph") {
        // The item's first paragraph carries the marker; later ones line up with its text.
        const style = child.role === "body" ? STYLE.list : roleStyle(child.role);
        out.push(marked ? paragraph(child, ctx, undefined, style, ref.left) : paragraph(child, ctx, ref, style));
        marked = true;
        continue;
      }
      if (!marked) {
        // An item that opens with something other than a paragraph still gets its marker.
        out.push(new Paragraph({ style: STYLE.list, numbering: numbering(ref), children: [] }));
        marked = true;
      }
      renderBlock(child, ctx, out);
    }
    if (!marked) out.push(new Paragraph({ style: STYLE.list, numbering: numbering(ref), children: [] }));
  }
}
