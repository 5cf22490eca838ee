// The unit of pagination: a strip of the page (one line of a paragraph, one table row) that is
// never cut, except a table row, which knows how to split itself between lines of its cells.
import type { Item } from "./display-list.js";

export interface Chunk {
  height: number;
  /** Drawn relative to the chunk's top edge. */
  items: Item[];
  /** Space above and below; between two chunks the larger applies, and none at the top of a page. */
  spaceBefore: number;
  spaceAfter: number;
  /** Keep on the same page as the next chunk (headings, orphan and widow lines, a table's header). */
  keepWithNext?: boolean;
  /** A forced page break (the chunk itself is empty). */
  pageBreak?: boolean;
  /** A table row: the header row to draw first when this row starts a page. */
  repeatHeader?: Chunk;
  /**
   * A row taller than the room left: the part that fits in `room` and the rest, or null when no
   * acceptable split exists. `force` (an otherwise empty page) accepts a single line before the cut.
   */
  split?: (room: number, force: boolean) => [Chunk, Chunk] | null;
  /** The smallest first part `split` would accept, for keep-with-next tests. */
  minSplitHeight?: number;
}

/** A frame: where blocks go across the page (absolute x of the left edge, and width). */
export interface Frame {
  x: number;
  width: number;
}
