// Doc → .docx bytes. A plain function over the document tree (DESIGN §6): Word's own numbering,
// built-in heading styles, repeating table header rows, RAG cells shaded and labelled, marking
// and page numbers in header and footer, title/author/language set — and the same bytes for the
// same Doc (no clock, no random ids, fixed zip entry times).
//
// Every part is written here as XML text (the parts began as what the docx library writes, and
// are now ours alone): building, preparing and stringifying docx's object tree, and loading the
// library, took most of a paper's time. Correctness rests on golden parts compared after
// parsing (test/render/docx/golden-parts.test.ts, test/papers.test.ts), Word's numbering
// simulated, and python-docx and LibreOffice reading the files (real-clients.test.ts).
// (No ECMA-376 schema set is packaged in npm or Debian, so the parts are not schema-validated.)
import type { Doc } from "../../compose/doc.js";
import { documentTimestamp } from "../timestamp.js";
import { deflatePieces, writeZip, type ZipPart } from "../zip/write-zip.js";
import { bodyXml } from "./body-xml.js";
import { documentXml } from "./document-xml.js";
import { APP_PROPERTIES, CUSTOM_PROPERTIES, ENDNOTES, FONT_TABLE, FOOTNOTES, NO_RELATIONSHIPS, PACKAGE_RELATIONSHIPS, settingsXml } from "./fixed-parts.js";
import { LinkIds } from "./link-ids.js";
import { logoParagraphXml } from "./logo-xml.js";
import { marginFiles } from "./margins.js";
import { planNumbering } from "./numbering.js";
import { ListInstances, numberingXml } from "./numbering-xml.js";
import { contentTypes, documentRelationships, marginRelationshipIds } from "./package-index.js";
import { CORE_PROPERTIES_PATH, coreProperties } from "./properties.js";
import { stylesXml } from "./styles-xml.js";
import { templateStylesXml } from "./template-styles-xml.js";
import { themeXml } from "./theme-xml.js";
import { pageSetup, textWidth } from "./units.js";

/**
 * zlib's default: a 1,000-action paper's 2 MB document.xml in ~6 ms. Lower levels are 2–3×
 * quicker but the file is a third larger; higher ones barely smaller and 3× slower.
 */
const ZIP_LEVEL = 6;

export async function renderDocx(doc: Doc): Promise<Uint8Array> {
  const when = documentTimestamp(doc.meta.date);
  return writeZip(await docxParts(doc, when), when, { level: ZIP_LEVEL });
}

/** The package's parts in the order docx zips them, but [Content_Types].xml first, as Word writes it. */
async function docxParts(doc: Doc, when: Date): Promise<ZipPart[]> {
  const numbering = planNumbering(doc);
  const lists = new ListInstances(numbering);
  const links = new LinkIds();
  const { template } = doc;
  // The body first: it numbers the list instances and links the other parts list.
  const body = bodyXml(doc.blocks, { numbering, lists, links, width: textWidth(doc.style, template), fontSize: doc.style.fonts.table });
  const margins = marginFiles(doc);
  const section = { page: pageSetup(doc.style, template), margins, ids: marginRelationshipIds(margins), titlePage: template?.titlePage ?? false };
  // Deflated piece by piece, each let go once deflated: a long paper's XML is never held whole,
  // nor twice. (documentXml's array is the only one left holding the body's chunks.)
  const pieces = documentXml(doc.logo ? [Buffer.from(logoParagraphXml(doc.logo), "utf8"), ...body] : body, section);
  body.length = 0;
  const document = await deflatePieces(pieces, ZIP_LEVEL);
  return [
    { path: "[Content_Types].xml", data: contentTypes(margins, template?.media) },
    { path: "word/_rels/document.xml.rels", data: documentRelationships(margins, links.entries(), doc.logo?.media.name) },
    { path: "word/document.xml", data: document },
    { path: "word/styles.xml", data: template ? templateStylesXml(doc.style, template) : stylesXml(doc.style) },
    { path: CORE_PROPERTIES_PATH, data: coreProperties(doc.meta, when) },
    { path: "_rels/.rels", data: PACKAGE_RELATIONSHIPS },
    ...margins.map((m) => ({ path: m.path.replace(/^word\//, "word/_rels/") + ".rels", data: m.rels })),
    ...margins.map((m) => ({ path: m.path, data: m.xml })),
    { path: "docProps/custom.xml", data: CUSTOM_PROPERTIES },
    { path: "docProps/app.xml", data: APP_PROPERTIES },
    { path: "word/footnotes.xml", data: FOOTNOTES },
    { path: "word/_rels/footnotes.xml.rels", data: NO_RELATIONSHIPS },
    { path: "word/endnotes.xml", data: ENDNOTES },
    { path: "word/_rels/endnotes.xml.rels", data: NO_RELATIONSHIPS },
    { path: "word/settings.xml", data: settingsXml(template?.evenAndOddHeaders) },
    { path: "word/fontTable.xml", data: FONT_TABLE },
    { path: "word/_rels/fontTable.xml.rels", data: NO_RELATIONSHIPS },
    { path: "word/theme/theme1.xml", data: template?.theme ?? themeXml(doc.style.fonts.family) },
    { path: "word/numbering.xml", data: numberingXml(numbering, lists) },
    ...mediaParts(doc),
  ];
}

/** The pictures the package carries: a Word template's (its crest in a header) and the style's or spec's logo. */
function mediaParts(doc: Doc): ZipPart[] {
  const media = [...(doc.template?.media ?? []), ...(doc.logo ? [doc.logo.media] : [])];
  return media.map((m) => ({ path: `word/media/${m.name}`, data: Buffer.from(m.base64, "base64") }));
}
