// Issue 12: a section 55 paper with no spec names the body that published the report — from a
// tracker column ("Inspectorate", "Source", "Report by") or the report's title — each body of a
// joint inspection, and a report by another body never says HMICFRS.
import { describe, expect, it } from "vitest";
import { composePaper } from "../../src/compose/compose-paper.js";
import { composeSection55 } from "../../src/compose/s55/compose-s55.js";
import { reportInspectorate } from "../../src/compose/s55/inspectorate.js";
import { recommendationCells } from "../../src/ingest/recommendation-cells.js";
import { findInspectorates } from "../../src/model/inspectorates.js";
import type { Recommendation, Report } from "../../src/model/schema.js";
import { docText } from "../compose/doc-text.js";
import { csv, loadCsvText } from "../helpers/load.js";

/** The standard paper from a one-report CSV tracker: its text, as a reader sees it. */
async function paperFrom(rows: string[][], variant: "chief-constable" | "pcc-response" = "chief-constable"): Promise<string> {
  const loaded = await loadCsvText(csv(rows), "recs.csv");
  expect(loaded.plan, loaded.lines.join("\n")).not.toBeNull();
  const plan = loaded.plan!;
  const result = composeSection55({ plan, cells: recommendationCells(loaded.tables, "recs.csv"), report: plan.reports[0]!, variant, asOf: "2024-03-01", draft: true });
  expect(result.doc).not.toBeNull();
  return docText(result.doc!).replace(/\u00a0/g, " ");
}

const report = (title: string, published: string | null = "2024-02-05"): Report => ({ id: "r", title, published });
const withColumn = (header: string, value: string): Recommendation[] => [
  { report: "r", number: "1", kind: "recommendation", text: "Forces should act.", addressee: null, response: null, owner: null, due: null, dueText: null, status: null, rag: null, extra: { [header]: value }, source: { sheet: null, row: 2 } },
];

describe("the inspectorate vocabulary", () => {
  it.each([
    ["A joint thematic inspection by HMICFRS and HMI Probation of …", ["HMICFRS", "HMI Probation"]],
    ["HM Inspectorate of Constabulary in Scotland: Strategic review of …", ["HMICS"]],
    ["CJJI (HMICFRS, HMCPSI)", ["HMICFRS", "HMCPSI"]],
    ["HM Inspectorate of Prisons", ["HMI Prisons"]],
    ["Ofsted, CQC, HMICFRS and HMI Probation", ["Ofsted", "CQC", "HMICFRS", "HMI Probation"]],
    ["PEEL: Police effectiveness 2019", ["HMICFRS"]],
    ["Evidence led domestic abuse prosecutions", []],
  ])("%j names %j", (text, shorts) => {
    expect(findInspectorates(text).bodies.map((b) => b.short)).toEqual(shorts);
  });
});

describe("who published a report", () => {
  it("a tracker column names it; an umbrella alone stands for its members; a name we do not know is kept as written", () => {
    expect(reportInspectorate(report("Custody in the North"), withColumn("Inspectorate", "HMI Prisons"), {})).toMatchObject({ short: "HMI Prisons", full: "HM Inspectorate of Prisons (HMI Prisons)", naming: "HMI Prisons" });
    expect(reportInspectorate(report("Evidence led prosecutions"), withColumn("Source", "CJJI"), {})).toMatchObject({ short: "HMICFRS", naming: "Criminal Justice Joint Inspection" });
    expect(reportInspectorate(report("Child protection in Northshire"), withColumn("Report by", "JTAI"), {}).short).toBe("Ofsted, CQC, HMICFRS and HMI Probation");
    expect(reportInspectorate(report("Custody review"), withColumn("Inspected by", "Care Inspectorate"), {})).toMatchObject({ short: "Care Inspectorate", full: "Care Inspectorate" });
  });

  it("HMIC before July 2017, Her Majesty's before September 2022, His after; HMICFRS when nothing says", () => {
    expect(reportInspectorate(report("PEEL 2016", "2016-03-01"), [], {})).toMatchObject({ short: "HMIC", full: "Her Majesty’s Inspectorate of Constabulary (HMIC)" });
    expect(reportInspectorate(report("Vetting", "2023-01-10"), [], {}).full).toBe("His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)");
  });
});

describe("the paper with no spec", () => {
  it("a joint inspection named in the title: each body named, published by both in full, sent to both", async () => {
    const title = "A joint thematic inspection by HMICFRS and HMI Probation of the response to domestic abuse";
    const text = await paperFrom([
      ["Report", "Published", "No.", "Recommendation", "Force response"],
      [title, "10/07/2023", "1", "Forces should share risk information.", "Agreed with probation."],
    ]);
    expect(text).toContain(`The Constabulary response to the “${title}” report`);
    expect(text).toContain("published by His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) and HM Inspectorate of Probation (HMI Probation) on 10 July 2023");
    expect(text).toContain("must respond to a report published by HMICFRS and HMI Probation before the end of the period of 56 days");
    expect(text).toContain("- Sent to HMICFRS and HMI Probation.");
  });

  it("a report by HMI Prisons, said in an Inspectorate column, never says HMICFRS, in either paper", async () => {
    const rows = [
      ["Report", "Published", "No.", "Recommendation", "Force response", "Inspectorate"],
      ["Police custody in Northshire", "05/02/2024", "1", "Forces should record the use of force in custody.", "Recorded since March.", "HMI Prisons"],
    ];
    const cc = await paperFrom(rows);
    expect(cc).toContain("The Constabulary response to the HMI Prisons “Police custody in Northshire” report");
    expect(cc).toContain("published by HM Inspectorate of Prisons (HMI Prisons) on 05 February 2024");
    expect(cc).toContain("- Sent to HMI Prisons.");
    expect(cc).not.toMatch(/HMIC/);
    const pcc = await paperFrom(rows, "pcc-response");
    expect(pcc).toContain("To: Home Secretary and HMI Prisons");
    expect(pcc).not.toMatch(/HMIC/);
  });

  it("a CJJI report named in a Source column: the Criminal Justice Joint Inspection report, as seed 003", async () => {
    const text = await paperFrom([
      ["Report", "Published", "No.", "Recommendation", "Force response", "Source"],
      ["Evidence led domestic abuse prosecutions", "23/01/2020", "1", "Police should review training plans.", "Reviewed.", "CJJI"],
    ]);
    expect(text).toContain("The Constabulary response to the Criminal Justice Joint Inspection “Evidence led domestic abuse prosecutions” report");
    expect(text).toContain("published by Her Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) on 23 January 2020");
  });
});

describe("paper --style section-55 over one report", () => {
  it("names the report's inspectorate, not HMICFRS", async () => {
    const loaded = await loadCsvText(csv([
      ["Report", "Published", "No.", "Recommendation", "Force response", "Report by"],
      ["Police custody in Northshire", "05/02/2024", "1", "Forces should record the use of force.", "Recorded.", "HMI Prisons"],
    ]), "recs.csv");
    const result = composePaper({ plan: loaded.plan!, styleName: "section-55", asOf: "2024-03-01" });
    const text = docText(result.doc!).replace(/\u00a0/g, " ");
    expect(text).toContain("Within 56 days of the publication of a report by HMI Prisons, the local policing body");
    expect(text).toContain("- Sent to HMI Prisons.");
    expect(text).not.toMatch(/HMIC/);
  });
});
