// The progress line a terminal shows on long work: which stage and how far, after a second,
// redrawn in place, cleared before the command's own lines; never in a pipe, with --quiet or --json.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Progress } from "../../src/cli/progress.js";
import { hasTool } from "../helpers/real-clients.js";
import { tempDir } from "../helpers/cli.js";

function fakeTerminal() {
  const written: string[] = [];
  return { stream: { isTTY: true, columns: 80, write: (text: string) => written.push(text) }, written };
}

describe("the progress line", () => {
  it("says nothing for the first second, then the stage and how far along the stages", () => {
    let now = 0;
    const { stream, written } = fakeTerminal();
    const progress = new Progress({ stages: ["ingest", "compose", "docx", "write"], stream, now: () => now, every: 0 });
    progress.enter("ingest");
    now = 900;
    progress.enter("compose");
    expect(written).toEqual([]);
    now = 2100;
    progress.enter("docx");
    expect(written).toEqual(["\r\u001b[2K[3/4] writing the Word paper… 2 s"]);
  });

  it("is cleared before the command prints its own lines, and shows no more", () => {
    let now = 0;
    const { stream, written } = fakeTerminal();
    const lines: string[] = [];
    const progress = new Progress({ stages: ["ingest"], stream, now: () => now, every: 0 });
    now = 5000;
    const print = progress.around({ out: (l) => lines.push(`out ${l}`), err: (l) => lines.push(`err ${l}`) });
    progress.enter("ingest");
    print.err("Wrote tracker.xlsx");
    now = 9000;
    progress.enter("write");
    expect(written).toEqual(["\r\u001b[2K[1/1] reading the tracker… 5 s", "\r\u001b[2K"]);
    expect(lines).toEqual(["err Wrote tracker.xlsx"]);
  });

  it("is wanted only in a terminal, and not with --quiet or --json", () => {
    const tty = { isTTY: true, write: () => true };
    expect(Progress.wanted({}, tty)).toBe(true);
    expect(Progress.wanted({ quiet: true }, tty)).toBe(false);
    expect(Progress.wanted({ json: true }, tty)).toBe(false);
    expect(Progress.wanted({}, { isTTY: false, write: () => true })).toBe(false);
  });

  it.skipIf(!hasTool("script", ["--version"]))("shows in a real terminal on a long paper, and is gone at the end", { timeout: 120_000 }, () => {
    const dir = tempDir();
    const bin = join(import.meta.dirname, "..", "..", "bin", "boardpack.js");
    const gen = spawnSync(process.execPath, ["-e", `import("${join(import.meta.dirname, "..", "..", "scripts", "bench", "generate.js")}").then((m) => m.writeTracker("${join(dir, "t.xlsx")}", 3000))`], { encoding: "utf8" });
    expect(gen.status, gen.stderr).toBe(0);
    const command = `${process.execPath} ${bin} paper ${join(dir, "t.xlsx")} --style city-of-london-committee --format docx,pdf -o ${dir} --as-of 2016-11-30`;
    const tty = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", timeout: 110_000 });
    expect(tty.stdout).toMatch(/\[\d\/5\] (reading the tracker|composing the paper|writing the Word paper|writing the PDF|saving)… \d+ s/);
    // After the last clearing of the line: the command's own lines only, the summary among them.
    const after = tty.stdout.split("\u001b[2K").pop()!;
    expect(after).toMatch(/^\r?\n?[\s\S]*Wrote /);
    expect(after).not.toMatch(/… \d+ s/);
    const piped = spawnSync(process.execPath, [bin, ...command.split(" ").slice(2)], { encoding: "utf8" });
    expect(piped.stderr).not.toContain("\u001b[2K");
  });
});
