// Outputs are written to a temporary name and renamed, so a failure never leaves a
// half-written file; an interrupted run (Ctrl+C, SIGTERM) removes its temporary file on the way
// out. Every output path is checked before any work: never an input, a folder or a device.
import { rmSync, type Stats } from "node:fs";
import { chmod, mkdir, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { UsageError } from "./usage-error.js";

/** An output that cannot be written where the user asked: one line, exit 2. */
export class OutputRefused extends Error {
  constructor(readonly path: string, readonly why: string) {
    super(`cannot write ${path}: ${why}`);
    this.name = "OutputRefused";
  }
}

interface PathIdentity {
  path: string;
  real: string;
  stats: Stats | null;
}

/**
 * Refuses, before anything is read or written, an output that is one of the inputs (by the
 * file itself, so a link or a second name for it counts), an existing folder or device, or a
 * path under something that is not a folder.
 */
export async function checkOutputPaths(outputs: readonly string[], inputs: readonly (string | undefined)[]): Promise<void> {
  const sources = await Promise.all(inputs.filter((i): i is string => typeof i === "string").map(identify));
  for (const output of outputs) {
    const target = await identify(output);
    if (target.stats?.isDirectory()) throw new OutputRefused(output, "it is a folder; give the name of the file to write with -o");
    if (target.stats && !target.stats.isFile()) throw new OutputRefused(output, "it is a device or pipe, not a file; choose another name with -o");
    const same = sources.find((source) => isSameFile(source, target));
    if (same) throw new UsageError(`the output ${output} is the input file${same.path === output ? "" : ` ${same.path}`}; choose another name with -o`);
    await checkParentFolders(output);
  }
}

/** Kept for callers with one output; see checkOutputPaths. */
export async function refuseToOverwriteInput(output: string, inputs: readonly (string | undefined)[]): Promise<void> {
  await checkOutputPaths([output], inputs);
}

/**
 * Writes `data` to `path` through a temporary file. Returns true when it replaced a file that was
 * there, whose permissions the new file keeps (a 0600 file stays 0600), so the summary can say so.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<boolean> {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    await mkdir(dirname(resolve(path)), { recursive: true });
    const existing = await stat(path).catch(() => null);
    pendingTemporaries.add(temporary);
    watchSignals();
    await writeFile(temporary, data, existing?.isFile() ? { mode: existing.mode & 0o7777 } : {});
    // writeFile's mode is reduced by the umask; the replaced file's mode is what the user chose.
    if (existing?.isFile()) await chmod(temporary, existing.mode & 0o7777);
    await rename(temporary, path);
    return existing?.isFile() ?? false;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw asOutputRefused(error, path);
  } finally {
    pendingTemporaries.delete(temporary);
    if (pendingTemporaries.size === 0) unwatchSignals();
  }
}

export interface WrittenFile {
  path: string;
  /** A file of that name was there before and has been replaced. */
  replaced: boolean;
}

/**
 * The summary's verb and files: "Wrote out/a.docx and out/a.pdf", "Replaced tracker.xlsx",
 * "Wrote out/a.docx and replaced out/a.pdf": a file that was there before is never replaced unsaid.
 */
export function describeWritten(files: readonly WrittenFile[], what = ""): string {
  const list = (paths: string[]) => (paths.length <= 1 ? (paths[0] ?? "") : `${paths.slice(0, -1).join(", ")} and ${paths.at(-1)}`);
  const made = files.filter((f) => !f.replaced).map((f) => `${what}${f.path}`);
  const replaced = files.filter((f) => f.replaced).map((f) => `${what}${f.path}`);
  if (replaced.length === 0) return `Wrote ${list(made)}`;
  if (made.length === 0) return `Replaced ${list(replaced)}`;
  return `Wrote ${list(made)} and replaced ${list(replaced)}`;
}

// ---- interrupted runs ----

const pendingTemporaries = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let watching = false;

function watchSignals(): void {
  if (watching) return;
  watching = true;
  for (const signal of SIGNALS) process.on(signal, removeTemporariesAndDie);
}

function unwatchSignals(): void {
  if (!watching) return;
  watching = false;
  for (const signal of SIGNALS) process.off(signal, removeTemporariesAndDie);
}

/** Removes the half-written files, then dies of the same signal (the exit status a shell expects). */
function removeTemporariesAndDie(signal: NodeJS.Signals): void {
  for (const temporary of pendingTemporaries) rmSync(temporary, { force: true });
  pendingTemporaries.clear();
  unwatchSignals();
  process.kill(process.pid, signal);
}

// ---- paths ----

async function identify(path: string): Promise<PathIdentity> {
  const real = await realpath(path).catch(() => resolve(path));
  const stats = await stat(path).catch(() => null);
  return { path, real, stats };
}

function isSameFile(a: PathIdentity, b: PathIdentity): boolean {
  if (a.stats && b.stats) return a.stats.dev === b.stats.dev && a.stats.ino === b.stats.ino;
  return a.real === b.real;
}

/** The nearest existing folder above the output must be a folder, not a file. */
async function checkParentFolders(output: string): Promise<void> {
  let folder = dirname(resolve(output));
  for (;;) {
    const stats = await stat(folder).catch((error: NodeJS.ErrnoException) => error);
    if (stats instanceof Error) {
      if (stats.code === "ENAMETOOLONG") throw new OutputRefused(output, "the name is too long");
      if (stats.code === "ENOTDIR") throw new OutputRefused(output, "a part of the path is a file, not a folder");
    } else {
      if (!stats.isDirectory()) throw new OutputRefused(output, `${folder} is not a folder`);
      return;
    }
    const up = dirname(folder);
    if (up === folder) return;
    folder = up;
  }
}

function asOutputRefused(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EROFS: "that place is read-only",
    EISDIR: "it is a folder",
    ENOTDIR: "a part of the path is a file, not a folder",
    ENAMETOOLONG: "the name is too long",
    EINVAL: "the name is not allowed there",
    ENOENT: "its folder cannot be made",
    EEXIST: "its folder cannot be made: a file has that name",
    EBUSY: "the file is in use",
  };
  return code && why[code] ? new OutputRefused(path, why[code]) : error;
}
