// What ties the package's parts together, as docx writes it: the content type of every part
// ([Content_Types].xml) and the document's relationships to its parts and links
// (word/_rels/document.xml.rels) — with its headers and footers, and a Word template's pictures.
import type { TemplateMedia } from "../../model/word-template.js";
import type { MarginFile } from "./margins.js";
import { LOGO_RELATIONSHIP_ID } from "./logo-xml.js";
import { escapeXml } from "./xml-escape.js";
import { RELATIONSHIPS_NAMESPACE, XML_DECLARATION } from "./word-namespaces.js";

const WORD_ML = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

/** Picture formats a Word template may bring that the list above does not name. */
const MORE_PICTURES: Partial<Record<TemplateMedia["format"], [string, string]>> = {
  emf: ["emf", "image/x-emf"],
  wmf: ["wmf", "image/x-wmf"],
  tiff: ["tiff", "image/tiff"],
};

export function contentTypes(margins: readonly MarginFile[], media: readonly TemplateMedia[] = []): string {
  const byExtension = (extension: string, type: string) => `<Default ContentType="${type}" Extension="${extension}"/>`;
  const part = (name: string, type: string) => `<Override ContentType="${type}" PartName="${name}"/>`;
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    byExtension("png", "image/png") +
    byExtension("jpeg", "image/jpeg") +
    byExtension("jpg", "image/jpeg") +
    byExtension("bmp", "image/bmp") +
    byExtension("gif", "image/gif") +
    byExtension("svg", "image/svg+xml") +
    byExtension("rels", "application/vnd.openxmlformats-package.relationships+xml") +
    byExtension("xml", "application/xml") +
    byExtension("odttf", "application/vnd.openxmlformats-officedocument.obfuscatedFont") +
    [...new Set(media.map((m) => m.format))].map((format) => MORE_PICTURES[format]).map((more) => (more ? byExtension(...more) : "")).join("") +
    part("/word/document.xml", `${WORD_ML}document.main+xml`) +
    part("/word/styles.xml", `${WORD_ML}styles+xml`) +
    part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    part("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml") +
    part("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml") +
    part("/word/numbering.xml", `${WORD_ML}numbering+xml`) +
    part("/word/footnotes.xml", `${WORD_ML}footnotes+xml`) +
    part("/word/endnotes.xml", `${WORD_ML}endnotes+xml`) +
    part("/word/settings.xml", `${WORD_ML}settings+xml`) +
    part("/word/fontTable.xml", `${WORD_ML}fontTable+xml`) +
    part("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml") +
    margins.map((m) => part(`/${m.path}`, `${WORD_ML}${m.side}+xml`)).join("") +
    "</Types>"
  );
}

/** The relationship id of each header and footer part, as the section's references use them. */
export function marginRelationshipIds(margins: readonly MarginFile[]): string[] {
  // After the five parts every document has (styles, numbering, footnotes, endnotes, settings).
  return margins.map((_, i) => `rId${6 + i}`);
}

const OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/** The document's relationships; `links` are the link ids and addresses in the order first used; `logo` the logo's media name. */
export function documentRelationships(margins: readonly MarginFile[], links: Iterable<readonly [string, string]>, logo?: string): string {
  const entries: string[] = [];
  const add = (id: string, type: string, target: string, external = false) =>
    entries.push(`<Relationship Id="${escapeXml(id)}" Type="${OFFICE}${type}" Target="${escapeXml(target)}"${external ? ' TargetMode="External"' : ""}/>`);
  const next = () => `rId${entries.length + 1}`;
  add(next(), "styles", "styles.xml");
  add(next(), "numbering", "numbering.xml");
  add(next(), "footnotes", "footnotes.xml");
  add(next(), "endnotes", "endnotes.xml");
  add(next(), "settings", "settings.xml");
  for (const margin of margins) add(next(), margin.side, margin.path.replace(/^word\//, ""));
  add(next(), "theme", "theme/theme1.xml");
  for (const [id, target] of links) add(`rId${id}`, "hyperlink", target, true);
  if (logo !== undefined) add(LOGO_RELATIONSHIP_ID, "image", `media/${logo}`);
  // docx numbers the font table after everything else, links included.
  add(next(), "fontTable", "fontTable.xml");
  return `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS_NAMESPACE}">${entries.join("")}</Relationships>`;
}
