// What `npm run bench` relies on from the CLI: --timings on convert, paper and check (one JSON
// line on stderr), commands that load only what they need, and the built command — which writes
// the PDF in a worker thread — giving the same bytes as the CLI run in-process.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
    // The CommonJS libraries a command loads show in require.cache.
    const script = `
      const { main } = await import(${JSON.stringify(join(ROOT, "dist", "cli", "main.js"))});
      await main(["check", ${JSON.stringify(TRACKER)}], { out() {}, err() {} });
      const { createRequire } = await import("node:module");
      const cache = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify(cache.filter((p) => /node_modules\\/(exceljs|pdf-lib|@pdf-lib|handlebars|yaml|docx)\\//.test(p))));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});
