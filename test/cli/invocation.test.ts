// Hints name the command as the user typed it, so they can be copied and pasted; outputs go
// beside the tracker, and replacing a file says so and keeps its permissions.
import { chmodSync, copyFileSync, existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { asTyped, commandAsTyped } from "../../src/cli/invocation.js";
import { runBin, runCli, tempDir } from "../helpers/cli.js";
import { csv } from "../helpers/load.js";

describe("the command as typed", () => {
  it("is npx boardpack through npx, boardpack on the PATH, else the node command line", () => {
    const npx = { PATH: "/usr/bin" };
    expect(commandAsTyped(npx, ["node", "/root/.npm/_npx/f9/node_modules/.bin/boardpack"], "/home/me")).toBe("npx boardpack");
    expect(commandAsTyped({ PATH: "/usr/local/bin:/usr/bin" }, ["node", "/usr/local/bin/boardpack"], "/home/me")).toBe("boardpack");
    expect(commandAsTyped({ PATH: "/usr/bin" }, ["node", "/home/me/boardpack/bin/boardpack.js"], "/home/me/boardpack")).toBe("node bin/boardpack.js");
    expect(commandAsTyped({ PATH: "/usr/bin" }, ["node", "/home/me/work/node_modules/.bin/boardpack"], "/home/me/work")).toBe("npx boardpack");
    expect(commandAsTyped({ PATH: "/usr/bin", npm_lifecycle_event: "start" }, ["node", "/home/me/boardpack/scripts/build-samples.js"], "/home/me/boardpack")).toBe("npx boardpack");
  });

  it("rewrites hints and examples, never the label before a message", () => {
    expect(asTyped("Run boardpack <command> --help; e.g. boardpack check data/x.xlsx", "npx boardpack")).toBe("Run npx boardpack <command> --help; e.g. npx boardpack check data/x.xlsx");
    expect(asTyped("boardpack convert: unknown option '--x'", "npx boardpack")).toBe("boardpack convert: unknown option '--x'");
    expect(asTyped("usage: boardpack convert <tracker> -o <file>   (boardpack convert --help for more)", "npx boardpack")).toBe(
      "usage: npx boardpack convert <tracker> -o <file>   (npx boardpack convert --help for more)",
    );
  });

  it("prints usage hints that work when pasted", async () => {
    const r = await runCli(["convert", "data/cambs-da-action-plan.csv"], { typed: "npx boardpack" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("usage: npx boardpack convert <tracker.xlsx|tracker.csv>");
    expect(r.stderr).toContain("(npx boardpack convert --help for more)");
  });
});

describe("where outputs go", () => {
  it("without -o, a paper goes beside its tracker, not into the folder boardpack is run from", () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    copyFileSync("data/colp-da-action-plan.xlsx", join(dir, "colp.xlsx"));
    const r = runBin(["paper", join(dir, "colp.xlsx"), "--style", "city-of-london-committee", "--as-of", "2016-11-30"], { cwd: elsewhere });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, "colp-city-of-london-committee.docx"))).toBe(true);
    expect(r.stderr).toContain(`Wrote ${join(dir, "colp-city-of-london-committee.docx")} (`);
  });

  it("replacing a file says so and keeps its permissions", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), csv([["Ref", "Action"], ["1", "a"]]));
    const out = join(dir, "plan.json");
    const first = await runCli(["convert", join(dir, "t.csv"), "-o", out]);
    expect(first.stderr).toContain(`Wrote ${out} (1 action;`);
    chmodSync(out, 0o600);
    const second = await runCli(["convert", join(dir, "t.csv"), "-o", out]);
    expect(second.stderr).toContain(`Replaced ${out} (1 action;`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });
});

describe("notes, --verbose and --quiet", () => {
  const tracker = () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), csv([["Ref", "Action", "Due"], ["1", "a", "31/02/2017x"], [], ["Key: Red = off track, Green = on track"]]));
    return join(dir, "t.csv");
  };

  it("counts the notes and says how to see them; --verbose shows them", async () => {
    const plain = await runCli(["convert", tracker(), "-o", join(tempDir(), "p.json")]);
    expect(plain.stderr).toMatch(/\(1 action; 0 errors, 1 warning, 2 notes: add --verbose to see the notes\)\.$/m);
    const verbose = await runCli(["convert", tracker(), "-o", join(tempDir(), "p.json"), "--verbose"]);
    expect(verbose.stderr).toMatch(/: info LEGEND_ROW /);
    expect(verbose.stderr).toMatch(/: info BLANK_ROWS /);
    expect(verbose.stderr).toMatch(/\(1 action; 0 errors, 1 warning, 2 notes\)\.$/m);
  });

  it("--quiet prints nothing when all is well", async () => {
    const r = await runCli(["convert", tracker(), "-o", join(tempDir(), "p.json"), "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});
