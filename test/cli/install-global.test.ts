// The README's one-time step, `npm install -g .` (or `npm link`), makes `boardpack` a command
// that works from any folder, with hints that name it as it was run.
import { spawnSync } from "node:child_process";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/cli.js";

const ROOT = join(import.meta.dirname, "..", "..");

describe("boardpack as a command from any folder", () => {
  it("installs with npm install -g . and runs from another folder", { timeout: 180_000 }, () => {
    const prefix = tempDir();
    const install = spawnSync("npm", ["install", "-g", "--no-audit", "--no-fund", "."], { cwd: ROOT, encoding: "utf8", env: { ...process.env, npm_config_prefix: prefix }, timeout: 170_000 });
    expect(install.status, install.stderr).toBe(0);
    const elsewhere = tempDir();
    // As after a global install: npm's bin folder is on the PATH, and the user types `boardpack`.
    const env = { ...process.env, BOARDPACK_DEBUG: "", PATH: `${join(prefix, "bin")}${delimiter}${process.env.PATH ?? ""}` };
    const run = (args: string[]) => spawnSync("boardpack", args, { cwd: elsewhere, encoding: "utf8", env });
    expect(run(["--version"]).stdout.trim()).toMatch(/^boardpack \d+\.\d+\.\d+$/);
    const check = run(["check", join(ROOT, "data", "cambs-da-action-plan.csv")]);
    expect(check.status, check.stderr).toBe(0);
    const wrong = run(["paper", join(ROOT, "data", "cambs-da-action-plan.csv")]);
    expect(wrong.status).toBe(2);
    // A hint names the command as typed: `boardpack`, not `npx boardpack` or `node bin/boardpack.js`.
    expect(wrong.stderr).toMatch(/usage: boardpack paper /);
  });
});
