// Reading a file the user named (a tracker, a spec, a mapping file): only a regular file, and
// never more bytes than the limit, counted as they are read. A FIFO would otherwise wait for a
// writer for ever, and /dev/zero or /dev/urandom (or a /proc file, whose size says 0) would be
// read until memory runs out.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { formatMegabytes } from "./limits.js";

export type UserFileRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: "missing" | "folder" | "special" | "too-large" | "unreadable"; message: string };

// O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused once opened).
// O_NOCTTY: naming a terminal must not make it this process's controlling terminal.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 1024 * 1024;

export function readUserFile(path: string, maxBytes: number): UserFileRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return openFailure(error);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { ok: false, reason: "folder", message: "this is a folder, not a file" };
    if (!info.isFile()) return { ok: false, reason: "special", message: `this is ${specialKind(info)}, not a file; save what it holds to a file and name that file` };
    return readAtMost(fd, maxBytes, info.size);
  } catch (error) {
    return openFailure(error);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of an open regular file, refused once more than maxBytes have been read. */
function readAtMost(fd: number, maxBytes: number, statedSize: number): UserFileRead {
  if (statedSize > maxBytes) return tooLarge(statedSize, maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // One byte past the limit is enough to know it is over; the size stat gave may be wrong (a growing file, /proc).
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    total += read;
    if (total > maxBytes) return tooLarge(total, maxBytes, true);
  }
  return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
}

function tooLarge(size: number, maxBytes: number, atLeast = false): UserFileRead {
  return {
    ok: false,
    reason: "too-large",
    message: `the file is ${atLeast ? "over " : ""}${formatMegabytes(atLeast ? maxBytes : size)}, more than the ${formatMegabytes(maxBytes)} boardpack reads`,
  };
}

function specialKind(info: Stats): string {
  if (info.isFIFO()) return "a pipe (FIFO)";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isSocket()) return "a socket";
  return "a special file";
}

function openFailure(error: unknown): UserFileRead {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: "missing", message: "there is no such file" };
  if (code === "EISDIR") return { ok: false, reason: "folder", message: "this is a folder, not a file" };
  if (code === "EACCES" || code === "EPERM") return { ok: false, reason: "unreadable", message: "the file cannot be read: permission denied" };
  if (code === "ENAMETOOLONG") return { ok: false, reason: "missing", message: "there is no such file (the name is too long)" };
  if (code === "ELOOP") return { ok: false, reason: "unreadable", message: "the file cannot be read: its name is a link that leads back to itself" };
  return { ok: false, reason: "unreadable", message: `the file cannot be read (${code ?? "unknown reason"})` };
}
