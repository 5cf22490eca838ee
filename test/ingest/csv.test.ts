import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { describe, expect, it } from "vitest";
import { readCsv, detectDelimiter } from "../../src/ingest/csv.js";
import { LIMITS } from "../../src/ingest/limits.js";
import type { RawRow } from "../../src/ingest/raw-table.js";
import { InputRefused } from "../../src/ingest/refused.js";

/** Each row as [line, texts] with empty cells as null, for compact expectations. */
function rowsOf(csv: string | Buffer): [number, (string | null)[]][] {
  const bytes = typeof csv === "string" ? Buffer.from(csv, "utf8") : csv;
  const { workbook: book } = readCsv(bytes, "tracker.csv");
  expect(book.format).toBe("csv");
  expect(book.sheets).toHaveLength(1);
  expect(book.sheets[0]!.name).toBeNull();
  return book.sheets[0]!.rows.map((r: RawRow) => [r.row, Array.from(r.cells, (c) => c?.text ?? null)]);
}

function refusal(run: () => unknown): InputRefused {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(InputRefused);
    const refused = err as InputRefused;
    expect(refused.diagnostic.file).toBe("tracker.csv");
    expect(refused.diagnostic.message).not.toMatch(/\n/);
    return refused;
  }
  throw new Error("expected the file to be refused");
}

describe("readCsv", () => {
  it("reads a simple comma file, every cell a string exactly as written", () => {
    const { workbook: book } = readCsv(Buffer.from("Ref,Action\n1.1, Review policy \n"), "tracker.csv");
    expect(book).toEqual({
      file: "tracker.csv",
      format: "csv",
      sheets: [
        {
          name: null,
          rows: [
            { row: 1, cells: [{ kind: "string", text: "Ref" }, { kind: "string", text: "Action" }] },
            { row: 2, cells: [{ kind: "string", text: "1.1" }, { kind: "string", text: " Review policy " }] },
          ],
        },
      ],
    });
  });

  it("leaves empty cells empty and allows ragged rows", () => {
    expect(rowsOf("a,,c\nd\ne,f,g,h\n")).toEqual([
      [1, ["a", null, "c"]],
      [2, ["d"]],
      [3, ["e", "f", "g", "h"]],
    ]);
  });

  it("gives a record after a multi-line quoted field the line it really starts on (LF)", () => {
    const csv = 'Ref,Update\n1.1,"first line\nsecond line\nthird line"\n1.2,done\n';
    expect(rowsOf(csv)).toEqual([
      [1, ["Ref", "Update"]],
      [2, ["1.1", "first line\nsecond line\nthird line"]],
      [5, ["1.2", "done"]],
    ]);
  });

  it("counts CRLF lines, including CRLF inside quotes, once each", () => {
    const csv = 'Ref,Update\r\n1.1,"first\r\nsecond"\r\n\r\n1.2,done\r\n1.3,"a ""quoted"" word"\r\n';
    expect(rowsOf(csv)).toEqual([
      [1, ["Ref", "Update"]],
      [2, ["1.1", "first\r\nsecond"]],
      [5, ["1.2", "done"]],
      [6, ["1.3", 'a "quoted" word']],
    ]);
  });

  it("skips blank lines and rows of empty cells, keeping the line numbers of what follows", () => {
    expect(rowsOf("\n\nTitle,,\n,,\n\nRef,Action,Owner\n1,x,y")).toEqual([
      [3, ["Title", null, null]],
      [6, ["Ref", "Action", "Owner"]],
      [7, ["1", "x", "y"]],
    ]);
  });

  it("keeps a stray quote in the middle of a field", () => {
    expect(rowsOf('Ref,Note\n1,Fit 5" screens\n2,Ask "Jo" first\n3,"closed"early\n')).toEqual([
      [1, ["Ref", "Note"]],
      [2, ["1", 'Fit 5" screens']],
      [3, ["2", 'Ask "Jo" first']],
      [4, ["3", '"closed"early']],
    ]);
  });

  it("reads a Windows-1252 file from Excel", () => {
    // Ref;Action / 1;“Review £500 – café”  — written as cp1252 bytes, comma delimited.
    const bytes = Buffer.concat([
      Buffer.from("Ref,Action\r\n1,", "latin1"),
      Buffer.from([0x93, 0x52, 0x65, 0x76, 0x69, 0x65, 0x77, 0x20, 0xa3, 0x35, 0x30, 0x30, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x94]),
      Buffer.from("\r\n", "latin1"),
    ]);
    expect(rowsOf(bytes)).toEqual([
      [1, ["Ref", "Action"]],
      [2, ["1", "“Review £500 – café”"]],
    ]);
  });

  it("reads UTF-8 with a BOM and UTF-16LE with a BOM (Excel's Unicode Text, tab delimited)", () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Ref,Owner\n1,Siân Ŵ\n")]);
    expect(rowsOf(utf8)).toEqual([
      [1, ["Ref", "Owner"]],
      [2, ["1", "Siân Ŵ"]],
    ]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Ref\tOwner\r\n1\tSiân, DCI\r\n", "utf16le")]);
    expect(rowsOf(utf16)).toEqual([
      [1, ["Ref", "Owner"]],
      [2, ["1", "Siân, DCI"]],
    ]);
  });

  it("detects semicolon and tab delimiters", () => {
    expect(rowsOf("Ref;Action;Due\n1;Review, then report;Mar-17\n2;Train staff;Q4 2016/17\n")).toEqual([
      [1, ["Ref", "Action", "Due"]],
      [2, ["1", "Review, then report", "Mar-17"]],
      [3, ["2", "Train staff", "Q4 2016/17"]],
    ]);
    expect(rowsOf("Ref\tAction\n1\tReview; report, file\n")).toEqual([
      [1, ["Ref", "Action"]],
      [2, ["1", "Review; report, file"]],
    ]);
  });

  it("obeys Excel's sep= first line, which is not a row", () => {
    expect(rowsOf("sep=;\nRef;Action\n1;a,b\n")).toEqual([
      [2, ["Ref", "Action"]],
      [3, ["1", "a,b"]],
    ]);
  });

  it("refuses an unclosed quote, naming the row it starts on", () => {
    const refused = refusal(() => readCsv(Buffer.from('Ref,Action\n1,ok\n2,"never closed\n3,more\n'), "tracker.csv"));
    expect(refused.diagnostic.code).toBe("CSV_INVALID");
    expect(formatDiagnostic(refused.diagnostic)).toBe('tracker.csv row 3: error CSV_INVALID a quoted field is never closed (a " with no closing ")');
  });

  it("refuses more rows than the limit", () => {
    const limits = { ...LIMITS, maxRows: 3 };
    expect(readCsv(Buffer.from("a\n\nb\nc\n"), "tracker.csv", limits).workbook.sheets[0]!.rows).toHaveLength(3);
    const refused = refusal(() => readCsv(Buffer.from("a\nb\nc\nd\n"), "tracker.csv", limits));
    expect(refused.diagnostic.code).toBe("INPUT_TOO_LARGE");
    expect(refused.diagnostic.message).toMatch(/^the file has more than 3 rows/);
    expect(refusal(() => readCsv(Buffer.from("a\n".repeat(200_001)), "tracker.csv")).diagnostic.message).toMatch(
      /more than 200,000 rows/,
    );
  });

  it("refuses a record over the size limit, naming its row", () => {
    const limits = { ...LIMITS, maxCsvRecordBytes: 100 };
    const refused = refusal(() => readCsv(Buffer.from(`Ref,Note\n1,"${"x".repeat(500)}\n`), "tracker.csv", limits));
    expect(refused.diagnostic.code).toBe("INPUT_TOO_LARGE");
    expect(formatDiagnostic(refused.diagnostic)).toMatch(/^tracker\.csv row 2: error INPUT_TOO_LARGE this row is longer than 0\.1 MB/);
  });
});

describe("readCsv keeps what the file says", () => {
  it("reads every row when the header ends in CRLF and the rows in LF (or CR)", () => {
    expect(rowsOf("Ref,Action\r\n1,First\n2,Second\n3,Third\n")).toEqual([
      [1, ["Ref", "Action"]],
      [2, ["1", "First"]],
      [3, ["2", "Second"]],
      [4, ["3", "Third"]],
    ]);
    expect(rowsOf("Ref,Action\n1,First\r\n\r\n2,\"two\r\nlines\"\r3,Third")).toEqual([
      [1, ["Ref", "Action"]],
      [2, ["1", "First"]],
      [4, ["2", "two\r\nlines"]],
      [6, ["3", "Third"]],
    ]);
  });

  it("reads a UTF-8 file with a stray byte as UTF-8, warning at the line", () => {
    const bytes = Buffer.concat([Buffer.from("Ref,Action\n1,café – £\n2,bad ", "utf8"), Buffer.from([0xe9]), Buffer.from(" byte\n3,ok\n", "utf8")]);
    const { workbook, diagnostics } = readCsv(bytes, "tracker.csv");
    expect(workbook.sheets[0]!.rows.map((r) => r.cells.map((c) => c?.text))).toEqual([["Ref", "Action"], ["1", "café – £"], ["2", "bad \uFFFD byte"], ["3", "ok"]]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'tracker.csv row 3: warning TEXT_NOT_UTF8 the file is UTF-8 but line 3 has a byte UTF-8 does not allow, read as "\uFFFD"; check the text there (in Excel, save as "CSV UTF-8")',
    ]);
    // Windows-1252 throughout is still read as Windows-1252, without a warning.
    const cp1252 = readCsv(Buffer.from([...Buffer.from("Ref,Action\n1,caf"), 0xe9, 0x20, 0x96, 0x20, 0xa3, 0x0a]), "tracker.csv");
    expect(cp1252.workbook.sheets[0]!.rows[1]!.cells[1]!.text).toBe("café – £");
    expect(cp1252.diagnostics).toEqual([]);
  });

  it("reads a million blank lines quickly, as one run of blank rows", () => {
    const started = Date.now();
    const { workbook } = readCsv(Buffer.from(`Ref,Action\n1,Do\n${"\n".repeat(1_000_000)}2,Later\n`), "tracker.csv");
    expect(workbook.sheets[0]!.rows.map((r) => r.row)).toEqual([1, 2, 1_000_003]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe("detectDelimiter", () => {
  it("prefers the delimiter that is steady across lines, ignoring quoted text", () => {
    expect(detectDelimiter('Title;;\nRef;Action;Owner\n1;"a, b, c, d";Jo\n2;x;y\n')).toBe(";");
    expect(detectDelimiter('Ref,Action\n1,"a;b;c"\n2,"d;e"\n')).toBe(",");
    expect(detectDelimiter("just one column\nof text\n")).toBe(",");
  });
});
