#!/usr/bin/env node
// `npm run bench` (after `npm run build`): boardpack's route from a tracker to a RAG tracker and
// a board paper (Word and PDF), timed as the whole processes a user runs, at several sizes of
// synthetic tracker — and, with --peer, the route a team would otherwise take on the same
// content in the same run: docxtemplater for the Word paper, headless LibreOffice for its PDF
// and exceljs's plain writer for the tracker (scripts/bench/peer.js).
//
//   npm run bench                              100, 1,000, 4,300, 5,000 and 50,000 actions
//   npm run bench -- --sizes 100,1000 --runs 3
//   npm run bench -- --peer                    and the peer route, when LibreOffice is installed,
//                                              up to 5,000 actions (--peer-max to change that:
//                                              LibreOffice's time grows with the square of the
//                                              table, and takes hours on 50,000 rows)
//
// Each size runs several times (fewer for the largest) and reports the median: wall time, peak
// memory (maxRssMb from each process's --timings line) and the time of each stage. The table goes
// to stdout and everything to out/bench/results.json. Inputs are generated once and cached in
// out/bench/inputs/; nothing is downloaded.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { appTable, benchApp } from "./app.js";
import { writeTracker } from "./generate.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = join(ROOT, "bin", "boardpack.js");
const PEER = join(ROOT, "scripts", "bench", "peer.js");
const OUT = join(ROOT, "out", "bench");
const INPUTS = join(OUT, "inputs");
/** Bump when generate.js changes what it writes, so cached inputs are made again. */
const INPUT_VERSION = 2;
const AS_OF = "2016-11-30";
const STYLE = "city-of-london-committee";
const DEFAULT_SIZES = [100, 1_000, 4_300, 5_000, 50_000];
/** Sizes from this one up run at most twice (a 50,000-action LibreOffice conversion takes many minutes). */
const LARGE = 20_000;

const { values } = parseArgs({
  options: {
    sizes: { type: "string" },
    runs: { type: "string" },
    peer: { type: "boolean" },
    "peer-max": { type: "string" },
    "no-app": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("npm run bench -- [--sizes 100,1000,...] [--runs N] [--peer] [--peer-max 5000] [--no-app]");
  process.exit(0);
}
const sizes = values.sizes ? values.sizes.split(",").map((s) => Number(s.replace(/[_,]/g, ""))) : DEFAULT_SIZES;
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`--sizes ${values.sizes}: give whole numbers of actions, such as --sizes 100,1000`);
const runs = values.runs === undefined ? 5 : Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs ${values.runs}: give a whole number of runs, such as --runs 3`);
if (!existsSync(join(ROOT, "dist", "bundle", "main.js"))) fail("dist/ is missing: run npm run build first");

const peerMax = values["peer-max"] === undefined ? 5_000 : Number(values["peer-max"].replace(/[_,]/g, ""));
if (!Number.isFinite(peerMax)) fail(`--peer-max ${values["peer-max"]}: give a number of actions, such as --peer-max 5000`);
const soffice = values.peer ? findSoffice() : null;
if (values.peer && !soffice) console.error("bench: LibreOffice (soffice) is not installed, so the peer route is left out.");
const timeCommand = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function findSoffice() {
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync(name, ["--version"], { encoding: "utf8" });
    if (r.status === 0) return { command: name, version: r.stdout.trim() };
  }
  return null;
}

/** Runs a command to the end; wall time in ms, the --timings line (if any), peak RSS of /usr/bin/time (if used). */
function run(command, args, { measureRss = false } = {}) {
  const argv = measureRss && timeCommand ? [timeCommand, ["-f", "\nmaxrss-kb %M", command, ...args]] : [command, args];
  return new Promise((done, failed) => {
    const start = process.hrtime.bigint();
    const child = spawn(argv[0], argv[1], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", failed);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) return failed(new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${stderr.slice(-2000)}`));
      const line = /^timings: (.*)$/m.exec(stderr);
      const rss = /^maxrss-kb (\d+)$/m.exec(stderr);
      done({ ms, timings: line ? JSON.parse(line[1]) : null, rssMb: rss ? Math.round(Number(rss[1]) / 1024) : null });
    });
  });
}

const median = (xs) => {
  const sorted = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const stage = (r, name) => r.timings?.stages?.[name] ?? null;

async function inputFor(size) {
  const path = join(INPUTS, `tracker-${size}-v${INPUT_VERSION}.xlsx`);
  if (!existsSync(path)) {
    process.stderr.write(`bench: writing a tracker of ${size.toLocaleString("en-GB")} actions… `);
    await writeTracker(path, size);
    process.stderr.write("done\n");
  }
  return path;
}

async function oursOnce(input, dir) {
  const convert = await run(process.execPath, [BIN, "convert", input, "-o", join(dir, "tracker.xlsx"), "--as-of", AS_OF, "--timings"]);
  const paper = await run(process.execPath, [BIN, "paper", input, "--style", STYLE, "--format", "docx,pdf", "-o", dir, "--as-of", AS_OF, "--timings"]);
  return {
    ms: convert.ms + paper.ms,
    convertMs: convert.ms,
    paperMs: paper.ms,
    ingest: stage(paper, "ingest"),
    convertIngest: stage(convert, "ingest"),
    compose: stage(paper, "compose"),
    docx: stage(paper, "docx"),
    pdf: stage(paper, "pdf"),
    xlsx: stage(convert, "xlsx"),
    convertRssMb: convert.timings?.maxRssMb ?? null,
    paperRssMb: paper.timings?.maxRssMb ?? null,
  };
}

async function peerOnce(input, template, dir) {
  const docxPath = join(dir, "paper.docx");
  const paper = await run(process.execPath, [PEER, "paper", input, template, docxPath]);
  // A fresh LibreOffice profile every run, as a script on a server would have.
  const profile = mkdtempSync(join(tmpdir(), "bench-lo-"));
  try {
    const pdf = await run(soffice.command, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, docxPath], { measureRss: true });
    if (!existsSync(join(dir, "paper.pdf"))) throw new Error("LibreOffice wrote no PDF");
    const tracker = await run(process.execPath, [PEER, "tracker", input, join(dir, "tracker.xlsx")]);
    return {
      ms: paper.ms + pdf.ms + tracker.ms,
      docxProcessMs: paper.ms,
      docx: (stage(paper, "render") ?? 0) + (stage(paper, "zip") ?? 0),
      pdfMs: pdf.ms,
      xlsxProcessMs: tracker.ms,
      xlsx: stage(tracker, "xlsx"),
      ingest: stage(paper, "ingest"),
      docxRssMb: paper.timings?.maxRssMb ?? null,
      pdfRssMb: pdf.rssMb,
      xlsxRssMb: tracker.timings?.maxRssMb ?? null,
    };
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(join(dir, "paper.pdf"), { force: true });
  }
}

function summarise(list) {
  const out = {};
  for (const key of Object.keys(list[0] ?? {})) out[key] = median(list.map((r) => r[key]));
  return out;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const results = [];
  let template = null;
  if (soffice) {
    template = join(INPUTS, `peer-template-v${INPUT_VERSION}.docx`);
    if (!existsSync(template)) {
      mkdirSync(INPUTS, { recursive: true });
      await run(process.execPath, [PEER, "template", template]);
    }
  }
  // One run of each route before timing, so the first size does not pay for a cold disk cache.
  const warm = join(OUT, "runs", "warm-up");
  mkdirSync(warm, { recursive: true });
  const smallest = await inputFor(Math.min(...sizes));
  await oursOnce(smallest, warm);
  if (soffice) await peerOnce(smallest, template, warm);

  // boardpack check on a 100-row tracker: the whole process.
  const checkInput = await inputFor(100);
  const checks = [];
  for (let i = 0; i < Math.max(runs, 3); i++) checks.push((await run(process.execPath, [BIN, "check", checkInput, "--timings"])).ms);
  const check = { ms: median(checks), runs: checks.length };
  console.error(`bench: boardpack check, 100 actions: ${fmtMs(check.ms)} (median of ${checks.length})`);

  for (const size of sizes) {
    const input = await inputFor(size);
    const n = size >= LARGE ? Math.min(runs, 2) : runs;
    const dir = join(OUT, "runs", String(size));
    mkdirSync(join(dir, "ours"), { recursive: true });
    mkdirSync(join(dir, "peer"), { recursive: true });
    const ours = [];
    const peer = [];
    for (let i = 0; i < n; i++) {
      ours.push(await oursOnce(input, join(dir, "ours")));
      console.error(`bench: ${size.toLocaleString("en-GB")} actions, boardpack run ${i + 1}/${n}: ${fmtMs(ours.at(-1).ms)}`);
      if (soffice && size <= peerMax) {
        peer.push(await peerOnce(input, template, join(dir, "peer")));
        console.error(`bench: ${size.toLocaleString("en-GB")} actions, peer run ${i + 1}/${n}: ${fmtMs(peer.at(-1).ms)}`);
      }
    }
    const row = { size, runs: n, ours: summarise(ours), oursRuns: ours };
    if (peer.length > 0) {
      row.peer = summarise(peer);
      row.peerRuns = peer;
      row.ratio = { route: row.ours.ms / row.peer.ms, docx: row.ours.docx / row.peer.docx };
    }
    results.push(row);
  }

  const by = new Map(results.map((r) => [r.size, r]));
  const growth = by.has(5_000) && by.has(50_000) ? by.get(50_000).ours.ms / by.get(5_000).ours.ms : null;
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, libreoffice: soffice?.version ?? null },
    peerMax: soffice ? peerMax : null,
    check,
    growth,
    results,
  };
  // The web page (boardpack app): its steps warm over HTTP, and the same work cold, on 1,000 actions.
  if (!values["no-app"]) {
    console.error("bench: boardpack app, 1,000 actions…");
    report.app = { size: 1_000, ...(await benchApp(await inputFor(1_000), runs)) };
  }
  writeFileSync(join(OUT, "results.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(table(results, check, growth));
  if (report.app) console.log(`\n${appTable(report.app.size, report.app)}`);
  console.log(`\nFull results: ${join("out", "bench", "results.json")}`);
}

function fmtMs(ms) {
  if (ms === null || ms === undefined) return "–";
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

function fmtMb(mb) {
  return mb === null || mb === undefined ? "–" : String(Math.round(mb));
}

function fmtRatio(r) {
  if (!r) return "–";
  return `${r.toFixed(3)} (${(1 / r).toFixed(1)}× faster)`;
}

function table(results, check, growth) {
  const rows = [];
  const head = ["actions", "runs", "boardpack", "convert", "paper", "ingest", "compose", "docx", "pdf", "xlsx", "RSS MB convert/paper"];
  const withPeer = results.some((r) => r.peer);
  if (withPeer) head.push("peer route", "docxtemplater", "LibreOffice", "exceljs", "peer RSS MB", "ours ÷ peer (route)", "ours ÷ peer (.docx)");
  for (const r of results) {
    const o = r.ours;
    const cells = [r.size.toLocaleString("en-GB"), String(r.runs), fmtMs(o.ms), fmtMs(o.convertMs), fmtMs(o.paperMs), fmtMs(o.ingest), fmtMs(o.compose), fmtMs(o.docx), fmtMs(o.pdf), fmtMs(o.xlsx), `${fmtMb(o.convertRssMb)} / ${fmtMb(o.paperRssMb)}`];
    if (withPeer) {
      const p = r.peer;
      cells.push(
        p ? fmtMs(p.ms) : "–",
        p ? fmtMs(p.docx) : "–",
        p ? fmtMs(p.pdfMs) : "–",
        p ? fmtMs(p.xlsx) : "–",
        p ? fmtMb(Math.max(p.docxRssMb ?? 0, p.pdfRssMb ?? 0, p.xlsxRssMb ?? 0) || null) : "–",
        fmtRatio(r.ratio?.route),
        fmtRatio(r.ratio?.docx),
      );
    }
    rows.push(cells);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  const out = [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)];
  out.push("");
  out.push(`Times are medians of whole processes: boardpack = convert (-o tracker.xlsx) + paper (--format docx,pdf); stages from --timings.`);
  if (withPeer) {
    out.push("Peer route = docxtemplater (.docx) + LibreOffice headless (.pdf, fresh profile) + exceljs plain writer (.xlsx), each a whole process; its .docx time is render + zip.");
    const skipped = results.filter((r) => !r.peer).map((r) => r.size.toLocaleString("en-GB"));
    if (skipped.length > 0) out.push(`No peer run at ${skipped.join(", ")} actions (above --peer-max ${peerMax.toLocaleString("en-GB")}).`);
  }
  out.push(`boardpack check, 100 actions: ${fmtMs(check.ms)}.`);
  if (growth !== null) out.push(`Growth, 50,000 ÷ 5,000 actions: ${growth.toFixed(2)}.`);
  return out.join("\n");
}

await main();
