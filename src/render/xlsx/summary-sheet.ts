// The Summary sheet: counts by theme (or report) × status, by RAG, % complete and overdue as
// of a date. Live COUNTIFS over the data sheet, so edits update it, with cached results
// written so readers that do not recalculate still see the right numbers.
import type { Rag, Status } from "../../model/schema.js";
import { RAG_LABELS, STATUS_LABELS } from "../../model/vocabulary.js";
import { RAG_FILL, RAG_TEXT } from "../rag-colours.js";
import type { Cell, Formula } from "./row-xml.js";
import { SheetWriter, type BookTables } from "./sheet-part.js";
import { headerStyle, type SheetLayout } from "./sheet-format.js";
import type { CellStyle } from "./style-table.js";
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

function formula(formula: string, result: number): Formula {
  return { formula, result };
}

const BOLD: CellStyle = { font: { bold: true } };
const PERCENT: CellStyle = { numFmt: "0%" };
const BOLD_PERCENT: CellStyle = { font: { bold: true }, numFmt: "0%" };

/**
 * With `--since`: per theme, what moved since last time's tracker, counted from the Changes sheet
 * (so the Summary and the Changes sheet agree), with the counts as cached results.
 */
export interface SinceColumns {
  /** "31/10/2016", or the old tracker's file name when its date is not known. */
  label: string;
  /** The Changes sheet and the letters of its theme, ref and change-word columns. */
  sheet: string;
  columns: { theme: string; ref: string; change: string };
  /** By theme title (null: no theme): how many completed, new and slipped. */
  counts: Map<string | null, Record<SinceCount, number>>;
}
export type SinceCount = "completed" | "new" | "slipped";
const SINCE_WORDS: Record<SinceCount, { header: string; change: string }> = {
  completed: { header: "Completed", change: "Completed" },
  new: { header: "New", change: "New" },
  slipped: { header: "Slipped", change: "Slipped" },
};

export function writeSummarySheet(tables: BookTables, layout: SheetLayout, title: string, sources: SummarySource[], options: { asOf: string; since?: SinceColumns }): SheetWriter {
  const longestGroup = Math.max(24, ...sources.flatMap((s) => s.groups.map((g) => (g.title ?? "").length + 2)));
  const columns = [{ width: Math.min(60, longestGroup) }, ...Array.from({ length: options.since ? 11 : 8 }, () => ({ width: 14 }))];
  const sheet = new SheetWriter("Summary", layout, columns, tables);

  sheet.row(1, [{ value: `Summary: ${title}`, style: { font: { bold: true, size: 14 } } }]);
  sheet.row(2, [
    { value: "As of" },
    { value: utcDate(options.asOf), style: { numFmt: "dd/mm/yyyy" } },
    { value: "Overdue counts items due before this date; change it to recount.", style: { font: { italic: true, color: "FF595959" } } },
  ]);

  let row = 4;
  for (const source of sources) row = writeStatusTable(sheet, source, row, options.asOf, source.groupLabel === "Theme" ? options.since : undefined) + 2;
  for (const source of sources) row = writeRagTable(sheet, source, row) + 2;
  return sheet;
}

function headerRow(sheet: SheetWriter, r: number, headers: string[]): void {
  sheet.row(r, headers.map((value) => ({ value, style: headerStyle() })));
}

/** Groups down, statuses across, then total, % complete and overdue; returns the last row used. */
function writeStatusTable(sheet: SheetWriter, source: SummarySource, top: number, asOf: string, since?: SinceColumns): number {
  const sinceKeys = Object.keys(SINCE_WORDS) as SinceCount[];
  const sinceHeaders = since ? sinceKeys.map((k) => `${SINCE_WORDS[k].header} since ${since.label}`) : [];
  headerRow(sheet, top, [source.groupLabel, ...STATUSES.map((s) => STATUS_LABELS[s]), "No status", "Total", "% complete", "Overdue", ...sinceHeaders]);
  const sinceCells = (r: number, title: string | null): Cell[] => {
    if (!since) return [];
    const theme = wholeColumn(since.sheet, since.columns.theme);
    const change = wholeColumn(since.sheet, since.columns.change);
    const inGroup = title === null ? `${theme},"=",${wholeColumn(since.sheet, since.columns.ref)},"<>"` : `${theme},${exactCriterion(`$A${r}`)}`;
    return sinceKeys.map((k) => ({ value: formula(`COUNTIFS(${inGroup},${change},"${SINCE_WORDS[k].change}")`, since.counts.get(title)?.[k] ?? 0) }));
  };
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
    sheet.row(r, [
      { value: group.title ?? "(none)" },
      ...STATUSES.map((s): Cell => ({ value: formula(`COUNTIFS(${inGroup},${c.status},"${STATUS_LABELS[s]}")`, count((it) => it.status === s)) })),
      { value: formula(`COUNTIFS(${inGroup},${c.status},"=",${c.ref},"<>")`, count((it) => it.status === null)) },
      { value: formula(`SUM(B${r}:F${r})`, group.items.length) },
      { value: formula(`IF(G${r}=0,0,D${r}/G${r})`, share(count((it) => it.status === "complete"), group.items.length)), style: PERCENT },
      {
        value: formula(
          `COUNTIFS(${inGroup},${c.due},"<"&$B$2,${c.status},"<>${STATUS_LABELS.complete}",${c.status},"<>${STATUS_LABELS["not-applicable"]}")`,
          count((it) => isOverdue(it, asOf)),
        ),
      },
      ...sinceCells(r, group.title),
    ]);
  });

  const total = first + source.groups.length;
  const all = source.groups.flatMap((g) => g.items);
  const sums = [...STATUSES.map((s) => all.filter((it) => it.status === s).length), all.filter((it) => it.status === null).length, all.length];
  sheet.row(
    total,
    [
      { value: "Total", style: BOLD },
      ...sums.map((n, k): Cell => {
        const letter = String.fromCharCode(66 + k);
        return { value: formula(source.groups.length > 0 ? `SUM(${letter}${first}:${letter}${total - 1})` : "0", n), style: BOLD };
      }),
      { value: formula(`IF(G${total}=0,0,D${total}/G${total})`, share(all.filter((it) => it.status === "complete").length, all.length)), style: BOLD_PERCENT },
      { value: formula(source.groups.length > 0 ? `SUM(I${first}:I${total - 1})` : "0", all.filter((it) => isOverdue(it, asOf)).length), style: BOLD },
      // Every change of the kind, including those of themes the new tracker no longer has.
      ...(since
        ? sinceKeys.map((k, i): Cell => {
            const change = wholeColumn(since.sheet, since.columns.change);
            const n = [...since.counts.values()].reduce((sum, c) => sum + c[k], 0);
            return { value: formula(`COUNTIFS(${change},"${SINCE_WORDS[k].change}")`, n), style: BOLD };
          })
        : []),
    ],
    BOLD,
  );
  return total;
}

/** One row per RAG rating (and "No rating"), coloured and labelled; returns the last row used. */
function writeRagTable(sheet: SheetWriter, source: SummarySource, top: number): number {
  headerRow(sheet, top, [`RAG (${source.sheet})`, "Count", "% of all"]);
  const rag = wholeColumn(source.sheet, source.columns.rag);
  const ref = wholeColumn(source.sheet, source.columns.ref);
  const all = source.groups.flatMap((g) => g.items);
  const total = top + 1 + RAGS.length;
  RAGS.forEach((value, k) => {
    const r = top + 1 + k;
    const label = value === null ? "No rating" : RAG_LABELS[value];
    const colour: CellStyle | undefined = value ? { fill: `FF${RAG_FILL[value]}`, font: { bold: true, color: `FF${RAG_TEXT[value]}` } } : undefined;
    const n = all.filter((it) => it.rag === value).length;
    sheet.row(r, [
      { value: label, style: colour },
      { value: formula(value === null ? `COUNTIFS(${rag},"=",${ref},"<>")` : `COUNTIFS(${rag},"${label}")`, n) },
      { value: formula(`IF($B$${total}=0,0,B${r}/$B$${total})`, share(n, all.length)), style: PERCENT },
    ]);
  });
  sheet.row(total, [{ value: "Total", style: BOLD }, { value: formula(`SUM(B${top + 1}:B${total - 1})`, all.length), style: BOLD }], BOLD);
  return total;
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
