// Chunks → pages. A chunk goes on the current page if it fits together with everything it is
// kept with, however long the chain (heading → lead-in → objective → first lines of what
// follows; a table header + its first row); otherwise it starts a new page. A table row is split
// across pages only when it is taller than a page's body (with the header repeated above it),
// as Word splits such a row even when told not to. A repeated table header is drawn at the top
// of each page a table continues on. No space above the first chunk on a page.
import type { Chunk } from "./chunk.js";

export interface PlacedChunk {
  chunk: Chunk;
  /** From the top of the page's text area. */
  top: number;
  /** A table's header row drawn again on a page the table continues on (an artifact there). */
  repeat?: true;
}

export interface Page {
  placed: PlacedChunk[];
}

const EPSILON = 0.01;
/** Keep-with-next chains longer than this are not looked through (they cannot all fit anyway). */
const MAX_KEEP = 40;

/**
 * The pages a page at a time, from chunks pulled as needed (it looks at most MAX_KEEP chunks
 * ahead), as render-pdf.ts takes them: a long paper need not be laid out or held in memory whole.
 */
export function* pageStream(chunks: Iterable<Chunk>, height: number): Generator<Page> {
  const source = chunks[Symbol.iterator]();
  /** Chunks pulled from the source and not yet placed: ahead[0] is the next one. */
  const ahead: Chunk[] = [];
  const peek = (k: number): Chunk | undefined => {
    while (ahead.length <= k) {
      const next = source.next();
      if (next.done) return undefined;
      ahead.push(next.value);
    }
    return ahead[k];
  };

  let pageCount = 0;
  let page: Page = { placed: [] };
  let y = 0;
  // Whether the page holds anything but a repeated header.
  let body = false;
  let prevAfter = 0;

  const place = (chunk: Chunk, gap: number, isBody = true) => {
    page.placed.push(isBody ? { chunk, top: y + gap } : { chunk, top: y + gap, repeat: true });
    y += gap + chunk.height;
    prevAfter = chunk.spaceAfter;
    if (isBody) body = true;
  };

  let carry: Chunk | null = null;
  for (;;) {
    const chunk: Chunk | undefined = carry ?? peek(0);
    if (!chunk) break;
    // The chunks after this one start at ahead[0] when this one is a carried-over part of a row.
    const nextAt = carry ? 0 : 1;
    const advance = () => {
      if (carry) carry = null;
      else ahead.shift();
    };
    let finished = false;

    if (chunk.pageBreak) {
      if (body) finished = true;
      advance();
    } else {
      if (page.placed.length === 0 && chunk.repeatHeader) place(chunk.repeatHeader, 0, false);
      const gap: number = body ? Math.max(prevAfter, chunk.spaceBefore) : 0;
      const room: number = height - y;
      if (gap + keepHeight(chunk, peek, nextAt, height) <= room + EPSILON) {
        place(chunk, gap);
        advance();
      } else {
        // It does not fit with what it is kept with. A row taller than any page splits here;
        // anything else tries a fresh page (where a row that still does not fit splits too).
        const parts: [Chunk, Chunk] | null = chunk.split && !chunk.keepWithNext && (!body || splitsAnyway(chunk, height)) ? chunk.split(room - gap, !body) : null;
        if (parts) {
          place(parts[0], gap);
          advance();
          carry = parts[1];
          finished = true;
        } else if (body) {
          finished = true;
        } else {
          // Taller than an empty page and no acceptable cut: place it whole rather than loop.
          place(chunk, gap);
          advance();
        }
      }
    }
    if (finished) {
      pageCount++;
      yield page;
      page = { placed: [] };
      y = 0;
      body = false;
      prevAfter = 0;
    }
  }
  if (page.placed.length > 0 || pageCount === 0) yield page;
}

/** Height of `chunk` with the chain it keeps with; a chain taller than a page is not a promise we can keep. */
function keepHeight(chunk: Chunk, peek: (k: number) => Chunk | undefined, nextAt: number, pageHeight: number): number {
  if (!chunk.keepWithNext) return chunk.height;
  let total = chunk.height;
  let prev = chunk;
  for (let j = nextAt; j < nextAt + MAX_KEEP; j++) {
    const k = peek(j);
    if (!k || k.pageBreak) break;
    total += Math.max(prev.spaceAfter, k.spaceBefore) + (!k.keepWithNext && splitsAnyway(k, pageHeight) ? (k.minSplitHeight ?? k.height) : k.height);
    if (!k.keepWithNext) break;
    prev = k;
  }
  return total > pageHeight ? chunk.height : total;
}

/** A row taller than a page's body, below the header repeated above it: no page holds it whole. */
function splitsAnyway(chunk: Chunk, pageHeight: number): boolean {
  return chunk.split !== undefined && chunk.height + (chunk.repeatHeader?.height ?? 0) > pageHeight + EPSILON;
}
