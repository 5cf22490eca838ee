// Workbooks written part by part, for tests of what other programs (and hostile hands) write:
// namespace prefixes, rows without r=, odd part names, merges, any XML at all.
import { buildZip, type TestZipEntry } from "./zip.js";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${REL}/worksheet`;

export interface XmlSheet {
  name: string;
  /** What goes inside <sheetData> (rows), or the whole part when `part` is given. */
  rows?: string;
  /** After </sheetData>: <mergeCells>, <hyperlinks> … */
  after?: string;
  /** The whole worksheet part, written as it is. */
  xml?: string;
  /** The part's name in the zip (default xl/worksheets/sheetN.xml). */
  partName?: string;
  /** The relationship's type (default: worksheet). */
  type?: string;
  /** The sheet's own relationships part (for hyperlinks). */
  rels?: string;
}

export interface XmlWorkbook {
  sheets: XmlSheet[];
  /** <si> elements of xl/sharedStrings.xml; no part when absent. */
  sharedStrings?: string[];
  /** The whole xl/styles.xml; no part when absent. */
  styles?: string;
  /** Extra parts (drawings, tables …). */
  extra?: TestZipEntry[];
}

/** A worksheet part holding these rows. */
export function worksheet(rows: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** Styles with cellXfs: 0 plain, 1 a date (dd/mm/yyyy), 2 a solid red fill. */
export const DATE_AND_RED_STYLES = `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/></patternFill></fill></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" applyFill="1"/></cellXfs></styleSheet>`;

export function xmlWorkbook(spec: XmlWorkbook): Buffer {
  const entries: TestZipEntry[] = [{ name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' }];
  const sheetEls: string[] = [];
  const rels: string[] = [];
  spec.sheets.forEach((sheet, i) => {
    const part = sheet.partName ?? `xl/worksheets/sheet${i + 1}.xml`;
    sheetEls.push(`<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    const target = part.startsWith("xl/") ? part.slice(3) : `/${part}`;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${sheet.type ?? WORKSHEET_TYPE}" Target="${target}"/>`);
    entries.push({ name: part, data: sheet.xml ?? worksheet(sheet.rows ?? "", sheet.after) });
    if (sheet.rels) {
      const slash = part.lastIndexOf("/");
      entries.push({ name: `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`, data: sheet.rels });
    }
  });
  entries.push({ name: "xl/workbook.xml", data: `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetEls.join("")}</sheets></workbook>` });
  entries.push({ name: "xl/_rels/workbook.xml.rels", data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>` });
  if (spec.sharedStrings) entries.push({ name: "xl/sharedStrings.xml", data: `<?xml version="1.0"?><sst xmlns="${MAIN}">${spec.sharedStrings.join("")}</sst>` });
  if (spec.styles !== undefined) entries.push({ name: "xl/styles.xml", data: spec.styles });
  entries.push(...(spec.extra ?? []));
  return buildZip(entries);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
