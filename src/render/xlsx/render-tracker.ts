// Plan → the standard RAG tracker workbook (DESIGN §6): Tracker (one row per action),
// Recommendations and Reports for inspection trackers, Summary, Data issues and Key.
import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import { columnLetter, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Plan, SourcePosition } from "../../model/schema.js";
import { RAG_LABELS, STATUS_LABELS } from "../../model/vocabulary.js";
import { RAG_FILL, RAG_TEXT } from "../rag-colours.js";
import { fixZipTimestamps } from "../zip-timestamps.js";
import { writeDataIssuesSheet } from "./data-issues-sheet.js";
import { writeKeySheet } from "./key-sheet.js";
import { writeReportsSheet } from "./reports-sheet.js";
import { writeSummarySheet, type SummaryItem, type SummarySource } from "./summary-sheet.js";
import { actionColumns, recommendationColumns, type TrackerColumn } from "./tracker-columns.js";
import { sheetOptions } from "./sheet-format.js";
import { writeTableSheet } from "./write-table-sheet.js";

// Only the streaming writer: the whole of exceljs (readers, CSV, unzip) takes three times as long to load.
const WorkbookWriter = createRequire(import.meta.url)("exceljs/lib/stream/xlsx/workbook-writer.js") as typeof ExcelJS.stream.xlsx.WorkbookWriter;

export interface TrackerOptions {
  /** Overdue is counted as of this date (YYYY-MM-DD). */
  asOf: string;
  /** The instant recorded as created/modified (SOURCE_DATE_EPOCH or the as-of date). */
  timestamp: Date;
  marking?: string;
  /** The source tracker's file name, for the Key sheet and diagnostics. */
  sourceFile: string;
  version: string;
}

/**
 * Drop-downs and RAG colours reach this many rows past the last one, so a user can add rows.
 * Not the whole column: exceljs (our own reader too) expands a validation range cell by cell.
 */
const ROOM_TO_ADD_ROWS = 1000;

export async function renderTracker(plan: Plan, diagnostics: readonly Diagnostic[], options: TrackerOptions): Promise<{ bytes: Buffer; diagnostics: Diagnostic[] }> {
  const out: Diagnostic[] = [];
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  // Streamed: rows are zipped as they are written, so memory stays flat on large trackers.
  const book = new WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  Object.assign(book, { title: plan.title, subject: "RAG tracker", keywords: "RAG tracker; boardpack" });
  book.creator = "boardpack";
  book.lastModifiedBy = "boardpack";
  book.created = options.timestamp;
  book.modified = options.timestamp;
  const layout = { marking: options.marking, title: plan.title };
  const tableSheet = (name: string) => book.addWorksheet(name, sheetOptions({ ...layout, frozenRows: 1, printTitles: "1:1" }));
  const sources: SummarySource[] = [];

  /** A data sheet with its rules, and what the Summary counts over it. */
  const dataSheet = <Row extends SummaryItem & { source: SourcePosition }>(
    name: string,
    columns: TrackerColumn<Row>[],
    rows: readonly Row[],
    group: { label: "Theme" | "Report"; titleOf: (row: Row) => string | null; order: string[] },
  ) => {
    const sheet = tableSheet(name);
    addStatusAndRagRules(sheet, columns, rows.length + 1 + ROOM_TO_ADD_ROWS);
    writeTableSheet(sheet, columns, rows, options.sourceFile, out);
    sheet.commit();
    sources.push({ sheet: name, groupLabel: group.label, columns: letters(columns, group.label), groups: groupBy(rows, group.titleOf, group.order) });
  };

  if (plan.actions.length > 0 || plan.recommendations.length === 0) {
    const themeTitle = new Map(plan.themes.map((t) => [t.id, t.title]));
    dataSheet("Tracker", actionColumns(plan), plan.actions, {
      label: "Theme",
      titleOf: (a) => (a.theme === null ? null : (themeTitle.get(a.theme) ?? a.theme)),
      order: plan.themes.map((t) => t.title),
    });
  }
  if (plan.recommendations.length > 0) {
    const reportTitle = new Map(plan.reports.map((r) => [r.id, r.title]));
    dataSheet("Recommendations", recommendationColumns(plan), plan.recommendations, {
      label: "Report",
      titleOf: (r) => reportTitle.get(r.report) ?? r.report,
      order: plan.reports.map((r) => r.title),
    });
  }
  if (plan.reports.length > 0) writeReportsSheet(tableSheet("Reports"), plan.reports);

  writeSummarySheet(book.addWorksheet("Summary", sheetOptions({ ...layout, frozenRows: 0 })), plan.title, sources, { asOf: options.asOf });
  writeDataIssuesSheet(tableSheet("Data issues"), [...diagnostics, ...out]);
  writeKeySheet(book.addWorksheet("Key", sheetOptions({ ...layout, frozenRows: 0 })), {
    sourceFile: options.sourceFile,
    sourceSheets: plan.source.sheets,
    generated: options.timestamp.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC"),
    asOf: options.asOf,
    version: options.version,
  });

  await book.commit();
  return { bytes: fixZipTimestamps(Buffer.concat(chunks), options.timestamp), diagnostics: out };
}

/** Drop-down lists on Status and RAG, and fills that follow the RAG word when a user changes it. */
function addStatusAndRagRules<Row>(sheet: ExcelJS.Worksheet, columns: TrackerColumn<Row>[], lastRow: number): void {
  const status = columnLetter(columns.findIndex((c) => c.header === "Status"));
  const rag = columnLetter(columns.findIndex((c) => c.header === "RAG"));
  const list = (words: string[]) => ({
    type: "list" as const,
    allowBlank: true,
    formulae: [`"${words.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "Not in the list",
    error: `Choose one of: ${words.join(", ")}.`,
  });
  // exceljs supports range validations at run time but its types omit them.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`${status}2:${status}${lastRow}`, list(Object.values(STATUS_LABELS)));
  validations.add(`${rag}2:${rag}${lastRow}`, list(Object.values(RAG_LABELS)));
  sheet.addConditionalFormatting({
    ref: `${rag}2:${rag}${lastRow}`,
    rules: (Object.keys(RAG_LABELS) as (keyof typeof RAG_LABELS)[]).map((value, i) => ({
      type: "cellIs",
      operator: "equal",
      priority: i + 1,
      formulae: [`"${RAG_LABELS[value]}"`],
      style: {
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${RAG_FILL[value]}` } },
        font: { bold: true, color: { argb: `FF${RAG_TEXT[value]}` } },
      },
    })),
  });
}

function letters<Row>(columns: TrackerColumn<Row>[], group: string): SummarySource["columns"] {
  const at = (header: string) => columnLetter(columns.findIndex((c) => c.header === header));
  return { group: at(group), status: at("Status"), rag: at("RAG"), due: at("Due"), ref: at(group === "Report" ? "Number" : "Ref") };
}

/** Rows grouped under the titles in order, then any group not in that list, then the untitled. */
function groupBy<Row extends SummaryItem>(rows: readonly Row[], titleOf: (row: Row) => string | null, order: string[]): SummarySource["groups"] {
  const groups = new Map<string | null, Row[]>(order.map((t) => [t, []]));
  for (const row of rows) {
    const key = titleOf(row);
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  const nullGroup = groups.get(null);
  groups.delete(null);
  const result: SummarySource["groups"] = [...groups.entries()].map(([title, items]) => ({ title, items }));
  if (nullGroup && nullGroup.length > 0) result.push({ title: null, items: nullGroup });
  return result;
}
