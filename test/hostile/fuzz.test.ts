// The mutation fuzzer: 520 hostile variants of the sample trackers (mutants.ts), each run through
// `check` and `convert` in-process. Every one must end as a user expects of mature software:
// exit 0, 1 or 2; a refusal in one line; no JavaScript error text or stack frame; no library
// console output; no partial or temporary file left behind; none taking more than 10 s.
// A failure names the case's number and what was done, so it can be made again (the seeds are fixed).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli, tempDir, type CliRun } from "../helpers/cli.js";
import { editCsv, editWorkbook, flipBits, random, readWorkbook, truncate, type Mutant, type Workbook } from "./mutants.js";

const DATA = join(import.meta.dirname, "..", "..", "data");
const WORKBOOKS = ["colp-da-action-plan.xlsx", "lancs-da-action-plan.xlsx", "inspection-recommendations.xlsx"];
const CSV = "cambs-da-action-plan.csv";
const CASES = 520;
const SEED = 0x15eed;

/** What must never reach a user: JavaScript's own error texts, stack frames, parser internals. */
const JS_TEXT =
  /TypeError|ReferenceError|RangeError|SyntaxError|Cannot read prop|undefined is not|is not a function|is not iterable|at .*\.js:\d+|at async |internal error|\[object Object\]|Unexpected xml node|Invalid row number|Out of bounds|\d+:\d+: undefined entity/;

let books: Workbook[] = [];
let csvText = "";

beforeAll(async () => {
  books = await Promise.all(WORKBOOKS.map(async (name) => readWorkbook(name, readFileSync(join(DATA, name)))));
  csvText = readFileSync(join(DATA, CSV), "utf8");
});

/** Case i, made again from its seed: a tenth bit flips, a tenth truncations, half XML edits, the rest CSV edits. */
function makeCase(i: number): Mutant {
  const r = random(SEED + i);
  const slot = i % 10;
  if (slot <= 1) {
    const csv = r.int(4) === 0;
    const source = csv ? Buffer.from(csvText, "utf8") : r.pick(books).bytes;
    const { bytes, what } = slot === 0 ? flipBits(source, r) : truncate(source, r);
    return { bytes, what: `${csv ? CSV : "a sample workbook"}: ${what}`, extension: csv ? "csv" : "xlsx" };
  }
  if (slot <= 6) {
    const book = r.pick(books);
    const { bytes, what } = editWorkbook(book, r);
    return { bytes, what: `${book.name} ${what}`, extension: "xlsx" };
  }
  const { bytes, what } = editCsv(csvText, r);
  return { bytes, what: `${CSV} ${what}`, extension: "csv" };
}

/** What is wrong with one command's run, as sentences; none when it behaved. */
function runProblems(run: CliRun, command: string): string[] {
  const problems: string[] = [];
  const text = run.stdout + run.stderr;
  if (![0, 1, 2].includes(run.code)) problems.push(`${command} exited ${run.code}`);
  const js = JS_TEXT.exec(text);
  if (js) problems.push(`${command} printed JavaScript's words "${js[0]}": ${firstLineWith(text, js[0])}`);
  if (run.code === 2) {
    const lines = run.stderr.trim().split("\n");
    if (lines.length !== 1) problems.push(`${command} refused in ${lines.length} lines: ${lines.slice(0, 3).join(" | ")}`);
  }
  return problems;
}

function firstLineWith(text: string, words: string): string {
  return (text.split("\n").find((l) => l.includes(words)) ?? "").slice(0, 300);
}

/** How convert ended, over all cases: the mutants must reach the reader's every path, not only its first refusal. */
const outcomes = new Map<number, number>();

async function runCase(i: number, dir: string, consoleCalls: unknown[][]): Promise<string[]> {
  const mutant = makeCase(i);
  const caseDir = join(dir, `case-${i}`);
  mkdirSync(caseDir);
  const input = join(caseDir, `tracker.${mutant.extension}`);
  writeFileSync(input, mutant.bytes);
  const outDir = join(caseDir, "out");
  const output = join(outDir, i % 4 === 0 ? "standard.xlsx" : i % 4 === 1 ? "standard.csv" : "plan.json");

  const started = Date.now();
  const problems = runProblems(await runCli(["check", input]), "check");
  const convert = await runCli(["convert", input, "-o", output, "--as-of", "2016-11-30"]);
  problems.push(...runProblems(convert, "convert"));
  outcomes.set(convert.code, (outcomes.get(convert.code) ?? 0) + 1);
  const written = existsSync(outDir) ? readdirSync(outDir) : [];
  if (convert.code === 0 && written.join() !== output.replace(/^.*[\\/]/, "")) problems.push(`convert said done but left ${JSON.stringify(written)}`);
  if (convert.code !== 0 && written.length > 0) problems.push(`convert failed (exit ${convert.code}) but left ${JSON.stringify(written)}`);
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 10) problems.push(`took ${seconds.toFixed(1)} s`);
  if (consoleCalls.length > 0) problems.push(`a library wrote to the console: ${JSON.stringify(consoleCalls[0]).slice(0, 200)}`);
  consoleCalls.length = 0;
  rmSync(caseDir, { recursive: true, force: true });
  return problems.map((p) => `case ${i} (${mutant.what}): ${p}`);
}

describe("the mutation fuzzer", () => {
  const dir = tempDir();
  const consoleCalls: unknown[][] = [];
  const debug = process.env.BOARDPACK_DEBUG;

  beforeAll(() => {
    // The console is left open (as with BOARDPACK_DEBUG=1), so a library that writes to it is caught here.
    process.env.BOARDPACK_DEBUG = "1";
    for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleCalls.push(args));
  });
  afterAll(() => {
    if (debug === undefined) delete process.env.BOARDPACK_DEBUG;
    else process.env.BOARDPACK_DEBUG = debug;
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it("makes the same case from the same seed, and different cases from different seeds", () => {
    expect(makeCase(7).bytes.equals(makeCase(7).bytes)).toBe(true);
    const distinct = new Set(Array.from({ length: 40 }, (_, i) => makeCase(i).what));
    expect(distinct.size).toBeGreaterThan(30);
  });

  // Four runs of 130 cases, so a slow part shows which cases it was in.
  for (let part = 0; part < 4; part++) {
    const first = (part * CASES) / 4;
    it(`cases ${first} to ${first + CASES / 4 - 1}: exit 0/1/2, one-line refusals, no JavaScript text, no partial output`, async () => {
      const problems: string[] = [];
      for (let i = first; i < first + CASES / 4; i++) problems.push(...(await runCase(i, dir, consoleCalls)));
      expect(problems.slice(0, 15)).toEqual([]);
    }, 180_000);
  }

  it("reached every outcome: many mutants read (exit 0), some have data errors (1), many are refused (2)", () => {
    // Measured with these seeds: 224 read, 18 with errors in the data, 278 refused.
    for (const [code, least] of [[0, 100], [1, 10], [2, 100]] as const) expect(outcomes.get(code) ?? 0, `exit ${code}; all: ${JSON.stringify(Object.fromEntries(outcomes))}`).toBeGreaterThanOrEqual(least);
  });
});
