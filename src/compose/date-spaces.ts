// Dates never break across lines ("18 | March 2020", "1st April | 2016", "Mar-|17"), whether
// the date came from a helper, the spec's prose or a tracker's cell, in every paragraph, list
// and table of the paper:
// - the spaces inside a written date become no-break spaces (Word keeps them by the character
//   itself, the PDF layout by breaking only at spaces);
// - a date written with a hyphen ("Mar-17", "2016-17", "30-11-2016") becomes a run of its own
//   marked noBreak: Word writes its hyphen as a non-breaking hyphen, the PDF layout never breaks
//   inside it, and the text still reads "Mar-17".
import type { Block, Run } from "./doc.js";
import { flatMapRuns, replaceRuns, splitRun } from "./each-runs.js";

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";
const DATE = new RegExp(
  `\\b\\d{1,2}(?:st|nd|rd|th)?[ \\t]+${MONTH}\\.?(?:[ \\t]+\\d{4})?\\b|\\b${MONTH}[ \\t]+\\d{4}\\b|\\bQ[1-4][ \\t]+\\d{4}(?:/\\d{2}(?:\\d{2})?)?(?![\\w/])`,
  "g",
);
const YEAR = "\\d{2}(?:\\d{2})?";
/** Mar-17, March-2017, 30-Nov-16, 2016-17, 2017-03-31, 30-11-2016 (hyphen or en dash). */
const HYPHENED_DATE = new RegExp(
  `(?<![\\w-])(?:${MONTH}[-\u2013]${YEAR}|\\d{1,2}[-\u2013]${MONTH}[-\u2013]${YEAR}|\\d{4}[-\u2013]\\d{2}(?:[-\u2013]\\d{2})?|\\d{1,2}[-\u2013]\\d{1,2}[-\u2013]${YEAR})(?![\\w-])`,
  "gi",
);
const NBSP = "\u00a0";

export function keepDatesTogether(blocks: readonly Block[]): void {
  replaceRuns(blocks, (runs) => flatMapRuns(runs, dateRuns));
}

function dateRuns(run: Run): Run[] {
  if (!/\d/.test(run.text)) return [run];
  const text = run.text.replace(DATE, (date) => date.replace(/[ \t]+/g, NBSP));
  const spaced = text === run.text ? run : { ...run, text };
  if (run.noBreak || !/[-\u2013]/.test(text)) return [spaced];
  return splitRun(spaced, HYPHENED_DATE, (m, base) => [{ ...base, text: m[0], noBreak: true }]);
}
