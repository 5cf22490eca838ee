// Chunks → pages. A chunk goes on the current page if it fits together with everything it is
// kept with (heading + first lines of what follows; a table header + its first row); otherwise
// a row that can split does, and anything else starts a new page. A repeated table header is
// drawn at the top of each page a table continues on. No space above the first chunk on a page.
import type { Chunk } from "./chunk.js";

export interface PlacedChunk {
  chunk: Chunk;
  /** From the top of the page's text area. */
  top: number;
}

export interface Page {
  placed: PlacedChunk[];
}

const EPSILON = 0.01;
/** Keep-with-next chains longer than this are not looked through (they cannot all fit anyway). */
const MAX_KEEP = 40;

export function paginate(chunks: readonly Chunk[], height: number): Page[] {
  const pages: Page[] = [];
  let page: Page = { placed: [] };
  let y = 0;
  // Whether the page holds anything but a repeated header.
  let body = false;
  let prevAfter = 0;

  const newPage = () => {
    pages.push(page);
    page = { placed: [] };
    y = 0;
    body = false;
    prevAfter = 0;
  };
  const place = (chunk: Chunk, gap: number, isBody = true) => {
    page.placed.push({ chunk, top: y + gap });
    y += gap + chunk.height;
    prevAfter = chunk.spaceAfter;
    if (isBody) body = true;
  };

  let i = 0;
  let carry: Chunk | null = null;
  while (carry || i < chunks.length) {
    const chunk: Chunk = carry ?? (chunks[i] as Chunk);
    const next = carry ? i : i + 1;
    const advance = () => {
      if (carry) carry = null;
      else i++;
    };

    if (chunk.pageBreak) {
      if (body) newPage();
      advance();
      continue;
    }
    if (page.placed.length === 0 && chunk.repeatHeader) place(chunk.repeatHeader, 0, false);

    const gap = body ? Math.max(prevAfter, chunk.spaceBefore) : 0;
    const room = height - y;
    if (gap + keepHeight(chunk, chunks, next, height) <= room + EPSILON) {
      place(chunk, gap);
      advance();
      continue;
    }
    // It does not fit with what it is kept with. A row may split; else try a fresh page.
    if (chunk.split && !chunk.keepWithNext) {
      const parts = chunk.split(room - gap, !body);
      if (parts) {
        place(parts[0], gap);
        advance();
        carry = parts[1];
        newPage();
        continue;
      }
    }
    if (body) {
      newPage();
      continue;
    }
    // Taller than an empty page and no acceptable cut: place it whole rather than loop.
    place(chunk, gap);
    advance();
  }
  if (page.placed.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** Height of `chunk` with the chain it keeps with; a chain taller than a page is not a promise we can keep. */
function keepHeight(chunk: Chunk, chunks: readonly Chunk[], next: number, pageHeight: number): number {
  if (!chunk.keepWithNext) return chunk.height;
  let total = chunk.height;
  let prev = chunk;
  for (let j = next; j < chunks.length && j < next + MAX_KEEP; j++) {
    const k = chunks[j];
    if (!k || k.pageBreak) break;
    total += Math.max(prev.spaceAfter, k.spaceBefore) + (k.keepWithNext ? k.height : (k.minSplitHeight ?? k.height));
    if (!k.keepWithNext) break;
    prev = k;
  }
  return total > pageHeight ? chunk.height : total;
}
