// Plan → the standard RAG tracker workbook (DESIGN §6): Tracker (one row per action),
// Recommendations and Reports for inspection trackers, Summary, Data issues and Key.
import { columnLetter, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ChangeReport } from "../../model/changes.js";
import type { Plan, SourcePosition } from "../../model/schema.js";
import { RAG_LABELS, STATUS_LABELS } from "../../model/vocabulary.js";
import { RAG_FILL, RAG_TEXT } from "../rag-colours.js";
import { writeZip, type ZipPart } from "../zip/write-zip.js";
import { CHANGES_COLUMNS, CHANGES_SHEET, writeChangesSheet } from "./changes-sheet.js";
import { writeDataIssuesSheet } from "./data-issues-sheet.js";
import { writeKeySheet } from "./key-sheet.js";
import { writeReportsSheet } from "./reports-sheet.js";
import { writeSummarySheet, type SinceColumns, type SummaryItem, type SummarySource } from "./summary-sheet.js";
import { actionColumns, recommendationColumns, type TrackerColumn } from "./tracker-columns.js";
import { OFFICE_THEME_XML } from "./office-theme.js";
import { SharedStrings } from "./shared-strings.js";
import type { SheetLayout } from "./sheet-format.js";
import type { BookTables, SheetWriter } from "./sheet-part.js";
import { StyleTable } from "./style-table.js";
import { appXml, contentTypesXml, coreXml, packageRelsXml, workbookRelsXml, workbookXml, type SheetEntry } from "./workbook-parts.js";
import { writeTableSheet } from "./write-table-sheet.js";

export interface TrackerOptions {
  /** Overdue is counted as of this date (YYYY-MM-DD). */
  asOf: string;
  /** The instant recorded as created/modified (SOURCE_DATE_EPOCH or the as-of date). */
  timestamp: Date;
  marking?: string;
  /** The source tracker's file name, for the Key sheet and diagnostics. */
  sourceFile: string;
  version: string;
  /** `--since`: what changed since last time's tracker, for the Changes sheet and the Summary. */
  changes?: ChangeReport;
}

/**
 * Drop-downs and RAG colours reach this many rows past the last one, so a user can add rows.
 * Not the whole column: some spreadsheet programs expand a validation range cell by cell.
 */
const ROOM_TO_ADD_ROWS = 1000;

/**
 * zlib's fast deflate: a tracker is mostly repeated cell markup, which level 2 already shrinks
 * about eightfold (smaller than exceljs's files); level 6 takes three to four times as long for
 * a file a fifth smaller.
 */
const DEFLATE_LEVEL = 2;

export async function renderTracker(plan: Plan, diagnostics: readonly Diagnostic[], options: TrackerOptions): Promise<{ bytes: Buffer; diagnostics: Diagnostic[] }> {
  const out: Diagnostic[] = [];
  const tables: BookTables = { styles: new StyleTable(), strings: new SharedStrings() };
  const layout = { marking: options.marking, title: plan.title };
  const tableLayout: SheetLayout = { ...layout, frozenRows: 1, printTitles: "1:1" };
  const plainLayout: SheetLayout = { ...layout, frozenRows: 0 };
  const sources: SummarySource[] = [];

  /** A data sheet with its rules, and what the Summary counts over it. */
  const dataSheet = <Row extends SummaryItem & { source: SourcePosition }>(
    name: string,
    columns: TrackerColumn<Row>[],
    rows: readonly Row[],
    group: { label: "Theme" | "Report"; titleOf: (row: Row) => string | null; order: string[] },
  ): SheetWriter => {
    const sheet = writeTableSheet(name, tableLayout, tables, columns, rows, options.sourceFile, out);
    addStatusAndRagRules(sheet, columns, rows.length + 1 + ROOM_TO_ADD_ROWS);
    sources.push({ sheet: name, groupLabel: group.label, columns: letters(columns, group.label), groups: groupBy(rows, group.titleOf, group.order) });
    return sheet;
  };

  // Each sheet is made, written out and dropped in turn (the generator runs as the zip asks), so
  // only one sheet's XML is held at a time. Every sheet adds to the shared strings and styles,
  // which therefore come after the sheets.
  function* sheets(): Generator<SheetWriter> {
    if (plan.actions.length > 0 || plan.recommendations.length === 0) {
      const themeTitle = new Map(plan.themes.map((t) => [t.id, t.title]));
      yield dataSheet("Tracker", actionColumns(plan), plan.actions, {
        label: "Theme",
        titleOf: (a) => (a.theme === null ? null : (themeTitle.get(a.theme) ?? a.theme)),
        order: plan.themes.map((t) => t.title),
      });
    }
    if (plan.recommendations.length > 0) {
      const reportTitle = new Map(plan.reports.map((r) => [r.id, r.title]));
      yield dataSheet("Recommendations", recommendationColumns(plan), plan.recommendations, {
        label: "Report",
        titleOf: (r) => reportTitle.get(r.report) ?? r.report,
        order: plan.reports.map((r) => r.title),
      });
    }
    // Made before Reports and Summary, though placed after them, so that its text is numbered
    // before theirs in the shared strings, as it was when exceljs wrote the workbook.
    const dataIssues = writeDataIssuesSheet(tables, tableLayout, [...diagnostics, ...out]);
    if (plan.reports.length > 0) yield writeReportsSheet(tables, tableLayout, plan.reports);
    const changes = options.changes;
    yield writeSummarySheet(tables, plainLayout, plan.title, sources, { asOf: options.asOf, ...(changes ? { since: sinceColumns(changes) } : {}) });
    if (changes) yield writeChangesSheet(tables, tableLayout, changes);
    yield dataIssues;
    yield writeKeySheet(tables, plainLayout, {
      sourceFile: options.sourceFile,
      sourceSheets: plan.source.sheets,
      legend: plan.legend ?? [],
      generated: options.timestamp.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC"),
      asOf: options.asOf,
      version: options.version,
    });
  }

  function* parts(): Generator<ZipPart> {
    // The order exceljs wrote them in; no reader depends on it.
    yield { path: "xl/theme/theme1.xml", data: OFFICE_THEME_XML };
    yield { path: "_rels/.rels", data: packageRelsXml() };
    const entries: SheetEntry[] = [];
    for (const sheet of sheets()) {
      entries.push({ name: sheet.name, printTitles: sheet.layout.printTitles });
      yield { path: `xl/worksheets/sheet${entries.length}.xml`, data: sheet.bytes() };
    }
    yield { path: "[Content_Types].xml", data: contentTypesXml(entries.length) };
    yield { path: "docProps/app.xml", data: appXml(entries) };
    yield { path: "docProps/core.xml", data: coreXml({ title: plan.title, subject: "RAG tracker", keywords: "RAG tracker; boardpack", creator: "boardpack", timestamp: options.timestamp }) };
    yield { path: "xl/sharedStrings.xml", data: tables.strings.bytes() };
    yield { path: "xl/styles.xml", data: tables.styles.xml() };
    yield { path: "xl/_rels/workbook.xml.rels", data: workbookRelsXml(entries.length) };
    yield { path: "xl/workbook.xml", data: workbookXml(entries) };
  }

  return { bytes: writeZip(parts(), options.timestamp, { level: DEFLATE_LEVEL }), diagnostics: out };
}

/** Drop-down lists on Status and RAG, and fills that follow the RAG word when a user changes it. */
function addStatusAndRagRules<Row>(sheet: SheetWriter, columns: TrackerColumn<Row>[], lastRow: number): void {
  const status = columnLetter(columns.findIndex((c) => c.header === "Status"));
  const rag = columnLetter(columns.findIndex((c) => c.header === "RAG"));
  const list = (words: string[]) => ({ words, errorTitle: "Not in the list", error: `Choose one of: ${words.join(", ")}.` });
  sheet.listValidation(`${status}2:${status}${lastRow}`, list(Object.values(STATUS_LABELS)));
  sheet.listValidation(`${rag}2:${rag}${lastRow}`, list(Object.values(RAG_LABELS)));
  sheet.conditionalFormatting(
    `${rag}2:${rag}${lastRow}`,
    (Object.keys(RAG_LABELS) as (keyof typeof RAG_LABELS)[]).map((value) => ({
      formula: `"${RAG_LABELS[value]}"`,
      style: { fill: `FF${RAG_FILL[value]}`, font: { bold: true, color: `FF${RAG_TEXT[value]}` } },
    })),
  );
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

/** The Summary's "since" columns: headed with the old tracker's date (else its name), counted per theme. */
function sinceColumns(report: ChangeReport): SinceColumns {
  const counts: SinceColumns["counts"] = new Map();
  for (const theme of report.themes) {
    counts.set(theme.title, { completed: theme.counts.completed, new: theme.counts.new, slipped: theme.counts.slipped });
  }
  const [y, m, d] = (report.old.date ?? "").split("-");
  const label = report.old.date ? `${d}/${m}/${y}` : report.old.file.replace(/^.*[\\/]/, "");
  return { label, sheet: CHANGES_SHEET, columns: CHANGES_COLUMNS, counts };
}
