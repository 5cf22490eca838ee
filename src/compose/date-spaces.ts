// Dates never break across lines ("18 | March 2020", "1st April | 2016"): the spaces inside a
// written date become no-break spaces in every paragraph, list and table of the paper, whether
// the date came from a helper, the spec's prose or a tracker's update. Both writers then keep
// the date on one line (Word by the character itself, the PDF layout by breaking only at spaces).
import type { Block, Run } from "./doc.js";

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";
const DATE = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?[ \\t]+${MONTH}\\.?(?:[ \\t]+\\d{4})?\\b|\\b${MONTH}[ \\t]+\\d{4}\\b`, "g");
const NBSP = "\u00a0";

export function keepDatesTogether(blocks: readonly Block[]): void {
  for (const block of blocks) {
    switch (block.type) {
      case "heading":
      case "paragraph":
        runs(block.runs);
        break;
      case "list":
        for (const item of block.items) keepDatesTogether(item.blocks);
        break;
      case "table":
        for (const row of [block.header, ...block.rows]) for (const cell of row) for (const p of cell.paragraphs) runs(p);
        break;
      case "pageBreak":
        break;
    }
  }
}

function runs(list: Run[]): void {
  for (const run of list) if (/\d/.test(run.text)) run.text = run.text.replace(DATE, (date) => date.replace(/[ \t]+/g, NBSP));
}
