import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { InputRefused } from "../../src/ingest/refused.js";
import type { RawSheet } from "../../src/ingest/raw-table.js";
import { numberText, readXlsx } from "../../src/ingest/xlsx.js";

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function read(wb: ExcelJS.Workbook, file = "tracker.xlsx") {
  return readXlsx(await toBuffer(wb), file);
}

function sheet(sheets: RawSheet[], name: string): RawSheet {
  const found = sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The cell at an Excel row number and 0-based column. */
function cellAt(s: RawSheet, row: number, col: number) {
  return s.rows.find((r) => r.row === row)?.cells[col];
}

const solid = (fgColor: Record<string, unknown>) =>
  ({ type: "pattern", pattern: "solid", fgColor }) as ExcelJS.Fill;

describe("readXlsx values", () => {
  it("reads every kind of value as the user sees it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tactical Plan");
    ws.getCell("A1").value = "  Ref ";
    ws.getCell("B1").value = { richText: [{ text: "Action " }, { text: "text", font: { bold: true } }] };
    ws.getCell("C1").value = { text: "HMICFRS report", hyperlink: "https://example.org/r" };
    ws.getCell("A2").value = 42;
    ws.getCell("B2").value = 1.5;
    ws.getCell("C2").value = 0.1 + 0.2;
    ws.getCell("D2").value = -1234567.25;
    ws.getCell("A3").value = true;
    ws.getCell("B3").value = false;
    ws.getCell("C3").value = { error: "#N/A" };
    ws.getCell("D3").value = "";

    const { workbook, diagnostics } = await read(wb);
    expect(workbook.format).toBe("xlsx");
    expect(workbook.file).toBe("tracker.xlsx");
    expect(diagnostics).toEqual([]);
    const s = sheet(workbook.sheets, "Tactical Plan");
    expect(s.rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(s.rows[0]?.cells).toEqual([
      { kind: "string", text: "  Ref " },
      { kind: "string", text: "Action text" },
      { kind: "string", text: "HMICFRS report", link: "https://example.org/r" },
    ]);
    expect(s.rows[1]?.cells).toEqual([
      { kind: "number", text: "42", number: 42 },
      { kind: "number", text: "1.5", number: 1.5 },
      { kind: "number", text: "0.3", number: 0.1 + 0.2 },
      { kind: "number", text: "-1234567.25", number: -1234567.25 },
    ]);
    expect(s.rows[2]?.cells).toEqual([
      { kind: "boolean", text: "TRUE" },
      { kind: "boolean", text: "FALSE" },
      { kind: "error", text: "#N/A" },
    ]);
    expect(s.rows[2]?.cells).toHaveLength(3); // the empty string in D3 is not a cell
  });

  it("numbers rows as Excel does and leaves empty rows out", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.getCell("B2").value = "first";
    ws.getCell("A5").value = ""; // a row holding only an empty string is empty
    ws.getCell("B6").value = "   "; // so is one holding only spaces
    ws.getCell("C7").value = "second";
    const { workbook } = await read(wb);
    const s = sheet(workbook.sheets, "Sheet1");
    expect(s.rows.map((r) => r.row)).toEqual([2, 7]);
    expect(cellAt(s, 2, 1)?.text).toBe("first");
    expect(cellAt(s, 2, 0)).toBeUndefined();
    expect(cellAt(s, 7, 2)?.text).toBe("second");
  });

  it("keeps every sheet in tab order and notes the hidden ones", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Dashboard").getCell("A1").value = "d";
    const hidden = wb.addWorksheet("Lookups");
    hidden.state = "hidden";
    hidden.getCell("A1").value = "l";
    wb.addWorksheet("Workstream 2").getCell("A1").value = "w";
    const { workbook, diagnostics } = await read(wb);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Dashboard", "Lookups", "Workstream 2"]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "info", code: "SHEET_HIDDEN", sheet: "Lookups", file: "tracker.xlsx" }),
    ]);
  });

  it("formats numbers plainly", () => {
    expect(numberText(42)).toBe("42");
    expect(numberText(1.5)).toBe("1.5");
    expect(numberText(0.1 + 0.2)).toBe("0.3");
    expect(numberText(1234567890123)).toBe("1234567890123");
    expect(numberText(0.000123)).toBe("0.000123");
    expect(numberText(-0)).toBe("0");
  });
});

describe("readXlsx dates", () => {
  function dateSheet(wb: ExcelJS.Workbook) {
    const ws = wb.addWorksheet("Plan");
    const put = (ref: string, value: ExcelJS.CellValue, numFmt = "dd/mm/yyyy") => {
      ws.getCell(ref).value = value;
      ws.getCell(ref).numFmt = numFmt;
    };
    return put;
  }

  it("reads dates as calendar dates in the 1900 system", async () => {
    const wb = new ExcelJS.Workbook();
    const put = dateSheet(wb);
    put("A1", new Date(Date.UTC(2017, 2, 31)));
    put("B1", new Date(Date.UTC(2015, 5, 4, 23, 30))); // a time late in the day stays on the day
    put("C1", 42825); // a serial Excel wrote: 31 March 2017
    put("D1", 42825, "mmm-yy");
    put("E1", 1); // 1 January 1900 (before Excel's phantom 29 February 1900)
    put("F1", 61); // 1 March 1900
    put("G1", 60); // Excel's 29 February 1900, which never was
    put("H1", 0.5, "h:mm"); // a time with no date
    put("A2", { formula: "C1+1", result: new Date(Date.UTC(2017, 3, 1)) });
    put("B2", 44286.75, "dd/mm/yyyy hh:mm"); // 31 March 2021 18:00

    const { workbook } = await read(wb);
    const s = sheet(workbook.sheets, "Plan");
    const at = (col: number, row = 1) => cellAt(s, row, col);
    expect(at(0)).toEqual({ kind: "date", text: "2017-03-31", date: "2017-03-31" });
    expect(at(1)?.date).toBe("2015-06-04");
    expect(at(2)?.date).toBe("2017-03-31");
    expect(at(3)?.date).toBe("2017-03-31");
    expect(at(4)?.date).toBe("1900-01-01");
    expect(at(5)?.date).toBe("1900-03-01");
    expect(at(6)).toEqual({ kind: "string", text: "1900-02-29" });
    expect(at(7)).toEqual({ kind: "string", text: "12:00" });
    expect(at(0, 2)).toEqual({ kind: "date", text: "2017-04-01", date: "2017-04-01", formula: true });
    expect(at(1, 2)?.date).toBe("2021-03-31");
  });

  it("reads dates in the 1904 system, which exceljs writes and applies on read", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const put = dateSheet(wb);
    put("A1", 41363); // serial of 31 March 2017 in the 1904 system
    put("B1", new Date(Date.UTC(2017, 2, 31)));
    put("C1", 0); // 1 January 1904
    const bytes = await toBuffer(wb);

    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("xl/workbook.xml")?.async("string")).toMatch(/<workbookPr[^>]*date1904="1"/);
    // exceljs wrote the Date as the 1904 serial, not the 1900 one.
    expect(await zip.file("xl/worksheets/sheet1.xml")?.async("string")).toMatch(/<c r="B1"[^>]*><v>41363<\/v>/);

    const s = sheet((await readXlsx(bytes, "t.xlsx")).workbook.sheets, "Plan");
    expect(cellAt(s, 1, 0)?.date).toBe("2017-03-31");
    expect(cellAt(s, 1, 1)?.date).toBe("2017-03-31");
    expect(cellAt(s, 1, 2)?.date).toBe("1904-01-01");
  });

  it("honours a date1904 flag added to a workbook by hand", async () => {
    const wb = new ExcelJS.Workbook();
    dateSheet(wb)("A1", 42825); // 2017-03-31 as a 1900 serial
    const zip = await JSZip.loadAsync(await toBuffer(wb));
    const xml = await zip.file("xl/workbook.xml")?.async("string");
    expect(xml).toMatch(/<workbookPr\b/);
    zip.file("xl/workbook.xml", xml!.replace(/<workbookPr\b/, '<workbookPr date1904="1"'));
    const patched = await zip.generateAsync({ type: "nodebuffer" });

    const s = sheet((await readXlsx(patched, "t.xlsx")).workbook.sheets, "Plan");
    // The same serial counted from 1 January 1904 is 1462 days later.
    expect(cellAt(s, 1, 0)?.date).toBe("2021-04-01");
  });

  it("does not shift dates in any time zone", async () => {
    const wb = new ExcelJS.Workbook();
    const put = dateSheet(wb);
    put("A1", 42825);
    put("B1", new Date(Date.UTC(2017, 2, 31)));
    put("C1", 42825.99);
    const bytes = await toBuffer(wb);
    const original = process.env.TZ;
    try {
      const januaryOffsets = { "Pacific/Auckland": -780, "America/New_York": 300, "Europe/London": 0, UTC: 0 };
      for (const [tz, offset] of Object.entries(januaryOffsets)) {
        process.env.TZ = tz;
        expect(new Date(Date.UTC(2017, 0, 1)).getTimezoneOffset(), "the zone really changed").toBe(offset);
        const s = sheet((await readXlsx(bytes, "t.xlsx")).workbook.sheets, "Plan");
        expect([0, 1, 2].map((col) => cellAt(s, 1, col)?.date), tz).toEqual([
          "2017-03-31",
          "2017-03-31",
          "2017-03-31",
        ]);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

describe("readXlsx formulas", () => {
  it("uses cached results and flags them, without a warning per formula", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Dashboard");
    ws.getCell("A1").value = { formula: "COUNTA(Plan!A:A)", result: 57 };
    ws.getCell("B1").value = { formula: "IF(A1>50,\"Many\",\"Few\")", result: "Many" };
    ws.getCell("C1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("D1").value = { formula: "A1>0", result: true };
    ws.getCell("E1").value = { formula: "IF(A1>0,\"\",\"x\")", result: "" }; // saved as <v></v>
    ws.getCell("A2").value = { formula: "A1*2", result: 114, shareType: "shared", ref: "A2:A3" } as ExcelJS.CellValue;
    ws.getCell("A3").value = { sharedFormula: "A2", result: 228 } as ExcelJS.CellValue;
    ws.getCell("A4").value = { formula: "IF(A3>0,\"\",\"x\")", result: "" }; // a row of blanks
    ws.getCell("B4").value = { formula: "IF(A3>0,\"\",\"x\")", result: "" };
    ws.getCell("B4").fill = solid({ argb: "FF00B050" });
    ws.getCell("A5").value = "after";

    const { workbook, diagnostics } = await read(wb, "dash.xlsx");
    const s = sheet(workbook.sheets, "Dashboard");
    expect(diagnostics).toEqual([]);
    expect(s.rows[0]?.cells).toEqual([
      { kind: "number", text: "57", number: 57, formula: true },
      { kind: "string", text: "Many", formula: true },
      { kind: "error", text: "#DIV/0!", formula: true },
      { kind: "boolean", text: "TRUE", formula: true },
    ]);
    expect(cellAt(s, 2, 0)).toEqual({ kind: "number", text: "114", number: 114, formula: true });
    expect(cellAt(s, 3, 0)).toEqual({ kind: "number", text: "228", number: 228, formula: true });
    // In a calculated workbook a formula with no value shows the empty string: row 4 is empty.
    expect(s.rows.map((r) => r.row)).toEqual([1, 2, 3, 5]);
  });

  it("warns at each formula of a workbook saved without calculated values", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tactical Plan");
    ws.getCell("A1").value = "Ref";
    ws.getCell("B1").value = { formula: "TODAY()" };
    ws.getCell("C3").value = { formula: "B1+28" };

    const { workbook, diagnostics } = await read(wb, "dash.xlsx");
    const s = sheet(workbook.sheets, "Tactical Plan");
    expect(cellAt(s, 1, 1)).toEqual({ kind: "string", text: "", formula: true });
    expect(cellAt(s, 3, 2)).toEqual({ kind: "string", text: "", formula: true });
    expect(s.rows.map((r) => r.row)).toEqual([1, 3]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", code: "FORMULA_NO_RESULT", file: "dash.xlsx", row: 1, cell: "'Tactical Plan'!B1" }),
      expect.objectContaining({ severity: "warning", code: "FORMULA_NO_RESULT", row: 3, cell: "'Tactical Plan'!C3" }),
    ]);
  });
});

describe("readXlsx fills", () => {
  it("reads RAG from ARGB, indexed and theme fills, and from fill-only cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan");
    const row = (r: number, text: string, fill?: ExcelJS.Fill) => {
      ws.getCell(`A${r}`).value = text;
      if (fill) ws.getCell(`B${r}`).fill = fill; // B has no value: the RAG is the colour alone
    };
    row(1, "argb red", solid({ argb: "FFFF0000" }));
    row(2, "good style", solid({ argb: "FFC6EFCE" }));
    row(3, "neutral style", solid({ argb: "FFFFEB9C" }));
    row(4, "indexed amber", solid({ indexed: 51 }));
    row(5, "theme accent1 darker", solid({ theme: 4, tint: -0.249977111117893 }));
    row(6, "theme accent3", solid({ theme: 6 }));
    row(7, "grey", solid({ argb: "FFD9D9D9" }));
    row(8, "no fill");
    ws.getCell("C1").value = "Red";
    ws.getCell("C1").fill = solid({ argb: "FFFF0000" });

    const s = sheet((await read(wb)).workbook.sheets, "Plan");
    const rag = (r: number) => cellAt(s, r, 1)?.fillRag;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(rag)).toEqual([
      "red", "green", "amber", "amber", "blue", "green", undefined, undefined,
    ]);
    expect(cellAt(s, 1, 1)).toEqual({ kind: "string", text: "", fillRag: "red" });
    expect(cellAt(s, 7, 1)).toBeUndefined(); // a grey fill with no value is no cell at all
    expect(cellAt(s, 1, 2)).toEqual({ kind: "string", text: "Red", fillRag: "red" });
    expect(cellAt(s, 1, 0)?.fillRag).toBeUndefined();
  });

  it("resolves theme fills against the workbook's own theme", async () => {
    // Take the theme exceljs writes and make accent2 (theme 5) green.
    const probe = new ExcelJS.Workbook();
    probe.addWorksheet("x");
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load((await probe.xlsx.writeBuffer()) as Parameters<typeof loaded.xlsx.load>[0]);
    const themeXml = (loaded as unknown as { _themes: { theme1: string } })._themes.theme1;
    expect(themeXml).toContain('<a:accent2> <a:srgbClr val="C0504D"/>');

    const wb = new ExcelJS.Workbook();
    (wb as unknown as { _themes: object })._themes = {
      theme1: themeXml.replace('<a:accent2> <a:srgbClr val="C0504D"/>', '<a:accent2> <a:srgbClr val="00B050"/>'),
    };
    const ws = wb.addWorksheet("Plan");
    ws.getCell("A1").value = "accent2";
    ws.getCell("A1").fill = solid({ theme: 5 });
    ws.getCell("A2").value = "lt1 (Background 1)";
    ws.getCell("A2").fill = solid({ theme: 0 });
    const s = sheet((await read(wb)).workbook.sheets, "Plan");
    expect(cellAt(s, 1, 0)?.fillRag).toBe("green");
    expect(cellAt(s, 2, 0)?.fillRag).toBeUndefined();
  });
});

describe("readXlsx merges", () => {
  it("marks merged banner rows and does not repeat a merge's value", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan");
    ws.getRow(1).values = ["Ref", "Action", "Owner", "Status"];
    ws.mergeCells("A2:D2");
    ws.getCell("A2").value = "Theme 1: Understanding risk";
    ws.getRow(3).values = ["1.1", "Train staff", "DCI Smith", "Complete"];
    ws.mergeCells("B4:D4"); // a banner need not start in column A
    ws.getCell("B4").value = "Theme 2";
    ws.mergeCells("A5:B5"); // two columns: a wide cell, not a banner
    ws.getCell("A5").value = "Narrow merge";
    ws.mergeCells("A6:C6"); // wide, but the row has another filled cell
    ws.getCell("A6").value = "1.2 Wide action text";
    ws.getCell("D6").value = "Open";
    ws.mergeCells("A7:D8"); // spans rows too: the banner is its top row
    ws.getCell("A7").value = "Theme 3";

    const s = sheet((await read(wb)).workbook.sheets, "Plan");
    const banners = s.rows.filter((r) => r.banner).map((r) => r.row);
    expect(banners).toEqual([2, 4, 7]);
    expect(s.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s.rows.find((r) => r.row === 2)?.cells).toEqual([{ kind: "string", text: "Theme 1: Understanding risk" }]);
    expect(cellAt(s, 4, 1)?.text).toBe("Theme 2");
    expect(cellAt(s, 4, 2)).toBeUndefined();
    expect(cellAt(s, 5, 1)).toBeUndefined();
    expect(cellAt(s, 6, 1)).toBeUndefined();
    expect(cellAt(s, 6, 3)?.text).toBe("Open");
    expect(s.rows.find((r) => r.row === 6)?.banner).toBeUndefined();
  });
});

describe("readXlsx refusals", () => {
  it("refuses a damaged workbook with one short line, no stack", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Plan").getCell("A1").value = "x";
    const bytes = await toBuffer(wb);
    for (const broken of [Buffer.from("not a zip at all"), bytes.subarray(0, Math.floor(bytes.length / 2))]) {
      const error = await readXlsx(broken, "broken.xlsx").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputRefused);
      const d = (error as InputRefused).diagnostic;
      expect(d).toMatchObject({ severity: "error", code: "INPUT_TRUNCATED", file: "broken.xlsx" });
      expect(d.message).toMatch(/^the file is cut short or damaged; open the original in Excel/);
      expect(d.message).not.toMatch(/\n|https?:|at .*\.js/);
    }
  });

  it("refuses a workbook with no worksheets", async () => {
    const error = await readXlsx(await toBuffer(new ExcelJS.Workbook()), "empty.xlsx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputRefused);
    expect((error as InputRefused).diagnostic.code).toBe("INPUT_UNREADABLE");
  });
});
