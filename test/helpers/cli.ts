// Run the CLI in-process with captured output, or as the real installed command.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `typed`: the command as the user typed it, which hints repeat (default: boardpack). */
export async function runCli(args: string[], options: { typed?: string } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (l) => (stdout += `${l}\n`), err: (l) => (stderr += `${l}\n`) }, options.typed ?? "boardpack");
  return { code, stdout, stderr };
}

/** The built command, as a user runs it (needs `npm run build`, which `npm test` does first). */
export function runBin(args: string[], options: { cwd?: string } = {}): CliRun {
  const bin = join(import.meta.dirname, "..", "..", "bin", "boardpack.js");
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: options.cwd, env: { ...process.env, BOARDPACK_DEBUG: "" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "boardpack-test-"));
}
