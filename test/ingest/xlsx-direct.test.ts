// boardpack's one xlsx reader (xlsx-direct.ts, through readXlsx): what Excel writes, what other
// programs write (namespace prefixes, rows and cells without r=, odd part names, tables,
// drawings, empty styles), and one clear line for a workbook that does not hold together.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { RawSheet } from "../../src/ingest/raw-table.js";
import { InputRefused } from "../../src/ingest/refused.js";
import { detectInput } from "../../src/ingest/sniff.js";
import { numberText, readXlsx } from "../../src/ingest/xlsx.js";
import { DATE_AND_RED_STYLES, worksheet, xmlWorkbook, type XmlWorkbook } from "../helpers/workbook-xml.js";

async function read(spec: XmlWorkbook | Buffer, file = "t.xlsx") {
  const bytes = Buffer.isBuffer(spec) ? spec : xmlWorkbook(spec);
  return readXlsx(bytes, file, detectInput(bytes, file).parts);
}

/** The one line a refused workbook gets. */
async function refusal(spec: XmlWorkbook | Buffer): Promise<string> {
  const error = await read(spec).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputRefused);
  return formatDiagnostic((error as InputRefused).diagnostic);
}

/** Each kept row as "row: A=text B=text". */
function grid(sheet: RawSheet | undefined): string[] {
  return (sheet?.rows ?? []).map((r) => `${r.row}: ${r.cells.map((c, i) => (c ? `${String.fromCharCode(65 + i)}=${c.text}` : "")).filter(Boolean).join(" ")}`);
}

const lines = (ds: Diagnostic[]) => ds.map(formatDiagnostic);

describe("the xlsx reader reads what other programs write", () => {
  it("reads parts whose elements carry a namespace prefix (x:)", async () => {
    const x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const { workbook } = await read({
      sheets: [{ name: "Plan", xml: `<?xml version="1.0"?><x:worksheet xmlns:x="${x}" xmlns:r="${r}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Action</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>1.5</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="B2:D2"/></x:mergeCells></x:worksheet>` }],
      sharedStrings: ["<si><t>Ref</t></si>"],
    });
    expect(grid(workbook.sheets[0])).toEqual(["1: A=Ref B=Action", "2: A=1.5"]);
  });

  it("numbers rows and cells without r= as Excel does: each after the one before", async () => {
    const { workbook } = await read({
      sheets: [{ name: "Plan", rows: '<row><c t="inlineStr"><is><t>Ref</t></is></c><c t="inlineStr"><is><t>Action</t></is></c></row><row r="4"><c><v>1</v></c><c r="C4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>' }],
    });
    expect(grid(workbook.sheets[0])).toEqual(["1: A=Ref B=Action", "4: A=1 C=3 D=4", "5: A=5"]);
  });

  it("reads references with $ and in lower case, closing tags with a space, names beyond ASCII, and decodes attribute values", async () => {
    const { workbook } = await read({
      sheets: [
        {
          name: "R&D\tplan",
          rows: '<row r="2"><c r="$A$2"><v>1</v></c><c r="b2" ><v>2</v></c ><c r="C$2"><v>3</v></c><c r="$d2" s = \'0\'><v>4</v></c></row ><row r="3"><c r="A3" t="inlineStr"><is><t>caf\u00e9</t></is><ext\u00e9 \u00e9l\u00e9ment="1"/></c></row>',
        },
      ],
    });
    expect(workbook.sheets[0]!.name).toBe("R&D plan");
    expect(grid(workbook.sheets[0])).toEqual(["2: A=1 B=2 C=3 D=4", "3: A=caf\u00e9"]);
  });

  it("finds each sheet's part through the workbook's relationships, whatever it is called", async () => {
    const { workbook, diagnostics } = await read({
      sheets: [
        { name: "Numbers", partName: "xl/worksheets/sheet.xml", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>from sheet.xml</t></is></c></row>' },
        { name: "Second", partName: "xl/worksheets/Plan data.xml", rows: '<row r="2"><c r="B2" t="inlineStr"><is><t>from a spaced name</t></is></c></row>' },
        { name: "Abs", partName: "sheets/third.xml", rows: '<row r="1"><c r="A1"><v>3</v></c></row>' },
        { name: "Chart", partName: "xl/chartsheets/sheet1.xml", type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet", xml: '<?xml version="1.0"?><chartsheet/>' },
      ],
    });
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Numbers", "Second", "Abs"]);
    expect(grid(workbook.sheets[1])).toEqual(["2: B=from a spaced name"]);
    expect(lines(diagnostics)).toEqual(['t.xlsx Chart: info SHEET_NOT_TABLE the sheet "Chart" is a chart, not a table of cells; passed over']);
  });

  it("passes over tables with colour, icon and top-10 filters, drawings, comments and pictures", async () => {
    const { workbook } = await read({
      sheets: [{ name: "Plan", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c></row>', after: '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>' }],
      extra: [
        { name: "xl/tables/table1.xml", data: '<?xml version="1.0"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" ref="A1:B3"><autoFilter ref="A1:B3"><filterColumn colId="0"><colorFilter dxfId="0"/></filterColumn><filterColumn colId="1"><iconFilter iconSet="3Arrows"/></filterColumn><filterColumn colId="2"><top10 top="1" val="10"/></filterColumn></autoFilter></table>' },
        { name: "xl/drawings/drawing1.xml", data: '<?xml version="1.0"?><xdr:wsDr xmlns:xdr="urn:x"/>' },
        { name: "xl/comments1.xml", data: '<?xml version="1.0"?><comments/>' },
        { name: "xl/media/image1.png", data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
      ],
    });
    expect(grid(workbook.sheets[0])).toEqual(["1: A=Ref"]);
  });

  it("reads cells whose styles are missing or empty", async () => {
    const rows = '<row r="1"><c r="A1" s="3" t="inlineStr"><is><t>styled</t></is></c><c r="B1" s="7"><v>2</v></c></row>';
    for (const styles of [undefined, '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>', '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="0"/></styleSheet>']) {
      const { workbook } = await read({ sheets: [{ name: "Plan", rows }], ...(styles === undefined ? {} : { styles }) });
      expect(grid(workbook.sheets[0])).toEqual(["1: A=styled B=2"]);
    }
  });

  it("keeps a hyperlink on a number, a date or text, with its address", async () => {
    const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/1" TargetMode="External"/></Relationships>';
    const { workbook } = await read({
      sheets: [{ name: "Plan", rows: '<row r="1"><c r="A1"><v>42</v></c><c r="B1" s="1"><v>42825</v></c><c r="C1" t="inlineStr"><is><t>see</t></is></c></row>', after: '<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" r:id="rId1"/><hyperlink ref="C1" r:id="rId1"/><hyperlink ref="D1" location="Sheet2!A1"/></hyperlinks>', rels }],
      styles: DATE_AND_RED_STYLES,
    });
    const cells = workbook.sheets[0]!.rows[0]!.cells;
    expect(cells[0]).toEqual({ kind: "number", text: "42", number: 42, link: "https://example.org/1" });
    expect(cells[1]).toEqual({ kind: "date", text: "2017-03-31", date: "2017-03-31", link: "https://example.org/1" });
    expect(cells[2]).toEqual({ kind: "string", text: "see", link: "https://example.org/1" });
  });

  it("shows a hyperlink's address on a cell that shows nothing, and a formula's value with its address", async () => {
    const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/1" TargetMode="External"/></Relationships>';
    const { workbook, diagnostics } = await read({
      sheets: [{ name: "Plan", rows: '<row r="1"><c r="A1" s="1"/><c r="B1"/><c r="C1"><f>1+1</f><v>2</v></c><c r="D1"><v>5</v></c></row>', after: '<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" r:id="rId1"/><hyperlink ref="C1" r:id="rId1"/><hyperlink ref="E1" r:id="rId1"/></hyperlinks>', rels }],
      styles: DATE_AND_RED_STYLES,
    });
    expect(diagnostics).toEqual([]);
    const cells = workbook.sheets[0]!.rows[0]!.cells;
    expect(cells[0]).toEqual({ kind: "string", text: "https://example.org/1" });
    expect(cells[1]).toEqual({ kind: "string", text: "https://example.org/1" });
    expect(cells[2]).toEqual({ kind: "number", text: "2", number: 2, link: "https://example.org/1" });
    expect(cells[3]).toEqual({ kind: "number", text: "5", number: 5 });
    expect(cells).toHaveLength(4); // no <c> in E1: the link there has nothing to sit on
  });

  it("says nothing of the value of a cell a merge covers", async () => {
    const { workbook, diagnostics } = await read({
      sheets: [{ name: "Plan", rows: '<row r="3"><c r="A3" t="inlineStr"><is><t>Banner</t></is></c><c r="B3" s="1"><v>2958466</v></c><c r="C3" t="d"><v>junk</v></c><c r="D3" s="1"><v>2958467</v></c></row>', after: '<mergeCells count="1"><mergeCell ref="A3:C3"/></mergeCells>' }],
      styles: DATE_AND_RED_STYLES,
    });
    expect(grid(workbook.sheets[0])).toEqual(["3: A=Banner D=2958467"]);
    expect(lines(diagnostics)).toEqual([
      "t.xlsx Plan!D3: error DATE_OUT_OF_RANGE the cell is formatted as a date but holds 2958467, which is after 31 December 9999, the last date Excel shows (Excel shows ########)",
    ]);
  });

  it("keeps a formula's cached 0, FALSE and text", async () => {
    const { workbook, diagnostics } = await read({
      sheets: [{ name: "Plan", rows: '<row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="b"><f>1=2</f><v>0</v></c><c r="C1" t="str"><f>"a"</f><v>a</v></c></row>' }],
    });
    expect(diagnostics).toEqual([]);
    expect(grid(workbook.sheets[0])).toEqual(["1: A=0 B=FALSE C=a"]);
  });

  it("reads t=\"d\" cells as ISO dates, and an impossible one is an error at its cell", async () => {
    const { workbook, diagnostics } = await read({
      sheets: [{ name: "Plan", rows: '<row r="2"><c r="A2" t="d"><v>2017-03-31</v></c><c r="B2" t="d"><v>2020-02-29T00:00:00Z</v></c><c r="C2" t="d"><v>2017-02-31</v></c><c r="D2" t="d"><v>junk</v></c></row>' }],
    });
    expect(grid(workbook.sheets[0])).toEqual(["2: A=2017-03-31 B=2020-02-29 C=2017-02-31 D=junk"]);
    expect(workbook.sheets[0]!.rows[0]!.cells[0]).toEqual({ kind: "date", text: "2017-03-31", date: "2017-03-31" });
    expect(lines(diagnostics)).toEqual([
      't.xlsx Plan!C2: error DATE_INVALID the cell is stored as a date but holds "2017-02-31", which is not a date that exists',
      't.xlsx Plan!D2: error DATE_INVALID the cell is stored as a date but holds "junk", which is not a date that exists',
    ]);
  });

  it("reports a date-formatted number past 31 December 9999 at its cell", async () => {
    const { diagnostics, workbook } = await read({
      sheets: [{ name: "Plan", rows: '<row r="3"><c r="A3" s="1"><v>2958465</v></c><c r="B3" s="1"><v>2958466</v></c><c r="C3" s="1"><v>1e300</v></c></row>' }],
      styles: DATE_AND_RED_STYLES,
    });
    expect(grid(workbook.sheets[0])).toEqual([`3: A=9999-12-31 B=2958466 C=${numberText(1e300)}`]);
    expect(lines(diagnostics)).toEqual([
      "t.xlsx Plan!B3: error DATE_OUT_OF_RANGE the cell is formatted as a date but holds 2958466, which is after 31 December 9999, the last date Excel shows (Excel shows ########)",
      "t.xlsx Plan!C3: error DATE_OUT_OF_RANGE the cell is formatted as a date but holds 1e+300, which is after 31 December 9999, the last date Excel shows (Excel shows ########)",
    ]);
  });

  it("leaves out the cells a merge covers, however large the merge", async () => {
    const started = Date.now();
    const { workbook } = await read({
      sheets: [{ name: "Plan", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Banner</t></is></c><c r="B1"><v>9</v></c></row><row r="5"><c r="A5"><v>1</v></c></row><row r="2000000"><c r="A2000000"><v>1</v></c></row>'.replace(/<row r="2000000">.*<\/row>/, ""), after: '<mergeCells count="2"><mergeCell ref="A1:XFD1048576"/></mergeCells>' }],
    });
    expect(grid(workbook.sheets[0])).toEqual(["1: A=Banner"]);
    expect(workbook.sheets[0]!.rows[0]!.banner).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("the xlsx reader refuses a workbook that does not hold together, in one line", () => {
  const sheet = (rows: string, after = "") => ({ sheets: [{ name: "Plan", rows, after }] });

  it("names the part and line of XML that is not well formed", async () => {
    expect(await refusal({ sheets: [{ name: "Plan", xml: '<?xml version="1.0"?>\n<worksheet>\n<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;x</t></is></c></row></sheetData></worksheet>' }] })).toBe(
      "t.xlsx Plan: error INPUT_UNREADABLE the workbook is damaged and cannot be read: the XML has the undefined entity &nbsp; (in its part xl/worksheets/sheet1.xml, line 3); open it in Excel and save it again",
    );
    expect(await refusal({ sheets: [{ name: "Plan", xml: '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e "x">]><worksheet/>' }] })).toMatch(
      /^t\.xlsx Plan: error INPUT_UNREADABLE the workbook is damaged and cannot be read: the XML has a document type declaration \(DTD\), which a workbook never needs \(in its part xl\/worksheets\/sheet1\.xml, line 1\)/,
    );
    expect(await refusal(sheet('<row r="1"><c r="A1"><v>1</v></c>'))).toMatch(/the XML has <row> closed by <\/sheetData>/);
    const cut = await refusal({ sheets: [{ name: "Plan", xml: '<?xml version="1.0"?><worksheet><sheetData><row r="1">' }] });
    expect(cut).toMatch(/the element <row> is never closed \(the part is cut short\) \(in its part xl\/worksheets\/sheet1\.xml, line 1\)/);
  });

  it("names the cell of a missing shared string, a column past XFD, a repeated cell", async () => {
    expect(await refusal({ ...sheet('<row r="5"><c r="B5" t="s"><v>99</v></c></row>'), sharedStrings: ["<si><t>x</t></si>"] })).toBe(
      "t.xlsx Plan!B5: error INPUT_UNREADABLE the workbook is damaged and cannot be read: the cell refers to shared string 99, which the workbook does not have (in its part xl/worksheets/sheet1.xml); open it in Excel and save it again",
    );
    expect(await refusal(sheet('<row r="5"><c r="XFE5"><v>1</v></c></row>'))).toMatch(/^t\.xlsx Plan: error INPUT_UNREADABLE .*the cell reference XFE5 lies beyond column XFD, Excel's last/);
    expect(await refusal(sheet('<row r="5"><c r="B5"><v>1</v></c><c r="B5"><v>2</v></c></row>'))).toMatch(/^t\.xlsx Plan!B5: error INPUT_UNREADABLE .*a cell appears twice/);
    expect(await refusal(sheet('<row r="0"><c><v>1</v></c></row>'))).toMatch(/the row number "0" is not a row of a sheet/);
    expect(await refusal(sheet('<row r="5"><c r="B6"><v>1</v></c></row>'))).toMatch(/the cell B6 is written inside row 5/);
    expect(await refusal(sheet('<row r="5"><c r="B"><v>1</v></c></row>'))).toMatch(/the cell reference "B" is not a cell/);
    expect(await refusal(sheet('<row r="5"><c r="ABCD5"><v>1</v></c></row>'))).toMatch(/the cell reference "ABCD5" is not a cell/);
    expect(await refusal(sheet('<row r="5"><c r="B0"><v>1</v></c></row>'))).toMatch(/the cell reference B0 lies beyond row 1,048,576, Excel's last/);
    expect(await refusal(sheet('<row r="5"><c 1r="B5"><v>1</v></c></row>'))).toMatch(/the XML has the malformed name "1r"/);
    expect(await refusal(sheet('<row r="5"><1c r="B5"><v>1</v></1c></row>'))).toMatch(/the XML has the malformed name "1c"/);
    expect(await refusal(sheet('<row r="3"><c r="A3"><v>1</v></c></row><row r="3"/>'))).toMatch(/row 3 appears twice/);
  });

  it("refuses overlapping merged ranges, naming both", async () => {
    expect(await refusal(sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>1</v></c></row>', '<mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="B2:C3"/></mergeCells>'))).toMatch(
      /the merged ranges A1:XFD1048576 and B2:C3 overlap/,
    );
  });

  it("refuses a part that is not UTF-8", async () => {
    const latin1 = Buffer.from(worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>caf\u00e9</t></is></c></row>'), "latin1");
    expect(await refusal({ sheets: [{ name: "Plan", xml: latin1 as unknown as string }] })).toMatch(/the part is not UTF-8 text, as XML in a workbook must be \(in its part xl\/worksheets\/sheet1\.xml\)/);
  });
});

describe("the xlsx reader reads what Excel's own writer (here exceljs) wrote", () => {
  it("gives back every value as the user sees it", async () => {
    const text = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "" && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/.test(s)), fc.constantFrom("a & b", "<tag>", "line\nbreak", "£ – ’ é ŵ", "&amp;"));
    const value = fc.oneof(
      text.map((t) => ({ write: t as ExcelJS.CellValue, shows: t })),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((n) => ({ write: n as ExcelJS.CellValue, shows: numberText(n) })),
      fc.boolean().map((b) => ({ write: b as ExcelJS.CellValue, shows: b ? "TRUE" : "FALSE" })),
      fc.integer({ min: 1, max: 2_900_000 }).map((d) => {
        const date = new Date(Date.UTC(1900, 2, 1) + d * 86_400_000);
        return { write: date as ExcelJS.CellValue, shows: date.toISOString().slice(0, 10) };
      }),
      fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => ({ write: { richText: parts.map((t) => ({ text: t })) } as ExcelJS.CellValue, shows: parts.join("") })),
      fc.integer({ min: -5, max: 1000 }).map((n) => ({ write: { formula: "A1", result: n } as ExcelJS.CellValue, shows: String(n) })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.option(value, { nil: undefined }), { maxLength: 5 }), { minLength: 1, maxLength: 6 }), async (rows) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("Plan");
        const expected: string[] = [];
        rows.forEach((cells, r) => {
          const shown: string[] = [];
          cells.forEach((c, col) => {
            if (!c) return;
            const cell = ws.getCell(r + 1, col + 1);
            cell.value = c.write;
            if (c.write instanceof Date) cell.numFmt = "dd/mm/yyyy";
            shown.push(`${String.fromCharCode(65 + col)}=${c.shows.replace(/\r\n?/g, "\n")}`);
          });
          if (shown.length > 0) expected.push(`${r + 1}: ${shown.join(" ")}`);
        });
        const { workbook } = await read(Buffer.from(await wb.xlsx.writeBuffer()));
        expect(grid(workbook.sheets[0])).toEqual(expected);
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
