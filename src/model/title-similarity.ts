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

/**
 * The letter pairs of each word (so word order matters little), as sorted numbers: comparing two
 * titles is then one merge of two arrays, fast enough for every pair within a large theme.
 */
export function letterPairs(key: string): Uint32Array {
  const pairs: number[] = [];
  for (const word of key.split(" ")) {
    if (word.length === 1) pairs.push(word.charCodeAt(0));
    for (let i = 0; i + 1 < word.length; i++) pairs.push(word.charCodeAt(i) * 65536 + word.charCodeAt(i + 1));
  }
  return Uint32Array.from(pairs).sort();
}

/** Dice's coefficient of two sorted pair lists: 2 × shared / (all of a + all of b). */
export function pairSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length + b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

export function titleSimilarity(a: string, b: string): number {
  const ka = titleKey(a);
  const kb = titleKey(b);
  if (ka === kb) return ka === "" ? 0 : 1;
  return pairSimilarity(letterPairs(ka), letterPairs(kb));
}
