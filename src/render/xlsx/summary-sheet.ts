// The Summary sheet: counts by theme (or report) × status, by RAG, % complete and overdue as
// of a date. Live COUNTIFS over the data sheet, so edits update it, with cached results
// written so readers that do not recalculate still see the right numbers.
import type ExcelJS from "exceljs";
import type { Rag, Status } from "../../model/schema.js";
import { RAG_LABELS, STATUS_LABELS } from "../../model/vocabulary.js";
import { RAG_FILL, RAG_TEXT } from "../rag-colours.js";
import { styleHeaderRow } from "./sheet-format.js";
import { utcDate } from "./write-table-sheet.js";

export interface SummaryItem {
  status: Status | null;
  rag: Rag | null;
  due: string | null;
}

/** What a summary counts over: a data sheet, the letters of its columns, and its rows by group. */
export interface SummarySource {
  sheet: string;
  /** "Theme" or "Report". */
  groupLabel: string;
  columns: { group: string; status: string; rag: string; due: string; ref: string };
  /** In order; a null title gathers the rows with no group. */
  groups: { title: string | null; items: SummaryItem[] }[];
}

const STATUSES: Status[] = ["not-started", "in-progress", "complete", "not-applicable"];
const RAGS: (Rag | null)[] = ["red", "amber", "green", "blue", null];

/** Due before the as-of date and neither complete nor not applicable. */
export function isOverdue(item: SummaryItem, asOf: string): boolean {
  return item.due !== null && item.due < asOf && item.status !== "complete" && item.status !== "not-applicable";
}

/** 'Tracker'!$G:$G — whole columns, so rows a user adds are counted too. */
function wholeColumn(sheet: string, letter: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$${letter}:$${letter}`;
}

/** An exact-match COUNTIFS criterion for user text in a cell: "=" then the text with ~ * ? escaped. */
function exactCriterion(cellRef: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cellRef},"~","~~"),"*","~*"),"?","~?")`;
}

function formula(formula: string, result: number): ExcelJS.CellFormulaValue {
  return { formula, result } as ExcelJS.CellFormulaValue;
}

/** The sheet must come from addWorksheet(name, sheetOptions(…)): print setup is decided there. */
export function writeSummarySheet(sheet: ExcelJS.Worksheet, title: string, sources: SummarySource[], options: { asOf: string }): void {
  const longestGroup = Math.max(24, ...sources.flatMap((s) => s.groups.map((g) => (g.title ?? "").length + 2)));
  sheet.columns = [{ width: Math.min(60, longestGroup) }, ...Array.from({ length: 8 }, () => ({ width: 14 }))];

  sheet.getCell("A1").value = `Summary: ${title}`;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = "As of";
  sheet.getCell("B2").value = utcDate(options.asOf);
  sheet.getCell("B2").numFmt = "dd/mm/yyyy";
  sheet.getCell("C2").value = "Overdue counts items due before this date; change it to recount.";
  sheet.getCell("C2").font = { italic: true, color: { argb: "FF595959" } };

  let row = 4;
  for (const source of sources) row = writeStatusTable(sheet, source, row, options.asOf) + 2;
  for (const source of sources) row = writeRagTable(sheet, source, row) + 2;
}

/** Groups down, statuses across, then total, % complete and overdue; returns the last row used. */
function writeStatusTable(sheet: ExcelJS.Worksheet, source: SummarySource, top: number, asOf: string): number {
  const headers = [source.groupLabel, ...STATUSES.map((s) => STATUS_LABELS[s]), "No status", "Total", "% complete", "Overdue"];
  sheet.getRow(top).values = headers;
  styleHeaderRow(sheet.getRow(top), headers.length);
  const c = {
    group: wholeColumn(source.sheet, source.columns.group),
    status: wholeColumn(source.sheet, source.columns.status),
    due: wholeColumn(source.sheet, source.columns.due),
    ref: wholeColumn(source.sheet, source.columns.ref),
  };
  const first = top + 1;
  source.groups.forEach((group, i) => {
    const r = first + i;
    // Rows without a group are those whose group cell is empty but which have a ref.
    const inGroup = group.title === null ? `${c.group},"=",${c.ref},"<>"` : `${c.group},${exactCriterion(`$A${r}`)}`;
    const count = (keep: (it: SummaryItem) => boolean) => group.items.filter(keep).length;
    sheet.getCell(r, 1).value = group.title ?? "(none)";
    STATUSES.forEach((s, k) => {
      sheet.getCell(r, 2 + k).value = formula(`COUNTIFS(${inGroup},${c.status},"${STATUS_LABELS[s]}")`, count((it) => it.status === s));
    });
    sheet.getCell(r, 6).value = formula(`COUNTIFS(${inGroup},${c.status},"=",${c.ref},"<>")`, count((it) => it.status === null));
    sheet.getCell(r, 7).value = formula(`SUM(B${r}:F${r})`, group.items.length);
    sheet.getCell(r, 8).value = formula(`IF(G${r}=0,0,D${r}/G${r})`, share(count((it) => it.status === "complete"), group.items.length));
    sheet.getCell(r, 9).value = formula(
      `COUNTIFS(${inGroup},${c.due},"<"&$B$2,${c.status},"<>${STATUS_LABELS.complete}",${c.status},"<>${STATUS_LABELS["not-applicable"]}")`,
      count((it) => isOverdue(it, asOf)),
    );
  });

  const total = first + source.groups.length;
  const all = source.groups.flatMap((g) => g.items);
  const sums = [...STATUSES.map((s) => all.filter((it) => it.status === s).length), all.filter((it) => it.status === null).length, all.length];
  sheet.getCell(total, 1).value = "Total";
  sums.forEach((n, k) => {
    const letter = String.fromCharCode(66 + k);
    sheet.getCell(total, 2 + k).value = formula(source.groups.length > 0 ? `SUM(${letter}${first}:${letter}${total - 1})` : "0", n);
  });
  sheet.getCell(total, 8).value = formula(`IF(G${total}=0,0,D${total}/G${total})`, share(all.filter((it) => it.status === "complete").length, all.length));
  sheet.getCell(total, 9).value = formula(source.groups.length > 0 ? `SUM(I${first}:I${total - 1})` : "0", all.filter((it) => isOverdue(it, asOf)).length);
  sheet.getRow(total).font = { bold: true };
  for (let r = first; r <= total; r++) sheet.getCell(r, 8).numFmt = "0%";
  return total;
}

/** One row per RAG rating (and "No rating"), coloured and labelled; returns the last row used. */
function writeRagTable(sheet: ExcelJS.Worksheet, source: SummarySource, top: number): number {
  sheet.getRow(top).values = [`RAG (${source.sheet})`, "Count", "% of all"];
  styleHeaderRow(sheet.getRow(top), 3);
  const rag = wholeColumn(source.sheet, source.columns.rag);
  const ref = wholeColumn(source.sheet, source.columns.ref);
  const all = source.groups.flatMap((g) => g.items);
  const total = top + 1 + RAGS.length;
  RAGS.forEach((value, k) => {
    const r = top + 1 + k;
    const label = value === null ? "No rating" : RAG_LABELS[value];
    const cell = sheet.getCell(r, 1);
    cell.value = label;
    if (value) {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${RAG_FILL[value]}` } };
      cell.font = { bold: true, color: { argb: `FF${RAG_TEXT[value]}` } };
    }
    const n = all.filter((it) => it.rag === value).length;
    sheet.getCell(r, 2).value = formula(value === null ? `COUNTIFS(${rag},"=",${ref},"<>")` : `COUNTIFS(${rag},"${label}")`, n);
    sheet.getCell(r, 3).value = formula(`IF($B$${total}=0,0,B${r}/$B$${total})`, share(n, all.length));
    sheet.getCell(r, 3).numFmt = "0%";
  });
  sheet.getCell(total, 1).value = "Total";
  sheet.getCell(total, 2).value = formula(`SUM(B${top + 1}:B${total - 1})`, all.length);
  sheet.getRow(total).font = { bold: true };
  return total;
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
