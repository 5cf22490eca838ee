// Paragraph and heading labels, worked out once here so the DOCX and PDF writers print the same
// numbers (DOCX with Word's own numbering, PDF as text). The house style says which scheme:
//   per-section  "1. Purpose" then 1.1, 1.2; "2. Recommendation" then 2.1 (Cambridgeshire)
//   continuous   1 … n, between its startAt and stopAt headings (City of London's Main Report)
//   none
// and which sub-headings carry labels ("1." per Lancashire workstream, "I" per City of London
// key area). Only body paragraphs at the top level are numbered: not the header or footer, not
// list items or table cells, not paragraphs a directive marked unnumbered.
// Lists take their indent from the numbering: one after a numbered paragraph, or anywhere in the
// numbered part of the paper, sits under the numbered paragraphs' text (underNumberedText), so
// City of London's objectives i), ii) line up alike after a heading, a lead-in or a paragraph.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Block, HeadingBlock, Run } from "./doc.js";
import type { HeadingLabel, HouseStyle } from "./house-style.js";
import { romanNumeral } from "./text-forms.js";

export function numberBlocks(blocks: readonly Block[], style: HouseStyle, skip: ReadonlySet<Block>, file: string): Diagnostic[] {
  const { paragraphs, headings, startAt, stopAt, paragraphSuffix = "", subHeadings } = style.numbering;
  let active = startAt === undefined;
  let started = startAt === undefined;
  let section = 0;
  let inSection = false;
  let paragraph = 0;
  let level2 = 0;
  let level3 = 0;

  let afterNumbered = false;
  for (const block of blocks) {
    if (block.type === "list") {
      if (afterNumbered || (active && paragraphs !== "none" && (paragraphs === "continuous" || inSection))) block.underNumberedText = true;
      continue;
    }
    afterNumbered = false;
    if (block.type === "heading") {
      if (block.level === 1) {
        const text = headingText(block);
        if (!active && !started && startAt !== undefined && sameHeading(text, startAt)) {
          active = true;
          started = true;
        } else if (active && stopAt !== undefined && sameHeading(text, stopAt)) {
          active = false;
        }
        level2 = 0;
        level3 = 0;
        inSection = active;
        if (active) {
          section++;
          if (headings) block.number = `${section}.`;
          if (paragraphs === "per-section") paragraph = 0;
        }
      } else if (block.level === 2) {
        level2++;
        level3 = 0;
        if (subHeadings?.level2) block.number = label(level2, subHeadings.level2);
      } else {
        level3++;
        if (subHeadings?.level3) block.number = label(level3, subHeadings.level3);
      }
      continue;
    }
    if (block.type !== "paragraph" || block.role !== "body" || skip.has(block) || !active) continue;
    if (paragraphs === "continuous") {
      paragraph++;
      block.number = `${paragraph}${paragraphSuffix}`;
      afterNumbered = true;
    } else if (paragraphs === "per-section" && inSection) {
      paragraph++;
      block.number = `${section}.${paragraph}${paragraphSuffix}`;
      afterNumbered = true;
    }
  }

  if (!started && paragraphs !== "none") {
    return [{
      severity: "warning",
      code: "NUMBERING_START_NOT_FOUND",
      message: `the ${style.name} style numbers paragraphs from the heading "${startAt}", but the paper has no such heading (# ${startAt}), so no paragraph is numbered`,
      file,
    }];
  }
  return [];
}

function label(n: number, form: HeadingLabel): string {
  return form === "upper-roman" ? romanNumeral(n, "upper") : `${n}.`;
}

export function headingText(block: HeadingBlock): string {
  return block.runs.map((r: Run) => r.text).join("");
}

/** "Main Report", "main report:" and " Main  Report " are the same heading. */
function sameHeading(text: string, wanted: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").replace(/[\s:.]+$/, "").trim();
  return norm(text) === norm(wanted);
}
