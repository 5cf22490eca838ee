// How big a Doc is for its writers: blocks, list items and table rows, which their time and
// memory grow with. Writers and the CLI choose how to work from it (in parallel, in one pass).
import type { Block, Doc } from "../compose/doc.js";

export function docSize(doc: Doc): number {
  let n = 0;
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      n++;
      if (block.type === "table") n += block.rows.length;
      else if (block.type === "list") for (const item of block.items) visit(item.blocks);
    }
  };
  visit(doc.blocks);
  return n;
}
