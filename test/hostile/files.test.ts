// Files a user names that are not files (a FIFO, /dev/zero, /dev/urandom) and outputs that
// cannot be written: one line, exit 2, at once — never a hang, a read until memory runs out,
// or "internal error".
import { execFileSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli.js";

const DATA = join(import.meta.dirname, "..", "..", "data");
const CSV = join(DATA, "cambs-da-action-plan.csv");
const SPEC = join(DATA, "cambs-bcb-paper.md");
const STACK = /TypeError|ReferenceError|RangeError|Cannot read prop|undefined is not|internal error|at .*\.js:\d+/;

function fifo(dir: string): string {
  const path = join(dir, "pipe.xlsx");
  execFileSync("mkfifo", [path]);
  return path;
}

const canMakeFifo = (() => {
  try {
    fifo(tempDir());
    return true;
  } catch {
    return false;
  }
})();

/** Each special file a user might name by mistake, and what the message calls it. */
function specials(dir: string): [string, RegExp][] {
  const list: [string, RegExp][] = [];
  if (canMakeFifo) list.push([fifo(dir), /a pipe \(FIFO\), not a file/]);
  for (const device of ["/dev/zero", "/dev/urandom"]) if (existsSync(device)) list.push([device, /a device, not a file/]);
  return list;
}

describe("special files given as input", () => {
  it("refuses each as the tracker, in one line with exit 2", async () => {
    const dir = tempDir();
    for (const [path, kind] of specials(dir)) {
      const r = await runCli(["check", path]);
      expect(r.code, path).toBe(2);
      expect(r.stderr.trim().split("\n"), path).toHaveLength(1);
      expect(r.stderr).toContain(`${path}: error INPUT_NOT_A_FILE`);
      expect(r.stderr).toMatch(kind);
    }
  });

  it("refuses each as --map, as --spec and as a spec's tracker:", async () => {
    const dir = tempDir();
    for (const [path, kind] of specials(dir)) {
      const map = await runCli(["check", CSV, "--map", path]);
      expect(map.code, path).toBe(2);
      expect(map.stderr).toMatch(/MAP_INVALID the mapping file cannot be read: this is/);
      expect(map.stderr).toMatch(kind);

      const spec = await runCli(["paper", "--spec", path, "-o", join(dir, "out")]);
      expect(spec.code, path).toBe(2);
      expect(spec.stderr).toMatch(/SPEC_NOT_FOUND the paper spec cannot be read: this is/);

      const specFile = join(dir, "paper.md");
      writeFileSync(specFile, `---\nstyle: cambridgeshire-bcb\ntracker: ${path}\n---\n`);
      const named = await runCli(["paper", "--spec", specFile, "-o", join(dir, "out")]);
      expect(named.code, path).toBe(2);
      expect(named.stderr).toMatch(/INPUT_NOT_A_FILE/);
      for (const r of [map, spec, named]) expect(r.stderr).not.toMatch(STACK);
    }
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("applies the size limit to the bytes read, not the size the file states", async () => {
    // /proc files state a size of 0 whatever they hold; a big one must still be refused as too large.
    const { readUserFile } = await import("../../src/files/read-user-file.js");
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), "Ref,Action\n".repeat(100));
    expect(readUserFile(join(dir, "t.csv"), 500)).toMatchObject({ ok: false, reason: "too-large" });
    expect(readUserFile(join(dir, "t.csv"), 5000)).toMatchObject({ ok: true });
    if (existsSync("/proc/self/maps")) expect(readUserFile("/proc/self/maps", 64)).toMatchObject({ ok: false, reason: "too-large" });
  });
});

describe("outputs that cannot be written", () => {
  it("refuses -o naming a folder as a usage mistake, before reading anything", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "plan.json"));
    const r = await runCli(["convert", CSV, "-o", join(dir, "plan.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`boardpack convert: cannot write ${join(dir, "plan.json")}: it is a folder; give the name of the file to write with -o`);
  });

  it.each([
    ["under a file", (dir: string) => join(dir, "file.txt", "plan.json"), /is not a folder/],
    ["under /dev/null", () => "/dev/null/plan.json", /\/dev\/null is not a folder/],
    ["a name too long for the file system", (dir: string) => join(dir, `${"x".repeat(300)}.json`), /the name is too long/],
  ])("refuses -o %s in one line with exit 2", async (_what, make, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, "file.txt"), "keep me");
    const r = await runCli(["convert", CSV, "-o", make(dir)]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK);
    expect(readFileSync(join(dir, "file.txt"), "utf8")).toBe("keep me");
  });

  it("checks every output of a paper against every input, not only the first", async () => {
    const dir = tempDir();
    // The spec is named like the PDF the paper would write second; docx,pdf would overwrite it.
    const spec = join(dir, "paper.pdf");
    writeFileSync(spec, readFileSync(SPEC, "utf8").replace(/^tracker: .*$/m, `tracker: ${CSV}`));
    const before = readFileSync(spec);
    const r = await runCli(["paper", "--spec", spec, "--format", "docx,pdf", "-o", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is the input file");
    expect(readFileSync(spec)).toEqual(before);
    expect(readdirSync(dir)).toEqual(["paper.pdf"]);
  });

  it("knows an input by the file itself: a hard link or symbolic link to it is the input", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), readFileSync(CSV));
    linkSync(join(dir, "t.csv"), join(dir, "hard.csv"));
    symlinkSync(join(dir, "t.csv"), join(dir, "soft.csv"));
    for (const out of ["hard.csv", "soft.csv"]) {
      const r = await runCli(["convert", join(dir, "t.csv"), "-o", join(dir, out)]);
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).toContain("is the input file");
    }
    expect(readFileSync(join(dir, "t.csv"))).toEqual(readFileSync(CSV));
  });

  it("refuses an output that is the --map file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "map.csv"), "action: Action\n");
    const r = await runCli(["convert", CSV, "--map", join(dir, "map.csv"), "-o", join(dir, "map.csv")]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, "map.csv"), "utf8")).toBe("action: Action\n");
  });
});

describe("columns whose headers are JavaScript's own names", () => {
  it("keeps __proto__, constructor and toString columns in plan.json, the tracker and its CSV", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), "Ref,Action,__proto__,constructor,toString\n1.1,Do it,hidden,built,str\n");
    const expected = [["__proto__", "hidden"], ["constructor", "built"], ["toString", "str"]];
    expect((await runCli(["convert", join(dir, "t.csv"), "-o", join(dir, "plan.json")])).code).toBe(0);
    const plan = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8")) as { actions: { extra: Record<string, string> }[] };
    expect(Object.entries(plan.actions[0]!.extra)).toEqual(expected);
    for (const out of ["tracker.xlsx", "tracker.csv"]) {
      expect((await runCli(["convert", join(dir, "t.csv"), "-o", join(dir, out)])).code).toBe(0);
      expect((await runCli(["convert", join(dir, out), "-o", join(dir, `${out}.json`)])).code).toBe(0);
      const back = JSON.parse(readFileSync(join(dir, `${out}.json`), "utf8")) as { actions: { extra: Record<string, string> }[] };
      expect(Object.entries(back.actions[0]!.extra), out).toEqual(expected);
    }
  });
});
