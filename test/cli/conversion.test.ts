// Converting a legacy tracker keeps every word the force wrote, and both outputs (the workbook and
// the CSV) read back to the same plan: checked as a user would, with a tracker unlike the samples.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/model/schema.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { csv } from "../helpers/load.js";

const STATUS_WORDS = ["On track", "Closed", "Open", "In progress - near completion", "COMPLETE", "At risk", "Parked"];
const RAG_WORDS = ["G", "Blue", "Amber", "A/G", "Complete", "At risk", "Purple"];
const KEY = ["Key: Green = complete / on track; Amber = some slippage; Red = significant risk", "Blue = Complete"];

/** A force's tracker: title rows, its own status and RAG words, two Status columns, a key below. */
async function legacyTracker(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Action Plan");
  ws.addRow(["Domestic Abuse Action Plan 2024"]);
  ws.addRow([]);
  ws.addRow(["Ref", "Action", "Lead", "Target date", "Status", "RAG", "Progress", "Status"]);
  STATUS_WORDS.forEach((status, i) => ws.addRow([`${i + 1}`, `Action ${i + 1}`, "DI Smith", "31/03/2024", status, RAG_WORDS[i], `Update ${i + 1}`, i === 0 ? "Agreed at board" : ""]));
  ws.addRow([]);
  for (const line of KEY) ws.addRow([line]);
  const path = join(dir, "force.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

function comparable(plan: Plan): unknown {
  return { ...plan, title: undefined, source: undefined, actions: plan.actions.map((a) => ({ ...a, source: undefined })) };
}

async function convert(input: string, output: string): Promise<void> {
  const r = await runCli(["convert", input, "-o", output]);
  expect(r.code, r.stderr).toBe(0);
}

describe("converting a legacy tracker", () => {
  it("keeps every status and RAG word as written, the force's key, and reads back to the same plan from xlsx and CSV", async () => {
    const dir = tempDir();
    const tracker = await legacyTracker(dir);
    const r = await runCli(["convert", tracker, "-o", join(dir, "plan.json")]);
    expect(r.code).toBe(0);
    // Only the words boardpack really does not know are warned about.
    expect(r.stderr.split("\n").filter((l) => l.includes(" warning ")).map((l) => l.replace(/^.*?: warning /, ""))).toEqual([
      'STATUS_UNKNOWN Status "Parked" is not a status boardpack knows (Not started, In progress, Complete, N/A); kept as written, with no status',
      'RAG_UNKNOWN RAG "Purple" is not a RAG rating (Red, Amber, Green, Blue); kept as written, with no rating',
    ]);
    const original = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8")) as Plan;
    expect(original.actions.map((a) => a.status)).toEqual(["in-progress", "complete", "in-progress", "in-progress", "complete", "in-progress", null]);
    expect(original.legend).toEqual(KEY);

    await convert(tracker, join(dir, "tracker.xlsx"));
    await convert(tracker, join(dir, "tracker.csv"));

    // The workbook: the force's words in their own columns, one column per header, its key on the Key sheet.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "tracker.xlsx"));
    const sheet = book.getWorksheet("Tracker")!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers).toEqual(expect.arrayContaining(["Status", "RAG", "Status as written", "RAG as written", "Status (original)"]));
    const column = (header: string) => STATUS_WORDS.map((_, i) => String(sheet.getRow(i + 2).getCell(headers.indexOf(header) + 1).value ?? ""));
    const written = (standard: string, asWritten: string) => column(standard).map((word, i) => column(asWritten)[i] || word);
    expect(written("Status", "Status as written")).toEqual(STATUS_WORDS);
    expect(written("RAG", "RAG as written")).toEqual(RAG_WORDS);
    const keyText = book.getWorksheet("Key")!.getSheetValues().flat().map(String);
    for (const line of KEY) expect(keyText).toContain(line);
    expect(keyText).toContain("Green"); // beside boardpack's own key

    // The CSV: the same columns, the key below the table.
    const csvText = readFileSync(join(dir, "tracker.csv"), "utf8");
    for (const word of [...STATUS_WORDS, ...RAG_WORDS, ...KEY]) expect(csvText).toContain(word);
    const csvHeaders = csvText.replace(/^\uFEFF/, "").split("\r\n")[0]!.split(",");
    expect(new Set(csvHeaders).size).toBe(csvHeaders.length);

    // Both read back to the plan the legacy tracker gave.
    await convert(join(dir, "tracker.xlsx"), join(dir, "from-xlsx.json"));
    await convert(join(dir, "tracker.csv"), join(dir, "from-csv.json"));
    const fromXlsx = JSON.parse(readFileSync(join(dir, "from-xlsx.json"), "utf8")) as Plan;
    const fromCsv = JSON.parse(readFileSync(join(dir, "from-csv.json"), "utf8")) as Plan;
    expect(comparable(fromXlsx)).toEqual(comparable(original));
    expect(fromXlsx.title).toBe(original.title);
    expect(comparable(fromCsv)).toEqual(comparable(original));
  });

  it("trims spaces or a tab before a cell's text with a warning naming the cell", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), csv([["Ref", "Action", "Update"], ["1", "  Indented action", "\tTabbed update"]]));
    const r = await runCli(["check", join(dir, "t.csv")]);
    expect(r.stdout).toContain('t.csv B2: warning TEXT_TRIMMED Action "Indented action" starts with 2 spaces; the plan keeps the text without them');
    expect(r.stdout).toContain('t.csv C2: warning TEXT_TRIMMED Update "Tabbed update" starts with a tab; the plan keeps the text without it');
  });

  it("an inspection tracker's CSV carries Published, so s55 --list still knows the deadline", async () => {
    const dir = tempDir();
    await convert("data/inspection-recommendations.xlsx", join(dir, "recs.csv"));
    expect(readFileSync(join(dir, "recs.csv"), "utf8").split("\r\n")[0]).toMatch(/^\uFEFFReport,Published,Number,/);
    const fromXlsx = await runCli(["s55", "--list", "data/inspection-recommendations.xlsx", "--as-of", "2020-02-01"]);
    const fromCsv = await runCli(["s55", "--list", join(dir, "recs.csv"), "--as-of", "2020-02-01"]);
    expect(fromCsv.code).toBe(0);
    expect(fromCsv.stdout).not.toContain("not given");
    const table = (out: string) => out.split("\n").filter((l) => /\d{4}\s/.test(l) && !/: /.test(l));
    expect(table(fromCsv.stdout)).toEqual(table(fromXlsx.stdout));
    await convert("data/inspection-recommendations.xlsx", join(dir, "plan.json"));
    await convert(join(dir, "recs.csv"), join(dir, "back.json"));
    const original = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8")) as Plan;
    const back = JSON.parse(readFileSync(join(dir, "back.json"), "utf8")) as Plan;
    expect(back.reports).toEqual(original.reports);
    expect(back.recommendations.map((r) => ({ ...r, source: undefined }))).toEqual(original.recommendations.map((r) => ({ ...r, source: undefined })));
  });
});
