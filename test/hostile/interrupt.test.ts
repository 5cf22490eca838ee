// Ctrl+C (SIGINT) or a SIGTERM while an output is being written leaves neither the output nor
// its temporary file behind, and the process still dies of the signal, as a shell expects.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/cli.js";

const WRITE_FILE = pathToFileURL(join(import.meta.dirname, "..", "..", "dist", "cli", "write-file.js")).href;
const LARGE = 512 * 1024 * 1024; // long enough to write that the signal lands mid-write

/** A child process writing a large output through writeFileAtomic (as every command does), killed once its temporary file appears. */
async function interruptMidWrite(signal: NodeJS.Signals): Promise<{ dir: string; code: number | null; signal: NodeJS.Signals | null; sawTemporary: boolean }> {
  const dir = tempDir();
  const script = `import(${JSON.stringify(WRITE_FILE)}).then((m) => m.writeFileAtomic(${JSON.stringify(join(dir, "paper.pdf"))}, Buffer.alloc(${LARGE}, 37)))`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "ignore" });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, sig) => resolve({ code, signal: sig })));
  let sawTemporary = false;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (readdirSync(dir).some((f) => f.includes(".tmp-"))) {
      sawTemporary = true;
      child.kill(signal);
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  const result = await exited;
  return { dir, ...result, sawTemporary };
}

describe.skipIf(process.platform === "win32")("an interrupted write", () => {
  it.each(["SIGINT", "SIGTERM"] as const)("removes the temporary file on %s and dies of it", async (signal) => {
    if (!existsSync(new URL(WRITE_FILE))) throw new Error("run npm run build first: this test runs the built code in a child process");
    const r = await interruptMidWrite(signal);
    expect(r.sawTemporary).toBe(true);
    expect(r.signal).toBe(signal);
    expect(readdirSync(r.dir)).toEqual([]);
  }, 30_000);
});
