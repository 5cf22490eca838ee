// Real clients (LibreOffice, poppler, qpdf, python with openpyxl / python-docx) prove our files
// open in the tools people use. On a machine without them those tests are skipped and say so;
// CI sets BOARDPACK_REAL_CLIENTS=required, and then a missing tool is a failure.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const required = process.env.BOARDPACK_REAL_CLIENTS === "required";
const cache = new Map<string, boolean>();

function probe(name: string, args: string[]): boolean {
  const key = `${name} ${args.join(" ")}`;
  if (!cache.has(key)) {
    const r = spawnSync(name, args, { stdio: "ignore", timeout: 60_000 });
    cache.set(key, r.status === 0);
  }
  return cache.get(key)!;
}

/**
 * True when the tool is there. When it is not: throws under BOARDPACK_REAL_CLIENTS=required,
 * else warns once and returns false so the caller can skip (`it.skipIf(!hasTool(...))`).
 */
function available(label: string, present: boolean): boolean {
  if (present) return true;
  if (required) throw new Error(`${label} is required (BOARDPACK_REAL_CLIENTS=required) but is not installed; .ci/run installs it`);
  console.warn(`skipping real-client checks that need ${label}: not installed`);
  return false;
}

export const hasSoffice = (): boolean => available("LibreOffice (soffice)", probe("soffice", ["--version"]));
export const hasPoppler = (): boolean => available("poppler-utils (pdftotext)", probe("pdftotext", ["-v"]));
export const hasQpdf = (): boolean => available("qpdf", probe("qpdf", ["--version"]));
export const hasOpenpyxl = (): boolean => available("python3-openpyxl", probe("/usr/bin/python3", ["-c", "import openpyxl"]));
export const hasPythonDocx = (): boolean => available("python3-docx", probe("/usr/bin/python3", ["-c", "import docx"]));
export const hasPikepdf = (): boolean => available("python3-pikepdf", probe("/usr/bin/python3", ["-c", "import pikepdf"]));

/** A generic check for another command line tool, run with the given arguments. */
export function hasTool(name: string, args: string[] = ["--version"]): boolean {
  return available(name, probe(name, args));
}

/**
 * Run headless LibreOffice with a fresh profile (so parallel runs never share one), and
 * optionally with recalculation on load forced on, so formulas are computed by LibreOffice
 * rather than read from our cached results.
 */
export function soffice(args: string[], options: { recalculate?: boolean } = {}): { status: number | null; stderr: string } {
  const profile = mkdtempSync(join(tmpdir(), "boardpack-lo-"));
  if (options.recalculate) writeRecalcProfile(profile);
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], { encoding: "utf8", timeout: 180_000 });
  return { status: r.status, stderr: r.stderr };
}

function writeRecalcProfile(profile: string): void {
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
}

/** Run /usr/bin/python3 (Debian's, where python3-openpyxl and python3-docx live) on a script. */
export function python(script: string, args: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync("/usr/bin/python3", ["-c", script, ...args], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
