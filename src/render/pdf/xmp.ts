// The document's XMP metadata stream (PDF 32000-1 §14.3.2), which PDF/UA-1 requires: dc:title
// (§7.1: the title a reader shows) and the PDF/UA identifier pdfuaid:part 1 (§5), with the same
// author, subject, keywords, language, tool and dates as the Info dictionary (metadata.ts).
import type { DocMeta } from "../../compose/doc.js";
import { withoutForbiddenXmlCharacters } from "../xml-characters.js";

export interface XmpFields {
  meta: DocMeta;
  creator: string;
  producer: string;
  /** Creation and modification time. */
  when: Date;
}

export function xmpPacket({ meta, creator, producer, when }: XmpFields): string {
  const stamp = when.toISOString().replace(/\.\d{3}Z$/, "Z");
  const author = meta.author?.trim();
  const keywords = meta.keywords && meta.keywords.length > 0 ? meta.keywords.join(" ") : undefined;
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    "<dc:format>application/pdf</dc:format>",
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escape(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    author ? `<dc:creator><rdf:Seq><rdf:li>${escape(author)}</rdf:li></rdf:Seq></dc:creator>` : "",
    meta.subject ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escape(meta.subject)}</rdf:li></rdf:Alt></dc:description>` : "",
    `<dc:language><rdf:Bag><rdf:li>${escape(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    keywords ? `<pdf:Keywords>${escape(keywords)}</pdf:Keywords>` : "",
    `<pdf:Producer>${escape(producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${escape(creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${stamp}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${stamp}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${stamp}</xmp:MetadataDate>`,
    "<pdfuaid:part>1</pdfuaid:part>",
    "</rdf:Description>",
    "</rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="r"?>',
  ];
  return lines.filter((line) => line !== "").join("\n");
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function escape(text: string): string {
  return withoutForbiddenXmlCharacters(text).replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);
}
