// The header and footer (header-footer-content.ts says what they hold) as docx components, for
// the reference writer (render-docx-components.ts).
import { Footer, Header, PageNumber, Paragraph, TextRun } from "docx";
import type { Doc } from "../../compose/doc.js";
import { footerParagraphs, headerParagraphs, type MarginParagraph } from "./header-footer-content.js";

export function renderHeader(doc: Doc): Header | undefined {
  const paragraphs = headerParagraphs(doc);
  return paragraphs.length > 0 ? new Header({ children: paragraphs.map(paragraph) }) : undefined;
}

export function renderFooter(doc: Doc): Footer | undefined {
  const paragraphs = footerParagraphs(doc);
  return paragraphs.length > 0 ? new Footer({ children: paragraphs.map(paragraph) }) : undefined;
}

function paragraph({ style, bold, italics, parts }: MarginParagraph): Paragraph {
  const [only] = parts;
  // Text alone as `text`: as `children`, docx would read a text such as "CURRENT" as a field.
  const run =
    parts.length === 1 && typeof only === "string"
      ? new TextRun({ text: only, bold, italics })
      : new TextRun({ bold, italics, children: parts.map((part) => (typeof part === "string" ? part : part.field === "PAGE" ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES)) });
  return new Paragraph({ style, children: [run] });
}
