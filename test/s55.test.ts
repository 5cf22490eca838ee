// boardpack s55 end to end, checked the way a governance assistant checks a section 55
// response: the deadline in the paper (Word and PDF), every recommendation in order with its
// response, the line for those addressed to the CPS, the error naming the cell of a missing
// response with nothing written, the draft, the statutory clock, the PCC's published response.
// The sample's own goldens are built by test/papers.test.ts (golden/s55/); the PCC's variant's here.
// Regenerate after a deliberate change: UPDATE_GOLDEN=1 npx vitest run test/s55.test.ts test/papers.test.ts
import { canonicalXml } from "./helpers/canonical-xml.js";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTracker } from "../src/ingest/load-tracker.js";
import { runCli, tempDir } from "./helpers/cli.js";
import { hasPoppler, hasPythonDocx, hasQpdf, hasSoffice, python, soffice } from "./helpers/real-clients.js";
import { docxParts, paragraphs, part } from "./render/docx/docx-parts.js";
import { pdftotext, qpdfCheck } from "./render/pdf/pdf-tools.js";

const DATA = join(import.meta.dirname, "..", "data");
const SAMPLE = join(DATA, "cjji-s55-response.md");
const GOLDEN = join(import.meta.dirname, "fixtures", "golden", "s55");
const update = process.env.UPDATE_GOLDEN === "1";

/** Whitespace as one space: a PDF line may break anywhere in a sentence. */
const words = (text: string) => text.replace(/\s+/g, " ").trim();

async function docxText(path: string): Promise<string> {
  // No-break spaces hold dates together; a reader sees spaces.
  return paragraphs(part(await docxParts(readFileSync(path)), "word/document.xml")).map((p) => p.text.replace(/\u00a0/g, " ")).join("\n");
}

/** Compares text with a golden file; XML parts after parsing both (canonicalXml), never as bytes. */
function golden(file: string, actual: string, xml = false): void {
  const path = join(GOLDEN, file);
  const form = (text: string) => (xml ? canonicalXml(text, file) : text);
  if (update) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, form(actual));
  }
  if (!existsSync(path)) throw new Error(`no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run test/s55.test.ts`);
  expect(form(actual)).toBe(form(readFileSync(path, "utf8")));
}

// ---- a recommendations tracker the project has never seen ----

const CJJI = "Evidence led domestic abuse prosecutions";
const REVISIT = "Domestic abuse: one year on";
const RECS: [string, string, string | null][] = [
  ["Police supervisors and CPS legal managers should share examples of good work.", "Police and CPS", "Good work is shared through the Domestic Abuse Scrutiny Group."],
  ["Refresher training in evidence led cases should be available to staff.", "Police and CPS", "Refresher training is in the 2020 training plan."],
  ["The police should review training plans for frontline officers and investigators.", "Police", "Training plans were reviewed in February 2020."],
  ["Forces with domestic abuse champions should make best use of them.", "Police", "The champions network is under review."],
  ["Training and guidance should be clear that evidence led cases deserve the same investigation.", "Police", "Guidance was re-issued in January 2020."],
  ["Decisions to take no further action should receive supervisory oversight.", "Police", "Every decision is reviewed by a supervisor."],
  ["Prosecutors should set out at charge whether an evidence led prosecution is viable.", "CPS", null],
  ["At review, prosecutors should outline a strategy for an evidence led prosecution.", "CPS", null],
];

/**
 * Columns in an order and with names of its own: Response is column E, on sheet 'HMICFRS recs'
 * (a name that needs quoting), with two title rows above the header, so row N of the data is
 * spreadsheet row N + 3.
 */
async function writeTracker(options: { drop?: number; secondReport?: boolean; undated?: boolean } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("HMICFRS recs");
  ws.addRow(["Inspection recommendations – Anyshire Police"]);
  ws.addRow([]);
  ws.addRow(["Inspection", "Rec No.", "Recommendation", "Agency", "Response", "Date published", "Owner"]);
  RECS.forEach(([text, agency, response], i) => {
    ws.addRow([CJJI, i + 1, text, agency, i + 1 === options.drop ? null : response, options.undated ? null : "23/01/2020", "Head of Crime"]);
  });
  if (options.secondReport) ws.addRow([REVISIT, 1, "The force should review its use of protection orders.", "Police", "Reviewed in May 2020.", "30/04/2020", "Head of Crime"]);
  const dir = tempDir();
  const path = join(dir, "anyshire-recs.xlsx");
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

// ---- the sample: data/cjji-s55-response.md (seed 003) ----

describe("the CJJI sample (data/cjji-s55-response.md, seed 003)", () => {
  const out = tempDir();
  let docx: string;
  let pdf: string;
  let stderr: string;

  beforeAll(async () => {
    const r = await runCli(["s55", "--spec", SAMPLE, "--format", "docx,pdf", "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    stderr = r.stderr;
    docx = join(out, "cjji-s55-response.docx");
    pdf = join(out, "cjji-s55-response.pdf");
  }, 60_000);

  it("writes Word and PDF, and warns that the seed's paper is dated after the deadline", () => {
    expect(readdirSync(out).sort()).toEqual(["cjji-s55-response.docx", "cjji-s55-response.pdf"]);
    expect(stderr).toContain("cjji-s55-response.md:12: warning DEADLINE_PASSED the response to “Evidence led domestic abuse prosecutions” was due by 18 March 2020");
  });

  it("states the publication date, 23 January 2020, and the deadline, 18 March 2020 (Word)", async () => {
    const text = await docxText(docx);
    expect(text).toContain("The report was published on 23 January 2020, so a response is due by 18 March 2020.");
    expect(text).toContain("published by Her Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) on 23 January 2020, to enable the Police and Crime Commissioner to discharge the duties under section 55 of the Police Act 1996.");
    expect(text).toContain("before the end of the period of 56 days beginning with the day on which the report is published");
  });

  it.skipIf(!hasPoppler())("states the publication date and the deadline (PDF)", () => {
    const text = words(pdftotext(pdf));
    expect(text).toContain("The report was published on 23 January 2020, so a response is due by 18 March 2020.");
  });

  it("has the seed's header, title and sections", async () => {
    const text = (await docxText(docx)).split("\n");
    expect(text.slice(0, 5)).toEqual([
      "Creating a safer Cambridgeshire",
      "To: Police and Crime Commissioner",
      "From: Chief Constable",
      "Date: 26 March 2020",
      "The Constabulary response to the Criminal Justice Joint Inspection “Evidence led domestic abuse prosecutions” report",
    ]);
    const parts = await docxParts(readFileSync(docx));
    const headings = paragraphs(part(parts, "word/document.xml")).filter((p) => p.style === "Heading1").map((p) => p.text);
    expect(headings).toEqual(["Purpose", "Background", "Force response to the recommendations"]);
  });

  it("gives all 8 recommendations in order, each followed by the tracker's response", async () => {
    const text = (await docxText(docx)).split("\n");
    const { plan } = await loadTracker(join(DATA, "inspection-recommendations.xlsx"));
    const recs = plan!.recommendations.filter((r) => r.report === "evidence-led-domestic-abuse-prosecutions");
    expect(recs).toHaveLength(8);
    let at = -1;
    for (const [i, rec] of recs.entries()) {
      const found = text.findIndex((line, j) => j > at && line === `Recommendation ${i + 1}: ${rec.text}`);
      expect(found, `recommendation ${i + 1}`).toBeGreaterThan(at);
      const response = rec.response ?? "This recommendation is addressed to the Crown Prosecution Service. The Constabulary will await further information.";
      expect(text[found + 1]).toBe(`Response: ${response}`);
      at = found;
    }
  });

  it("says recommendations 7 and 8 are addressed to the Crown Prosecution Service", async () => {
    const text = await docxText(docx);
    const cps = "Response: This recommendation is addressed to the Crown Prosecution Service. The Constabulary will await further information.";
    expect(text.split("\n").filter((l) => l === cps)).toHaveLength(2);
    expect(text).toMatch(/Recommendation 7: Prosecutors should[^\n]*\nResponse: This recommendation is addressed to the Crown Prosecution Service\./);
    expect(text).toMatch(/Recommendation 8: At review stage[^\n]*\nResponse: This recommendation is addressed to the Crown Prosecution Service\./);
  });

  it("ends with the contact officers and the report's address as a link, and is marked OFFICIAL", async () => {
    const parts = await docxParts(readFileSync(docx));
    const cells = paragraphs(part(parts, "word/document.xml")).filter((p) => p.inTable).map((p) => p.text);
    expect(cells).toEqual([
      "Contact Officers",
      "Detective Chief Superintendent Mark GREENHALGH – Head of Crime",
      "Alice THOMPSON – CDD Governance & Inspection Assistant",
      "Reference Document",
      "https://www.justiceinspectorates.gov.uk/cjji/wp-content/uploads/sites/2/2020/01/Joint-Inspection-Evidence-Led-Domestic-Abuse-Jan19-rpt.pdf",
    ]);
    expect(part(parts, "word/_rels/document.xml.rels")).toContain('Target="https://www.justiceinspectorates.gov.uk/cjji/wp-content/uploads/sites/2/2020/01/Joint-Inspection-Evidence-Led-Domestic-Abuse-Jan19-rpt.pdf" TargetMode="External"');
    expect(part(parts, "word/header1.xml")).toContain(">OFFICIAL<");
    expect(part(parts, "word/footer1.xml")).toContain(">OFFICIAL<");
  });
});

// ---- the PCC's published response ----

describe("--variant pcc-response", () => {
  const out = tempDir();

  beforeAll(async () => {
    const r = await runCli(["s55", "--spec", SAMPLE, "--variant", "pcc-response", "--format", "docx,pdf", "-o", out]);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  it("has the PCC's comments, the Chief Constable's comments and the PCC's comments on those, in that order, then the recommendations", async () => {
    const parts = await docxParts(readFileSync(join(out, "cjji-s55-response-pcc-response.docx")));
    const body = paragraphs(part(parts, "word/document.xml"));
    expect(body.filter((p) => p.style === "Heading1").map((p) => p.text)).toEqual([
      "Introduction",
      "Police and Crime Commissioner’s comments",
      "Chief Constable’s comments",
      "Police and Crime Commissioner’s comments on the Chief Constable’s comments",
      "Response to the recommendations",
    ]);
    const text = body.map((p) => p.text).join("\n");
    expect(text).toContain("From: Police and Crime Commissioner");
    const order = ["I welcome this joint inspection", "The Constabulary welcomes the report.", "I am reassured by the Chief Constable's response", "Recommendation 1: ", "Recommendation 8: "].map((t) => text.indexOf(t));
    expect(order.every((n) => n >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("matches its golden Word document", async () => {
    const parts = await docxParts(readFileSync(join(out, "cjji-s55-response-pcc-response.docx")));
    golden("cjji-s55-response-pcc-response.document.xml", part(parts, "word/document.xml"), true);
  });

  it.skipIf(!hasPoppler() || !hasQpdf())("matches its golden PDF text and is clean to qpdf", () => {
    const path = join(out, "cjji-s55-response-pcc-response.pdf");
    golden("cjji-s55-response-pcc-response.pdf.txt", pdftotext(path));
    expect(qpdfCheck(path).status).toBe(0);
  });
});

// ---- coverage: every recommendation needs a response ----

describe("coverage", () => {
  it("writes the response when every recommendation has one; the tracker's one report needs no --report", async () => {
    const tracker = await writeTracker();
    const out = tempDir();
    const r = await runCli(["s55", tracker, "-o", out, "--as-of", "2020-03-01"]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(["evidence-led-domestic-abuse-prosecutions-s55-response.docx"]);
    const text = await docxText(join(out, "evidence-led-domestic-abuse-prosecutions-s55-response.docx"));
    expect(text).toContain("so a response is due by 18 March 2020.");
    expect(text).toContain("Response: Training plans were reviewed in February 2020.");
  });

  it("refuses a recommendation with no response: an error naming it and its Response cell, exit 1, no file", async () => {
    const tracker = await writeTracker({ drop: 3 });
    const out = join(tempDir(), "out");
    const r = await runCli(["s55", tracker, "--format", "docx,pdf", "-o", out, "--as-of", "2020-03-01"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${tracker} 'HMICFRS recs'!E6: error RESPONSE_MISSING “Evidence led domestic abuse prosecutions” recommendation 3 (“The police should review training plans for frontline …”) has no response; section 55 needs one for every recommendation (the action taken or proposed, or why none is proposed): fill in its Response cell, or add --draft for a draft marked [response needed]`,
    );
    expect(r.stderr).toContain("No response written: 1 error");
    expect(existsSync(out)).toBe(false);
  });

  it("the CPS-only recommendations with blank responses are not gaps", async () => {
    const tracker = await writeTracker();
    const r = await runCli(["s55", tracker, "-o", tempDir(), "--as-of", "2020-03-01", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stderr).diagnostics.filter((d: { code: string }) => d.code === "RESPONSE_MISSING")).toEqual([]);
  });

  it("--draft writes it with [response needed] in place of the response and DRAFT in header and footer", async () => {
    const tracker = await writeTracker({ drop: 3 });
    const out = tempDir();
    const r = await runCli(["s55", tracker, "--draft", "--format", "docx,pdf", "-o", out, "--as-of", "2020-03-01"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("'HMICFRS recs'!E6: warning RESPONSE_MISSING");
    expect(r.stderr).toContain("Wrote the draft ");
    const docx = join(out, "evidence-led-domestic-abuse-prosecutions-s55-response-draft.docx");
    const text = (await docxText(docx)).split("\n");
    const at = text.findIndex((l) => l.startsWith("Recommendation 3: "));
    expect(text[at + 1]).toBe("Response: [response needed]");
    const parts = await docxParts(readFileSync(docx));
    expect(part(parts, "word/header1.xml")).toContain(">DRAFT – OFFICIAL<");
    expect(part(parts, "word/footer1.xml")).toContain(">DRAFT – OFFICIAL<");
    if (hasPoppler()) {
      const pdf = pdftotext(join(out, "evidence-led-domestic-abuse-prosecutions-s55-response-draft.pdf"));
      expect(pdf).toContain("DRAFT – OFFICIAL");
      expect(words(pdf)).toContain("Response: [response needed]");
    }
  });

  it("--draft combines DRAFT with the marking given", async () => {
    const tracker = await writeTracker({ drop: 3 });
    const out = tempDir();
    const r = await runCli(["s55", tracker, "--draft", "--marking", "OFFICIAL-SENSITIVE", "-o", out, "--as-of", "2020-03-01"]);
    expect(r.code, r.stderr).toBe(0);
    const parts = await docxParts(readFileSync(join(out, "evidence-led-domestic-abuse-prosecutions-s55-response-draft.docx")));
    expect(part(parts, "word/header1.xml")).toContain(">DRAFT – OFFICIAL-SENSITIVE<");
  });

  it.skipIf(!hasPythonDocx())("python-docx reads the draft's marking from its header and footer", async () => {
    const tracker = await writeTracker({ drop: 3 });
    const out = tempDir();
    expect((await runCli(["s55", tracker, "--draft", "-o", out, "--as-of", "2020-03-01"])).code).toBe(0);
    const r = python(
      `
import json, sys, docx
d = docx.Document(sys.argv[1])
s = d.sections[0]
print(json.dumps({"header": [p.text for p in s.header.paragraphs], "footer": [p.text for p in s.footer.paragraphs]}))
`,
      [join(out, "evidence-led-domestic-abuse-prosecutions-s55-response-draft.docx")],
    );
    expect(r.status, r.stderr).toBe(0);
    const seen = JSON.parse(r.stdout);
    expect(seen.header).toContain("DRAFT – OFFICIAL");
    expect(seen.footer).toContain("DRAFT – OFFICIAL");
  });

  it.skipIf(!hasSoffice())("LibreOffice opens the draft and converts it to PDF", async () => {
    const tracker = await writeTracker({ drop: 3 });
    const out = tempDir();
    expect((await runCli(["s55", tracker, "--draft", "-o", out, "--as-of", "2020-03-01"])).code).toBe(0);
    const converted = tempDir();
    const r = soffice(["--convert-to", "pdf", "--outdir", converted, join(out, "evidence-led-domestic-abuse-prosecutions-s55-response-draft.docx")]);
    expect(r.status, r.stderr).toBe(0);
    if (hasPoppler()) expect(words(pdftotext(join(converted, "evidence-led-domestic-abuse-prosecutions-s55-response-draft.pdf")))).toContain("Response: [response needed]");
  }, 180_000);
});

// ---- choosing the report ----

describe("--report", () => {
  it("picks a report by words from its title", async () => {
    const tracker = await writeTracker({ secondReport: true });
    const out = tempDir();
    const r = await runCli(["s55", tracker, "--report", "one year", "-o", out, "--as-of", "2020-05-01"]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(["domestic-abuse-one-year-on-s55-response.docx"]);
  });

  it("is a usage mistake when it matches several reports, listing them with their ids", async () => {
    const tracker = await writeTracker({ secondReport: true });
    const r = await runCli(["s55", tracker, "--report", "domestic abuse", "-o", tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('boardpack s55: --report "domestic abuse" matches 2 reports; give more of the title, or the id:');
    expect(r.stderr).toContain("  evidence-led-domestic-abuse-prosecutions  Evidence led domestic abuse prosecutions (published 23 January 2020)");
    expect(r.stderr).toContain("  domestic-abuse-one-year-on                Domestic abuse: one year on (published 30 April 2020)");
    expect(r.stderr).toContain("usage: boardpack s55 <tracker>");
  });

  it("is a usage mistake when it matches none, or is needed and not given", async () => {
    const tracker = await writeTracker({ secondReport: true });
    const unknown = await runCli(["s55", tracker, "--report", "fraud"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`--report "fraud" matches no report of ${tracker}; its reports are:`);
    const missing = await runCli(["s55", tracker]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${tracker} has 2 reports: say which with --report`);
    expect(missing.stderr).toContain("domestic-abuse-one-year-on");
  });

  it("a tracker of actions has no reports to respond to", async () => {
    const r = await runCli(["s55", join(DATA, "cambs-da-action-plan.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("has no inspection reports: boardpack s55 reads a recommendations tracker");
  });
});

// ---- the statutory clock ----

describe("--list", () => {
  it("gives every report of the sample tracker with its deadline and days left or overdue, as of --as-of", async () => {
    const r = await runCli(["s55", "--list", join(DATA, "inspection-recommendations.xlsx"), "--as-of", "16/03/2020"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(`Section 55 deadlines for the reports in ${join(DATA, "inspection-recommendations.xlsx")}, as of 16 March 2020.`);
    expect(lines.slice(3, 8)).toEqual([
      "Report                                               Published    Response due  As of 16 Mar 2020  Missing responses",
      "---------------------------------------------------  -----------  ------------  -----------------  -----------------",
      "Evidence led domestic abuse prosecutions             23 Jan 2020  18 Mar 2020   2 days left        0 of 6",
      "PEEL: Police effectiveness 2019                      02 May 2019  26 Jun 2019   264 days overdue   1 of 3",
      "Domestic abuse: the police response – force revisit  17 Jun 2021  11 Aug 2021   not yet published  0 of 3",
    ]);
    expect(r.stdout).toContain("Recommendations!G12: PEEL: Police effectiveness 2019, recommendation 3");
  });

  it("--json gives the same for scripts", async () => {
    const r = await runCli(["s55", "--list", join(DATA, "inspection-recommendations.xlsx"), "--as-of", "2020-03-19", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.reports.map((x: { id: string; deadline: string; state: string; daysLeft: number }) => [x.id, x.deadline, x.state, x.daysLeft])).toEqual([
      ["evidence-led-domestic-abuse-prosecutions", "2020-03-18", "overdue", -1],
      ["peel-police-effectiveness-2019", "2019-06-26", "overdue", -267],
      ["domestic-abuse-the-police-response-force-revisit", "2021-08-11", "not-published", 510],
    ]);
    expect(json.reports[1].withoutResponse).toEqual([{ number: "3", kind: "recommendation", sheet: "Recommendations", row: 12, cell: "Recommendations!G12" }]);
  });

  it("says so when a report has no publication date, and counts missing responses in a new tracker", async () => {
    const tracker = await writeTracker({ undated: true, drop: 2 });
    const r = await runCli(["s55", "--list", tracker, "--as-of", "2020-03-01"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Evidence led domestic abuse prosecutions {2}not given {2}– +no publication date {2}1 of 6$/m);
    expect(r.stdout).toContain(`${tracker} 'HMICFRS recs'!E5: Evidence led domestic abuse prosecutions, recommendation 2`);
  });

  it("writes nothing, so it takes no output options", async () => {
    const r = await runCli(["s55", "--list", join(DATA, "inspection-recommendations.xlsx"), "-o", "out/"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--list only lists the reports; leave out --output");
  });
});

// ---- the spec ----

describe("an s55 spec", () => {
  function spec(lines: string): string {
    const dir = tempDir();
    const path = join(dir, "response.md");
    writeFileSync(path, `---\ntracker: ${join(DATA, "inspection-recommendations.xlsx")}\nreport: evidence led\n${lines}\n---\n`);
    return path;
  }

  it("a misspelt field is one line naming the file and line", async () => {
    const path = spec("date: 10/03/2020\npccComents: We welcome the report.");
    const r = await runCli(["s55", "--spec", path, "-o", tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe(`${path}:5: error SPEC_FIELD_UNKNOWN "pccComents" is not a spec field; did you mean "pccComments"?`);
  });

  it("a report the tracker does not have is an error at the spec's report: line", async () => {
    const path = spec("").replace(/$/, "");
    writeFileSync(path, readFileSync(path, "utf8").replace("report: evidence led", "report: fraud"));
    const r = await runCli(["s55", "--spec", path, "-o", tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3: error SPEC_REPORT_UNKNOWN report: "fraud" matches no report of `, "m"));
  });

  it("boardpack paper sends a section 55 spec to boardpack s55", async () => {
    const r = await runCli(["paper", "--spec", SAMPLE, "-o", tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cjji-s55-response.md:10: error SPEC_IS_SECTION_55 report: this spec is a section 55 response; write it with `boardpack s55 --spec");
  });
});
