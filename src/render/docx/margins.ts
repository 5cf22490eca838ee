// The header and footer parts a paper's package holds. Without a Word template: one header
// (the marking) and one footer (strapline, marking, page numbers), as the house style says.
// With one: the template's own headers and footers (crest and all) for each kind of page it
// sets up — default, first page, even pages — each with our paragraphs added at its end, so
// the marking and page numbers are on every page whatever the template holds.
import type { Doc } from "../../compose/doc.js";
import { MarginKinds, type MarginKind, type MarginPart } from "../../model/word-template.js";
import { NO_RELATIONSHIPS } from "./fixed-parts.js";
import { footerParagraphs, headerParagraphs, type MarginParagraph } from "./header-footer-content.js";
import { footerXml, headerXml, marginParagraphsXml } from "./header-footer-xml.js";
import { RELATIONSHIPS_NAMESPACE, XML_DECLARATION } from "./word-namespaces.js";
import { escapeXml } from "./xml-escape.js";

export interface MarginFile {
  side: "header" | "footer";
  kind: MarginKind;
  /** "word/header1.xml" */
  path: string;
  xml: string;
  rels: string;
}

const IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

export function marginFiles(doc: Doc): MarginFile[] {
  const ours = { header: headerParagraphs(doc), footer: footerParagraphs(doc) };
  const files: MarginFile[] = [];
  for (const side of ["header", "footer"] as const) {
    const template = doc.template;
    if (!template) {
      if (ours[side].length > 0) {
        const xml = side === "header" ? headerXml(ours[side]) : footerXml(ours[side]);
        files.push({ side, kind: "default", path: `word/${side}1.xml`, xml, rels: NO_RELATIONSHIPS });
      }
      continue;
    }
    const kinds = MarginKinds.filter((kind) => kind === "default" || (kind === "first" && template.titlePage) || (kind === "even" && template.evenAndOddHeaders));
    for (const kind of kinds) {
      const part = (side === "header" ? template.headers : template.footers)[kind];
      if (!part && ours[side].length === 0) continue;
      const n = files.filter((f) => f.side === side).length + 1;
      files.push({
        side,
        kind,
        path: `word/${side}${n}.xml`,
        xml: part ? withOurParagraphs(part.xml, ours[side]) : side === "header" ? headerXml(ours[side]) : footerXml(ours[side]),
        rels: part ? imageRelationships(part) : NO_RELATIONSHIPS,
      });
    }
  }
  return files;
}

/** The template part with our paragraphs before its closing tag (whatever prefix it uses). */
function withOurParagraphs(xml: string, paragraphs: readonly MarginParagraph[]): string {
  if (paragraphs.length === 0) return xml;
  const close = /<\/([A-Za-z_][\w.-]*:)?(hdr|ftr)>\s*$/.exec(xml);
  if (!close) return xml;
  return xml.slice(0, close.index) + marginParagraphsXml(paragraphs, true) + xml.slice(close.index);
}

function imageRelationships(part: MarginPart): string {
  const entries = part.relationships.map(({ id, media }) => `<Relationship Id="${escapeXml(id)}" Type="${IMAGE_RELATIONSHIP}" Target="media/${escapeXml(media)}"/>`);
  return entries.length === 0 ? NO_RELATIONSHIPS : `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS_NAMESPACE}">${entries.join("")}</Relationships>`;
}
