// Reads a CSV file into a raw table. Each row keeps the line it starts on (a quoted cell may
// span lines), so a diagnostic can send the user to the right place in a text editor.
import { CsvError, parse } from "csv-parse/sync";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { unguardFormulaText } from "../model/formula-guard.js";
import { decodeText } from "./decode.js";
import { formatMegabytes } from "../files/limits.js";
import { LIMITS, type Limits } from "./limits.js";
import type { RawCell, RawRow, RawWorkbook } from "./raw-table.js";
import { InputRefused, refuse } from "./refused.js";

const DELIMITERS = [",", ";", "\t"] as const;
const SAMPLE_RECORDS = 20;
const SAMPLE_CHARS = 64 * 1024;
const LF = 0x0a;
const CR = 0x0d;

export function readCsv(bytes: Buffer, file: string, limits: Limits = LIMITS): { workbook: RawWorkbook; diagnostics: Diagnostic[] } {
  const { text, invalidLines } = decodeText(bytes);
  const diagnostics = invalidLines ? [invalidBytesWarning(file, invalidLines)] : [];
  // Excel honours a first line "sep=;" naming the delimiter; so do we.
  const sepLine = /^sep=(.)(?:\r\n|\r|\n|$)/i.exec(text);
  const delimiter = sepLine?.[1] ?? detectDelimiter(text);
  // csv-parse reports byte offsets into UTF-8; parsing bytes we encoded ourselves keeps them exact.
  const data = Buffer.from(text, "utf8");
  const lineAt = lineCounter(data);
  const rows: RawRow[] = [];
  let recordStart = 0;
  let first = true;
  // Ragged records (",,," under a wider header) still get an Error each from csv-parse (see
  // below); with stack traces off while parsing, a million of them cost little.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    parse(data, {
      delimiter,
      // Any line end, each line: Excel on Windows writes CRLF, but a file edited elsewhere may
      // mix them (a CRLF header, LF rows), and csv-parse would otherwise keep the first it meets.
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: limits.maxCsvRecordBytes,
      // Blank lines are skipped by the parser: as records they would each be "too short", and
      // csv-parse builds an error object (with a stack) for every short record even when told to
      // accept it — a million blank lines took half a minute. A record starts after the line
      // breaks that follow the last one, so its line is still exact; the rows left out are
      // named as blank later, from the gap in the row numbers.
      skip_empty_lines: true,
      on_record: (record: string[], info) => {
        while (recordStart < info.bytes && (data[recordStart] === LF || data[recordStart] === CR)) recordStart++;
        const row = lineAt(recordStart);
        const endsWithBreak = info.bytes > 0 && (data[info.bytes - 1] === LF || data[info.bytes - 1] === CR);
        const lastRow = Math.max(row, lineAt(info.bytes) - (endsWithBreak ? 1 : 0));
        recordStart = info.bytes;
        const skip = (first && sepLine != null) || record.every((field) => field === "");
        first = false;
        if (skip) return null;
        if (rows.length === limits.maxRows) {
          throw refuse(file, "INPUT_TOO_LARGE",
            `the file has more than ${limits.maxRows.toLocaleString("en-GB")} rows, more than boardpack reads; ` +
              "delete unused rows or split it into smaller files");
        }
        rows.push(lastRow > row ? { row, lastRow, cells: record.map(toCell) } : { row, cells: record.map(toCell) });
        return null;
      },
    });
  } catch (err) {
    if (err instanceof CsvError) throw csvRefusal(err, file, lineAt(recordStart), limits);
    throw err;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return { workbook: { file, format: "csv", sheets: [{ name: null, rows }] }, diagnostics };
}

/** One warning for the bytes UTF-8 does not allow, naming their lines (the first few). */
function invalidBytesWarning(file: string, lines: number[]): Diagnostic {
  const shown = lines.slice(0, 5).map(String);
  const list = lines.length > 5 ? `${shown.join(", ")} and ${(lines.length - 5).toLocaleString("en-GB")} more` : shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}` : shown[0]!;
  const where = lines.length === 1 ? `line ${list} has` : `lines ${list} have`;
  return {
    ...diagnostic("warning", "TEXT_NOT_UTF8",
      `the file is UTF-8 but ${where} a byte UTF-8 does not allow, read as "\uFFFD"; check the text there (in Excel, save as "CSV UTF-8")`,
      { file }),
    row: lines[0]!,
  };
}

/**
 * Text as in the file, less the apostrophe that keeps a formula-like text from running
 * (formula-guard.ts); callers trim. An empty field is an empty cell.
 */
function toCell(text: string): RawCell | undefined {
  return text === "" ? undefined : { kind: "string", text: unguardFormulaText(text) };
}

/** One line naming the row the failing record starts on; never csv-parse's own message. */
function csvRefusal(err: CsvError, file: string, row: number, limits: Limits): InputRefused {
  const at = (code: string, message: string) => new InputRefused({ severity: "error", code, message, file, row });
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return at("CSV_INVALID", `a quoted field is never closed (a " with no closing ")`);
    case "CSV_MAX_RECORD_SIZE":
      return at("INPUT_TOO_LARGE", `this row is longer than ${formatMegabytes(limits.maxCsvRecordBytes)}, usually because a " opens a quoted field that is never closed`);
    default:
      return at("CSV_INVALID", "this line cannot be read as CSV");
  }
}

/**
 * The 1-based line at each byte offset, for offsets given in increasing order: one more than the
 * line breaks before it (LF, CRLF or a lone CR), counted incrementally so no line table is kept.
 */
function lineCounter(data: Buffer): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset && at < data.length; at++) {
      const byte = data[at];
      if (byte === LF || (byte === CR && data[at + 1] !== LF)) line++;
    }
    return line;
  };
}

/**
 * Comma, semicolon (Excel in much of Europe) or tab (Excel's "Text"): the one whose count per
 * line, outside quotes, is the same on the most of the first lines. Comma when nothing stands out.
 */
export function detectDelimiter(text: string): string {
  let best = { delimiter: ",", steady: 0, usual: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = delimiterCounts(text, delimiter);
    const usual = mostCommonNonZero(counts);
    const steady = usual === 0 ? 0 : counts.filter((count) => count === usual).length;
    if (steady > best.steady || (steady === best.steady && usual > best.usual)) best = { delimiter, steady, usual };
  }
  return best.delimiter;
}

/** Delimiters per non-blank record in the first lines; quotes open only at the start of a field, as csv-parse reads them. */
function delimiterCounts(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  const end = Math.min(text.length, SAMPLE_CHARS);
  let count = 0;
  let quoted = false;
  let fieldStart = true;
  let blank = true;
  for (let i = 0; i < end && counts.length < SAMPLE_RECORDS; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (char === "\r" || char === "\n") {
      if (!blank) counts.push(count);
      count = 0;
      fieldStart = true;
      blank = true;
    } else {
      quoted = char === '"' && fieldStart;
      fieldStart = char === delimiter;
      if (fieldStart) count++;
      blank = false;
    }
  }
  // A record cut off by the sample size would skew the counts.
  if (!blank && end === text.length) counts.push(count);
  return counts;
}

function mostCommonNonZero(counts: number[]): number {
  const tally = new Map<number, number>();
  for (const count of counts) if (count > 0) tally.set(count, (tally.get(count) ?? 0) + 1);
  let usual = 0;
  let times = 0;
  for (const [count, n] of tally) {
    if (n > times || (n === times && count > usual)) [usual, times] = [count, n];
  }
  return usual;
}
