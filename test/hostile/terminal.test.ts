// A tracker shared by another team must not be able to drive the terminal that checks it:
// control characters in its text are shown escaped, and every message stays one line.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { terminalSafe } from "../../src/cli/terminal-text.js";
import { runCli, tempDir } from "../helpers/cli.js";

const CLEAR_SCREEN = "\u001b[2J\u001b[H";
const RETITLE = "\u001b]0;owned\u0007";
const C1_CSI = "\u009b31m";
const BIDI = "\u202eevil";
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileCsv(dir: string): string {
  const path = join(dir, "hostile.csv");
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  writeFileSync(path, [
    ["Ref", "Theme", "Action", "Status", `Notes${RETITLE}`].join(","),
    ["1.1", quote(`Risk${CLEAR_SCREEN}`), quote(`Train staff${RETITLE}`), quote(`Stalled${C1_CSI}`), "x"].join(","),
    ["1.2", "Risk", quote(`Second line\r\nwith CR${BIDI}`), quote(`Odd\nword${CLEAR_SCREEN}`), "y"].join(","),
    // Ordinary rows around them, as in a real tracker (a file mostly of control bytes is not taken for text).
    ...Array.from({ length: 40 }, (_, i) => [`2.${i + 1}`, "Training", `Deliver the domestic abuse training module ${i + 1} to response officers`, "Complete", ""].join(",")),
  ].join("\r\n"));
  return path;
}

describe("control characters in tracker text", () => {
  it("are shown escaped by check, in every line it prints", async () => {
    const dir = tempDir();
    const r = await runCli(["check", hostileCsv(dir)]);
    const all = r.stdout + r.stderr;
    expect(all).not.toMatch(RAW_CONTROL);
    // The user still sees what is there, written out.
    expect(all).toContain("\\u001b[2J");
    expect(all).toContain("\\u009b31m");
    // The unknown status word's warning quotes the cell, escape sequences and all, on one line.
    const warning = r.stdout.split("\n").find((l) => l.includes("Odd"));
    expect(warning).toBeDefined();
    expect(warning).toContain('"Odd word\\u001b[2J\\u001b[H"');
  });

  it("are escaped the same way in --json, which stays valid JSON with the same text", async () => {
    const dir = tempDir();
    const r = await runCli(["check", hostileCsv(dir), "--json"]);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    const parsed = JSON.parse(r.stdout) as unknown;
    const header = (parsed as { tables: { columns: { header: string }[] }[] }).tables[0]!.columns[4]!.header;
    expect(header).toBe(`Notes${RETITLE}`);
  });

  it("are escaped in a refusal naming the file", async () => {
    const r = await runCli(["check", `missing${CLEAR_SCREEN}.xlsx`]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("keeps a message on one line when its text has a line break", async () => {
    const { diagnosticLine } = await import("../../src/cli/print.js");
    const line = diagnosticLine({ severity: "warning", code: "X", message: "a\r\nb\nc", file: "t.csv", cell: "B2" });
    expect(line).toBe("t.csv B2: warning X a\\nb\\nc");
  });

  it("leaves ordinary text alone: tabs, newlines between lines, £, é, Welsh ŵ and curly quotes", () => {
    expect(terminalSafe("£5 café ŵ “quoted” – tab\there")).toBe("£5 café ŵ “quoted” – tab\there");
    expect(terminalSafe("a\u001bb\u007fc\u0085d")).toBe("a\\u001bb\\u007fc\\u0085d");
  });
});

describe("library console output", () => {
  it("never reaches the user while a command runs, and the console is given back afterwards", async () => {
    const { quietConsole } = await import("../../src/cli/quiet-console.js");
    const spy = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const restore = quietConsole();
    console.warn("Worksheet name exceeds 31 chars"); // what a library might say
    restore();
    expect(spy).not.toHaveBeenCalled();
    console.warn("after");
    expect(spy).toHaveBeenCalledWith("after");
    spy.mockRestore();
  });
});
