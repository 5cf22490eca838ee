// What the header and footer of every page say: the protective marking centred and bold (top
// and bottom, as the style says), page numbers from the style's pattern as Word fields ("Page
// {page} of {pages}" → PAGE and NUMPAGES, which Word and LibreOffice fill in), and the style's
// strapline in the footer (header-footer-xml.ts writes them).
import type { Doc } from "../../compose/doc.js";
import { withoutForbiddenXmlCharacters } from "../xml-characters.js";
import { STYLE } from "./styles.js";

/** A Word field Word fills in: the page's number, or the number of pages. */
export type PageField = { field: "PAGE" | "NUMPAGES" };

/** One paragraph of a header or footer: one run of text and fields, in its style. */
export interface MarginParagraph {
  style: string;
  bold?: true;
  italics?: true;
  parts: (string | PageField)[];
}

/** The header's paragraphs; none, no header. */
export function headerParagraphs(doc: Doc): MarginParagraph[] {
  const marking = markingText(doc);
  return marking && doc.style.marking.header ? [{ style: STYLE.header, bold: true, parts: [marking] }] : [];
}

/** The footer's paragraphs; none, no footer. */
export function footerParagraphs(doc: Doc): MarginParagraph[] {
  const out: MarginParagraph[] = [];
  const strapline = straplineText(doc);
  if (strapline) out.push({ style: STYLE.footer, italics: true, parts: [strapline] });
  const marking = markingText(doc);
  if (marking && doc.style.marking.footer) out.push({ style: STYLE.footer, bold: true, parts: [marking] });
  if (doc.style.pageNumbers) out.push({ style: STYLE.footer, parts: pageNumberParts(doc.style.pageNumbers) });
  return out;
}

/** "Page {page} of {pages}" → ["Page ", PAGE, " of ", NUMPAGES]. */
export function pageNumberParts(pattern: string): (string | PageField)[] {
  return withoutForbiddenXmlCharacters(pattern)
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== "")
    .map((part) => (part === "{page}" ? { field: "PAGE" } : part === "{pages}" ? { field: "NUMPAGES" } : part));
}

function markingText(doc: Doc): string | undefined {
  const marking = doc.meta.marking?.trim();
  return marking ? withoutForbiddenXmlCharacters(marking) : undefined;
}

/**
 * The strapline goes in the footer of every page — unless the paper already prints it as a
 * paragraph (role "strapline") from the style's header block, which would say it twice.
 */
function straplineText(doc: Doc): string | undefined {
  const strapline = doc.style.strapline?.trim();
  if (!strapline) return undefined;
  const inBody = doc.blocks.some((b) => b.type === "paragraph" && b.role === "strapline");
  return inBody ? undefined : withoutForbiddenXmlCharacters(strapline);
}
