// The direct reader (xlsx-direct.ts) must read every workbook exactly as exceljs does: random
// workbooks written by exceljs, hand-edited XML with the quirks other programs write, and the
// samples, each read both ways and compared (errors included).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { InputRefused } from "../../src/ingest/refused.js";
import { detectInput } from "../../src/ingest/sniff.js";
import { readWorkbookParts } from "../../src/ingest/xlsx-direct.js";
import { readXlsx } from "../../src/ingest/xlsx.js";
import { NotHandled } from "../../src/ingest/xml-scan.js";
import { DATA } from "../helpers/tracker.js";

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function outcome(read: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error: error instanceof InputRefused ? error.diagnostic : String(error) };
  }
}

function parts(bytes: Buffer): Map<string, Buffer> {
  const found = detectInput(bytes, "t.xlsx").parts;
  if (!found) throw new Error("not a workbook");
  return found;
}

/** Whether the direct reader takes the workbook (rather than handing it to exceljs). */
function handled(bytes: Buffer): boolean {
  try {
    readWorkbookParts(parts(bytes));
    return true;
  } catch (error) {
    if (error instanceof NotHandled) return false;
    throw error;
  }
}

/** Read both ways; they must agree. */
async function expectSameBothWays(bytes: Buffer, file = "t.xlsx"): Promise<void> {
  const direct = await outcome(() => readXlsx(bytes, file, parts(bytes)));
  const viaExcelJs = await outcome(() => readXlsx(bytes, file, null));
  expect(direct).toEqual(viaExcelJs);
}

async function patched(wb: ExcelJS.Workbook, edit: (files: Record<string, string>) => void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) files[name] = await zip.file(name)!.async("string");
  edit(files);
  const out = new JSZip();
  for (const [name, text] of Object.entries(files)) out.file(name, text);
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function oneSheet(fill?: (ws: ExcelJS.Worksheet) => void): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  ws.getCell("A1").value = "Ref";
  fill?.(ws);
  return wb;
}

describe("the direct xlsx reader", () => {
  it("reads the sample workbooks itself, as exceljs does", async () => {
    for (const name of readdirSync(DATA).filter((n) => n.endsWith(".xlsx"))) {
      const bytes = readFileSync(join(DATA, name));
      expect(handled(bytes), name).toBe(true);
      await expectSameBothWays(bytes, name);
    }
  });

  it("reads random workbooks as exceljs does", async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("a & b", "<tag>", '"quoted" \'single\'', "line\nbreak", "cr\r\nlf", "tab\there", " spaced ", "_x000D_ literal", "£ – ’ é ŵ", "&amp;", "=SUM(A1)"),
    );
    const date = fc.integer({ min: -2_000_000, max: 4_000_000 }).map((d) => new Date(Date.UTC(2000, 0, 1) + d * 60_000));
    const value: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
      text,
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.integer({ min: -100, max: 60_000 }),
      fc.boolean(),
      fc.constantFrom({ error: "#N/A" } as ExcelJS.CellErrorValue, { error: "#DIV/0!" } as ExcelJS.CellErrorValue),
      date,
      fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => ({ richText: parts.map((t, i) => ({ text: t, ...(i % 2 ? { font: { bold: true } } : {}) })) })),
      fc.tuple(text, fc.constantFrom("https://example.org/a", "mailto:x@y.z")).map(([t, hyperlink]) => ({ text: t, hyperlink })),
      fc.oneof(fc.integer(), text, fc.boolean(), fc.constant(undefined)).map((result) => ({ formula: "1+1", result }) as ExcelJS.CellValue),
      fc.constant(null),
    );
    const colour = fc.oneof(
      fc.constantFrom("FFFF0000", "FFFFC000", "FF00B050", "FF0070C0", "FFD9D9D9", "FFC6EFCE").map((argb) => ({ argb })),
      fc.record({ theme: fc.integer({ min: 0, max: 9 }), tint: fc.constantFrom(undefined, 0.4, -0.25) }).map((c) => (c.tint === undefined ? { theme: c.theme } : c)),
      fc.integer({ min: 0, max: 65 }).map((indexed) => ({ indexed })),
    );
    const fill: fc.Arbitrary<ExcelJS.Fill | undefined> = fc.oneof(
      fc.constant(undefined),
      colour.map((fgColor) => ({ type: "pattern", pattern: "solid", fgColor }) as ExcelJS.Fill),
      fc.constant({ type: "pattern", pattern: "gray125" } as ExcelJS.Fill),
      fc.constant({ type: "gradient", gradient: "angle", degree: 0, stops: [{ position: 0, color: { argb: "FFFF0000" } }, { position: 1, color: { argb: "FF00FF00" } }] } as ExcelJS.Fill),
    );
    const numFmt = fc.constantFrom(undefined, "dd/mm/yyyy", "0.00", "mmm-yy", "h:mm", '"Due" dd-mm', "[Red]0", "@", "yyyy\\-mm");
    const cell = fc.record({ value, fill, numFmt });
    const sheet = fc.record({
      rows: fc.array(fc.array(fc.option(cell, { nil: undefined }), { maxLength: 6 }), { maxLength: 7 }),
      merges: fc.array(fc.record({ row: fc.integer({ min: 1, max: 8 }), col: fc.integer({ min: 1, max: 6 }), h: fc.integer({ min: 1, max: 2 }), w: fc.integer({ min: 1, max: 4 }) }), { maxLength: 3 }),
      state: fc.constantFrom("visible", "hidden", "veryHidden"),
    });
    const book = fc.record({ sheets: fc.array(sheet, { minLength: 1, maxLength: 3 }), date1904: fc.boolean(), title: fc.option(text, { nil: undefined }) });

    await fc.assert(
      fc.asyncProperty(book, async (spec) => {
        const wb = new ExcelJS.Workbook();
        wb.properties.date1904 = spec.date1904;
        if (spec.title !== undefined) wb.title = spec.title;
        spec.sheets.forEach((s, i) => {
          const ws = wb.addWorksheet(`Sheet ${i + 1}`, { state: s.state as ExcelJS.WorksheetState });
          s.rows.forEach((cells, r) =>
            cells.forEach((c, col) => {
              if (!c) return;
              const target = ws.getCell(r + 1, col + 1);
              target.value = c.value;
              if (c.fill) target.fill = c.fill;
              if (c.numFmt) target.numFmt = c.numFmt;
            }),
          );
          const taken = new Set<string>();
          for (const m of s.merges) {
            const cellsOf = [];
            for (let r = m.row; r < m.row + m.h; r++) for (let c = m.col; c < m.col + m.w; c++) cellsOf.push(`${r}:${c}`);
            if (cellsOf.some((k) => taken.has(k))) continue;
            cellsOf.forEach((k) => taken.add(k));
            ws.mergeCells(m.row, m.col, m.row + m.h - 1, m.col + m.w - 1);
          }
        });
        const bytes = Buffer.from(await wb.xlsx.writeBuffer());
        expect(handled(bytes)).toBe(true);
        await expectSameBothWays(bytes);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it("reads what other programs write: inline strings, escapes, cells without a reference, odd values", async () => {
    const wb = oneSheet((ws) => {
      ws.getCell("B1").value = "shared";
      ws.getCell("C1").value = new Date(Date.UTC(2017, 2, 31));
      ws.getCell("C1").numFmt = "dd/mm/yyyy";
    });
    const bytes = await patched(wb, (f) => {
      const sheet = f["xl/worksheets/sheet1.xml"]!;
      const rows = [
        '<row r="2"><c r="A2" t="inlineStr"><is><t>inline &amp; &lt;kept&gt; &#163;&#x2013;</t></is></c><c t="inlineStr"><is><r><t>rich</t></r><r><rPr><b/></rPr><t xml:space="preserve"> run_x000D_</t></r></is></c><c r="D2" t="str"><v>&amp;lt;decoded twice&amp;gt;</v></c></row>',
        '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#REF!</v></c><c r="C4"><v> </v></c><c r="D4" s="0"/><c r="E4"/><c r="F4" t="d"><v>2017-03-31</v></c></row>',
        '<row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" t="str"><f>"a"</f><v></v></c><c r="C3" t="b"><f>TRUE</f><v>0</v></c><c r="D3"><f t="shared" ref="D3:D4" si="0">A3</f><v>2</v></c><c r="E3"><f/><v>5</v></c></row>',
        '<row r="3"><c r="A3"><v>3</v></c></row>',
      ];
      f["xl/worksheets/sheet1.xml"] = sheet.replace("</sheetData>", `${rows.join("\r\n")}</sheetData>`);
      f["xl/sharedStrings.xml"] = f["xl/sharedStrings.xml"]!.replace(
        "</sst>",
        '<si><r><t>rich </t></r><r><t>shared</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si><t>with_x000A_escape\r\nand CRLF</t></si><si/></sst>',
      );
      f["xl/worksheets/sheet1.xml"] = f["xl/worksheets/sheet1.xml"]!.replace("</sheetData>", '<row r="9"><c r="A9" t="s"><v>2</v></c><c r="B9" t="s"><v>3</v></c><c r="C9" t="s"><v>4</v></c></row></sheetData>');
    });
    expect(handled(bytes)).toBe(true);
    await expectSameBothWays(bytes);
  });

  it("reads custom date formats, a BOM, comments in the XML and a date1904 flag as exceljs does", async () => {
    const wb = oneSheet((ws) => {
      for (const [i, fmt] of ["yyyy\\-mm\\-dd", '"Week" 0', "[$-809]dd mmmm yyyy", "0.0"].entries()) {
        ws.getCell(2, i + 1).value = 42825;
        ws.getCell(2, i + 1).numFmt = fmt;
      }
    });
    const bytes = await patched(wb, (f) => {
      f["xl/worksheets/sheet1.xml"] = `\uFEFF${f["xl/worksheets/sheet1.xml"]!.replace("<sheetData>", "<!-- a comment --><sheetData>")}`;
      f["xl/workbook.xml"] = f["xl/workbook.xml"]!.replace(/<workbookPr\b/, '<workbookPr date1904="1"');
    });
    expect(handled(bytes)).toBe(true);
    await expectSameBothWays(bytes);
  });

  it("leaves to exceljs what it does not handle, with the same result", async () => {
    const base = oneSheet((ws) => ws.getCell("B2").value = "x");
    const cases: [string, (f: Record<string, string>) => void][] = [
      ["a DTD", (f) => (f["xl/worksheets/sheet1.xml"] = f["xl/worksheets/sheet1.xml"]!.replace("?>", '?><!DOCTYPE worksheet [<!ENTITY e "x">]>'))],
      ["malformed XML", (f) => (f["xl/worksheets/sheet1.xml"] = f["xl/worksheets/sheet1.xml"]!.replace("</sheetData>", "<row></sheetData>"))],
      ["an unknown entity", (f) => (f["xl/sharedStrings.xml"] = f["xl/sharedStrings.xml"]!.replace("<t>x</t>", "<t>&nbsp;x</t>"))],
      ["a missing shared string", (f) => (f["xl/worksheets/sheet1.xml"] = f["xl/worksheets/sheet1.xml"]!.replace("</sheetData>", '<row r="5"><c r="A5" t="s"><v>99</v></c></row></sheetData>'))],
      ["overlapping merges", (f) => (f["xl/worksheets/sheet1.xml"] = f["xl/worksheets/sheet1.xml"]!.replace("</sheetData>", '</sheetData><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B1:B2"/></mergeCells>'))],
      ["a comments part", (f) => (f["xl/comments1.xml"] = '<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors/><commentList/></comments>')],
      ["a long sheet name", (f) => (f["xl/workbook.xml"] = f["xl/workbook.xml"]!.replace('name="Plan"', 'name="A sheet name longer than thirty-one characters"'))],
    ];
    for (const [what, edit] of cases) {
      const bytes = await patched(base, edit);
      expect(handled(bytes), what).toBe(false);
      await expectSameBothWays(bytes);
    }
  });
});
