// What `npm run bench` relies on from the CLI: --timings on convert, paper and check (one JSON
// line on stderr), commands that load only what they need, and the built command — which writes
// the PDF in a worker thread — giving the same bytes as the CLI run in-process.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { asksForPdf } from "../../src/cli/main.js";
import { runBin, runCli, tempDir } from "../helpers/cli.js";
import { DATA } from "../helpers/tracker.js";

const TRACKER = join(DATA, "colp-da-action-plan.xlsx");
const ROOT = join(import.meta.dirname, "..", "..");

function timingsOf(stderr: string): { stages: Record<string, number>; totalMs: number; maxRssMb: number } {
  const line = /^timings: (.*)$/m.exec(stderr);
  if (!line) throw new Error(`no timings line in:\n${stderr}`);
  return JSON.parse(line[1]!);
}

describe("--timings", () => {
  it("times convert's stages", async () => {
    const out = join(tempDir(), "tracker.xlsx");
    const r = await runCli(["convert", TRACKER, "-o", out, "--as-of", "2016-11-30", "--timings"]);
    expect(r.code, r.stderr).toBe(0);
    const t = timingsOf(r.stderr);
    expect(Object.keys(t.stages)).toEqual(["ingest", "xlsx", "write"]);
    expect(t.maxRssMb).toBeGreaterThan(0);
  });

  it("times check's reading", async () => {
    const r = await runCli(["check", TRACKER, "--timings"]);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(timingsOf(r.stderr).stages)).toEqual(["ingest"]);
    expect(r.stdout).not.toMatch(/timings:/);
  });

  it("prints nothing extra without the flag", async () => {
    const r = await runCli(["check", TRACKER]);
    expect(r.stderr).not.toMatch(/timings:/);
  });
});

describe("the built command", () => {
  it("writes the PDF in its worker thread with the same bytes as in-process", async () => {
    const inProcess = tempDir();
    const built = tempDir();
    const args = (dir: string) => ["paper", TRACKER, "--style", "city-of-london-committee", "--format", "docx,pdf", "-o", dir, "--as-of", "2016-11-30", "--marking", "OFFICIAL"];
    const a = await runCli(args(inProcess));
    expect(a.code, a.stderr).toBe(0);
    const b = runBin(args(built));
    expect(b.code, b.stderr).toBe(0);
    for (const file of ["colp-da-action-plan-city-of-london-committee.docx", "colp-da-action-plan-city-of-london-committee.pdf"]) {
      expect(readFileSync(join(built, file)).equals(readFileSync(join(inProcess, file))), file).toBe(true);
    }
  });

  it("loads no writer's library to check a tracker", () => {
    // The files the installed command loads (a module hook lists them), and what scripts/bundle.js
    // put in each: none of the writers' libraries may be among them.
    const hook = `data:text/javascript,export async function load(url, context, next) { if (url.startsWith("file:")) process.stderr.write("loaded " + url + "\\n"); return next(url, context); }`;
    const register = `data:text/javascript,import { register } from "node:module"; register(${JSON.stringify(hook)});`;
    const r = spawnSync(process.execPath, ["--import", register, join(ROOT, "bin", "boardpack.js"), "check", TRACKER], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const appDir = pathToFileURL(join(ROOT, "dist", "bundle")).href + "/";
    const loaded = [...r.stderr.matchAll(/^loaded (\S+)$/gm)].map((m) => m[1]!).filter((url) => url.startsWith(appDir)).map((url) => url.slice(appDir.length));
    expect(loaded).toContain("check.js");
    const contents = JSON.parse(readFileSync(join(ROOT, "dist", "bundle", "contents.json"), "utf8")) as Record<string, string[]>;
    const modules = loaded.flatMap((file) => contents[file] ?? []);
    expect(modules.some((m) => m.startsWith("dist/ingest/"))).toBe(true);
    expect(modules.filter((m) => /node_modules\/(exceljs|pdf-lib|@pdf-lib|handlebars|yaml|docx)\//.test(m))).toEqual([]);
  });
});

describe("starting the PDF writer's thread early", () => {
  it("happens when --format asks for a PDF, not when another argument mentions one", () => {
    expect(asksForPdf(["t.xlsx", "--format", "docx,pdf"])).toBe(true);
    expect(asksForPdf(["t.xlsx", "--format=PDF"])).toBe(true);
    expect(asksForPdf(["t.xlsx", "--format", "docx", "-o", "pdf-papers/"])).toBe(false);
    expect(asksForPdf(["pdf.xlsx"])).toBe(false);
  });

  it("leaves nothing running when the command stops before it renders", () => {
    // The thread is started, then the command refuses its arguments: the process must still end.
    const args = ["paper", TRACKER, "--style", "city-of-london-committee", "--format", "docx,pdf", "--no-such-option"];
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "boardpack.js"), ...args], { encoding: "utf8", timeout: 60_000 });
    expect(r.signal, "the process had to be killed").toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--no-such-option'/);
  });
});
