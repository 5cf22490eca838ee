// Runs → Word runs: bold, italic, links (styled Hyperlink), line breaks. Characters XML forbids
// go (../xml-characters.ts), and a newline inside a run becomes a line break.
import { type ParagraphChild, TextRun } from "docx";
import type { Run } from "../../compose/doc.js";
import { withoutForbiddenXmlCharacters } from "../xml-characters.js";
import { externalLink } from "./hyperlink.js";
import type { LinkIds } from "./link-ids.js";
import { STYLE } from "./styles.js";

/** Formatting a whole paragraph's runs share (a RAG cell's text colour). */
export interface RunLook {
  color?: string;
  bold?: boolean;
}

const NEWLINE = /\r\n|\r|\n/;

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
  const lines = withoutForbiddenXmlCharacters(run.text).split(NEWLINE);
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
