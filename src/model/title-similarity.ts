// How alike two action titles are, 0 (nothing shared) to 1 (the same words), for matching an
// action whose ref was renumbered or lost between two versions of a tracker.
// Dice's coefficient over letter pairs of the normalised words: robust to a reworded phrase,
// a typo or a changed word order, and cheap enough to compare every pair within a theme.

/** Lower case, letters and digits only, single spaces: "Train  ALL staff." → "train all staff". */
export function titleKey(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The letter pairs of each word (so word order matters little), counted. */
export function letterPairs(key: string): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const word of key.split(" ")) {
    if (word.length === 1) pairs.set(word, (pairs.get(word) ?? 0) + 1);
    for (let i = 0; i + 1 < word.length; i++) {
      const pair = word.slice(i, i + 2);
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  }
  return pairs;
}

/** Dice's coefficient of two pair counts: 2 × shared / (all of a + all of b). */
export function pairSimilarity(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const n of a.values()) sizeA += n;
  for (const [pair, n] of b) {
    sizeB += n;
    shared += Math.min(n, a.get(pair) ?? 0);
  }
  return sizeA + sizeB === 0 ? 0 : (2 * shared) / (sizeA + sizeB);
}

export function titleSimilarity(a: string, b: string): number {
  const ka = titleKey(a);
  const kb = titleKey(b);
  if (ka === kb) return ka === "" ? 0 : 1;
  return pairSimilarity(letterPairs(ka), letterPairs(kb));
}
