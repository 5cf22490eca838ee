// "Did you mean …?" for a misspelt field, helper, partial or theme: the closest known name,
// when it is close enough to be a plausible typo rather than a different word.

/** Lower case without spaces, dashes or underscores: "Report Author" and "report_author" meet "reportAuthor". */
function squash(word: string): string {
  return word.toLowerCase().replace(/[\s_-]+/g, "");
}

/** Edits (insert, delete, substitute, swap two neighbours) to turn a into b. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known name closest to `word`, or undefined when none is a likely typo of it. */
export function closestMatch(word: string, known: Iterable<string>): string | undefined {
  const target = squash(word);
  if (target === "") return undefined;
  // Allow about one slip per four letters, at least one; short words must be nearly exact.
  const limit = Math.max(1, Math.floor(target.length / 4));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const squashed = squash(candidate);
    const distance = squashed === target ? 0 : editDistance(target, squashed);
    const prefix = squashed.length >= 4 && (squashed.startsWith(target) || target.startsWith(squashed)) && Math.abs(squashed.length - target.length) <= 2;
    if ((distance <= limit || prefix) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean "title"?` or "" — ready to append to a message. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const match = closestMatch(word, known);
  return match === undefined ? "" : `; did you mean "${match}"?`;
}
