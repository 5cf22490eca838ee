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
  /**
   * The blocks a placeholder stands for; undefined when the HTML is not one of ours. The first
   * take hands over the blocks placed, later takes of the same placeholder get copies of them,
   * so a caller changes what it took only by replacing blocks, never by editing them, until
   * every placeholder is taken.
   */
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
      // A template that prints the same placeholder twice (a theme's narrative printed twice)
      // gets copies. Only repeats are copied: copying every action table and list on its one
      // take cost about 220 M instructions of a 1,000-action paper (callgrind, 4.01 G -> 3.80 G).
      if (!taken.has(n)) {
        taken.add(n);
        return blocks;
      }
      return structuredClone(blocks);
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
