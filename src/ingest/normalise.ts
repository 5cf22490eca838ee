// Raw sheets → Plan. Every row below a header ends up in the plan or in a diagnostic
// that names it (a banner becomes a theme, a legend or blank row an info line).
import { basename } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ColumnField } from "./columns.js";
import { expectedHeadersHint } from "./columns.js";
import type { Column } from "./header.js";
import type { SheetLayout, TableLayout } from "./layout.js";
import { filledCells, hasFilledCell, type RawRow, type RawWorkbook } from "./raw-table.js";
import { quote, readDue, readStatusAndRag } from "./cell-values.js";
import { keyLineFromCsv } from "../model/legend.js";
import { keyRowText, keySheetLines } from "./legend.js";
import { rowReader, warnFormulas, warnLeadingSpace } from "./row-reader.js";
import { assignMissingRefs, reportDuplicateRefs, type RefSlot } from "./refs.js";
import { readInspectionRow, InspectionCollector } from "./inspection.js";
import type { Action, Plan } from "../model/schema.js";
import { ThemeRegistry } from "../model/themes.js";
import { planTitle, reportRowsAboveHeader } from "./title.js";

export interface NormaliseResult {
  /** Null when errors leave nothing to build a plan from. */
  plan: Plan | null;
  diagnostics: Diagnostic[];
  /** The tables read, for `boardpack check` to show which header became which field. */
  tables: TableLayout[];
}

type ThemeSource = "column" | "banner" | "sheet" | "none";

export function normalise(workbook: RawWorkbook, layouts: SheetLayout[]): NormaliseResult {
  const file = workbook.file;
  const out: Diagnostic[] = [];
  const tables: TableLayout[] = [];
  const reportLists: TableLayout[] = [];

  const legend: string[] = [];

  for (const layout of layouts) {
    const where = { file, sheet: layout.sheet.name };
    const keyLines = keySheetLines(layout);
    if (keyLines !== null && keyLines.length > 0) {
      legend.push(...keyLines);
      out.push(diagnostic("info", "SHEET_SKIPPED", `not a table of actions: the tracker's own key (${keyLines.length} ${keyLines.length === 1 ? "line" : "lines"}), kept as written in the Key sheet`, where));
    } else if (layout.kind === "skipped") {
      out.push(diagnostic("info", "SHEET_SKIPPED", `not read: ${layout.reason}`, where));
    } else if (isReportList(layout)) {
      reportLists.push(layout);
    } else if (!hasField(layout, "action") && !hasField(layout, "recommendation")) {
      out.push(diagnostic("info", "SHEET_SKIPPED", `not read: its header row ${layout.header.row} has no action or recommendation column (found ${headerList(layout.header.columns)})`, where));
    } else {
      tables.push(layout);
    }
  }

  if (tables.length === 0) {
    // With one sheet, the error says it all; with several, the notes say why each was passed over.
    if (layouts.length === 1) out.length = 0;
    out.push(noTrackerError(file, layouts));
    return { plan: null, diagnostics: out, tables };
  }

  const themes = new ThemeRegistry();
  const actions: Action[] = [];
  const refSlots: RefSlot[] = [];
  const inspection = new InspectionCollector(file);
  const actionTables = tables.filter((t) => hasField(t, "action"));

  for (const table of tables) {
    const isActions = hasField(table, "action");
    const themeSource = isActions ? chooseThemeSource(table, actionTables.length) : "none";
    const rowsBefore = actions.length + inspection.count;
    readTable(table, {
      file,
      out,
      onRow: (raw, bannerTheme) => {
        if (isActions) {
          const action = readActionRow(file, table, raw, themeSource, bannerTheme, themes, out);
          actions.push(action);
          refSlots.push({ file, action, table, raw, hadRefColumn: hasField(table, "ref") });
        } else {
          readInspectionRow(table, raw, inspection, out);
        }
      },
      // In boardpack's own CSV each line of the key carries a label (model/legend.ts).
      onLegend: (raw) => legend.push(workbook.format === "csv" ? keyLineFromCsv(keyRowText(raw)) : keyRowText(raw)),
      onBanner: (title) => {
        if (themeSource === "banner" || themeSource === "column") return themes.idFor(title);
        return null;
      },
    });
    if (actions.length + inspection.count === rowsBefore) {
      out.push(diagnostic("warning", "SHEET_NO_ROWS", `the header is on row ${table.header.row} but no rows follow it`, { file, sheet: table.sheet.name }));
    }
    reportRagFromFill(file, table, out);
  }

  if (actions.length === 0 && inspection.count === 0) {
    const t = tables[0]!;
    out.push(diagnostic("error", "TRACKER_NO_ROWS", `the tracker has a header row (row ${t.header.row}) but no actions below it; is this the right file or sheet?`, { file, sheet: t.sheet.name }));
    return { plan: null, diagnostics: out, tables };
  }

  for (const list of reportLists) readReportList(list, inspection, out);
  assignMissingRefs(refSlots, themes, out);
  reportDuplicateRefs(refSlots, out);
  inspection.finish(out);

  const title = planTitle(workbook, layouts, tables);
  reportRowsAboveHeader(file, tables, title, out);
  const plan: Plan = {
    schemaVersion: 1,
    title,
    source: { file: basename(file), sheets: tables.map((t) => t.sheet.name).filter((n): n is string => n !== null) },
    themes: themes.list(),
    actions,
    reports: inspection.reports(),
    recommendations: inspection.recommendations(),
    ...(legend.length > 0 ? { legend } : {}),
  };
  return { plan, diagnostics: out, tables };
}

/** A list of reports and their publication dates, with no recommendations (boardpack's Reports sheet). */
function isReportList(table: TableLayout): boolean {
  return hasField(table, "report") && hasField(table, "published") && !hasField(table, "action") && !hasField(table, "recommendation");
}

function readReportList(table: TableLayout, inspection: InspectionCollector, out: Diagnostic[]): void {
  for (const role of table.rows) {
    if (role.kind !== "data") continue;
    const r = rowReader(inspection.file, table, role.raw);
    const title = r.text("report");
    if (title === null) continue;
    const report = inspection.report(title);
    const published = r.located("published")!;
    const date = readDue(published.cell, published.at, published.header, out);
    if (date.due) inspection.setPublished(report, date.due, published.at, out);
  }
}

export function hasField(table: TableLayout, field: ColumnField): boolean {
  return table.header.columns.some((c) => c.field === field);
}

export function columnFor(table: TableLayout, field: ColumnField): Column | undefined {
  return table.header.columns.find((c) => c.field === field);
}

/** Where a table's themes come from: its own column, banner rows, or (one sheet per workstream) the sheet name. */
function chooseThemeSource(table: TableLayout, actionTableCount: number): ThemeSource {
  if (hasField(table, "theme")) return "column";
  if (table.rows.some((r) => r.kind === "banner")) return "banner";
  if (actionTableCount > 1 && table.sheet.name) return "sheet";
  return "none";
}

interface TableVisitor {
  file: string;
  out: Diagnostic[];
  onRow: (raw: RawRow, bannerTheme: string | null) => void;
  onBanner: (title: string) => string | null;
  onLegend: (raw: RawRow) => void;
}

/** Walk the rows under the header: banners set the current theme, legends and blank runs are reported. */
function readTable(table: TableLayout, visit: TableVisitor): void {
  const sheet = table.sheet.name;
  let bannerTheme: string | null = null;
  let previousRow = table.header.row;
  for (const role of table.rows) {
    const blank = role.kind === "data" && !hasFilledCell(role.raw);
    if (blank) continue; // a row of spaces: counted in the blank run reported below
    if (role.raw.row > previousRow + 1) reportBlankRun(visit, sheet, previousRow + 1, role.raw.row - 1);
    previousRow = role.raw.lastRow ?? role.raw.row;
    if (role.kind === "banner") {
      bannerTheme = visit.onBanner(role.title);
    } else if (role.kind === "legend") {
      visit.onLegend(role.raw);
      visit.out.push(diagnostic("info", "LEGEND_ROW", `not an action: a key to the colours (${quote(role.text)}), kept as written in the Key sheet`, { file: visit.file, sheet, row: role.raw.row }));
    } else if (role.kind === "note") {
      const what = role.what === "total" ? "a totals row" : "a note below the last action";
      visit.out.push(diagnostic("info", role.what === "total" ? "TOTAL_ROW" : "NOTE_ROW", `not an action: ${what} (${quote(role.text)})`, { file: visit.file, sheet, row: role.raw.row }));
    } else {
      visit.onRow(role.raw, bannerTheme);
    }
  }
}

function reportBlankRun(visit: TableVisitor, sheet: string | null, from: number, to: number): void {
  const message = from === to ? `row ${from} is blank; not an action` : `rows ${from}–${to} are blank; not actions`;
  visit.out.push(diagnostic("info", "BLANK_ROWS", message, { file: visit.file, sheet, row: from }));
}

function readActionRow(
  file: string,
  table: TableLayout,
  raw: RawRow,
  themeSource: ThemeSource,
  bannerTheme: string | null,
  themes: ThemeRegistry,
  out: Diagnostic[],
): Action {
  const r = rowReader(file, table, raw);
  const { due, dueText } = r.due(out);
  const sr = readStatusAndRag(r.located("status"), r.located("rag"), out, { status: r.text("statusText"), rag: r.text("ragText") });

  let theme: string | null = null;
  if (themeSource === "column") {
    const title = r.text("theme");
    theme = title ? themes.idFor(title) : bannerTheme;
  } else if (themeSource === "banner") {
    theme = bannerTheme;
  } else if (themeSource === "sheet" && table.sheet.name) {
    theme = themes.idFor(table.sheet.name);
  }

  const extra = r.extra(out);
  const title = r.text("action");
  if (title === null) {
    const c = r.column("action")!;
    out.push(diagnostic("warning", "ACTION_NO_TEXT", `this row has no ${c.header} text; it is kept as an action with an empty title`, r.at(c.col)));
  }
  warnFormulas(file, table, raw, out);
  warnLeadingSpace(file, table, raw, out);

  return {
    ref: r.text("ref") ?? "",
    theme,
    recommendation: r.text("recommendation"),
    title: title ?? "",
    owner: r.text("owner"),
    due,
    dueText,
    status: sr.status,
    ...(sr.statusAsWritten !== undefined ? { statusAsWritten: sr.statusAsWritten } : {}),
    rag: sr.rag,
    ...(sr.ragAsWritten !== undefined ? { ragAsWritten: sr.ragAsWritten } : {}),
    update: r.text("update"),
    evidence: r.text("evidence"),
    extra,
    source: { sheet: table.sheet.name, row: raw.row },
  };
}

/** Counted per table, so the user sees that colour was read without one line per cell. */
function reportRagFromFill(file: string, table: TableLayout, out: Diagnostic[]): void {
  const ragCol = columnFor(table, "rag") ?? columnFor(table, "status");
  if (!ragCol) return;
  const fromFill = table.rows.filter((r) => {
    if (r.kind !== "data") return false;
    const c = r.raw.cells[ragCol.col];
    return c?.fillRag !== undefined && (c.text ?? "").trim() === "";
  }).length;
  if (fromFill > 0) {
    out.push(diagnostic("info", "RAG_FROM_FILL", `${ragCol.header}: ${fromFill} ${fromFill === 1 ? "rating was" : "ratings were"} read from the cell colour (the cells have no text)`, { file, sheet: table.sheet.name }));
  }
}

function headerList(columns: Column[]): string {
  return columns.length === 0 ? "no headers" : columns.map((c) => `"${c.header}"`).join(", ");
}

function noTrackerError(file: string, layouts: SheetLayout[]): Diagnostic {
  const withHeader = layouts.find((l): l is TableLayout => l.kind === "table");
  if (withHeader) {
    return diagnostic("error", "TRACKER_NO_ACTION_COLUMN", `no action or recommendation column: the header on row ${withHeader.header.row} has ${headerList(withHeader.header.columns)}; expected ${expectedHeadersHint()}`, { file, sheet: withHeader.sheet.name, row: withHeader.header.row });
  }
  const firstRow = layouts.find((l) => l.sheet.rows.length > 0)?.sheet.rows[0];
  const found = firstRow ? filledCells(firstRow).map(({ cell }) => `"${cell.text.trim()}"`).join(", ") : "";
  const sheetWord = layouts.length > 1 ? "any sheet" : "the file";
  return diagnostic("error", "TRACKER_NO_HEADER", `no header row found in the first 30 rows of ${sheetWord}${found ? ` (the first row has ${found})` : ""}; expected ${expectedHeadersHint()}`, { file });
}
