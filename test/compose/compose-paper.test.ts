// Whole papers, checked the way a governance assistant checks them: the figures, the areas,
// the open tasks, the numbering, the header — from the sample trackers in data/.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Doc, ListBlock, ParagraphBlock, TableBlock } from "../../src/compose/doc.js";
import { isSection55Spec } from "../../src/compose/compose-paper.js";
import { loadSpec, resolveTrackerPath } from "../../src/compose/spec.js";
import { loadTracker } from "../../src/ingest/load-tracker.js";
import { docText, runsText } from "./doc-text.js";
import { AS_OF, compose, DATA, planWith, SAMPLE_TRACKERS, samplePlan, STYLES } from "./fixtures.js";
import { COLP_AREAS } from "../helpers/tracker.js";

/** A sample spec from data/, composed from the tracker it names, the way `boardpack paper --spec` does. */
async function sample(specName: string): Promise<{ doc: Doc; text: string; messages: string[] }> {
  const spec = loadSpec(join(DATA, specName), { displayName: `data/${specName}` });
  expect(spec.diagnostics).toEqual([]);
  const trackerPath = resolveTrackerPath(spec)!;
  const { plan } = await loadTracker(trackerPath);
  const result = compose(plan!, { spec });
  expect(result.doc).not.toBeNull();
  return { doc: result.doc!, text: docText(result.doc!), messages: result.messages };
}

const OPEN_TASKS = [
  "Body-worn cameras to be issued to all frontline officers including Criminal Investigation Dept and PPU.",
  "Agree how BWC footage of domestic abuse incidents is handled and stored, and how the use of BWC is monitored.",
  "Formalise a service level agreement with criminal justice partners that details evidential standards and decision making protocols with regards to domestic abuse.",
  "Coercive control to be covered in depth in the domestic abuse training programme provided by Learning & Development.",
  "Create a formalised process to regularly seek the views of victims of domestic abuse and act on the feedback.",
  "Domestic Abuse training package to be fully rolled out across the Force.",
  "Make the training mandatory for all officers up to the rank of Inspector, including ECD officers and staff, PCSOs, Crime Management Unit, Control Room and Front Office staff.",
  "Issue pre- and post-training surveys to assess officers' and staff's understanding and learning.",
  "Back-date the manually searched dashboard data to 1 April 2016 and update the dashboard monthly for the Vulnerability Working Group.",
  "FIB to develop a Domestic Abuse Problem Profile covering stalking, harassment, honour based violence and forced marriage.",
  "Take part in a peer to peer case scrutiny exercise with the London & SE Safeguarding Adults lead.",
];
const ROMAN = ["i)", "ii)", "iii)", "iv)", "v)", "vi)", "vii)", "viii)", "ix)", "x)", "xi)"];

/** The list that follows the paragraph whose text starts with `lead`. */
function listAfter(doc: Doc, lead: string): ListBlock {
  const at = doc.blocks.findIndex((b) => b.type === "paragraph" && runsText(b.runs).startsWith(lead));
  expect(at).toBeGreaterThan(-1);
  const list = doc.blocks[at + 1];
  expect(list?.type).toBe("list");
  return list as ListBlock;
}

describe("City of London committee paper (data/colp-committee-paper.md, seed 004)", () => {
  it("states 57 tasks in 6 key areas, 46 completed and 11 in progress", async () => {
    const { text, messages } = await sample("colp-committee-paper.md");
    expect(messages).toEqual([]);
    expect(text).toContain("The working document contained a total of 57 tasks covering the 6 key areas identified above.");
    expect(text).toContain("In the past six months, 46 tasks have been completed and 11 are in progress and near to completion (81% complete).");
    expect(text).toContain("the six areas highlighted in the HMIC report");
  });

  it("names every area, as i) … vi) in the summary and as I … VI headings in the main report", async () => {
    const { doc, text } = await sample("colp-committee-paper.md");
    expect(text).toContain(`to address 6 key areas of ${COLP_AREAS.map((a, i) => `${ROMAN[i]} ${a}`).slice(0, 5).join("; ")} and vi) Leadership and Governance.`);
    const areaHeadings = doc.blocks.filter((b) => b.type === "heading" && b.level === 3).map((b) => b.type === "heading" && `${b.number} ${runsText(b.runs)}`);
    expect(areaHeadings).toEqual(COLP_AREAS.map((a, i) => `${["I", "II", "III", "IV", "V", "VI"][i]} ${a}`));
  });

  it("lists the 11 open tasks as i) … xi), in the summary and under Work still in progress", async () => {
    const { doc, text } = await sample("colp-committee-paper.md");
    for (const lead of ["The main areas that are still in progress are:", "The action plan spans 2016"]) {
      const list = listAfter(doc, lead);
      expect(list.kind).toBe("roman-paren");
      expect(list.start).toBe(1);
      expect(list.items.map((item) => runsText((item.blocks[0] as ParagraphBlock).runs))).toEqual(OPEN_TASKS);
    }
    for (const [i, task] of OPEN_TASKS.entries()) expect(text).toContain(`${ROMAN[i]} ${task}`);
  });

  it("numbers paragraphs 1 … n continuously through the Main Report only", async () => {
    const { doc } = await sample("colp-committee-paper.md");
    const headings = doc.blocks.map((b) => (b.type === "heading" && b.level === 1 ? runsText(b.runs) : null));
    const mainReport = headings.indexOf("Main Report");
    const appendices = headings.indexOf("Appendices");
    const numbered = doc.blocks.flatMap((b, i) => (b.type === "paragraph" && b.number ? [{ i, number: b.number }] : []));
    expect(numbered.length).toBeGreaterThan(20);
    expect(numbered.map((n) => n.number)).toEqual(numbered.map((_, k) => `${k + 1}.`));
    expect(numbered.every((n) => n.i > mainReport && n.i < appendices)).toBe(true);
  });

  it("opens with the committee table and ends the report with the Contacts block before the appendix", async () => {
    const { doc, text } = await sample("colp-committee-paper.md");
    const header = doc.blocks[0] as TableBlock;
    expect(header).toMatchObject({ type: "table", role: "layout" });
    expect(text.split("\n").slice(0, 6)).toEqual([
      "| Committee(s): | Date: |",
      "| Police: Performance and Resource Management Sub Committee – For Information | 30th November 2016 |",
      "| Police | 15th December 2016 |",
      "| Subject: City of London Police Domestic Abuse Action Plan update | Public |",
      "| Report of: Commissioner of Police Pol 55-16 | For Information |",
      "| Report author: DCI Alex Hayman, Crime Directorate |  |",
    ]);
    const contacts = text.indexOf("Contacts:");
    expect(contacts).toBeGreaterThan(text.indexOf("# Appendices"));
    expect(contacts).toBeLessThan(text.indexOf("---- page break ----"));
    expect(doc.meta).toEqual({
      title: "City of London Police Domestic Abuse Action Plan update",
      subject: "City of London Police Domestic Abuse Action Plan update",
      author: "Commissioner of Police",
      language: "en-GB",
      date: "2016-11-30",
      keywords: ["domestic abuse", "action plan", "HMIC"],
    });
  });

  it("appends the action plan with shaded, labelled RAG cells, and the Appendix B its list cites", async () => {
    const { doc, text } = await sample("colp-committee-paper.md");
    const tables = doc.blocks.filter((b): b is TableBlock => b.type === "table");
    const plan = tables.at(-2)!;
    expect(text).toContain("# Appendix B – Training Content for domestic abuse and vulnerability");
    expect(tables.at(-1)!.rows).toHaveLength(9);
    expect(plan.header.map((c) => runsText(c.paragraphs[0]!))).toEqual(["Ref", "Action", "Owner", "Due", "Status", "RAG"]);
    expect(plan.rows).toHaveLength(57);
    const row110 = plan.rows.find((r) => runsText(r[0]!.paragraphs[0]!) === "1.10")!;
    expect(row110.map((c) => runsText(c.paragraphs[0]!))).toEqual([
      "1.10", OPEN_TASKS[0], "Supt Communities", "Mar-17", "In progress", "Amber",
    ]);
    expect(row110[5]!.rag).toBe("amber");
    expect(plan.rows.filter((r) => r[5]!.rag === "blue")).toHaveLength(46);
  });
});

describe("the City of London default spec, with no spec at all", () => {
  it("says how many tasks, key areas, completed and in progress; the summary names the main open areas, the main report every open task", async () => {
    const plan = await samplePlan("colp-da-action-plan.xlsx");
    const result = compose(plan, { styleName: "city-of-london-committee" });
    expect(result.messages).toEqual([]);
    const text = docText(result.doc!);
    expect(text).toContain("The action plan contains 57 tasks under six key areas: i) Understanding & Identifying Risk;");
    expect(text).toContain("To date, 46 tasks have been completed and 11 are in progress.");
    for (const area of COLP_AREAS) expect(text).toContain(area);
    const areas = listAfter(result.doc!, "The main areas still in progress are:");
    expect(areas.items).toHaveLength(5);
    expect(runsText((areas.items[4]!.blocks[0] as ParagraphBlock).runs)).toBe("and 2 more key areas with 2 tasks still open");
    const list = listAfter(result.doc!, "The eleven tasks still in progress are:");
    expect(list.kind).toBe("roman-paren");
    expect(list.items).toHaveLength(11);
  });
});

describe("Cambridgeshire Business Coordination Board paper (data/cambs-bcb-paper.md, seed 000)", () => {
  it("numbers sections 1., 2. … and paragraphs 1.1, 2.1, restarting in each section", async () => {
    const { doc, messages } = await sample("cambs-bcb-paper.md");
    expect(messages).toEqual([]);
    // Each label with the first three words of its heading or paragraph.
    const labels = doc.blocks.flatMap((b) => ((b.type === "heading" || b.type === "paragraph") && b.number ? [`${b.number} ${runsText(b.runs).split(" ").slice(0, 3).join(" ")}`] : []));
    expect(labels.slice(0, 6)).toEqual(["1. Purpose", "1.1 The purpose of", "2. Recommendation", "2.1 The Board is", "3. Background", "3.1 In November 2013,"]);
    expect(labels).toContain("5. Progress");
    expect(labels).toContain("5.11 Incorporate the views");
    expect(labels.slice(-2)).toEqual(["7. Recommendation", "7.1 It is recommended"]);
  });

  it("opens with the Commissioner's name block, To / From / Date and the title in capitals", async () => {
    const { doc, text } = await sample("cambs-bcb-paper.md");
    expect(text.split("\n").slice(0, 9)).toEqual([
      "Cambridgeshire",
      "Police & Crime",
      "Commissioner",
      "To: Business Coordination Board",
      "From: Chief Constable",
      "Date: 04 June 2015",
      "DOMESTIC ABUSE GOVERNANCE – UPDATE ON ACTION PLAN",
      "# 1. Purpose",
      expect.stringContaining("1.1 The purpose of this report"),
    ]);
    expect(doc.blocks.slice(0, 5).map((b) => (b as ParagraphBlock).role)).toEqual(["org", "label", "label", "label", "title"]);
  });

  it("lists the headings, gives each its progress with the heading in bold, and ends with the BIBLIOGRAPHY table and the organisation block, as seed 000", async () => {
    const { doc, text } = await sample("cambs-bcb-paper.md");
    expect(text).toContain("4.3 The Cambridgeshire Action Plan set out a plan for performance improvement under 11 headings:");
    const progress = doc.blocks.find((b) => b.type === "paragraph" && b.number === "5.1") as ParagraphBlock;
    expect(progress.runs[0]).toEqual({ text: "Strategic Ownership", bold: true });
    expect(text).toContain("4.4 The plan holds 30 actions under these headings: 12 are complete, 14 are in progress and 4 have not yet started (40% complete).");
    expect(text.split("\n").slice(-6)).toEqual([
      "# BIBLIOGRAPHY",
      "| Source Document | Cambridgeshire Domestic Abuse Action Plan |",
      "| Contact Officers | Det Supt Chris Mead – Head of Public Protection Department, Cambridgeshire Constabulary |",
      "Cambridgeshire",
      "Police & Crime",
      "Commissioner",
    ]);
  });
});

describe("Lancashire Strategic Scrutiny Meeting report (data/lancs-scrutiny-paper.md, seed 001)", () => {
  it("has the bold capital label lines, an ordinal date and a numbered sub-heading per work stream", async () => {
    const { text, messages } = await sample("lancs-scrutiny-paper.md");
    expect(messages).toEqual([]);
    expect(text.split("\n").slice(0, 4)).toEqual([
      "REPORT TO: STRATEGIC SCRUTINY MEETING",
      "DATE: 12th January 2015",
      "AGENDA ITEM: 6 – HMIC Crime Inspection",
      "SUBJECT: b) Domestic Abuse Action Plan",
    ]);
    for (const [i, stream] of ["Initial Investigation", "Victim Safety", "Risk Assessment", "Data & Performance", "Management of Perpetrators"].entries()) {
      expect(text).toContain(`## ${i + 1}. ${stream}`);
    }
    expect(text).toContain("- Initial Investigation (DCI Jon Holmes now DI George Binns)");
    expect(text).toContain("Of the 28 actions in the plan, 7 are complete and 21 are in progress.");
  });
});

describe("every default spec makes a paper from every sample tracker", () => {
  const cases = SAMPLE_TRACKERS.flatMap((tracker) => STYLES.map((style) => [tracker, style] as const));
  it.each(cases)("%s in the %s style", async (tracker, style) => {
    const plan = await samplePlan(tracker);
    const result = compose(plan, { styleName: style, sourceFile: tracker });
    // What the paper needs and nobody gave is printed as a placeholder, with one warning each.
    expect(result.messages).toEqual([]);
    const text = docText(result.doc!);
    for (const m of result.placeholders) expect(text).toContain(/"(\[[^\]]+\])"/.exec(m)![1]);
    expect(result.doc!.blocks.length).toBeGreaterThan(5);
    expect(result.doc!.meta.language).toBe("en-GB");
  });

  it.each(STYLES)("a tracker without themes, in the %s style", (style) => {
    const plan = planWith([{ title: "One", theme: null }, { title: "Two", theme: null, status: "complete", rag: "blue" }], []);
    const result = compose(plan, { styleName: style });
    expect(result.messages).toEqual([]);
    if (style !== "section-55") expect(docText(result.doc!)).toContain("Other actions");
  });

  it("every sample spec in data/ composes from its own tracker without a message", async () => {
    // Section 55 specs are composed by boardpack s55 (test/s55/).
    const specs = readdirSync(DATA).filter((f) => f.endsWith(".md") && f !== "README.md" && !isSection55Spec(loadSpec(join(DATA, f)).spec));
    expect(specs.sort()).toEqual(["cambs-bcb-paper.md", "colp-committee-paper.md", "lancs-scrutiny-paper.md"]);
    for (const spec of specs) expect((await sample(spec)).messages).toEqual([]);
  });

  it("is the same document every time", async () => {
    const plan = await samplePlan("colp-da-action-plan.xlsx");
    const a = compose(plan, { styleName: "city-of-london-committee" });
    const b = compose(plan, { styleName: "city-of-london-committee" });
    expect(JSON.stringify(a.doc)).toBe(JSON.stringify(b.doc));
  });
});

describe("marking and date", () => {
  it("--marking beats the spec's marking, which beats the style's default", async () => {
    const plan = await samplePlan("inspection-recommendations.xlsx");
    expect(compose(plan, { styleName: "section-55" }).doc!.meta.marking).toBe("OFFICIAL");
    expect(compose(plan, { styleName: "cambridgeshire-bcb" }).doc!.meta.marking).toBeUndefined();
    expect(compose(plan, { styleName: "section-55", marking: "OFFICIAL-SENSITIVE" }).doc!.meta.marking).toBe("OFFICIAL-SENSITIVE");
  });

  it("the paper is dated the --as-of day when the spec gives no date", async () => {
    const plan = await samplePlan("lancs-da-action-plan.xlsx");
    const result = compose(plan, { styleName: "lancashire-scrutiny", asOf: "2015-01-12" });
    expect(result.doc!.meta.date).toBe("2015-01-12");
    expect(docText(result.doc!)).toContain("DATE: 12th January 2015");
    expect(compose(plan, { styleName: "lancashire-scrutiny", asOf: "12/01/2015" }).messages).toEqual(['--as-of: error AS_OF_INVALID "12/01/2015" is not a date as YYYY-MM-DD']);
  });
});

describe("partials", () => {
  async function body(text: string): Promise<string> {
    const plan = await samplePlan("colp-da-action-plan.xlsx");
    const { parseSpec } = await import("../../src/compose/spec.js");
    const spec = parseSpec(`---\nstyle: city-of-london-committee\ncommittees: Police\nreportOf: Commissioner of Police\n---\n${text}`, "paper.md");
    const result = compose(plan, { spec });
    // No "Main Report" heading to number from: that warning is expected here, and nothing else.
    expect(result.messages.filter((m) => !m.includes("NUMBERING_START_NOT_FOUND"))).toEqual([]);
    // Without the five lines of the header table, and the Contacts block (a placeholder here) at the end.
    return docText(result.doc!).split("\n").slice(5, -2).join("\n");
  }

  it("themesWithCounts: a bullet per theme with its counts", async () => {
    expect((await body('{{> themesWithCounts noun="task"}}')).split("\n").slice(0, 2)).toEqual([
      "- Understanding & Identifying Risk – 12 tasks, 10 complete, 2 still open",
      "- Prioritising & allocating domestic abuse investigations – 11 tasks, 10 complete, 1 still open",
    ]);
  });

  it("ragSummary: shaded, labelled ratings with numbers and shares", async () => {
    expect(await body("{{> ragSummary}}")).toBe(
      ["| RAG rating | Actions | Share |", "| [red] Red | 0 | 0% |", "| [amber] Amber | 8 | 14% |", "| [green] Green | 3 | 5% |", "| [blue] Blue | 46 | 81% |", "| Total | 57 | 100% |"].join("\n"),
    );
    expect(await body('{{> ragSummary theme="Training"}}')).toContain("| Total | 9 | 100% |");
  });

  it("progressByTheme: a heading per theme, then its updates when the spec gives no narrative", async () => {
    const text = await body("{{> progressByTheme}}");
    expect(text.split("\n").slice(0, 2)).toEqual(["## Understanding & Identifying Risk", expect.stringMatching(/^Twelve actions were set under this theme; ten have been completed and two are still open\. The actions completed include /)]);
    // Updates are quoted only for open actions, each once, attributed to its action.
    expect(text).toContain("- Body-worn cameras to be issued to all frontline officers including Criminal Investigation Dept and PPU – Supt Communities, due Mar-17. Latest update: “In progress.");
    expect(text).not.toContain("Complete. Duty Inspectors sign every DASH risk assessment");
  });

  it("openActions and actionPlanTable for one theme", async () => {
    expect(await body('{{> openActions theme="Training"}}')).toBe(
      ["i) Domestic Abuse training package to be fully rolled out across the Force.", "ii) Make the training mandatory for all officers up to the rank of Inspector, including ECD officers and staff, PCSOs, Crime Management Unit, Control Room and Front Office staff.", "iii) Issue pre- and post-training surveys to assess officers' and staff's understanding and learning."].join("\n"),
    );
    expect((await body('{{> actionPlanTable theme="Views of victims"}}')).split("\n")).toHaveLength(8);
  });
});

/** A Cambridgeshire spec whose Strategic Ownership theme has the one-line `narrative`, then `body` as its Markdown. */
async function strategicOwnershipSpec(narrative: string, body: string[]) {
  const text = ["---", "style: cambridgeshire-bcb", "to: Business Coordination Board", "from: Chief Constable", "themes:", "  strategic ownership: |", `    ${narrative}`, "---", ...body].join("\n");
  return (await import("../../src/compose/spec.js")).parseSpec(text, "paper.md");
}

describe("narrative from the spec", () => {
  it("is Markdown and Handlebars: helpers work in it, and it replaces the tracker's updates", async () => {
    const plan = await samplePlan("cambs-da-action-plan.csv");
    const spec = await strategicOwnershipSpec('**{{count "complete" theme="Strategic Ownership"}}** of its {{total theme="Strategic Ownership"}} actions are complete.', [
      "# Progress",
      "",
      "{{#each paper.themes}}{{#if narrative}}{{{narrative}}}{{/if}}{{/each}}",
    ]);
    const result = compose(plan, { spec });
    expect(result.messages).toEqual([]);
    const paragraph = result.doc!.blocks.find((b) => b.type === "paragraph" && b.number === "1.1") as ParagraphBlock;
    expect(paragraph.runs).toEqual([{ text: "2", bold: true }, { text: " of its 3 actions are complete." }]);
  });
});

describe("a narrative with a table, printed twice", () => {
  it("gives two tables of the same rows; a directive before the first leaves the second as it was", async () => {
    const plan = await samplePlan("cambs-da-action-plan.csv");
    const spec = await strategicOwnershipSpec('{{actionTable theme="Strategic Ownership"}}', [
      "# Progress",
      "",
      "<!-- widths: 10, 50, 10, 10, 10, 10 -->",
      "",
      "{{#each paper.themes}}{{#if narrative}}{{{narrative}}}{{/if}}{{/each}}",
      "",
      "{{#each paper.themes}}{{#if narrative}}{{{narrative}}}{{/if}}{{/each}}",
    ]);
    const result = compose(plan, { spec });
    expect(result.messages).toEqual([]);
    const tables = result.doc!.blocks.filter((b): b is TableBlock => b.type === "table" && runsText(b.header[0]!.paragraphs[0]!) === "Ref");
    expect(tables).toHaveLength(2);
    const [first, second] = tables;
    expect(first!.rows.map((r) => runsText(r[0]!.paragraphs[0]!))).toEqual(["1.1", "1.2", "1.3"]);
    expect(second!.rows).toEqual(first!.rows);
    expect(first!.widths).toEqual([10, 50, 10, 10, 10, 10]);
    expect(second!.widths).toEqual([7, 44, 17, 12, 11, 9]);
  });
});

describe("tracker text prints exactly as typed", () => {
  it("Markdown characters, table pipes, RAG markers and HTML in tracker data are plain text", async () => {
    const plan = planWith([
      { title: "*Urgent* review | split {rag:red} <b>bold</b>", owner: "[Ops](https://example.org)", update: "# Not a heading\n\n1. Not a list", rag: "green" },
      { title: "i) Not a typed list", status: "complete", rag: "blue" },
    ]);
    const result = compose(plan, { styleName: "city-of-london-committee", asOf: AS_OF });
    expect(result.messages).toEqual([]);
    const text = docText(result.doc!);
    expect(text).toContain("i) *Urgent* review | split {rag:red} <b>bold</b>");
    expect(text).toContain("Latest update: “# Not a heading 1. Not a list”");
    const table = result.doc!.blocks.filter((b): b is TableBlock => b.type === "table" && runsText(b.header[0]!.paragraphs[0]!) === "Ref").at(-1)!;
    const [first, second] = table.rows;
    expect(first!.map((c) => runsText(c.paragraphs[0]!))).toEqual(["1.1", "*Urgent* review | split {rag:red} <b>bold</b>", "[Ops](https://example.org)", "", "In progress", "Green"]);
    expect(first!.map((c) => c.rag ?? null)).toEqual([null, null, null, null, null, "green"]);
    expect(first![2]!.paragraphs[0]!.some((r) => r.link)).toBe(false);
    expect(runsText(second![1]!.paragraphs[0]!)).toBe("i) Not a typed list");
  });
});

describe("count", () => {
  it("gives as many actions as actionsWhere lists, for every status, overall and in a theme", async () => {
    const plan = await samplePlan("colp-da-action-plan.xlsx");
    const theme = plan.themes[0]!.title;
    const words = ["complete", "in-progress", "not-started", "not-applicable", "open"];
    const line = (scope: string) => words.map((w) => `{{count "${w}"${scope}}}={{#each (actionsWhere status="${w}"${scope})}}x{{/each}}`).join(" ");
    const spec = ["---", "style: cambridgeshire-bcb", "to: Business Coordination Board", "from: Chief Constable", "---", "# Counts", "", line(""), "", line(` theme="${theme}"`), "", `{{count}} {{count status="open"}} {{total}}`].join("\n");
    const result = compose(plan, { spec: (await import("../../src/compose/spec.js")).parseSpec(spec, "paper.md") });
    expect(result.messages).toEqual([]);
    const texts = result.doc!.blocks.filter((b): b is ParagraphBlock => b.type === "paragraph").map((b) => b.runs.map((r) => r.text).join(""));
    const [overall, inTheme, totals] = texts.slice(-3);
    for (const text of [overall!, inTheme!]) {
      for (const pair of text.split(" ")) {
        const [n, xs] = pair.split("=");
        expect(Number(n)).toBe(xs!.length);
      }
    }
    const open = plan.actions.filter((a) => a.status !== "complete" && a.status !== "not-applicable").length;
    expect(totals).toBe(`${plan.actions.length} ${open} ${plan.actions.length}`);
  });
});
