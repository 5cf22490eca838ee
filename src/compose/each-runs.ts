// Every list of runs in a paper — paragraphs, headings, list items, table cells — handed to one
// function that may replace it: the passes that mend how text prints (dates kept on one line,
// ordinals raised) run over the whole tree this one way.
import type { Block, Run } from "./doc.js";

export function replaceRuns(blocks: readonly Block[], change: (runs: Run[]) => Run[]): void {
  for (const block of blocks) {
    switch (block.type) {
      case "heading":
      case "paragraph":
        block.runs = change(block.runs);
        break;
      case "list":
        for (const item of block.items) replaceRuns(item.blocks, change);
        break;
      case "table":
        for (const row of [block.header, ...block.rows]) for (const cell of row) cell.paragraphs = cell.paragraphs.map(change);
        break;
      case "pageBreak":
        break;
    }
  }
}

/**
 * Each run replaced by the runs `make` gives for it (runs.flatMap(make)), but the list itself when
 * every run stays as it was: a long paper has half a million lists of runs, nearly all untouched,
 * and a new list from flatMap takes room for sixteen runs where most hold one.
 */
export function flatMapRuns(runs: Run[], make: (run: Run) => Run[]): Run[] {
  let out: Run[] | undefined;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const made = make(run);
    if (out === undefined) {
      if (made.length === 1 && made[0] === run) continue;
      out = runs.slice(0, i);
    }
    out.push(...made);
  }
  return out ?? runs;
}

/**
 * A run cut where `pattern` matches, each match becoming a run of its own made by `mark`; the
 * pieces keep the run's look and link, and a line break stays after the last piece.
 */
export function splitRun(run: Run, pattern: RegExp, mark: (match: RegExpExecArray, base: Run) => Run[]): Run[] {
  const { breakAfter, ...base } = run;
  const out: Run[] = [];
  let at = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(run.text); m; m = pattern.exec(run.text)) {
    if (m[0] === "") {
      pattern.lastIndex++;
      continue;
    }
    if (m.index > at) out.push({ ...base, text: run.text.slice(at, m.index) });
    out.push(...mark(m, base));
    at = m.index + m[0].length;
  }
  if (out.length === 0) return [run];
  if (at < run.text.length) out.push({ ...base, text: run.text.slice(at) });
  if (breakAfter) out[out.length - 1]!.breakAfter = true;
  return out;
}
