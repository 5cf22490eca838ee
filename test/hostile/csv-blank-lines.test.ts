// A million blank lines in a CSV (found by the fuzzer: each blank line cost csv-parse an error
// object with a stack, 27 s of CPU for a million) read in a moment, with every row still
// numbered by the line it is on.
import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/ingest/csv.js";

describe("blank lines in a CSV", () => {
  it("reads a million of them quickly and numbers the rows after them exactly", () => {
    const text = `Ref,Action,Status\n${"\n".repeat(1_000_000)}1.1,Train staff,Complete\n\n\n1.2,"Two\nlines",In progress\n`;
    const started = process.cpuUsage();
    const { workbook: book } = readCsv(Buffer.from(text, "utf8"), "t.csv");
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1e6).toBeLessThan(3);
    expect(book.sheets[0]!.rows.map((r) => [r.row, r.lastRow ?? r.row, r.cells[0]?.text])).toEqual([
      [1, 1, "Ref"],
      [1_000_002, 1_000_002, "1.1"],
      [1_000_005, 1_000_006, "1.2"],
    ]);
  });

  it("numbers rows exactly after blank lines in a file with Windows line ends", () => {
    const { workbook: book } = readCsv(Buffer.from("Ref,Action\r\n\r\n\r\n1,Do it\r\n\r\n2,Then this\r\n", "utf8"), "t.csv");
    expect(book.sheets[0]!.rows.map((r) => [r.row, r.cells[1]?.text])).toEqual([[1, "Action"], [4, "Do it"], [6, "Then this"]]);
  });

  it("keeps a row of empty cells (commas only) out, as before", () => {
    const { workbook: book } = readCsv(Buffer.from("Ref,Action\n,\n\n1,Do it\n", "utf8"), "t.csv");
    expect(book.sheets[0]!.rows.map((r) => r.row)).toEqual([1, 4]);
  });
});
