// Turn one tracker cell into a plan value (a due date, a status, a RAG), reporting
// anything doubtful at the cell. Each reader returns the value and what to keep in `extra`.
import type { RawCell } from "./raw-table.js";
import { diagnostic, type Diagnostic, type Position } from "../diagnostics/diagnostic.js";
import { parseDateText } from "../model/dates.js";
import type { Rag, Status } from "../model/schema.js";
import { normaliseWord, ragFromText, RAG_LABELS, statusFromText, STATUS_LABELS } from "../model/vocabulary.js";

export interface DueValue {
  due: string | null;
  dueText: string | null;
}

/** A cell's text for the plan: line endings made plain, outer spaces trimmed, empty → null. */
export function cellText(cell: RawCell | undefined): string | null {
  if (!cell) return null;
  const text = (cell.text.includes("\r") ? cell.text.replace(/\r\n?/g, "\n") : cell.text).trim();
  return text === "" ? null : text;
}

export function readDue(cell: RawCell | undefined, at: Position, field: string, out: Diagnostic[]): DueValue {
  const text = cellText(cell);
  if (!cell || text === null) return { due: null, dueText: null };
  if (cell.kind === "date" && cell.date) return { due: cell.date, dueText: null };
  if (cell.kind === "number") {
    out.push(diagnostic("warning", "DATE_NUMBER", `${field} ${quote(text)} is a number, not a date; kept as text (format the cell as a date in Excel)`, at));
    return { due: null, dueText: text };
  }
  const parsed = parseDateText(text);
  switch (parsed.kind) {
    case "date":
      return { due: parsed.iso, dueText: parsed.partial ? text : null };
    case "invalid":
      out.push(diagnostic("error", "DATE_INVALID", `${field} ${quote(text)} is not a date: ${parsed.reason}`, at));
      return { due: null, dueText: text };
    case "words":
      if (!parsed.known) {
        out.push(diagnostic("warning", "DATE_UNRECOGNISED", `${field} ${quote(text)} is not a date boardpack recognises; kept as text`, at));
      }
      return { due: null, dueText: text };
  }
}

export interface StatusRagValue {
  status: Status | null;
  rag: Rag | null;
  /** The words as the tracker wrote them, when they differ from the standard word (or mean nothing known). */
  statusAsWritten?: string;
  ragAsWritten?: string;
}

/** Words in a RAG column that mean "no rating" rather than a colour. */
const NO_RATING = new Set(["n a", "na", "not applicable", "tbc", "none", "not rated"]);

type StatusRagCell = { cell: RawCell | undefined; header: string; at: Position } | undefined;

/**
 * Status and RAG together, because each can stand in for the other: "On track" in a status
 * column means in progress and green; with no status, blue means complete. The words as written
 * are kept beside the standard ones; boardpack's own trackers carry them in the "Status as
 * written" and "RAG as written" columns, which `written` passes in.
 */
export function readStatusAndRag(
  statusCell: StatusRagCell,
  ragCell: StatusRagCell,
  out: Diagnostic[],
  written: { status: string | null; rag: string | null } = { status: null, rag: null },
): StatusRagValue & { ragFromFill: boolean } {
  const result: StatusRagValue & { ragFromFill: boolean } = { status: null, rag: null, ragFromFill: false };
  let ragFromStatusWord: Rag | null = null;
  let notApplicable = false;

  const statusText = cellText(statusCell?.cell);
  if (statusCell && statusText !== null) {
    const status = statusFromText(statusText);
    if (status) {
      result.status = status;
      ragFromStatusWord = ragFromText(statusText)?.rag ?? null;
      if (ragFromStatusWord === "blue") ragFromStatusWord = null; // "Complete" as a status says nothing of colour
    } else {
      const asRag = ragFromText(statusText);
      if (asRag) {
        ragFromStatusWord = asRag.rag; // a colour typed in the status column
      } else {
        out.push(diagnostic("warning", "STATUS_UNKNOWN", `${statusCell.header} ${quote(statusText)} is not a status boardpack knows (Not started, In progress, Complete, N/A); kept as written, with no status`, statusCell.at));
      }
    }
  }

  const ragText = cellText(ragCell?.cell);
  if (ragCell && ragText !== null) {
    const reading = ragFromText(ragText);
    if (reading) {
      result.rag = reading.rag;
      if (reading.split) {
        const parts = reading.split.map((r) => RAG_LABELS[r]).join("/");
        out.push(diagnostic("info", "RAG_SPLIT", `${ragCell.header} ${quote(ragText)} is a split rating (${parts}); the worse, ${RAG_LABELS[reading.rag]}, is used`, ragCell.at));
      }
    } else if (NO_RATING.has(normaliseWord(ragText))) {
      notApplicable = true;
    } else {
      out.push(diagnostic("warning", "RAG_UNKNOWN", `${ragCell.header} ${quote(ragText)} is not a RAG rating (Red, Amber, Green, Blue); kept as written, with no rating`, ragCell.at));
    }
  } else if (ragCell?.cell?.fillRag) {
    result.rag = ragCell.cell.fillRag;
    result.ragFromFill = true;
  }

  if (result.rag === null && !ragCell && statusCell?.cell?.fillRag) {
    // No RAG column: some trackers colour the status cell instead.
    result.rag = statusCell.cell.fillRag;
    result.ragFromFill = true;
  }
  if (result.rag === null && ragFromStatusWord) result.rag = ragFromStatusWord;
  if (result.status === null && result.rag) result.status = result.rag === "blue" ? "complete" : "in-progress";
  if (result.status === null && notApplicable) result.status = "not-applicable";

  const statusWords = written.status ?? statusText;
  if (statusWords !== null && statusWords !== (result.status ? STATUS_LABELS[result.status] : null)) result.statusAsWritten = statusWords;
  const ragWords = written.rag ?? ragText;
  if (ragWords !== null && ragWords !== (result.rag ? RAG_LABELS[result.rag] : null)) result.ragAsWritten = ragWords;
  return result;
}

export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return `"${oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine}"`;
}
