// Issue 12: no-spec papers from trackers the samples are not, read as a board secretary reads
// them: every theme's paragraph names its tasks, no update text twice, none of the seed
// forces' words on another force's paper, placeholders where nobody gave a field (with a
// warning each), a subject free of markings, one date throughout, dates that cannot break.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/model/schema.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { csv, loadCsvText } from "../helpers/load.js";
import { hasPoppler } from "../helpers/real-clients.js";
import { docxParts, part } from "../render/docx/docx-parts.js";
import { docText } from "./doc-text.js";
import { compose, DATA, planWith, writeSpec } from "./fixtures.js";

const STYLES = ["cambridgeshire-bcb", "lancashire-scrutiny", "city-of-london-committee"] as const;
const SEED_WORDS = /Cambridgeshire|Lancashire|City of London|Creating a safer|Peterborough|Commissioner of Police/;

/** A Northshire tracker in the Cambridgeshire CSV shape: a theme column, owners, updates (one copied onto two rows). */
const NORTHSHIRE = csv([
  ["Ref", "Theme", "Action", "Owner", "Due", "Status", "RAG", "Update"],
  ["1.1", "Safer Streets", "Refresh the night-time economy patrol plan", "Insp Gray", "31/01/2017", "In progress", "Amber", "Draft plan with the licensing team."],
  ["1.2", "Safer Streets", "Train door staff in spotting vulnerability", "Insp Gray", "30/09/2016", "Complete", "Blue", "All venues trained."],
  ["1.3", "Safer Streets", "Publish the street lighting audit", "Sgt Khan", "30/10/2016", "In progress", "Red", "Awaiting council data."],
  ["2.1", "Victim Care", "Call back every repeat victim within 48 hours", "DI Wood", "Mar-17", "In progress", "Green", "Awaiting council data."],
  ["2.2", "Victim Care", "Survey victims on the service they received", "DI Wood", "31/12/2016", "Not started", "Amber", ""],
  ["2.3", "Victim Care", "Agree the referral route to the advocacy service", "DI Wood", "31/08/2016", "Complete", "Blue", "Route agreed and published."],
]);

async function northshire(): Promise<Plan> {
  const r = await loadCsvText(NORTHSHIRE, "northshire.csv");
  expect(r.plan, r.lines.join("\n")).not.toBeNull();
  return r.plan!;
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe("a no-spec paper from a tracker the samples are not (Northshire, CSV)", () => {
  it.each(STYLES)("%s: every theme names its tasks, open ones with owner and due date; each update once", async (style) => {
    const plan = await northshire();
    const result = compose(plan, { styleName: style, sourceFile: "northshire.csv" });
    expect(result.messages).toEqual([]);
    const text = docText(result.doc!);
    // Open tasks: each by name with its owner and due date; overdue ones said so (as at 30 November 2016).
    expect(text).toContain("Refresh the night-time economy patrol plan – Insp Gray, due 31 Jan 2017");
    expect(text).toContain("Publish the street lighting audit – Sgt Khan, due 30 Oct 2016 (overdue)");
    expect(text).toContain("Call back every repeat victim within 48 hours – DI Wood, due Mar-17");
    // Completed ones named too, in their theme's paragraph.
    expect(text).toMatch(/The (action|task) completed is Train door staff in spotting vulnerability\./);
    expect(text).toMatch(/The (action|task) completed is Agree the referral route to the advocacy service\./);
    // The update copied onto two rows is quoted once, then referred to; a complete task's is not quoted.
    expect(count(text, "“Awaiting council data.”")).toBe(1);
    expect(text).toContain("Latest update: as for “Publish the street lighting audit” above");
    expect(text).not.toContain("All venues trained.");
    expect(text).not.toMatch(SEED_WORDS);
  });

  it.each(STYLES)("%s: what nobody gave is a visible placeholder, with one warning each", async (style) => {
    const result = compose(await northshire(), { styleName: style });
    const text = docText(result.doc!);
    expect(result.placeholders.length).toBeGreaterThan(0);
    for (const warning of result.placeholders) {
      const label = /"(\[[^\]]+\])"/.exec(warning)![1]!;
      expect(text).toContain(label);
      expect(result.placeholders.filter((w) => w.includes(`"${label}"`))).toHaveLength(1);
    }
  });

  it("the Summary names the main open areas, at most five lines, not every open task", () => {
    const themes = Array.from({ length: 7 }, (_, i) => ({ id: `t${i}`, title: `Area ${i + 1}` }));
    const plan = planWith(themes.flatMap((t, i) => Array.from({ length: i + 1 }, (_, j) => ({ theme: t.id, title: `Task ${i + 1}.${j + 1}` }))), themes);
    const doc = compose(plan, { styleName: "city-of-london-committee" }).doc!;
    const summary = docText({ ...doc, blocks: doc.blocks.slice(0, doc.blocks.findIndex((b) => b.type === "heading" && b.runs[0]?.text === "Recommendation(s)")) });
    expect(summary).toContain("- Area 7 – 7 tasks still open");
    expect(summary).toContain("- and 3 more key areas with 6 tasks still open");
    expect(summary).not.toContain("Task 1.1");
  });
});

describe("subject, marking and date", () => {
  it("the subject is the tracker's title without its marking or 'working document' clutter, and the marking is the paper's", () => {
    const plan = { ...planWith([{ title: "One" }]), title: "Northshire Domestic Abuse Action Plan – internal tactical working document – OFFICIAL-SENSITIVE" };
    const result = compose(plan, { styleName: "city-of-london-committee" });
    expect(docText(result.doc!)).toContain("Subject: Northshire Domestic Abuse Action Plan |");
    expect(result.doc!.meta.title).toBe("Northshire Domestic Abuse Action Plan");
    expect(result.doc!.meta.marking).toBe("OFFICIAL-SENSITIVE");
    // --marking still wins.
    expect(compose(plan, { styleName: "city-of-london-committee", marking: "OFFICIAL" }).doc!.meta.marking).toBe("OFFICIAL");
  });

  it("a spec's date is the as-at date too, unless --as-of is given", async () => {
    const plan = await northshire();
    const spec = writeSpec("---\nstyle: lancashire-scrutiny\nto: Strategic Scrutiny Meeting\nagendaItem: 6\ndate: 04/06/2015\n---\n{{ukDate today}}; {{countOverdue}} overdue\n");
    const noAsOf = compose(plan, { specPath: spec, asOf: "2016-11-30", asOfGiven: false });
    expect(docText(noAsOf.doc!)).toContain("4th June 2015; 0 overdue");
    expect(docText(noAsOf.doc!)).not.toMatch(/2016/);
    const asOf = compose(plan, { specPath: spec, asOf: "2016-11-30", asOfGiven: true });
    expect(docText(asOf.doc!)).toContain("30th November 2016; 1 overdue");
  });

  it("dates are held together with no-break spaces, in prose, lists and tables", async () => {
    const doc = compose(await northshire(), { styleName: "city-of-london-committee" }).doc!;
    const raw = JSON.stringify(doc.blocks);
    expect(raw).toContain("30th\u00a0November\u00a02016");
    expect(raw).toContain("31\u00a0Jan\u00a02017");
    expect(raw).not.toMatch(/\d(st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
  });
});

describe("leads and branding", () => {
  it("Lancashire: a work stream's lead is the spec's, else the owner named most often, never a list of owners", async () => {
    const plan = await northshire();
    const text = docText(compose(plan, { styleName: "lancashire-scrutiny" }).doc!);
    expect(text).toContain("- Safer Streets (Insp Gray)");
    expect(text).toContain("- Victim Care (DI Wood)");
    const spec = writeSpec("---\nstyle: lancashire-scrutiny\nto: Strategic Scrutiny Meeting\nagendaItem: 6\nleads:\n  safer streets: Ch Insp Patel\n---\n{{#each paper.themes}}{{title}}: {{lead}}. {{/each}}\n");
    expect(docText(compose(plan, { specPath: spec }).doc!)).toContain("Safer Streets: Ch Insp Patel. Victim Care: DI Wood.");
  });

  it("the Cambridgeshire and section 55 styles carry another force's organisation and strapline only when its spec gives them", async () => {
    const plan = await northshire();
    const spec = writeSpec("---\nstyle: cambridgeshire-bcb\nto: Board\nfrom: Chief Constable\norganisation: Northshire Police\nstrapline: Safer together\nsourceDocument: Northshire DA Action Plan\ncontacts: [{ name: A Officer }]\n---\n# Purpose\n\nText.\n");
    const result = compose(plan, { specPath: spec });
    const text = docText(result.doc!);
    expect(text.split("\n").slice(0, 2)).toEqual(["Safer together", "Northshire Police"]);
    expect(text).not.toMatch(SEED_WORDS);
    expect(result.placeholders).toEqual([]);
  });
});

describe("Cambridgeshire's Source Document names the document, never our file", () => {
  const sourceCell = (text: string) => text.split("\n").find((l) => l.startsWith("| Source Document |"));

  it("a CSV with no title and no sourceDocument: a visible [Source document] and one warning naming the field", async () => {
    const result = compose(await northshire(), { styleName: "cambridgeshire-bcb", sourceFile: "northshire.csv" });
    const text = docText(result.doc!);
    expect(sourceCell(text)).toBe("| Source Document | [Source document] |");
    expect(text).not.toContain("northshire.csv");
    expect(result.placeholders.filter((w) => w.includes('"[Source document]"'))).toHaveLength(1);
    expect(result.placeholders.find((w) => w.includes('"[Source document]"'))).toContain("sourceDocument: …");
  });

  it("a tracker with a title: the title, cleaned of its marking; a spec's sourceDocument wins", async () => {
    const plan = { ...(await northshire()), title: "Northshire Domestic Abuse Action Plan – OFFICIAL" };
    const titled = compose(plan, { styleName: "cambridgeshire-bcb", sourceFile: "northshire.xlsx" });
    expect(sourceCell(docText(titled.doc!))).toBe("| Source Document | Northshire Domestic Abuse Action Plan |");
    expect(titled.placeholders.filter((w) => w.includes("Source document"))).toEqual([]);
    const spec = writeSpec("---\nstyle: cambridgeshire-bcb\nto: Board\nfrom: Chief Constable\nsourceDocument: Victim Care Review 2016\n---\n# Purpose\n\nText.\n");
    expect(sourceCell(docText(compose(plan, { specPath: spec }).doc!))).toBe("| Source Document | Victim Care Review 2016 |");
  });
});

describe("in the files a secretary opens", () => {
  it("two tables in a row stay two tables in Word (a paragraph between them), as Appendix A's RAG summary and action plan", async () => {
    const dir = tempDir();
    const r = await runCli(["paper", "--spec", join(DATA, "colp-committee-paper.md"), "-o", join(dir, "paper.docx")]);
    expect(r.code, r.stderr).toBe(0);
    const xml = part(await docxParts(readFileSync(join(dir, "paper.docx"))), "word/document.xml");
    expect(xml).not.toContain("</w:tbl><w:tbl>");
    expect(xml).toContain("</w:tbl><w:p/><w:tbl>");
  });

  it.runIf(hasPoppler())("each Recommendation starts on the page of its Response (PDF, page by page)", async () => {
    const dir = tempDir();
    const r = await runCli(["s55", join(DATA, "inspection-recommendations.xlsx"), "--report", "evidence led", "--format", "pdf", "-o", dir, "--as-of", "2020-03-01"]);
    expect(r.code, r.stderr).toBe(0);
    const pdf = join(dir, "evidence-led-domestic-abuse-prosecutions-s55-response.pdf");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    let seen = 0;
    for (let page = 1; page <= pages; page++) {
      const text = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], { encoding: "utf8" });
      const labels = [...text.matchAll(/Recommendation (\d+):/g)].map((m) => m[1]);
      for (const n of labels) {
        const after = text.slice(text.indexOf(`Recommendation ${n}:`));
        expect(after, `page ${page}, recommendation ${n}`).toContain("Response:");
        seen++;
      }
    }
    expect(seen).toBe(8);
  });
});
