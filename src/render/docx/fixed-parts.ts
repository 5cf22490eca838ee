// The parts of the package that are the same for every paper, as docx writes them: the empty
// document properties docx adds, the footnote and endnote separators, the settings, the (empty)
// font table, and the package's own relationships.
import { RELATIONSHIPS_NAMESPACE, WORD_NAMESPACES, XML_DECLARATION, XML_DECLARATION_STANDALONE } from "./word-namespaces.js";

const VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
const IGNORABLE = ' mc:Ignorable="w14 w15 wp14"';
const NOTE_SPACING = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>';

/** A part's relationships when it has none. */
export const NO_RELATIONSHIPS = `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS_NAMESPACE}"/>`;

export const APP_PROPERTIES = `${XML_DECLARATION_STANDALONE}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="${VT}"/>`;

export const CUSTOM_PROPERTIES = `${XML_DECLARATION_STANDALONE}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="${VT}"/>`;

/** The separator lines Word draws above footnotes and endnotes ("footnote" or "endnote"). */
function notes(kind: "footnote" | "endnote", declaration: string): string {
  const reference = kind === "footnote" ? "FootnoteReference" : "EndnoteReference";
  const separator = (type: string, id: number, mark: string) =>
    `<w:${kind} w:type="${type}" w:id="${id}"><w:p>${NOTE_SPACING}<w:r><w:rPr><w:rStyle w:val="${reference}"/></w:rPr><w:${kind}Ref/></w:r><w:r><w:${mark}/></w:r></w:p></w:${kind}>`;
  return `${declaration}<w:${kind}s${WORD_NAMESPACES}${IGNORABLE}>${separator("separator", -1, "separator")}${separator("continuationSeparator", 0, "continuationSeparator")}</w:${kind}s>`;
}

export const FOOTNOTES = notes("footnote", XML_DECLARATION_STANDALONE);
// (docx declares the endnotes part without standalone="yes".)
export const ENDNOTES = notes("endnote", XML_DECLARATION);

/** word/settings.xml; `evenAndOdd` when a Word template gives even pages their own header and footer. */
export function settingsXml(evenAndOdd = false): string {
  return (
    `${XML_DECLARATION_STANDALONE}<w:settings${WORD_NAMESPACES}${IGNORABLE}>` +
    `<w:displayBackgroundShape/><w:defaultTabStop w:val="720"/><w:evenAndOddHeaders w:val="${evenAndOdd}"/>` +
    '<w:compat><w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/></w:compat></w:settings>'
  );
}

export const FONT_TABLE =
  `${XML_DECLARATION_STANDALONE}<w:fonts xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" ' +
  'xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex" xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid" ' +
  'xmlns:w16="http://schemas.microsoft.com/office/word/2018/wordml" xmlns:w16sdtdh="http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash" ' +
  'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex" mc:Ignorable="w14 w15 w16se w16cid w16 w16cex w16sdtdh"/>';

/** The package's relationships: the document and its properties. */
export const PACKAGE_RELATIONSHIPS =
  `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS_NAMESPACE}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>' +
  "</Relationships>";
