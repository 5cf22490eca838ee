/// <reference lib="dom" />
// boardpack app in a real browser (Debian's chromium, driven by playwright-core), as a user
// goes through it: upload each sample tracker and see its counts, change a column and see the
// counts change, pick each board, fill the form and edit the words and see the preview follow,
// make a mistake and see it at its line, download every file and open it with the real
// clients, all by keyboard where a user would — and axe-core finds nothing wrong on any step.
// Skipped, with a message, where chromium is not installed; required in CI (.ci/run).
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Download, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../src/app/server.js";
import { loadTracker, loadTrackerBytes } from "../../src/ingest/load-tracker.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { hasOpenpyxl, hasPoppler, hasPythonDocx, hasTool, python } from "../helpers/real-clients.js";
import { spawnSync } from "node:child_process";

const CHROMIUM = "/usr/bin/chromium";
const present = hasTool(CHROMIUM, ["--version"]);
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AS_OF = "2016-11-01";

let app: RunningApp;
let browser: Browser;

async function axeViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE);
  const result = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return axe.run({ exclude: [["#preview"]] }, { resultTypes: ["violations"] });
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`);
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  const frame = page.frame({ url: /\/preview$/ });
  if (frame) expect(await axeViolations(frame)).toEqual([]);
}

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // The machines tests run on may be busy: waiting is not what these tests measure.
  page.setDefaultTimeout(90_000);
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto(app.url);
  return page;
}

async function upload(page: Page, file: string): Promise<void> {
  await page.setInputFiles("#tracker-file", file);
  await page.waitForSelector("#tracker-result h3");
}

async function previewText(page: Page): Promise<string> {
  return page.frameLocator("#preview").locator("#paper").innerText();
}

async function previewSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => /up to date|waits until/.test(document.getElementById("preview-status")!.textContent ?? ""));
}

async function chooseStyle(page: Page, style: string): Promise<void> {
  await page.check(`#style-${style}`);
  await page.waitForFunction(() => (document.getElementById("preview-status")!.textContent ?? "").includes("up to date"));
}

async function downloadFile(page: Page, what: string, dir: string): Promise<{ path: string; name: string }> {
  const [download] = (await Promise.all([page.waitForEvent("download"), page.click(`[data-download="${what}"]`)])) as [Download, void];
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
}

describe.skipIf(!present)("boardpack app in Chromium", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    app = await startApp({ host: "127.0.0.1", port: 0, asOf: AS_OF, version: "test" });
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each([
    ["data/colp-da-action-plan.xlsx"],
    ["data/lancs-da-action-plan.xlsx"],
    ["data/cambs-da-action-plan.csv"],
    ["data/inspection-recommendations.xlsx"],
  ])("reads %s and shows its counts", async (file) => {
    const { plan } = await loadTracker(file);
    const page = await openPage();
    await upload(page, file);
    const actions = await page.textContent("#count-actions");
    expect(actions).toBe(`${plan!.actions.length}${plan!.actions.length === 1 ? "action" : "actions"}`);
    if (plan!.actions.length > 0) {
      const complete = plan!.actions.filter((a) => a.status === "complete").length;
      expect(await page.locator("#status-counts tr", { hasText: "Complete" }).locator("td").textContent()).toBe(String(complete));
      const amber = plan!.actions.filter((a) => a.rag === "amber").length;
      expect(await page.locator("#rag-counts tr", { hasText: "Amber" }).locator("td").textContent()).toBe(String(amber));
    } else {
      expect(await page.textContent("#count-recommendations")).toContain(String(plan!.recommendations.length));
    }
    // RAG cells are coloured and say their word.
    const ragCell = page.locator("#actions-table td.app-rag").first();
    if ((await ragCell.count()) > 0) expect(await ragCell.textContent()).toMatch(/^(Red|Amber|Green|Blue)$/);
    await expectAccessible(page);
    await page.close();
  });

  it("follows a changed column: the counts change and the mapping file says so", async () => {
    const file = "data/colp-da-action-plan.xlsx";
    const page = await openPage();
    await upload(page, file);
    const before = await page.textContent("#count-themes");
    await page.click("#mapping-details summary");
    // Themes read from the Lead column instead: one theme per lead.
    const lead = await page.locator("#columns table").first().locator("tr", { hasText: "Owner" }).locator("td").nth(0).textContent();
    await page.selectOption("#map-theme", lead!);
    await page.waitForFunction((b) => document.getElementById("count-themes")?.textContent !== b, before);
    const expected = await loadTrackerBytes(readFileSync(file), "colp-da-action-plan.xlsx", { mapping: { file: "test", overrides: { theme: lead! }, lines: {} } });
    expect(await page.textContent("#count-themes")).toBe(`${expected.plan!.themes.length}themes`);
    expect(expected.plan!.themes.length).not.toBe(Number(before!.replace(/\D/g, "")));
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-mapping")]);
    const dir = tempDir();
    await download.saveAs(join(dir, "mapping.yaml"));
    expect(readFileSync(join(dir, "mapping.yaml"), "utf8")).toContain(`theme: ${lead}`);
    await expectAccessible(page);
    await page.close();
  });

  it.each([
    ["cambridgeshire-bcb", "field-to", "Business Coordination Board (test)"],
    ["lancashire-scrutiny", "field-to", "Strategic Scrutiny Meeting (test)"],
    ["city-of-london-committee", "field-subject", "Domestic abuse: the test subject"],
  ])("writes the %s paper from the form and the words, the preview following", async (style, field, value) => {
    const page = await openPage();
    await upload(page, "data/colp-da-action-plan.xlsx");
    await chooseStyle(page, style);
    expect(await previewText(page)).toMatch(/57/);
    await page.fill(`#${field}`, value);
    await page.waitForFunction((v) => document.querySelector<HTMLIFrameElement>("#preview")!.contentDocument!.body.innerText.toUpperCase().includes(v.toUpperCase()), value);
    // Typing in the words: the preview shows the new sentence.
    await page.focus("#words");
    await page.keyboard.press("Control+End");
    const started = Date.now();
    await page.keyboard.insertText("\n\nA sentence only this test writes.\n");
    await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>("#preview")!.contentDocument!.body.innerText.includes("A sentence only this test writes."));
    expect(Date.now() - started).toBeLessThan(2_000);
    // The values offered show what they give now.
    expect(await page.locator("#values-table tr", { hasText: "actions complete" }).first().locator("td").nth(1).textContent()).toBe("46");
    await expectAccessible(page);
    await page.close();
  });

  it("shows a mistake in the words at its line, in the command line's words", async () => {
    const page = await openPage();
    await upload(page, "data/colp-da-action-plan.xlsx");
    await chooseStyle(page, "cambridgeshire-bcb");
    await page.fill("#words", '# Purpose\n\nThere are {{count "compleet"}} complete.\n');
    await page.waitForSelector("#problems .app-problem");
    const item = page.locator("#problems .app-problem").first();
    const text = await item.innerText();
    expect(text).toMatch(/^Line 3: /);
    expect(await item.getAttribute("data-line")).toBe("3");
    const cli = /As boardpack's command line says it: (.*)$/m.exec(text)![1]!;
    await previewSettled(page);
    await expectAccessible(page);
    // The same spec through the command line: the same message at the spec file's line.
    const dir = tempDir();
    copyFileSync("data/colp-da-action-plan.xlsx", join(dir, "colp-da-action-plan.xlsx"));
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-download="spec"]')]);
    const specPath = join(dir, download.suggestedFilename());
    await download.saveAs(specPath);
    const run = await runCli(["paper", "--spec", specPath, "--as-of", AS_OF, "-o", dir]);
    expect(run.code).toBe(1);
    const shownWithoutFile = cli.slice(cli.indexOf(":"));
    expect(run.stderr).toContain(`${specPath}${shownWithoutFile}`);
    // Clicking the message puts the cursor on that line of the words.
    await item.locator("a").click();
    const selected = await page.evaluate(() => {
      const words = document.getElementById("words") as HTMLTextAreaElement;
      return words.value.slice(words.selectionStart, words.selectionEnd);
    });
    expect(selected).toBe('There are {{count "compleet"}} complete.');
    await page.close();
  });

  it("writes the section 55 response, with the deadline and the missing responses", async () => {
    const page = await openPage();
    await upload(page, "data/inspection-recommendations.xlsx");
    expect(await page.locator("#style-cambridgeshire-bcb").count()).toBe(0);
    expect(await page.textContent("#style-unavailable")).toContain("needs a tracker of actions");
    await chooseStyle(page, "section-55");
    const hint = await page.textContent("#report-0-hint");
    expect(hint).toMatch(/Response due by \d{1,2} \w+ \d{4}/);
    // The words of `check` and `s55 --list`: the CPS's two are not counted as missing.
    expect(hint).toContain("All 6 recommendations addressed to the force have a response; 2 recommendations addressed to other bodies are not counted.");
    expect(await previewText(page)).toMatch(/Recommendation 1/);
    await expectAccessible(page);
    await page.close();
  });

  it("downloads the Word and PDF papers, the tracker, plan.json and the words, each opening in its real client", async () => {
    const page = await openPage();
    await upload(page, "data/colp-da-action-plan.xlsx");
    await chooseStyle(page, "city-of-london-committee");
    await page.fill("#field-marking", "OFFICIAL");
    await previewSettled(page);
    const dir = tempDir();
    const files: Record<string, { path: string; name: string }> = {};
    for (const what of ["docx", "pdf", "html", "tracker", "plan", "spec"]) files[what] = await downloadFile(page, what, dir);
    const base = files.docx!.name.replace(/\.docx$/, "");
    expect(files.pdf!.name).toBe(`${base}.pdf`);
    expect(files.tracker!.name).toBe(`${base}-tracker.xlsx`);
    expect(files.plan!.name).toBe(`${base}.plan.json`);
    expect(files.spec!.name).toBe(`${base}.md`);

    const { plan } = await loadTracker("data/colp-da-action-plan.xlsx");
    expect(JSON.parse(readFileSync(files.plan!.path, "utf8")).actions.length).toBe(plan!.actions.length);
    expect(readFileSync(files.html!.path, "utf8")).toContain("57 tasks");

    if (hasPythonDocx()) {
      const r = python(`import sys, docx\nd = docx.Document(sys.argv[1])\nprint(d.core_properties.language)\nprint(sum(1 for p in d.paragraphs if p.style.name.startswith("Heading")))\nprint("\\n".join(p.text for p in d.paragraphs))`, [files.docx!.path]);
      expect(r.status).toBe(0);
      expect(r.stdout.split("\n")[0]).toBe("en-GB");
      expect(Number(r.stdout.split("\n")[1])).toBeGreaterThan(3);
      expect(r.stdout).toContain("57 tasks");
    }
    if (hasPoppler()) {
      const text = spawnSync("pdftotext", ["-layout", files.pdf!.path, "-"], { encoding: "utf8" }).stdout;
      expect(text).toContain("OFFICIAL");
      expect(text.replace(/\s+/g, " ")).toContain("57 tasks");
    }
    if (hasOpenpyxl()) {
      const r = python(`import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb["Tracker"]\nprint(ws.max_row - 1)`, [files.tracker!.path]);
      expect(r.status).toBe(0);
      expect(Number(r.stdout.trim())).toBe(plan!.actions.length);
    }
    // The words file is a spec the command line builds the same paper from, next month.
    copyFileSync("data/colp-da-action-plan.xlsx", join(dir, "colp-da-action-plan.xlsx"));
    const run = await runCli(["paper", "--spec", files.spec!.path, "--as-of", AS_OF, "--format", "html", "-o", join(dir, "again.html")]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, "again.html"), "utf8")).toBe(readFileSync(files.html!.path, "utf8"));
    await page.close();
  });

  it("can be used with the keyboard alone", async () => {
    const page = await openPage();
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 400; i++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo("#tracker-file");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
    await chooser.setFiles("data/cambs-da-action-plan.csv");
    await page.waitForSelector("#count-actions");
    await tabTo("#style-cambridgeshire-bcb");
    await page.keyboard.press("Space");
    await previewSettled(page);
    await tabTo("#words");
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("Typed by keyboard. ");
    await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>("#preview")!.contentDocument!.body.innerText.includes("Typed by keyboard."));
    await tabTo('[data-insert="{{total}}"]');
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (document.getElementById("words") as HTMLTextAreaElement).value.includes("{{total}}"));
    await tabTo('[data-download="docx"]');
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await page.close();
  });
  it("compares with last time's tracker, and the paper then says what moved", async () => {
    const dir = tempDir();
    const last = readFileSync("data/cambs-da-action-plan.csv");
    const nowPath = join(dir, "cambs-now.csv");
    const lastPath = join(dir, "cambs-last.csv");
    copyFileSync("data/cambs-da-action-plan.csv", lastPath);
    // This time: action 1.3 ("Ongoing", G) is complete.
    writeFileSync(nowPath, Buffer.from(last.toString("latin1").replace(/^(1\.3,.*),Ongoing,G,/m, "$1,Complete,B,"), "latin1"));
    const page = await openPage();
    await upload(page, nowPath);
    await chooseStyle(page, "cambridgeshire-bcb");
    expect(await previewText(page)).not.toContain("Since the last report");
    await page.setInputFiles("#last-file", lastPath);
    await page.waitForFunction(() => (document.getElementById("last-status")!.textContent ?? "").startsWith("Compared with"));
    expect(await page.textContent("#last-status")).toBe("Compared with cambs-last.csv: 1 completed, 1 re-rated (1 better).");
    await page.waitForFunction(() => {
      const frame = document.getElementById("preview") as HTMLIFrameElement;
      return (frame.contentDocument?.body.innerText ?? "").includes("Since the last report to the Board");
    });
    expect(await previewText(page)).toContain("Completed: 1.3");
    await expectAccessible(page);
    await page.close();
  });
  it("raises an ordinal's suffix in a web paper (30th), as Word and the PDF do", async () => {
    const dir = tempDir();
    const run = await runCli(["paper", "data/lancs-da-action-plan.xlsx", "--style", "lancashire-scrutiny", "--format", "html", "--as-of", AS_OF, "-o", join(dir, "paper.html")]);
    expect(run.code, run.stderr).toBe(0);
    const page = await browser.newPage();
    await page.goto(`file://${join(dir, "paper.html")}`);
    // The suffix's box against the day's last digit just before it: raised, its foot well above the digit's.
    const boxes = await page.evaluate(() => {
      const sup = document.querySelector(".paper sup")!;
      // The text just before it, whichever run (a <strong> of its own) it sits in.
      let node: Node = sup;
      while (!node.previousSibling) node = node.parentNode!;
      let previous: Node = node.previousSibling!;
      while (previous.lastChild) previous = previous.lastChild;
      const before = previous as Text;
      const range = document.createRange();
      range.setStart(before, before.length - 1);
      range.setEnd(before, before.length);
      const day = range.getBoundingClientRect();
      const suffix = sup.getBoundingClientRect();
      return { text: `${before.data.slice(-1)}${sup.textContent}`, dayTop: day.top, dayBottom: day.bottom, suffixBottom: suffix.bottom };
    });
    expect(boxes.text).toMatch(/^\d(st|nd|rd|th)$/);
    expect(boxes.suffixBottom).toBeLessThan(boxes.dayTop + (boxes.dayBottom - boxes.dayTop) * 0.75);
    await page.close();
  });
});
