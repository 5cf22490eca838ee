#!/usr/bin/env node
// The route a team would otherwise take, for `npm run bench -- --peer`: a Word template filled by
// docxtemplater (then headless LibreOffice for the PDF, run by bench.js), and exceljs's plain,
// in-memory writer for the tracker. Each command is one whole process, like boardpack's, and
// prints a `timings: {json}` line on stderr in the same form as boardpack's --timings.
//
//   node scripts/bench/peer.js template <template.docx>
//   node scripts/bench/peer.js paper <tracker.xlsx> <template.docx> <paper.docx>
//   node scripts/bench/peer.js tracker <tracker.xlsx> <tracker.xlsx>
//
// The paper carries the same content as boardpack's city-of-london-committee paper: the header
// table, the summary with its counts, the open actions, a section per theme with its updates,
// the conclusion and the action plan as an appendix table (Ref, Action, Owner, Due, Status, RAG).
import { readFileSync, renameSync, writeFileSync } from "node:fs";

const started = performance.now();
const stages = {};
async function time(stage, work) {
  const start = performance.now();
  try {
    return await work();
  } finally {
    stages[stage] = (stages[stage] ?? 0) + (performance.now() - start);
  }
}
function timingsLine() {
  const round = (ms) => Math.round(ms * 10) / 10;
  const out = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round(v)]));
  return `timings: ${JSON.stringify({ stages: out, totalMs: round(performance.now() - started), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}`;
}

const STATUS = { complete: "Complete", "in progress": "In progress", "not started": "Not started" };

/** The tracker's actions, read with exceljs as a hand-written script would: header row found by its "Ref" cell. */
async function readTracker(path) {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  let columns = null;
  const actions = [];
  sheet.eachRow((row) => {
    const values = row.values; // 1-based
    if (!columns) {
      if (values.some((v) => v === "Ref")) columns = Object.fromEntries(values.map((v, i) => [String(v), i]).filter(([, i]) => i > 0));
      return;
    }
    const text = (name) => {
      const v = values[columns[name]];
      if (v == null) return "";
      if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, "0")}/${String(v.getUTCMonth() + 1).padStart(2, "0")}/${v.getUTCFullYear()}`;
      return String(v);
    };
    actions.push({
      ref: text("Ref"),
      theme: text("Theme"),
      action: text("Action"),
      owner: text("Owner"),
      due: text("Target date"),
      dueValue: values[columns["Target date"]] ?? null,
      status: STATUS[text("Status").toLowerCase()] ?? text("Status"),
      rag: text("RAG"),
      update: text("Update"),
      row: row.number,
    });
  });
  return { sheet: sheet.name, actions };
}

/** What the template's tags are filled with: the same figures and text as boardpack's paper. */
function paperData(actions) {
  const themes = [];
  const byTheme = new Map();
  for (const a of actions) {
    let t = byTheme.get(a.theme);
    if (!t) byTheme.set(a.theme, (t = { title: a.theme, actions: [] })), themes.push(t);
    t.actions.push(a);
  }
  const count = (list, status) => list.filter((a) => a.status === status).length;
  const open = actions.filter((a) => a.status !== "Complete");
  const complete = count(actions, "Complete");
  const roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
  return {
    committee: "Police Committee",
    date: "30 November 2016",
    subject: "Domestic abuse action plan: progress report",
    reportOf: "Commissioner of Police",
    author: "Head of Public Protection",
    total: actions.length,
    themeCount: themes.length,
    complete,
    inProgress: count(actions, "In progress"),
    notStarted: count(actions, "Not started"),
    percent: `${Math.round((complete / Math.max(1, actions.length)) * 100)}%`,
    themeList: themes.map((t, i) => ({ marker: `${roman[i] ?? i + 1})`, title: t.title })),
    open: open.map((a, i) => ({ marker: `${roman[i % roman.length]})`, title: a.action })),
    themes: themes.map((t) => ({
      title: t.title,
      total: t.actions.length,
      complete: count(t.actions, "Complete"),
      updates: t.actions.filter((a) => a.update).map((a) => ({ text: a.update })),
    })),
    actions: actions.map((a) => ({ ref: a.ref, action: a.action, owner: a.owner, due: a.due, status: a.status, rag: a.rag })),
  };
}

/**
 * The Word template, written by boardpack's own Word writer (dist/) from a document tree:
 * docxtemplater tags, loops over themes, updates and table rows.
 */
async function buildTemplate(out) {
  const { renderDocx } = await import("../../dist/render/docx/render-docx.js");
  const { loadHouseStyle } = await import("../../dist/compose/house-styles.js");
  const { style } = loadHouseStyle("city-of-london-committee");
  const runs = (text, bold = false) => [bold ? { text, bold } : { text }];
  const p = (text) => ({ type: "paragraph", role: "body", runs: runs(text) });
  const h = (level, text) => ({ type: "heading", level, runs: runs(text) });
  const cell = (text, bold = false) => ({ paragraphs: [runs(text, bold)] });
  const headerTable = {
    type: "table",
    role: "layout",
    header: [cell("Committee(s):", true), cell("Dated:", true)],
    rows: [
      ["{committee}", "{date}"],
      ["Subject: {subject}", "Public"],
      ["Report of: {reportOf}", "For Information"],
      ["Report author: {author}", ""],
    ].map((row) => row.map((text) => cell(text))),
  };
  const actionTable = {
    type: "table",
    role: "data",
    header: ["Ref", "Action", "Owner", "Due", "Status", "RAG"].map((text) => cell(text, true)),
    // A row loop: docxtemplater repeats the row between {#actions} and {/actions}.
    rows: [["{#actions}{ref}", "{action}", "{owner}", "{due}", "{status}", "{rag}{/actions}"].map((text) => cell(text))],
  };
  const doc = {
    meta: { title: "{subject}", language: "en-GB", date: "2016-11-30" },
    style,
    blocks: [
      headerTable,
      h(1, "Summary"),
      p("This report updates Members on progress against the domestic abuse action plan, as recorded in the working document at {date}."),
      p("The working document contains a total of {total} tasks covering {themeCount} key areas: {#themeList}{marker} {title}; {/themeList}. To date, {complete} tasks have been completed and {inProgress} are in progress; {notStarted} have not yet started."),
      p("The main areas that are still in progress are:"),
      p("{#open}"),
      p("{marker} {title}"),
      p("{/open}"),
      h(1, "Recommendation(s)"),
      p("Members are asked to note the report."),
      h(1, "Main Report"),
      h(2, "Background"),
      p("This is a progress report on the action plan, brought to your Committee so that Members are informed and can oversee and scrutinise the work."),
      p("{#themes}"),
      h(3, "{title}"),
      p("{total} tasks were set under this area; {complete} have been completed."),
      p("{#updates}"),
      p("{text}"),
      p("{/updates}"),
      p("{/themes}"),
      h(2, "Work still in progress on the Action Plan"),
      p("{#open}"),
      p("{marker} {title}"),
      p("{/open}"),
      h(2, "Conclusion"),
      p("{complete} of the {total} tasks in the action plan ({percent}) have been completed. The plan will continue to be actively monitored to ensure that outstanding matters are resolved."),
      h(1, "Appendices"),
      p("A) Action plan"),
      { type: "pageBreak" },
      h(1, "Appendix A – Action plan"),
      actionTable,
    ],
  };
  writeFileSync(out, await renderDocx(doc));
}

async function paper(trackerPath, templatePath, out) {
  const { actions } = await time("ingest", () => readTracker(trackerPath));
  const { default: PizZip } = await import("pizzip");
  const { default: Docxtemplater } = await import("docxtemplater");
  const data = paperData(actions);
  const rendered = await time("render", () => {
    const zip = new PizZip(readFileSync(templatePath));
    const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true });
    doc.render(data);
    return doc;
  });
  const bytes = await time("zip", () => rendered.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }));
  await time("write", () => writeAtomic(out, bytes));
}

const RAG_FILL = { Red: "FFC00000", Amber: "FFFFC000", Green: "FF00B050", Blue: "FF0070C0" };

async function tracker(trackerPath, out) {
  const { sheet, actions } = await time("ingest", () => readTracker(trackerPath));
  const { default: ExcelJS } = await import("exceljs");
  const bytes = await time("xlsx", async () => {
    // exceljs's plain writer: the whole workbook built in memory, then written.
    const book = new ExcelJS.Workbook();
    book.creator = "bench peer";
    const ws = book.addWorksheet("Tracker", { views: [{ state: "frozen", ySplit: 1 }], pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.columns = [
      { header: "Ref", width: 8 },
      { header: "Theme", width: 30 },
      { header: "Recommendation", width: 20 },
      { header: "Action", width: 50 },
      { header: "Owner", width: 20 },
      { header: "Due", width: 12, style: { numFmt: "dd/mm/yyyy" } },
      { header: "Status", width: 14 },
      { header: "RAG", width: 8 },
      { header: "Update", width: 80 },
      { header: "Evidence", width: 20 },
      { header: "Source", width: 22 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const a of actions) {
      const row = ws.addRow([a.ref, a.theme, null, a.action, a.owner, a.dueValue, a.status, a.rag, a.update || null, null, `${sheet}, row ${a.row}`]);
      row.alignment = { vertical: "top", wrapText: true };
      const fill = RAG_FILL[a.rag];
      if (fill) row.getCell(8).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: actions.length + 1, column: 11 } };
    const summary = book.addWorksheet("Summary");
    summary.addRow(["Status", "Actions"]);
    for (const status of ["Complete", "In progress", "Not started"]) summary.addRow([status, actions.filter((a) => a.status === status).length]);
    return book.xlsx.writeBuffer();
  });
  await time("write", () => writeAtomic(out, Buffer.from(bytes)));
}

function writeAtomic(path, bytes) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

const [command, ...args] = process.argv.slice(2);
if (command === "template") await buildTemplate(args[0]);
else if (command === "paper") await paper(args[0], args[1], args[2]);
else if (command === "tracker") await tracker(args[0], args[1]);
else {
  console.error("usage: peer.js template <out.docx> | paper <tracker.xlsx> <template.docx> <out.docx> | tracker <tracker.xlsx> <out.xlsx>");
  process.exit(2);
}
if (args.includes("--timings") || command !== "template") console.error(timingsLine());
