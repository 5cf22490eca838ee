// Header and footer: the protective marking centred and bold (top and bottom, as the style
// says), page numbers from the style's pattern as Word fields ("Page {page} of {pages}" → PAGE
// and NUMPAGES, which Word and LibreOffice fill in), and the style's strapline in the footer.
import { Footer, Header, PageNumber, Paragraph, TextRun } from "docx";
import type { Doc } from "../../compose/doc.js";
import { cleanText } from "./runs.js";
import { STYLE } from "./styles.js";

export function renderHeader(doc: Doc): Header | undefined {
  const marking = markingText(doc);
  if (!marking || !doc.style.marking.header) return undefined;
  return new Header({ children: [markingParagraph(marking, STYLE.header)] });
}

export function renderFooter(doc: Doc): Footer | undefined {
  const children: Paragraph[] = [];
  const strapline = straplineText(doc);
  if (strapline) children.push(new Paragraph({ style: STYLE.footer, children: [new TextRun({ text: strapline, italics: true })] }));
  const marking = markingText(doc);
  if (marking && doc.style.marking.footer) children.push(markingParagraph(marking, STYLE.footer));
  if (doc.style.pageNumbers) children.push(new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: pageNumberParts(doc.style.pageNumbers) })] }));
  return children.length > 0 ? new Footer({ children }) : undefined;
}

/** "Page {page} of {pages}" → ["Page ", PAGE, " of ", NUMPAGES]. */
export function pageNumberParts(pattern: string): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  return cleanText(pattern)
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== "")
    .map((part) => (part === "{page}" ? PageNumber.CURRENT : part === "{pages}" ? PageNumber.TOTAL_PAGES : part));
}

function markingParagraph(marking: string, style: string): Paragraph {
  return new Paragraph({ style, children: [new TextRun({ text: marking, bold: true })] });
}

function markingText(doc: Doc): string | undefined {
  const marking = doc.meta.marking?.trim();
  return marking ? cleanText(marking) : undefined;
}

/**
 * The strapline goes in the footer of every page — unless the paper already prints it as a
 * paragraph (role "strapline") from the style's header block, which would say it twice.
 */
function straplineText(doc: Doc): string | undefined {
  const strapline = doc.style.strapline?.trim();
  if (!strapline) return undefined;
  const inBody = doc.blocks.some((b) => b.type === "paragraph" && b.role === "strapline");
  return inBody ? undefined : cleanText(strapline);
}
