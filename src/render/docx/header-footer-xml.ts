// The header and footer parts (header-footer-content.ts says what they hold) written as XML,
// byte for byte what docx writes for them.
import type { MarginParagraph } from "./header-footer-content.js";
import { HEADER_NAMESPACES, WORD_NAMESPACES, XML_DECLARATION } from "./word-namespaces.js";
import { escapeXml } from "./xml-escape.js";

export function headerXml(paragraphs: readonly MarginParagraph[]): string {
  return `${XML_DECLARATION}<w:hdr${HEADER_NAMESPACES}>${marginParagraphsXml(paragraphs)}</w:hdr>`;
}

export function footerXml(paragraphs: readonly MarginParagraph[]): string {
  return `${XML_DECLARATION}<w:ftr${WORD_NAMESPACES}>${marginParagraphsXml(paragraphs)}</w:ftr>`;
}

/**
 * The paragraphs alone. `centred` says so on each paragraph, for the header or footer of a
 * force's template, whose Header and Footer styles need not centre as ours do.
 */
export function marginParagraphsXml(paragraphs: readonly MarginParagraph[], centred = false): string {
  return paragraphs.map((p) => paragraphXml(p, centred)).join("");
}

function paragraphXml({ style, bold, italics, parts }: MarginParagraph, centred: boolean): string {
  let properties = "";
  if (bold) properties += "<w:b/><w:bCs/>";
  if (italics) properties += "<w:i/><w:iCs/>";
  const rPr = properties === "" ? "" : `<w:rPr>${properties}</w:rPr>`;
  const run = (content: string) => `<w:r>${rPr}${content}</w:r>`;
  let runs = "";
  for (const part of parts) {
    if (typeof part === "string") {
      runs += run(`<w:t xml:space="preserve">${escapeXml(part)}</w:t>`);
    } else {
      // A field is four runs: begin, the instruction, separate (where the number goes), end.
      runs +=
        run('<w:fldChar w:fldCharType="begin"/>') +
        run(`<w:instrText xml:space="preserve">${part.field}</w:instrText>`) +
        run('<w:fldChar w:fldCharType="separate"/>') +
        run('<w:fldChar w:fldCharType="end"/>');
    }
  }
  // Nothing left of the text (only characters XML forbids): docx still writes the run.
  if (parts.length === 0) runs = rPr === "" ? "<w:r/>" : run("");
  return `<w:p><w:pPr><w:pStyle w:val="${escapeXml(style)}"/>${centred ? '<w:jc w:val="center"/>' : ""}</w:pPr>${runs}</w:p>`;
}
