// A composer's relative column widths kept as far as the text allows: no column narrower than
// its longest word ("31 Jul 2016" and "Mar-17" are one word each, "Complete", "Amber"), so a
// date or a RAG word is never cut between letters. The room comes from the columns wider than
// their own longest word (the Action column), in proportion to what each has to spare. One rule
// for the Word and PDF writers, in whatever unit they measure.

/** `widths` with every column raised to its `mins`, the total kept; unchanged when the mins cannot all fit. */
export function widthsAtLeast(widths: readonly number[], mins: readonly number[]): number[] {
  const min = (i: number) => mins[i] ?? 0;
  const short = widths.reduce((s, w, i) => s + Math.max(0, min(i) - w), 0);
  const spare = widths.map((w, i) => Math.max(0, w - min(i)));
  const available = spare.reduce((a, b) => a + b, 0);
  // The spare room exceeds the shortfall by exactly the total less the mins' sum.
  if (short <= 0 || available < short) return [...widths];
  return widths.map((w, i) => (w < min(i) ? min(i) : w - (spare[i]! * short) / available));
}
