// What a page must not strand at its foot, beyond headings (always kept with what follows):
// - a lead-in, a paragraph ending "…the following:", is kept with the list it introduces;
// - an objective, a numbered statement on its own ("ii) To assess how effective…", a list of one
//   item), is kept with the paragraph or list that answers it.
// With the heading before them this makes a chain, heading → lead-in → objective → first
// paragraph, which both writers keep on one page (Word's keepNext; the PDF layout's chain).
import type { Block } from "./doc.js";

export function keepLeadInsWithNext(blocks: readonly Block[]): void {
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (!next || next.type === "pageBreak" || next.type === "heading") return;
    if (block.type === "paragraph" && block.role === "body" && next.type === "list" && endsWithColon(block.runs)) {
      block.keepWithNext = true;
    } else if (block.type === "list" && block.kind !== "bullet" && block.items.length === 1 && (next.type === "paragraph" || next.type === "list")) {
      const last = block.items[0]!.blocks.at(-1);
      if (last?.type === "paragraph") last.keepWithNext = true;
    }
  });
}

function endsWithColon(runs: readonly { text: string }[]): boolean {
  return /:\s*$/.test(runs.map((r) => r.text).join(""));
}
