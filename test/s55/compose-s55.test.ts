// A section 55 response as a document tree, from the sample recommendations tracker: what each
// section says, in which order, and the messages that come with it.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { composeSection55, type Section55Options } from "../../src/compose/s55/compose-s55.js";
import { findReport } from "../../src/compose/s55/find-report.js";
import { parseSpec } from "../../src/compose/spec.js";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadTracker, type LoadResult } from "../../src/ingest/load-tracker.js";
import { recommendationCells } from "../../src/ingest/recommendation-cells.js";
import { docText } from "../compose/doc-text.js";

const DATA = join(import.meta.dirname, "..", "..", "data");
let loaded: LoadResult;

beforeAll(async () => {
  loaded = await loadTracker(join(DATA, "inspection-recommendations.xlsx"), { displayName: "recs.xlsx" });
});

function compose(report: string, options: Partial<Section55Options> & { specText?: string } = {}) {
  const choice = findReport(loaded.plan!, report);
  if (!choice.ok) throw new Error(`no report ${report}`);
  const spec = options.specText === undefined ? undefined : parseSpec(options.specText, "response.md");
  const result = composeSection55({ plan: loaded.plan!, cells: recommendationCells(loaded.tables, "recs.xlsx"), report: choice.report, variant: "chief-constable", asOf: "2020-03-10", draft: false, ...(spec ? { spec } : {}), ...options });
  return { ...result, text: result.doc ? docText(result.doc) : "", messages: result.diagnostics.filter((d) => d.severity !== "info" && d.code !== "PLACEHOLDER").map(formatDiagnostic), placeholders: result.diagnostics.filter((d) => d.code === "PLACEHOLDER").map(formatDiagnostic), notes: result.diagnostics.filter((d) => d.severity === "info").map(formatDiagnostic) };
}

describe("the Chief Constable's paper (standard text)", () => {
  it("names the report, who published it and when, and the deadline", () => {
    const { text, messages } = compose("evidence led");
    expect(messages).toEqual([]);
    expect(text).toContain("To: Police and Crime Commissioner");
    expect(text).toContain("From: Chief Constable");
    expect(text).toContain("Date: 10 March 2020");
    expect(text).toContain("The Constabulary response to the HMICFRS “Evidence led domestic abuse prosecutions” report");
    expect(text).toContain("# 1. Purpose");
    expect(text).toContain("published by Her Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) on 23 January 2020, to enable the Police and Crime Commissioner to discharge the duties under section 55 of the Police Act 1996.");
    expect(text).toContain("2.1. Under section 55 of the Police Act 1996, the local policing body (the Police and Crime Commissioner) must respond to a report published by HMICFRS before the end of the period of 56 days beginning with the day on which the report is published.");
    expect(text).toContain("2.2. The report was published on 23 January 2020, so a response is due by 18 March 2020.");
    expect(text).toContain("# 3. Force response to the recommendations");
  });

  it("gives each recommendation then its response, in order, and says to whom the CPS ones are addressed", () => {
    const { text } = compose("evidence led");
    const lines = text.split("\n");
    const labels = lines.filter((l) => /^Recommendation \d+:/.test(l)).map((l) => l.split(":")[0]);
    expect(labels).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Recommendation ${n}`));
    for (const [i, line] of lines.entries()) if (/^Recommendation \d+:/.test(line)) expect(lines[i + 1]).toMatch(/^Response: \S/);
    const cps = "Response: This recommendation is addressed to the Crown Prosecution Service. The Constabulary will await further information.";
    expect(lines[lines.findIndex((l) => l.startsWith("Recommendation 7:")) + 1]).toBe(cps);
    expect(lines[lines.findIndex((l) => l.startsWith("Recommendation 8:")) + 1]).toBe(cps);
  });

  it("puts causes of concern in their own section before the recommendations", () => {
    const { text, messages } = compose("revisit", { asOf: "2021-07-01" });
    expect(messages).toEqual([]);
    const headings = text.split("\n").filter((l) => l.startsWith("# "));
    expect(headings).toEqual(["# 1. Purpose", "# 2. Background", "# 3. Force response to the causes of concern", "# 4. Force response to the recommendations"]);
    expect(text).toMatch(/^Cause of concern 1: /m);
  });

  it("gives areas for improvement their own section, saying the law does not require a response, and leaves out those without one", () => {
    const { text, messages, notes } = compose("peel", { draft: true, asOf: "2019-06-01" });
    expect(messages).toEqual([expect.stringMatching(/^recs\.xlsx Recommendations!G12: warning RESPONSE_MISSING “PEEL: Police effectiveness 2019” recommendation 3 /)]);
    expect(notes).toContainEqual(expect.stringMatching(/^recs\.xlsx Recommendations!G16: info AFI_NO_RESPONSE .*area for improvement 4 .*section 55 does not require one/));
    expect(text).toContain("# 4. Areas for improvement");
    expect(text).toContain("4.1. The report also identifies four areas for improvement. The law does not require a response to areas for improvement; the Constabulary’s response to three of them is set out below.");
    expect(text.match(/^Area for improvement \d/gm)).toEqual(["Area for improvement 1", "Area for improvement 2", "Area for improvement 3"]);
    expect(text).toContain("Response: [response needed]");
  });

  it("refuses a report with a recommendation that has no response, naming it and its cell", () => {
    const { doc, messages } = compose("peel", { asOf: "2019-06-01" });
    expect(doc).toBeNull();
    expect(messages).toEqual([
      "recs.xlsx Recommendations!G12: error RESPONSE_MISSING “PEEL: Police effectiveness 2019” recommendation 3 (“The force should ensure that it has enough trained staff …”) has no response; section 55 needs one for every recommendation (the action taken or proposed, or why none is proposed): fill in its Force response cell, or add --draft for a draft marked [response needed]",
    ]);
  });

  it("marks a draft DRAFT, with any other marking", () => {
    expect(compose("peel", { draft: true }).doc!.meta.marking).toBe("DRAFT – OFFICIAL");
    expect(compose("peel", { draft: true, marking: "OFFICIAL-SENSITIVE" }).doc!.meta.marking).toBe("DRAFT – OFFICIAL-SENSITIVE");
    expect(compose("evidence led").doc!.meta.marking).toBe("OFFICIAL");
  });
});

describe("the spec", () => {
  const front = (lines: string) => `---\nreport: evidence led\ninspection: Criminal Justice Joint Inspection\n${lines}\n---\n`;

  it("fills in the title, the date and who published it; warns when the paper is dated after the deadline", () => {
    const { text, messages } = compose("evidence led", { specText: front("date: 26/03/2020") });
    expect(text).toContain("The Constabulary response to the Criminal Justice Joint Inspection “Evidence led domestic abuse prosecutions” report");
    expect(text).toContain("Date: 26 March 2020");
    expect(messages).toEqual([
      "response.md:4: warning DEADLINE_PASSED the response to “Evidence led domestic abuse prosecutions” was due by 18 March 2020 (56 days beginning with its publication on 23 January 2020); this paper is dated 26 March 2020, 8 days later",
    ]);
  });

  it("uses the spec's own text for its variant", () => {
    const { text, messages } = compose("evidence led", { specText: `${front("")}# Purpose\n\nDue by {{ukDate s55.report.deadline}}; {{s55.counts.recommendations}} recommendations, {{s55.counts.otherBodies}} for other bodies.\n` });
    expect(messages).toEqual([]);
    expect(text).toContain("1.1. Due by 18 March 2020; 8 recommendations, 2 for other bodies.");
  });

  it("names the line of a misspelt s55 value in the spec's text", () => {
    const { doc, messages } = compose("evidence led", { specText: `${front("")}# Purpose\n\n{{s55.report.deadlin}}\n` });
    expect(doc).toBeNull();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^response\.md:8: error /);
    expect(messages[0]).toContain("deadlin");
  });

  it("the PCC's response carries the three comments, in order, rendered as Markdown", () => {
    const spec = front("pccComments: |\n  I welcome the report.\n\n  It is **important**.\nchiefConstableComments: The force accepts it.\npccCommentsOnChiefConstable: I am reassured by {{s55.counts.recommendations}} responses.");
    const { text, messages } = compose("evidence led", { specText: spec, variant: "pcc-response" });
    expect(messages).toEqual([]);
    const headings = text.split("\n").filter((l) => l.startsWith("# "));
    expect(headings).toEqual([
      "# 1. Introduction",
      "# 2. Police and Crime Commissioner’s comments",
      "# 3. Chief Constable’s comments",
      "# 4. Police and Crime Commissioner’s comments on the Chief Constable’s comments",
      "# 5. Response to the recommendations",
    ]);
    expect(text).toContain("To: Home Secretary and HMICFRS");
    expect(text).toContain("From: Police and Crime Commissioner");
    expect(text).toContain("The Police and Crime Commissioner’s response to the Criminal Justice Joint Inspection “Evidence led domestic abuse prosecutions” report");
    expect(text).toContain("2.1. I welcome the report.\n2.2. It is important.");
    expect(text).toContain("4.1. I am reassured by 8 responses.");
    expect(text).toContain("for this report, by 18 March 2020");
  });

  it("the PCC's response needs the PCC's comments; a draft says where they go", () => {
    const refused = compose("evidence led", { specText: front(""), variant: "pcc-response" });
    expect(refused.doc).toBeNull();
    expect(refused.messages).toContain("response.md:1: error COMMENTS_MISSING the PCC’s response has no comments from the Police and Crime Commissioner (pccComments: in the spec's front matter); section 55 requires them");
    const draft = compose("evidence led", { specText: front(""), variant: "pcc-response", draft: true });
    expect(draft.text.match(/\[comments needed\]/g)).toHaveLength(3);
  });

  it("keeps the spec's To, From and title to the variant it is written for", () => {
    const { text } = compose("evidence led", { specText: front("to: Police and Crime Commissioner\nfrom: Chief Constable\ntitle: Our response\npccComments: Fine."), variant: "pcc-response" });
    expect(text).toContain("To: Home Secretary and HMICFRS");
    expect(text).not.toContain("Our response");
  });
});
