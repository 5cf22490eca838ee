// Runs → Word runs: bold, italic, links (styled Hyperlink), line breaks. Text from trackers can
// carry characters XML 1.0 forbids (Excel's _x000B_ vertical tabs, stray controls); those would
// make Word refuse the whole file, so they go, and a newline inside a run becomes a line break.
import { type ParagraphChild, TextRun } from "docx";
import type { Run } from "../../compose/doc.js";
import { externalLink, type LinkIds } from "./hyperlink.js";
import { STYLE } from "./styles.js";

/** Formatting a whole paragraph's runs share (a RAG cell's text colour). */
export interface RunLook {
  color?: string;
  bold?: boolean;
}

// Not allowed in XML 1.0: C0 controls other than tab, newline and return; lone surrogates; FFFE/FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEWLINE = /\r\n|\r|\n/;

export function cleanText(text: string): string {
  return text.replace(FORBIDDEN, "");
}

export function renderRuns(runs: readonly Run[], links: LinkIds, look: RunLook = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (let i = 0; i < runs.length; ) {
    const run = runs[i]!;
    if (run.link) {
      // Neighbouring runs with the same address are one link (a link with a bold word in it).
      const inLink: TextRun[] = [];
      while (i < runs.length && runs[i]!.link === run.link) inLink.push(...textRuns(runs[i++]!, look, STYLE.hyperlink));
      out.push(externalLink(inLink, run.link, links));
    } else {
      out.push(...textRuns(run, look));
      i++;
    }
  }
  return out;
}

function textRuns(run: Run, look: RunLook, style?: string): TextRun[] {
  const lines = cleanText(run.text).split(NEWLINE);
  const bold = run.bold || look.bold ? true : undefined;
  const italics = run.italic ? true : undefined;
  const out = lines.map((text, i) =>
    // Plain text is the common case (every table cell): the string form builds the least.
    !bold && !italics && !style && !look.color && i === 0
      ? new TextRun(text)
      : new TextRun({ text, bold, italics, style, color: look.color, break: i > 0 ? 1 : undefined }),
  );
  if (run.breakAfter) out.push(new TextRun({ break: 1 }));
  return out;
}
