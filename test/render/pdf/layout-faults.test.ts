// Issue 12's layout faults in the PDF, read back with poppler as a reader sees the pages:
// Lancashire's "th" smaller and raised yet extracted as "12th"; City of London's objectives at
// one x in every area; a roman area heading never stranded from its lead-in, objective and first
// paragraph, wherever the page break falls; "Mar-17" never broken at its hyphen; appendix rows
// moved whole to the next page unless taller than a page. Where a page break matters, the test
// sweeps the text before it so that the break falls across the thing tested in some variant, and
// checks that it did.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { keepDatesTogether } from "../../../src/compose/date-spaces.js";
import type { Doc } from "../../../src/compose/doc.js";
import { renderPdf } from "../../../src/render/pdf/render-pdf.js";
import { compose, DATA, planWith, samplePlan, writeSpec } from "../../compose/fixtures.js";
import { hasPoppler } from "../../helpers/real-clients.js";
import { cell, h, houseStyle, p, t } from "./fixtures.js";
import { pdftotext, writePdf } from "./pdf-tools.js";

interface Word {
  text: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word poppler finds, in content order, with its page (from 1) and box in points from the top left. */
function words(path: string): Word[] {
  const r = spawnSync("pdftotext", ["-bbox", "-enc", "UTF-8", path, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext -bbox failed: ${r.stderr}`);
  const out: Word[] = [];
  let page = 0;
  for (const line of r.stdout.split("\n")) {
    if (line.includes("<page ")) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ text: m[5]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'"), page, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]! });
  }
  return out;
}

/** The word right of `word` on the same line. */
function firstAfter(all: readonly Word[], word: Word): Word {
  const line = all.filter((w) => w.page === word.page && Math.abs(w.yMin - word.yMin) < 2 && w.xMin > word.xMax);
  return line.reduce((a, b) => (b.xMin < a.xMin ? b : a));
}

async function pdfOf(doc: Doc): Promise<string> {
  return writePdf(await renderPdf(doc));
}

/** A function giving the page (from 1) whose text holds a phrase, from pdftotext's pages. */
function pagesOf(path: string): (needle: string) => number {
  const r = spawnSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" });
  const pages = r.stdout.split("\f").map((pg) => pg.replace(/\s+/g, " "));
  return (needle) => {
    const i = pages.findIndex((pg) => pg.includes(needle));
    if (i < 0) throw new Error(`"${needle}" is on no page`);
    return i + 1;
  };
}

const poppler = hasPoppler();
/** The foot of an A4 page's text area with 2.54 cm margins, in points from the top. */
const BODY_BOTTOM = 841.89 - 72;

describe.skipIf(!poppler)("the PDF paper's layout, read back by poppler", () => {
  let colpPath: string;
  let lancsPath: string;
  beforeAll(async () => {
    colpPath = await pdfOf(compose(await samplePlan("colp-da-action-plan.xlsx"), { specPath: join(DATA, "colp-committee-paper.md") }).doc!);
    lancsPath = await pdfOf(compose(await samplePlan("lancs-da-action-plan.xlsx"), { specPath: join(DATA, "lancs-scrutiny-paper.md") }).doc!);
  }, 60_000);

  it("prints Lancashire's 12th January 2015 with the th smaller and raised, and extracts it as 12th", () => {
    expect(pdftotext(lancsPath, 1)).toMatch(/DATE: 12th January 2015/);
    const all = words(lancsPath);
    const at = all.findIndex((w) => w.text === "DATE:");
    const [day, suffix, month] = all.slice(at + 1, at + 4);
    expect([day!.text, suffix!.text, month!.text]).toEqual(["12", "th", "January"]);
    expect(suffix!.yMax - suffix!.yMin).toBeLessThan(0.7 * (day!.yMax - day!.yMin));
    expect(suffix!.yMax).toBeLessThan(day!.yMax - 3); // raised above the line's baseline
    expect(suffix!.xMin).toBeCloseTo(day!.xMax, 0); // right after the day, no space
  });

  it("sets every City of London objective i), ii), iii) at one x in every area, its text at another", () => {
    const all = words(colpPath);
    const from = all.findIndex((w, i) => w.text === "Section" && all[i + 1]?.text === "2");
    const to = all.findIndex((w, i) => i > from && w.text === "Work" && all[i + 1]?.text === "still");
    // Each marker with the first word after it on its line (poppler lists a hanging marker apart from its text).
    const markers = all
      .slice(from, to)
      .filter((w) => /^(i|ii|iii)\)$/.test(w.text))
      .map((marker) => ({ marker, text: firstAfter(all, marker) }));
    expect(markers.map((m) => m.marker.text)).toEqual(["i)", "ii)", "iii)", "i)", "i)", "ii)", "i)", "i)", "ii)", "i)", "ii)", "iii)"]);
    expect(new Set(markers.map((m) => m.marker.xMin.toFixed(1))).size).toBe(1);
    expect(new Set(markers.map((m) => m.text.xMin.toFixed(1))).size).toBe(1);
    // Under the numbered paragraphs' text, 1.27 cm in from the margin.
    const paragraphText = firstAfter(all, all.find((w) => w.text === "7.")!);
    expect(markers[0]!.marker.xMin).toBeCloseTo(paragraphText.xMin, 1);
  });

  it("never leaves a roman area heading at a page foot: heading, lead-in, objective and the first lines of the answer share a page", async () => {
    const plan = planWith([{}]);
    const filler = "The working document is monitored and reviewed by the Vulnerability Working Group.";
    let moved = 0;
    for (let n = 22; n <= 50; n++) {
      const spec = writeSpec(
        [
          "---",
          "style: city-of-london-committee",
          "committees: [{ name: Police, date: 15/12/2016 }]",
          "reportOf: Commissioner of Police",
          "reportAuthor: DCI Alex Hayman",
          "---",
          "# Main Report",
          "",
          ...Array.from({ length: n }, () => `${filler}\n`),
          "### Understanding & Identifying Risk",
          "",
          "Three main objectives were set under this area:",
          "",
          "i) *Clear and consistent guidance should be given by supervisors and Inspectors to frontline officers to support the correct assessment of risk.*",
          "",
          "In terms of supervision, the DASH risk assessment that is completed for every domestic abuse crime and incident has to be supervised and signed by the Duty Inspector with their rationale noted for the risk level.",
          "",
        ].join("\n"),
      );
      const path = await pdfOf(compose(plan, { specPath: spec }).doc!);
      const pageOf = pagesOf(path);
      const heading = pageOf("I Understanding & Identifying Risk");
      expect(pageOf("Three main objectives"), `variant ${n}`).toBe(heading);
      expect(pageOf("Clear and consistent guidance"), `variant ${n}`).toBe(heading);
      expect(pageOf("In terms of supervision, the DASH risk assessment"), `variant ${n}`).toBe(heading);
      expect(pageOf("signed by the Duty Inspector"), `variant ${n}`).toBe(heading);
      // Moved: the page before ends with room (above its 2.54 cm bottom margin) the heading alone would have used.
      const lastBefore = words(path).filter((w) => w.page === heading - 1 && w.yMax < BODY_BOTTOM).at(-1);
      if (lastBefore && BODY_BOTTOM - lastBefore.yMax > 40) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("never breaks Mar-17 (or 2016-17) at its hyphen, wherever the line ends, and extracts it whole", async () => {
    let startsLine = 0;
    // One short word more each time: the line's end moves across the dates in 10-point steps.
    for (let n = 0; n < 45; n++) {
      const doc: Doc = {
        meta: { title: "Due dates", language: "en-GB", date: "2016-11-30" },
        style: houseStyle({ numbering: { paragraphs: "none", headings: false } }),
        blocks: [p(`${"a ".repeat(n)}Training for frontline officers is to be rolled out by Mar-17 under the 2016-17 plan, with a review in Q4 2016/17 once the package has run.`)],
      };
      keepDatesTogether(doc.blocks);
      const lines = pdftotext(await pdfOf(doc)).split("\n").map((l) => l.trim());
      for (const line of lines) expect(line, `variant ${n}`).not.toMatch(/(Mar|2016)-$/);
      const text = lines.join(" ");
      expect(text).toContain("Mar-17");
      expect(text).toContain("2016-17");
      if (lines.some((l) => l.startsWith("Mar-17") || l.startsWith("2016-17"))) startsLine++;
    }
    expect(startsLine).toBeGreaterThan(0);
  });

  it("moves an appendix row that does not fit to the next page whole, and splits only a row taller than a page, its header repeated", async () => {
    const update = (i: number) => `ROWSTART${i} ${"Review the domestic abuse training package and roll it out to every frontline officer. ".repeat(5)}ROWEND${i}`;
    let moved = 0;
    for (let n = 0; n < 12; n++) {
      const rows = Array.from({ length: 16 }, (_, i) => [cell(`1.${i + 1}`), { paragraphs: [[t(update(i + 1))]] }]);
      const doc: Doc = {
        meta: { title: "Appendix", language: "en-GB", date: "2016-11-30" },
        style: houseStyle({ numbering: { paragraphs: "none", headings: false } }),
        blocks: [...Array.from({ length: n }, () => p("The whole plan as at 30 November 2016.")), h(1, "Appendix A"), { type: "table", role: "data", header: [cell("Ref"), cell("Update")], rows }],
      };
      const path = await pdfOf(doc);
      const all = words(path);
      for (let i = 1; i <= 16; i++) {
        const start = all.find((w) => w.text === `ROWSTART${i}`)!;
        const end = all.find((w) => w.text === `ROWEND${i}`)!;
        expect(end.page, `variant ${n}, row ${i}`).toBe(start.page);
      }
      // A row that starts a page (below the header drawn again) while the page before had room for a few of its lines.
      for (let i = 2; i <= 16; i++) {
        const start = all.find((w) => w.text === `ROWSTART${i}`)!;
        const previousEnd = all.find((w) => w.text === `ROWEND${i - 1}`)!;
        if (start.page > previousEnd.page && BODY_BOTTOM - previousEnd.yMax > 40) moved++;
      }
    }
    expect(moved).toBeGreaterThan(0);

    // A row taller than a page is split, and the page it runs onto starts with the header again.
    const tall = `TALLSTART ${"Review the domestic abuse training package and roll it out to every frontline officer. ".repeat(70)}TALLEND`;
    const doc: Doc = {
      meta: { title: "Appendix", language: "en-GB", date: "2016-11-30" },
      style: houseStyle({ numbering: { paragraphs: "none", headings: false } }),
      blocks: [p("The whole plan."), { type: "table", role: "data", header: [cell("Ref"), cell("Update")], rows: [[cell("1.1"), { paragraphs: [[t(tall)]] }]] }],
    };
    const path = await pdfOf(doc);
    const all = words(path);
    const start = all.find((w) => w.text === "TALLSTART")!;
    const end = all.find((w) => w.text === "TALLEND")!;
    expect(start.page).toBe(1);
    expect(end.page).toBeGreaterThan(1);
    const page2 = all.filter((w) => w.page === 2);
    expect(page2.slice(0, 2).map((w) => w.text)).toEqual(["Ref", "Update"]);
  });
});
