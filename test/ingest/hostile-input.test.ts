// Hostile and odd input through the built command, as a user runs it: each file reads or is
// refused in one line of our own words, exits 0, 1 or 2, and stays within 10 s and 1 GiB of
// memory (measured on the child process: its peak resident set, via /proc when time -v is absent).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/cli.js";
import { xmlWorkbook } from "../helpers/workbook-xml.js";
import { buildZip } from "../helpers/zip.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "boardpack.js");
const GNU_TIME = "/usr/bin/time";
const GiB = 1024 * 1024 * 1024;
const dir = tempDir();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory in bytes, when /usr/bin/time can say. */
  peakBytes: number | undefined;
}

/** `boardpack check <file>` in a child process, timed, with its peak memory. */
function check(name: string, bytes: Buffer | string): Run {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const withTime = existsSync(GNU_TIME);
  const timeFile = `${path}.time`;
  const started = Date.now();
  const command = withTime ? GNU_TIME : process.execPath;
  const args = withTime ? ["-o", timeFile, "-f", "PEAK_KB %M", process.execPath, BIN, "check", path] : [BIN, "check", path];
  const r = spawnSync(command, args, { encoding: "utf8", timeout: 30_000, cwd: dir, env: { ...process.env, BOARDPACK_DEBUG: "" } });
  const seconds = (Date.now() - started) / 1000;
  const peak = withTime ? /PEAK_KB (\d+)/.exec(readFileSync(timeFile, "utf8")) : null;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, seconds, peakBytes: peak ? Number(peak[1]) * 1024 : undefined };
}

/** What every run must do, whatever the file: a known exit code, in bounds, no JavaScript in sight. */
function expectBounded(r: Run): void {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.seconds).toBeLessThan(10);
  if (r.peakBytes !== undefined) expect(r.peakBytes).toBeLessThan(GiB);
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(/\bat .+\.js:\d+|TypeError|RangeError|Cannot read properties|undefined \(reading|is not a function|Unexpected xml|Invalid row number|Out of bounds/);
}

/** A refusal: exit 2 and one line naming the file. */
function expectRefusal(r: Run, name: string): string {
  expectBounded(r);
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]!.startsWith(join(dir, name)) || lines[0]!.startsWith(name)).toBe(true);
  return lines[0]!;
}

const HEAD = '<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Action</t></is></c></row>';

describe("hostile workbooks are read or refused within bounds", () => {
  it("a whole-sheet merge followed by another merge, in a 2 KB file", () => {
    const rows = `${HEAD}<row r="2"><c r="A2"><v>1</v></c></row><row r="5"><c r="C5"><v>1</v></c></row>`;
    const bytes = xmlWorkbook({ sheets: [{ name: "Plan", rows, after: '<mergeCells count="2"><mergeCell ref="A1:XFD1048576"/><mergeCell ref="A2:B3"/></mergeCells>' }] });
    expect(bytes.length).toBeLessThan(2048);
    const line = expectRefusal(check("merge-bomb.xlsx", bytes), "merge-bomb.xlsx");
    expect(line).toMatch(/Plan: error INPUT_UNREADABLE the workbook is damaged and cannot be read: the merged ranges A1:XFD1048576 and A2:B3 overlap/);
    // Overlapping ranges over no row the sheet holds change nothing read: bounded all the same.
    const apart = xmlWorkbook({ sheets: [{ name: "Plan", rows: HEAD, after: '<mergeCells count="2"><mergeCell ref="A1:XFD1048576"/><mergeCell ref="A9:B9"/></mergeCells>' }] });
    expectBounded(check("merge-bomb-2.xlsx", apart));
  });

  it("a whole-sheet merge alone reads (its covered cells left out)", () => {
    const r = check("one-merge.xlsx", xmlWorkbook({ sheets: [{ name: "Plan", rows: HEAD, after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' }] }));
    expectBounded(r);
    expect(r.code).toBe(1); // the merge hides the Action header: no table, said in one message
    expect(r.stdout).toMatch(/TRACKER_NO_HEADER/);
  });

  it("10,000 rows each with one cell in column XFD", () => {
    let rows = HEAD;
    for (let r = 2; r <= 10_001; r++) rows += `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>Do ${r}</t></is></c><c r="XFD${r}"><v>1</v></c></row>`;
    const r = check("xfd.xlsx", xmlWorkbook({ sheets: [{ name: "Plan", rows }] }));
    expectBounded(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Plan!XFD2: warning COLUMN_NO_HEADER/);
    expect(r.stdout).toMatch(/10,?000 actions|10000/);
  });

  it("one <row> with 100,000 attributes", () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => ` a${i}="1"`).join("");
    const r = check("attrs.xlsx", xmlWorkbook({ sheets: [{ name: "Plan", rows: `${HEAD}<row r="2"${attrs}><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Do</t></is></c></row>` }] }));
    expectBounded(r);
    expect(r.code).toBe(0);
  });

  it("a million blank CSV lines: one note for the run", () => {
    const r = check("blank.csv", `Ref,Action\n1,Do it\n${"\n".repeat(1_000_000)}2,Later\n`);
    expectBounded(r);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/BLANK_ROWS/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/rows 3–1000002 are blank; not actions/);
  });

  it("a part whose bytes were altered (CRC-32 mismatch) is refused as damaged", () => {
    const good = xmlWorkbook({ sheets: [{ name: "Plan", rows: `${HEAD}<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Do</t></is></c></row>` }] });
    const altered = Buffer.from(good);
    // Flip one bit in the worksheet's deflated data: it may still inflate, but not to the same bytes.
    const entry = altered.indexOf(Buffer.from("xl/worksheets/sheet1.xml"));
    const at = entry + "xl/worksheets/sheet1.xml".length + 4;
    altered[at] = altered[at]! ^ 0x01;
    const line = expectRefusal(check("altered.xlsx", altered), "altered.xlsx");
    expect(line).toMatch(/INPUT_TRUNCATED the file is (damaged|cut short)/);
  });

  it("a workbook in x: prefixes with rows and cells without r= reads", () => {
    const x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const sheet = `<x:worksheet xmlns:x="${x}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>Ref</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Action</x:t></x:is></x:c></x:row><x:row><x:c><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Do</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const r = check("prefixed.xlsx", xmlWorkbook({ sheets: [{ name: "Plan", partName: "xl/worksheets/sheet.xml", xml: sheet }] }));
    expectBounded(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 action/);
  });

  it("an undefined entity is refused naming the part and line, not as '2:501: undefined entity'", () => {
    const sheet = `<?xml version="1.0"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>&bogus;</t></is></c></row></sheetData></worksheet>`;
    const line = expectRefusal(check("entity.xlsx", xmlWorkbook({ sheets: [{ name: "Plan", xml: sheet }] })), "entity.xlsx");
    expect(line).toMatch(/Plan: error INPUT_UNREADABLE .*the XML has the undefined entity &bogus; \(in its part xl\/worksheets\/sheet1\.xml, line 2\)/);
  });

  it("a zip that is not a workbook's zip inside still gets one line", () => {
    const r = check("junk.xlsx", buildZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/workbook.xml", data: "<notaworkbook/>" }]));
    const line = expectRefusal(r, "junk.xlsx");
    expect(line).toMatch(/INPUT_UNREADABLE the workbook is damaged and cannot be read: the workbook part is not a workbook/);
  });
});
