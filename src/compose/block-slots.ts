// Data that is already a document tree does not go through Markdown text. A helper that builds
// blocks from the plan (the action plan table, a list of actions, the RAG summary) puts them
// here and writes only a placeholder comment on a line of its own; markdownToBlocks swaps the
// placeholder for the blocks. Only prose is parsed as Markdown. The placeholder carries a token
// made for this paper, so no text in a spec or tracker can stand in for one.
import { randomBytes } from "node:crypto";
import Handlebars from "handlebars";
import type { Block } from "./doc.js";

export interface BlockSlots {
  /** Keeps the blocks; returns the placeholder to print where they go (as a block of its own). */
  place(blocks: Block[]): Handlebars.SafeString;
  /** The blocks a placeholder stands for, once; undefined when the HTML is not one of ours. */
  take(html: string): Block[] | undefined;
  /** Whether the HTML is one of our placeholders (used where blocks cannot go, inside a line). */
  isPlaceholder(html: string): boolean;
}

/**
 * `limit` caps the rows (table rows, list items, other blocks) a paper may place in all: a
 * helper called inside {{#each}} over the actions builds a table per pass, which the text
 * budget of {{#each}} never sees. `tooLarge` makes the error the helper's call reports.
 */
export function createBlockSlots(limit?: { maxRows: number; tooLarge: (rows: number) => Error }): BlockSlots {
  const token = randomBytes(8).toString("hex");
  const stored = new Map<number, Block[]>();
  const taken = new Set<number>();
  let rows = 0;
  const pattern = new RegExp(`^<!-- boardpack-data ${token} (\\d+) -->$`);
  const slotOf = (html: string): number | undefined => {
    const m = pattern.exec(html.trim());
    return m ? Number(m[1]) : undefined;
  };
  return {
    place(blocks) {
      rows += rowsIn(blocks);
      if (limit && rows > limit.maxRows) throw limit.tooLarge(rows);
      const n = stored.size;
      stored.set(n, blocks);
      // Blank lines round it: an HTML block must start a line and not run into the next one.
      return new Handlebars.SafeString(`\n\n<!-- boardpack-data ${token} ${n} -->\n\n`);
    },
    take(html) {
      const n = slotOf(html);
      if (n === undefined) return undefined;
      const blocks = stored.get(n) ?? [];
      // A template that prints the same placeholder twice ({{#each}} round a partial) gets a copy
      // the second time. The first time gets the blocks themselves, not a copy: the plan's table
      // can be 150,000 rows. Only their top level is copied, which the directives before them
      // (a table's widths, a list's kind) set, so a later copy starts from the blocks as placed.
      if (taken.has(n)) return structuredClone(blocks);
      taken.add(n);
      return blocks.map((block) => ({ ...block }));
    },
    isPlaceholder: (html) => slotOf(html) !== undefined,
  };
}

/** Rows a paper's data adds: each table row and list item, and each other block, once. */
function rowsIn(blocks: readonly Block[]): number {
  let n = 0;
  for (const block of blocks) {
    if (block.type === "table") n += block.rows.length + 1;
    else if (block.type === "list") n += block.items.reduce((sum, item) => sum + 1 + rowsIn(item.blocks), 0);
    else n += 1;
  }
  return n;
}
