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

export function createBlockSlots(): BlockSlots {
  const token = randomBytes(8).toString("hex");
  const stored = new Map<number, Block[]>();
  const pattern = new RegExp(`^<!-- boardpack-data ${token} (\\d+) -->$`);
  const slotOf = (html: string): number | undefined => {
    const m = pattern.exec(html.trim());
    return m ? Number(m[1]) : undefined;
  };
  return {
    place(blocks) {
      const n = stored.size;
      stored.set(n, blocks);
      // Blank lines round it: an HTML block must start a line and not run into the next one.
      return new Handlebars.SafeString(`\n\n<!-- boardpack-data ${token} ${n} -->\n\n`);
    },
    take(html) {
      const n = slotOf(html);
      if (n === undefined) return undefined;
      const blocks = stored.get(n) ?? [];
      // A template that prints the same placeholder twice ({{#each}} round a partial) gets copies.
      return structuredClone(blocks);
    },
    isPlaceholder: (html) => slotOf(html) !== undefined,
  };
}
