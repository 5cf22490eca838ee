import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { countRag, countStatus } from "../../../src/model/summary.js";
import { csv, loadCsvText } from "../../helpers/load.js";
import { AS_OF, readBack, samplePlan, trackerBytes, withoutPositions } from "../../helpers/tracker.js";

const SAMPLES = ["colp-da-action-plan.xlsx", "cambs-da-action-plan.csv", "lancs-da-action-plan.xlsx", "inspection-recommendations.xlsx"];

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

async function sheetXml(bytes: Buffer, index: number): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file(`xl/worksheets/sheet${index}.xml`)!.async("string");
}

describe("the Tracker sheet", () => {
  it("has the canonical columns in order, then the legacy tracker's extra columns", async () => {
    const { plan } = await samplePlan("colp-da-action-plan.xlsx");
    const wb = await workbook(await trackerBytes(plan));
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Tracker", "Summary", "Data issues", "Key"]);
    const header = (wb.getWorksheet("Tracker")!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["Ref", "Theme", "Recommendation", "Action", "Owner", "Due", "Status", "RAG", "Update", "Evidence", "Source", "Due as written", "Partner agency", "Evidence (link)"]);
  });

  it("writes Due as a real date shown dd/mm/yyyy, and the words where there was no date", async () => {
    const { plan } = await samplePlan("colp-da-action-plan.xlsx");
    const sheet = (await workbook(await trackerBytes(plan))).getWorksheet("Tracker")!;
    const row = (ref: string) => sheet.getRows(2, plan.actions.length)!.find((r) => r.getCell(1).value === ref)!;
    const due = row("1.10").getCell(6);
    expect(due.value).toEqual(new Date(Date.UTC(2017, 2, 31)));
    expect(due.numFmt).toBe("dd/mm/yyyy");
    expect(row("1.10").getCell(12).value).toBe("Mar-17");
    expect(row("1.5").getCell(6).value).toBe("Ongoing");
    expect(row("1.10").getCell(11).value).toBe("Tactical Plan, row 15");
    expect(row("1.10").getCell(7).value).toBe("In progress");
    expect(row("1.10").getCell(8).value).toBe("Amber");
  });

  it("freezes and filters the header, with drop-downs on Status and RAG and RAG colours that follow the word", async () => {
    const { plan } = await samplePlan("cambs-da-action-plan.csv");
    const xml = await sheetXml(await trackerBytes(plan), 1);
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toMatch(/<autoFilter ref="A1:N31"\/>/); // Ref … Source, then Due, Status and RAG as written
    expect(xml).toMatch(/<dataValidation type="list" allowBlank="1"[^>]*sqref="G2:G1031"><formula1>&quot;Not started,In progress,Complete,Not applicable&quot;<\/formula1>/);
    expect(xml).toMatch(/sqref="H2:H1031"><formula1>&quot;Red,Amber,Green,Blue&quot;<\/formula1>/);
    expect(xml).toContain('<conditionalFormatting sqref="H2:H1031">');
    for (const word of ["Red", "Amber", "Green", "Blue"]) expect(xml).toContain(`operator="equal"><formula>&quot;${word}&quot;</formula>`);
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(xml).toContain("fitToHeight=\"0\"");
  });

  it("puts the marking and page numbers in header and footer, and repeats the header row when printed", async () => {
    const { plan } = await samplePlan("cambs-da-action-plan.csv");
    const bytes = await trackerBytes(plan, [], { marking: "OFFICIAL-SENSITIVE" });
    const xml = await sheetXml(bytes, 1);
    expect(xml).toMatch(/<oddHeader>&amp;C&amp;BOFFICIAL-SENSITIVE/);
    expect(xml).toMatch(/<oddFooter>&amp;C&amp;BOFFICIAL-SENSITIVE&amp;RPage &amp;P of &amp;N<\/oddFooter>/);
    const book = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
    expect(book).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Tracker&apos;!$1:$1</definedName>');
  });
});

describe("the Summary sheet", () => {
  it("counts by theme × status and by RAG with live COUNTIFS whose cached results are the real counts", async () => {
    const { plan } = await samplePlan("colp-da-action-plan.xlsx");
    const bytes = await trackerBytes(plan);
    const sheet = (await workbook(bytes)).getWorksheet("Summary")!;
    // Cached results straight from the XML: exceljs drops a cached 0 when it reads a file.
    const xml = await sheetXml(bytes, 2);
    const result = (address: string) => Number(new RegExp(`<c r="${address}"[^>]*><f>[^<]*</f><v>([^<]*)</v>`).exec(xml)?.[1]);
    expect(sheet.getCell("A5").value).toBe("Understanding & Identifying Risk");
    expect((sheet.getCell("D5").value as ExcelJS.CellFormulaValue).formula).toMatch(/^COUNTIFS\('Tracker'!\$B:\$B,"="&SUBSTITUTE/);
    expect(result("D5")).toBe(10); // complete in the first area
    expect(result("C5")).toBe(2);
    expect(sheet.getCell("A11").value).toBe("Total");
    const status = countStatus(plan.actions);
    expect(result("C11")).toBe(status["in-progress"]);
    expect(result("D11")).toBe(46);
    expect(result("G11")).toBe(57);
    expect(result("H11")).toBeCloseTo(46 / 57);
    const rag = countRag(plan.actions);
    const ragRows = [14, 15, 16, 17, 18].map((r) => [sheet.getCell(`A${r}`).value, result(`B${r}`)]);
    expect(ragRows).toEqual([["Red", rag.red], ["Amber", 8], ["Green", 3], ["Blue", 46], ["No rating", 0]]);
  });

  it("counts overdue actions as of the given date", async () => {
    const { plan } = await loadCsvText(csv([
      ["Ref", "Action", "Due", "Status"],
      ["1", "late", "01/11/2016", "In progress"],
      ["2", "late but done", "01/11/2016", "Complete"],
      ["3", "not yet due", "31/12/2016", "In progress"],
      ["4", "no date", "Ongoing", "In progress"],
    ]));
    const sheet = (await workbook(await trackerBytes(plan!))).getWorksheet("Summary")!;
    expect(sheet.getCell("B2").value).toEqual(new Date(`${AS_OF}T00:00:00Z`));
    expect(sheet.getCell("I5").value).toMatchObject({ result: 1 });
  });
});

describe("inspection trackers", () => {
  it("get Recommendations and Reports sheets, with the section 55 deadline", async () => {
    const { plan } = await samplePlan("inspection-recommendations.xlsx");
    const wb = await workbook(await trackerBytes(plan));
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Recommendations", "Reports", "Summary", "Data issues", "Key"]);
    const recs = wb.getWorksheet("Recommendations")!;
    expect((recs.getRow(1).values as unknown[]).slice(1, 11)).toEqual(["Report", "Number", "Kind", "Recommendation", "Addressed to", "Response", "Owner", "Due", "Status", "RAG"]);
    const reports = wb.getWorksheet("Reports")!;
    expect(reports.getCell("A2").value).toBe("Evidence led domestic abuse prosecutions");
    expect(reports.getCell("B2").value).toEqual(new Date(Date.UTC(2020, 0, 23)));
    expect(reports.getCell("C2").value).toMatchObject({ formula: 'IF(B2="","",B2+55)', result: new Date(Date.UTC(2020, 2, 18)) });
  });
});

describe("safety", () => {
  const hostile = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "=1+1"];

  it("writes user text that looks like a formula as plain text, never a formula", async () => {
    const { plan } = await loadCsvText(csv([["Ref", "Action", "Owner"], ...hostile.map((h, i) => [String(i + 1), h, h])]));
    const bytes = await trackerBytes(plan!);
    const xml = await sheetXml(bytes, 1);
    expect(xml).not.toContain("<f>");
    const sheet = (await workbook(bytes)).getWorksheet("Tracker")!;
    hostile.forEach((h, i) => expect(sheet.getCell(i + 2, 4).value).toBe(h.trim() === h ? h : h.trim()));
  });

  it("prefixes formula starts with an apostrophe in the CSV, which carries a BOM", async () => {
    const { renderTrackerCsv } = await import("../../../src/render/xlsx/render-tracker-csv.js");
    const { plan } = await loadCsvText(csv([["Ref", "Action", "Owner"], ["1", "=1+1", "£500 – café"], ["2", "-2", "@x"]]));
    const text = renderTrackerCsv(plan!);
    expect(text.startsWith("\uFEFFRef,Theme,Recommendation,Action,")).toBe(true);
    expect(text).toContain("\r\n1,,,'=1+1,£500 – café,");
    expect(text).toContain("\r\n2,,,'-2,'@x,");
  });

  it("removes characters XML forbids, with a warning naming the row", async () => {
    const { plan } = await loadCsvText(csv([["Ref", "Action"], ["1", "placeholder"]]));
    plan!.actions[0]!.title = "Bell\u0007 and form feed\u000c here"; // as pasted into a cell of a legacy workbook
    const { renderTracker } = await import("../../../src/render/xlsx/render-tracker.js");
    const r = await renderTracker(plan!, [], { asOf: AS_OF, timestamp: new Date(0), sourceFile: "t.csv", version: "t" });
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: "warning", code: "TEXT_CONTROL_CHARACTERS", row: 2, message: expect.stringContaining("U+0007, U+000C") })]);
    const sheet = (await workbook(r.bytes)).getWorksheet("Tracker")!;
    expect(sheet.getCell("D2").value).toBe("Bell and form feed here");
  });
});

describe("determinism and round trip", () => {
  it.each(SAMPLES)("%s: two runs give identical bytes", async (name) => {
    const { plan, diagnostics } = await samplePlan(name);
    const a = await trackerBytes(plan, diagnostics);
    await new Promise((r) => setTimeout(r, 1100)); // a second later: zip times must not move
    const b = await trackerBytes(plan, diagnostics);
    expect(a.equals(b)).toBe(true);
  });

  it.each(SAMPLES)("%s: reading the tracker back gives the same plan", async (name) => {
    const { plan, diagnostics } = await samplePlan(name);
    const back = await readBack(await trackerBytes(plan, diagnostics));
    expect(back.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(withoutPositions(back.plan!)).toEqual(withoutPositions(plan));
  });
});
