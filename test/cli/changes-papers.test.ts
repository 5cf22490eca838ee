// `paper … --since last-tracker`: each style's default wording states what moved, with the same
// figures `boardpack changes --json` reports; without --since the papers read as today.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ChangeReport } from "../../src/model/changes.js";
import { colpQuarter, writeTracker } from "../helpers/change-pairs.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { hasPoppler } from "../helpers/real-clients.js";
import { DATA } from "../helpers/tracker.js";
import { docxParts, paragraphs, part } from "../render/docx/docx-parts.js";
import { pdftotext } from "../render/pdf/pdf-tools.js";

const COLP = join(DATA, "colp-da-action-plan.xlsx");
const dir = tempDir();
let newPath = "";
let report: ChangeReport;

async function paperText(style: string, since: boolean): Promise<{ docx: string; pdf: string | null }> {
  const outDir = join(dir, `${style}-${since ? "since" : "plain"}`);
  const args = ["paper", newPath, "--style", style, "--as-of", "30/11/2016", "--format", "docx,pdf", "-o", `${outDir}/`];
  if (since) args.push("--since", COLP, "--old-as-of", "31/10/2016");
  const r = await runCli(args);
  expect(r.code, r.stderr).toBe(0);
  const docx = paragraphs(part(await docxParts(readFileSync(join(outDir, `colp-q3-${style}.docx`))), "word/document.xml")).map((p) => p.text.replace(/\u00a0/g, " ")).join("\n");
  const pdf = hasPoppler() ? pdftotext(join(outDir, `colp-q3-${style}.pdf`)).replace(/\s+/g, " ") : null;
  return { docx, pdf };
}

/** In the Word text, and (when poppler is here) in the PDF's, where lines may wrap anywhere. */
function expectBoth(text: { docx: string; pdf: string | null }, sentence: string): void {
  expect(text.docx).toContain(sentence);
  if (text.pdf !== null) expect(text.pdf).toContain(sentence.replace(/\s+/g, " "));
}

beforeAll(async () => {
  const { now } = await colpQuarter();
  newPath = await writeTracker(now, dir, "colp-q3.xlsx");
  const r = await runCli(["changes", COLP, newPath, "--as-of", "30/11/2016", "--old-as-of", "31/10/2016", "--json"]);
  report = JSON.parse(r.stdout);
});

describe("papers built with --since say what moved, with the figures of boardpack changes", () => {
  it("City of London: the Summary's 'Since the last report' sentence and a section listing the moves by key area", async () => {
    const c = report.counts;
    expect([c.completed, c.new, c.slipped, c.deteriorated]).toEqual([1, 1, 1, 2]);
    const text = await paperText("city-of-london-committee", true);
    expectBoth(text, "Since the last report (31st October 2016), 1 task has been completed, 1 new task has been added and 1 task's target date has moved later; 2 tasks' RAG ratings have worsened.");
    expectBoth(text, "Completed: 1.10 Body-worn cameras to be issued to all frontline officers including Criminal Investigation Dept and PPU.");
    expectBoth(text, "Due date moved from Q4 2016/17 to 30/06/2017 (91 days later): 1.11 Agree how BWC footage");
    expectBoth(text, "RAG rating moved from Amber to Red: 2.10 Formalise a service level agreement");
    expectBoth(text, "RAG rating moved from Green to Red: 6.7 Take part in a peer to peer case scrutiny");
    // By key area, in the tracker's order; areas where nothing moved are not listed.
    const areas = ["Understanding & Identifying Risk", "Prioritising & allocating domestic abuse investigations", "Leadership and Governance"];
    const section = text.docx.slice(text.docx.indexOf("Since the last report\n"), text.docx.indexOf("Work still in progress"));
    expect(section.split("\n").filter((l) => !l.includes(":") && l !== "Since the last report" && l !== "")).toEqual(areas);
  });

  it("Cambridgeshire: the Background says it, then lists the moves by heading", async () => {
    const text = await paperText("cambridgeshire-bcb", true);
    expectBoth(text, "Since the last report to the Board (31 October 2016), 1 action has been completed, 1 new action has been added and 1 action's target date has moved later; 2 actions' RAG ratings have worsened.");
    const background = text.docx.slice(text.docx.indexOf("Background"), text.docx.indexOf("Action Plan"));
    expect(background).toContain("Completed: 1.10 Body-worn cameras");
  });

  it("Lancashire: each work stream says what moved in it", async () => {
    const text = await paperText("lancashire-scrutiny", true);
    const stream = (title: string, next: string) => text.docx.slice(text.docx.indexOf(`${title}\n`), text.docx.indexOf(`${next}\n`));
    expect(stream("Understanding & Identifying Risk", "Prioritising & allocating domestic abuse investigations")).toContain("Since the last meeting, 1 action has been completed and 1 due date has moved later.");
    expect(stream("Prioritising & allocating domestic abuse investigations", "Safeguarding victims at medium & standard risk")).toContain("Since the last meeting, no action has been completed; 1 RAG rating has worsened.");
    expect(stream("Views of victims", "Training and Development")).toContain("Since the last meeting, no action has been completed.");
    expectBoth(text, "RAG rating moved from Green to Red: 6.7 Take part in a peer to peer");
  });

  it("without --since, the papers read as today", async () => {
    for (const style of ["city-of-london-committee", "cambridgeshire-bcb", "lancashire-scrutiny"]) {
      const text = await paperText(style, false);
      expect(text.docx).not.toMatch(/Since the last|moved from|Completed: /);
    }
  });
});
