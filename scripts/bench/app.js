// The web page's speed (part of `npm run bench`, or alone: node scripts/bench/app.js [--runs N]):
// the app's server started in this process, spoken to over HTTP as the page does, on a tracker of
// 1,000 actions — warm, each step's median — and the same work through the cold command line in
// the same run, for the ratio:
//   understood and shown  POST /api/tracker (read + the page's view)  vs  boardpack check
//   preview after an edit POST /api/paper with changed words           vs  boardpack paper --format html
//   Word + PDF + tracker  POST /api/download ×3                        vs  paper --format docx,pdf + convert -o .xlsx
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = join(ROOT, "bin", "boardpack.js");
const AS_OF = "2016-11-30";
const STYLE = "city-of-london-committee";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function timed(work) {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

function cold(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`boardpack ${args[0]} failed: ${r.stderr}`);
  return ms;
}

/** The medians, in ms, for one tracker: { app: {...}, cli: {...} }. */
export async function benchApp(input, runs = 5) {
  const { startApp } = await import(pathToFileURL(join(ROOT, "dist", "app", "server.js")).href);
  const app = await startApp({ host: "127.0.0.1", port: 0, asOf: AS_OF, version: "bench" });
  const origin = app.url.replace(/\/$/, "");
  const post = async (path, body, headers = {}) => {
    const response = await fetch(`${origin}${path}`, { method: "POST", headers: { origin, "content-type": "application/json", ...headers }, body });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (!response.ok) throw new Error(`${path}: ${response.status} ${new TextDecoder().decode(bytes)}`);
    return bytes;
  };
  const bytes = readFileSync(input);
  const styles = JSON.parse(await (await fetch(`${origin}/api/styles`)).text()).styles;
  const style = styles.find((s) => s.name === STYLE);
  const form = (body) => ({ style: STYLE, fields: style.defaults.fields, committees: style.defaults.committees, contacts: [], body });
  const times = { upload: [], preview: [], files: [] };
  try {
    // One round before timing: the server's modules and the writers load once, as in a session.
    for (let i = 0; i <= runs; i++) {
      const upload = await timed(() => post("/api/tracker", bytes, { "content-type": "application/octet-stream", "x-file-name": "tracker.xlsx" }));
      const { session } = JSON.parse(new TextDecoder().decode(upload.result));
      await post("/api/paper", JSON.stringify({ session, form: form(style.defaults.body), values: true }));
      const preview = await timed(() => post("/api/paper", JSON.stringify({ session, form: form(`${style.defaults.body}\nOne more sentence, edit ${i}.\n`) })));
      const files = await timed(async () => {
        for (const what of ["docx", "pdf", "tracker"]) await post("/api/download", JSON.stringify({ session, what, form: form(style.defaults.body) }));
      });
      await post("/api/end", JSON.stringify({ session }));
      if (i === 0) continue;
      times.upload.push(upload.ms);
      times.preview.push(preview.ms);
      times.files.push(files.ms);
    }
  } finally {
    await app.close();
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-app-"));
  const cli = { upload: [], preview: [], files: [] };
  for (let i = 0; i < runs; i++) {
    cli.upload.push(cold(["check", input]));
    cli.preview.push(cold(["paper", input, "--style", STYLE, "--format", "html", "-o", join(dir, "paper.html"), "--as-of", AS_OF]));
    cli.files.push(cold(["paper", input, "--style", STYLE, "--format", "docx,pdf", "-o", dir, "--as-of", AS_OF]) + cold(["convert", input, "-o", join(dir, "tracker.xlsx"), "--as-of", AS_OF]));
  }
  const m = (o) => ({ upload: median(o.upload), preview: median(o.preview), files: median(o.files) });
  return { runs, app: m(times), cli: m(cli) };
}

export function appTable(size, r) {
  const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
  const rows = [
    ["tracker understood and shown", "0.3 s", r.app.upload, r.cli.upload, "boardpack check"],
    ["preview after an edit", "0.15 s", r.app.preview, r.cli.preview, "paper --format html"],
    ["Word + PDF + tracker ready", "1 s", r.app.files, r.cli.files, "paper --format docx,pdf + convert"],
  ].map(([what, goal, app, cli, command]) => [what, goal, ms(app), ms(cli), command, `${(cli / app).toFixed(1)}×`]);
  const head = ["boardpack app, " + size.toLocaleString("en-GB") + " actions", "goal", "app (warm, HTTP)", "command line (cold)", "the same work as", "cold ÷ warm"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line), "", `Medians of ${r.runs} runs each; the app's server runs in the bench's process, after one round that loads it.`].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const runsArg = process.argv.indexOf("--runs");
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
  const { writeTracker } = await import("./generate.js");
  const input = join(mkdtempSync(join(tmpdir(), "bench-app-in-")), "tracker-1000.xlsx");
  await writeTracker(input, 1000);
  console.log(appTable(1000, await benchApp(input, runs)));
}
