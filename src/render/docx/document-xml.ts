// word/document.xml: the body's XML (body-xml.ts) in the document docx writes around it — the
// root with its namespaces, and the one section's properties: the page (A4 portrait with the
// house style's margins, or the Word template's page), the headers and footers.
import type { PageSetup } from "../../model/word-template.js";
import type { MarginFile } from "./margins.js";
import { DOCUMENT_NAMESPACES, XML_DECLARATION_STANDALONE } from "./word-namespaces.js";

const START = Buffer.from(`${XML_DECLARATION_STANDALONE}<w:document mc:Ignorable="w14 w15 wp14"${DOCUMENT_NAMESPACES}><w:body>`, "utf8");

export interface SectionSetup {
  page: PageSetup;
  margins: readonly MarginFile[];
  /** Each margin part's relationship id, in the same order. */
  ids: readonly string[];
  /** A first page with its own header and footer (a Word template's "Different first page"). */
  titlePage: boolean;
}

/** The document's XML in pieces (the body's chunks between its start and end), for deflatePieces: a long paper's is hundreds of megabytes, never joined. */
export function documentXml(body: readonly Buffer[], section: SectionSetup): Buffer[] {
  return [START, ...body, Buffer.from(`${sectionProperties(section)}</w:body></w:document>`, "utf8")];
}

function sectionProperties({ page, margins, ids, titlePage }: SectionSetup): string {
  const m = page.margins;
  // The schema's order: every headerReference, then every footerReference.
  const references = (side: MarginFile["side"]) =>
    margins.map((margin, i) => (margin.side === side ? `<w:${side}Reference w:type="${margin.kind}" r:id="${ids[i]}"/>` : "")).join("");
  return (
    "<w:sectPr>" +
    references("header") +
    references("footer") +
    `<w:pgSz w:w="${page.width}" w:h="${page.height}" w:orient="${page.landscape ? "landscape" : "portrait"}"/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" ` +
    `w:header="${m.header}" w:footer="${m.footer}" w:gutter="${m.gutter}"/>` +
    "<w:pgNumType/>" +
    (titlePage ? "<w:titlePg/>" : "") +
    '<w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}
