// Poppler and qpdf, run on a PDF written to a temporary file: the tools people and checkers
// use to read our PDFs. Callers skip (or, under BOARDPACK_REAL_CLIENTS=required, fail) through
// test/helpers/real-clients.ts when the tools are missing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "boardpack-pdf-"));
let count = 0;

export function writePdf(bytes: Uint8Array, name = `doc-${++count}.pdf`): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function run(cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `pdftotext -layout`, of one page when `page` is given. */
export function pdftotext(path: string, page?: number): string {
  const pages = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  const r = run("pdftotext", ["-layout", "-enc", "UTF-8", ...pages, path, "-"]);
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

export interface FontRow {
  name: string;
  type: string;
  emb: string;
  sub: string;
  uni: string;
}

export function pdffonts(path: string): FontRow[] {
  const r = run("pdffonts", [path]);
  if (r.status !== 0) throw new Error(`pdffonts failed: ${r.stderr}`);
  // name, type (may contain spaces), encoding, emb, sub, uni, object, generation.
  return r.stdout
    .split("\n")
    .slice(2)
    .filter((l) => l.trim() !== "")
    .map((line) => {
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!m) throw new Error(`pdffonts: unexpected line ${line}`);
      return { name: m[1] ?? "", type: m[2] ?? "", emb: m[4] ?? "", sub: m[5] ?? "", uni: m[6] ?? "" };
    });
}

export function pdfinfo(path: string): Record<string, string> {
  const r = run("pdfinfo", [path]);
  if (r.status !== 0) throw new Error(`pdfinfo failed: ${r.stderr}`);
  const out: Record<string, string> = {};
  for (const line of r.stdout.split("\n")) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1]) out[m[1]] = m[2] ?? "";
  }
  return out;
}

export function qpdfCheck(path: string): { status: number | null; output: string } {
  const r = run("qpdf", ["--check", path]);
  return { status: r.status, output: r.stdout + r.stderr };
}

/** Page 1 as a PNG next to the PDF (pdftoppm -png -r 60); returns its path. */
export function pageImage(path: string, page = 1, dpi = 60): string {
  const stem = path.replace(/\.pdf$/, "");
  const r = run("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", path, stem]);
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  return `${stem}.png`;
}

/** Page as 8-bit grey pixels (pdftoppm -gray, binary PGM), for checks on ink. */
export function pageGrey(path: string, page = 1, dpi = 50): { width: number; height: number; pixels: Buffer } {
  const r = spawnSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), path], { maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr.toString()}`);
  const data = r.stdout;
  // "P5\n<w> <h>\n255\n" then the pixels.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("pdftoppm: not a binary PGM");
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}
