// Ordinal dates with a raised suffix, as Lancashire's papers print them: "12<sup>th</sup>
// January 2015". Only the suffix of a day before a month is raised ("5th work stream" stays as
// written); it becomes a run of its own marked superscript, so the text still reads "12th".
import type { Block, Run } from "./doc.js";
import { flatMapRuns, replaceRuns, splitRun } from "./each-runs.js";

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";
const ORDINAL_DAY = new RegExp(`(?<=\\b\\d{1,2})(?:st|nd|rd|th)(?=[ \\t\u00a0]+${MONTH}\\b)`, "g");

export function raiseOrdinals(blocks: readonly Block[]): void {
  replaceRuns(blocks, (runs) => flatMapRuns(runs, raised));
}

function raised(run: Run): Run[] {
  if (run.superscript || !/\d(?:st|nd|rd|th)/.test(run.text)) return [run];
  return splitRun(run, ORDINAL_DAY, (m, base) => [{ ...base, text: m[0], superscript: true }]);
}
