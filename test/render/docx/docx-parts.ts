// Read a rendered .docx back for assertions: its parts as text, its body paragraphs with style,
// numbering and text. The XML is docx's own regular output, so light regular expressions do.
import JSZip from "jszip";

export async function docxParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.file(name);
    if (file) parts.set(name, await file.async("string"));
  }
  return parts;
}

export function part(parts: Map<string, string>, name: string): string {
  const xml = parts.get(name);
  if (xml === undefined) throw new Error(`no part ${name}; parts: ${[...parts.keys()].join(", ")}`);
  return xml;
}

export interface BodyParagraph {
  xml: string;
  style: string | undefined;
  numId: number | undefined;
  ilvl: number | undefined;
  text: string;
  /** Inside a table cell. */
  inTable: boolean;
}

/** Every `w:p` of the body in document order (table cells included). */
export function paragraphs(documentXml: string): BodyParagraph[] {
  const out: BodyParagraph[] = [];
  let tableDepth = 0;
  // Walk tags in order so we know whether a paragraph is inside a table.
  const tags = /<w:tbl>|<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g;
  for (const match of documentXml.matchAll(tags)) {
    const tag = match[0];
    if (tag === "<w:tbl>") tableDepth++;
    else if (tag === "</w:tbl>") tableDepth--;
    else out.push(paragraph(tag, tableDepth > 0));
  }
  return out;
}

function paragraph(xml: string, inTable: boolean): BodyParagraph {
  const attr = (re: RegExp) => xml.match(re)?.[1];
  const numId = attr(/<w:numId w:val="(\d+)"\/>/);
  const ilvl = attr(/<w:ilvl w:val="(\d+)"\/>/);
  return {
    xml,
    style: attr(/<w:pStyle w:val="([^"]+)"\/>/),
    numId: numId === undefined ? undefined : Number(numId),
    ilvl: ilvl === undefined ? undefined : Number(ilvl),
    // A non-breaking hyphen ("Mar-17" kept on one line) reads as the hyphen it prints.
    text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)].map((m) => (m[0] === "<w:noBreakHyphen/>" ? "-" : unescape(m[1] ?? ""))).join(""),
    inTable,
  };
}

export function unescape(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
