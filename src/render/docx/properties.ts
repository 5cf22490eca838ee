// Document properties (File > Info in Word; the PDF's title when exported): title, subject,
// author, keywords, language, and created/modified times that come from the paper — docx stamps
// docProps/core.xml with the clock, so we write that part ourselves.
import type { DocMeta } from "../../compose/doc.js";
import { withoutForbiddenXmlCharacters } from "../xml-characters.js";
import { LANGUAGE } from "./styles.js";

export const CORE_PROPERTIES_PATH = "docProps/core.xml";

export function coreProperties(meta: DocMeta, when: Date): string {
  const stamp = when.toISOString().replace(/\.\d{3}Z$/, "Z");
  const element = (name: string, value: string | undefined) => (value ? `<${name}>${escapeXml(value)}</${name}>` : "");
  const author = meta.author?.trim() || undefined;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element("dc:title", meta.title) +
    element("dc:subject", meta.subject) +
    element("dc:creator", author) +
    element("cp:keywords", meta.keywords?.join("; ")) +
    element("dc:language", meta.language ?? LANGUAGE) +
    element("cp:lastModifiedBy", author) +
    "<cp:revision>1</cp:revision>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

function escapeXml(text: string): string {
  return withoutForbiddenXmlCharacters(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
