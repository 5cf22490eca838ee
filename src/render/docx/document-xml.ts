// word/document.xml: the body's XML (body-xml.ts) in the document docx writes around it — the
// root with its namespaces, and the one section's properties: A4 portrait, the house style's
// margins, the header and footer.
import type { HouseStyle } from "../../compose/house-style.js";
import { A4, cmToTwips, HEADER_DISTANCE } from "./units.js";
import { DOCUMENT_NAMESPACES, XML_DECLARATION_STANDALONE } from "./word-namespaces.js";

const START = Buffer.from(`${XML_DECLARATION_STANDALONE}<w:document mc:Ignorable="w14 w15 wp14"${DOCUMENT_NAMESPACES}><w:body>`, "utf8");

/** The relationship ids of the section's header and footer, when it has them. */
export interface MarginIds {
  header?: string;
  footer?: string;
}

export function documentXml(body: readonly Buffer[], style: HouseStyle, margins: MarginIds): Buffer {
  return Buffer.concat([START, ...body, Buffer.from(`${sectionProperties(style, margins)}</w:body></w:document>`, "utf8")]);
}

function sectionProperties(style: HouseStyle, { header, footer }: MarginIds): string {
  const { margins } = style.page;
  return (
    "<w:sectPr>" +
    (header ? `<w:headerReference w:type="default" r:id="${header}"/>` : "") +
    (footer ? `<w:footerReference w:type="default" r:id="${footer}"/>` : "") +
    `<w:pgSz w:w="${A4.width}" w:h="${A4.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${cmToTwips(margins.top)}" w:right="${cmToTwips(margins.right)}" w:bottom="${cmToTwips(margins.bottom)}" w:left="${cmToTwips(margins.left)}" ` +
    `w:header="${HEADER_DISTANCE}" w:footer="${HEADER_DISTANCE}" w:gutter="0"/>` +
    '<w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}
