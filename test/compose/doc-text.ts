// A Doc as plain text, the way a reader would see it: one line per paragraph, list item and
// table row, with the numbers and list markers the writers will print. Tests assert on this.
import type { Block, Doc, ListBlock, Run, TableCell } from "../../src/compose/doc.js";
import { listMarker } from "../../src/compose/text-forms.js";

export function docText(doc: Doc): string {
  return blocksText(doc.blocks, "").join("\n");
}

/** The text as a reader sees it: the no-break spaces that hold dates together read as spaces (date-spaces.test.ts checks them). */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text.replace(/\u00a0/g, " ") + (r.breakAfter ? "\n" : "")).join("");
}

function blocksText(blocks: readonly Block[], indent: string): string[] {
  return blocks.flatMap((block) => blockText(block, indent));
}

function blockText(block: Block, indent: string): string[] {
  switch (block.type) {
    case "heading":
      return [`${indent}${"#".repeat(block.level)} ${block.number ? `${block.number} ` : ""}${runsText(block.runs)}`];
    case "paragraph":
      return [`${indent}${block.number ? `${block.number} ` : ""}${runsText(block.runs)}`];
    case "list":
      return listText(block, indent);
    case "table":
      return [block.header, ...block.rows].map((row) => `${indent}| ${row.map(cellText).join(" | ")} |`);
    case "pageBreak":
      return [`${indent}---- page break ----`];
  }
}

function listText(list: ListBlock, indent: string): string[] {
  return list.items.flatMap((item, i) => {
    const marker = list.kind === "bullet" ? "-" : listMarker(list.start + i, list.kind);
    const [first, ...rest] = blocksText(item.blocks, `${indent}   `);
    return [`${indent}${marker} ${(first ?? "").trimStart()}`, ...rest];
  });
}

function cellText(cell: TableCell): string {
  const text = cell.paragraphs.map(runsText).join(" / ");
  return cell.rag ? `[${cell.rag}] ${text}` : text;
}
