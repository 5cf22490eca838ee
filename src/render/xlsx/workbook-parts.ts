// The small parts that tie a workbook together: content types, relationships, the workbook
// (sheet list and print titles) and the document properties. Sheets are numbered from 1 in order.
import { escapeXml } from "./xml-text.js";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface SheetEntry {
  name: string;
  /** Rows repeated on every printed page ("1:1"). */
  printTitles?: string;
}

export interface BookProperties {
  title: string;
  subject: string;
  keywords: string;
  creator: string;
  /** Both created and modified. */
  timestamp: Date;
}

export function contentTypesXml(sheetCount: number): string {
  const type = (kind: string) => `application/vnd.openxmlformats-officedocument.${kind}`;
  const override = (part: string, contentType: string) => `<Override PartName="${part}" ContentType="${contentType}"/>`;
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    override("/xl/workbook.xml", type("spreadsheetml.sheet.main+xml")) +
    sheetNumbers(sheetCount).map((n) => override(`/xl/worksheets/sheet${n}.xml`, type("spreadsheetml.worksheet+xml"))).join("") +
    override("/xl/theme/theme1.xml", type("theme+xml")) +
    override("/xl/styles.xml", type("spreadsheetml.styles+xml")) +
    override("/xl/sharedStrings.xml", type("spreadsheetml.sharedStrings+xml")) +
    // Declared by exceljs for comments, which a tracker has none of; kept so the part is as before.
    `<Default Extension="vml" ContentType="${type("vmlDrawing")}"/>` +
    override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    override("/docProps/app.xml", type("extended-properties+xml")) +
    "</Types>"
  );
}

/** _rels/.rels: where the workbook and the document properties are. */
export function packageRelsXml(): string {
  return relationshipsXml([
    [`${RELATIONSHIP}/officeDocument`, "xl/workbook.xml"],
    ["http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"],
    [`${RELATIONSHIP}/extended-properties`, "docProps/app.xml"],
  ]);
}

/** xl/_rels/workbook.xml.rels: styles rId1, theme rId2, shared strings rId3, then sheet n as rId(n+3). */
export function workbookRelsXml(sheetCount: number): string {
  return relationshipsXml([
    [`${RELATIONSHIP}/styles`, "styles.xml"],
    [`${RELATIONSHIP}/theme`, "theme/theme1.xml"],
    [`${RELATIONSHIP}/sharedStrings`, "sharedStrings.xml"],
    ...sheetNumbers(sheetCount).map((n): [string, string] => [`${RELATIONSHIP}/worksheet`, `worksheets/sheet${n}.xml`]),
  ]);
}

export function workbookXml(sheets: readonly SheetEntry[]): string {
  const sheetList = sheets.map((s, i) => `<sheet sheetId="${i + 1}" name="${escapeXml(s.name)}" state="visible" r:id="rId${i + 4}"/>`);
  const printTitles = sheets.flatMap((s, i) => {
    if (!s.printTitles) return [];
    const [first, last] = s.printTitles.split(":");
    return [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`'${s.name}'!$${first}:$${last}`)}</definedName>`];
  });
  return (
    XML_DECLARATION +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">' +
    '<fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/>' +
    `<sheets>${sheetList.join("")}</sheets>` +
    (printTitles.length > 0 ? `<definedNames>${printTitles.join("")}</definedNames>` : "") +
    '<calcPr calcId="171027"/></workbook>'
  );
}

/** docProps/app.xml: the sheet names, as Excel lists them under the file's properties. */
export function appXml(sheets: readonly SheetEntry[]): string {
  const names = sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join("");
  return (
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
    "<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion>" +
    "</Properties>"
  );
}

/** docProps/core.xml: title, subject, keywords, author and dates (to the second, UTC). */
export function coreXml(p: BookProperties): string {
  const when = p.timestamp.toISOString().replace(/[.]\d{3}/, "");
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${escapeXml(p.creator)}</dc:creator><dc:title>${escapeXml(p.title)}</dc:title><dc:subject>${escapeXml(p.subject)}</dc:subject>` +
    `<cp:keywords>${escapeXml(p.keywords)}</cp:keywords><cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

function relationshipsXml(targets: [type: string, target: string][]): string {
  const items = targets.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`);
  return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
}

function sheetNumbers(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}
