// The tracker opens in the tools governance teams use: LibreOffice computes the same
// Summary figures from the formulas, and openpyxl sees the validation, colours, frozen
// header, filter and print setup.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { countStatus } from "../../../src/model/summary.js";
import { STATUS_LABELS } from "../../../src/model/vocabulary.js";
import { tempDir } from "../../helpers/cli.js";
import { hasOpenpyxl, hasSoffice, python, soffice } from "../../helpers/real-clients.js";
import { samplePlan, trackerBytes } from "../../helpers/tracker.js";

/** Parse LibreOffice's CSV (comma, double quotes, fields may hold newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

describe.skipIf(!hasSoffice())("LibreOffice", () => {
  it("shows the same values, and computes the Summary from the formulas, not our cached numbers", async () => {
    const { plan } = await samplePlan("colp-da-action-plan.xlsx");
    const dir = tempDir();
    // Spoil the cached results, then make LibreOffice recalculate on load: right numbers can only come from the formulas.
    const zip = await JSZip.loadAsync(await trackerBytes(plan));
    const summary = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    zip.file("xl/worksheets/sheet2.xml", summary.replace(/<\/f><v>[0-9.]+<\/v>/g, "</f><v>999</v>"));
    writeFileSync(join(dir, "tracker.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));

    const r = soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,2057,false,true,true,false,false,-1", "--outdir", dir, join(dir, "tracker.xlsx")], { recalculate: true });
    expect(r.status, r.stderr).toBe(0);
    const tracker = parseCsv(readFileSync(join(dir, "tracker-Tracker.csv"), "utf8"));
    expect(tracker[0]!.slice(0, 11)).toEqual(["Ref", "Theme", "Recommendation", "Action", "Owner", "Due", "Status", "RAG", "Update", "Evidence", "Source"]);
    expect(tracker).toHaveLength(plan.actions.length + 1);
    plan.actions.forEach((a, i) => {
      const row = tracker[i + 1]!;
      const due = a.due ? a.due.split("-").reverse().join("/") : (a.dueText ?? "");
      expect([row[0], row[3], row[5], row[6]]).toEqual([a.ref, a.title, due, a.status ? STATUS_LABELS[a.status] : ""]);
    });

    const summaryRows = parseCsv(readFileSync(join(dir, "tracker-Summary.csv"), "utf8"));
    const total = summaryRows.find((row) => row[0] === "Total")!;
    const counts = countStatus(plan.actions);
    expect(total.slice(1, 8)).toEqual([counts["not-started"], counts["in-progress"], counts.complete, counts["not-applicable"], counts.none, plan.actions.length].map(String).concat("81%"));
    const firstArea = summaryRows.find((row) => row[0] === "Understanding & Identifying Risk")!;
    expect(firstArea.slice(1, 8)).toEqual(["0", "2", "10", "0", "0", "12", "83%"]);
    expect(summaryRows.find((row) => row[0] === "Amber")?.[1]).toBe("8");
  });
});

describe.skipIf(!hasOpenpyxl())("openpyxl", () => {
  it("sees validation, RAG colouring, frozen header, filter and print setup", async () => {
    const { plan } = await samplePlan("cambs-da-action-plan.csv");
    const dir = tempDir();
    const file = join(dir, "tracker.xlsx");
    writeFileSync(file, await trackerBytes(plan, [], { marking: "OFFICIAL" }));
    const r = python(
      `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Tracker"]
print(json.dumps({
  "sheets": wb.sheetnames,
  "freeze": ws.freeze_panes,
  "filter": ws.auto_filter.ref,
  "validations": sorted([(str(dv.sqref), dv.formula1) for dv in ws.data_validations.dataValidation]),
  "cf": sorted([str(rng.sqref) for rng in ws.conditional_formatting]),
  "orientation": ws.page_setup.orientation,
  "fitToWidth": ws.page_setup.fitToWidth,
  "titles": ws.print_title_rows,
  "header": ws.oddHeader.center.text,
  "footer": ws.oddFooter.right.text,
  "due": [ws.cell(row=2, column=6).number_format, ws.cell(row=2, column=6).is_date],
  "title": wb.properties.title,
}))
`,
      [file],
    );
    expect(r.status, r.stderr).toBe(0);
    const seen = JSON.parse(r.stdout);
    expect(seen.sheets).toEqual(["Tracker", "Summary", "Data issues", "Key"]);
    expect(seen.freeze).toBe("A2");
    expect(seen.filter).toBe("A1:N31"); // Ref … Source, Due as written, Status as written, RAG as written
    expect(seen.validations).toEqual([["G2:G1031", '"Not started,In progress,Complete,Not applicable"'], ["H2:H1031", '"Red,Amber,Green,Blue"']]);
    expect(seen.cf).toEqual(["H2:H1031"]);
    expect(seen.orientation).toBe("landscape");
    expect(seen.fitToWidth).toBe(1);
    expect(seen.titles).toBe("$1:$1");
    expect(seen.header).toMatch(/^(&B)?OFFICIAL$/); // &B: bold
    expect(seen.footer).toBe("Page &P of &N");
    expect(seen.due).toEqual(["dd/mm/yyyy", true]);
    expect(seen.title).toBe(plan.title);
  });
});
