// What step 1 of the page shows about an uploaded tracker, as JSON for the browser: which column
// became which field, the counts, every message (with its cell, grouped by severity), and the
// actions or recommendations as table rows, each message linked to its row. Built from the
// same LoadResult `boardpack check` prints, so the page and the command line agree.
import { columnLetter, formatDiagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { COLUMN_FIELDS, FIELD_LABELS, type ColumnField } from "../ingest/columns.js";
import type { LoadResult } from "../ingest/load-tracker.js";
import type { MappingOverrides } from "../ingest/header.js";
import { countRag, countStatus, summariseByTheme } from "../model/summary.js";
import { RAG_LABELS, STATUS_LABELS } from "../model/vocabulary.js";

/** Fields the page offers to map; the two only boardpack's own trackers carry are left to it. */
export const MAPPABLE_FIELDS = COLUMN_FIELDS.filter((f) => f !== "dueText" && f !== "source");

export interface TrackerView {
  file: string;
  title: string | null;
  ready: boolean;
  sheets: { name: string | null; headerRow: number; columns: { letter: string; header: string; field: ColumnField | null; note?: string }[] }[];
  /** For each field, the header feeding it (null: none) and every header it could be given. */
  mapping: { field: ColumnField; label: string; header: string | null; forced: boolean }[];
  headers: string[];
  overrides: MappingOverrides;
  counts: {
    actions: number;
    themes: number;
    status: { key: string; label: string; count: number }[];
    rag: { key: string; label: string; count: number }[];
    byTheme: { title: string; total: number; complete: number }[];
    reports: number;
    recommendations: number;
  } | null;
  messages: { severity: Diagnostic["severity"]; code: string; message: string; place: string; line: string; rowKey: string | null }[];
  rows: { key: string; ref: string; theme: string; title: string; owner: string; due: string; status: string; rag: string | null; ragLabel: string; place: string }[];
  rowKind: "actions" | "recommendations";
}

export function trackerView(file: string, result: LoadResult, overrides: MappingOverrides): TrackerView {
  const { plan } = result;
  const headers = [...new Set(result.tables.flatMap((t) => t.header.columns.map((c) => c.header)))];
  const fieldHeader = (field: ColumnField) => result.tables.flatMap((t) => t.header.columns).find((c) => c.field === field)?.header ?? null;
  const rowKey = (sheet: string | null | undefined, row: number | undefined) => (row === undefined ? null : `${sheet ?? ""}!${row}`);
  const themeTitle = new Map(plan?.themes.map((t) => [t.id, t.title]) ?? []);
  const rowKind = plan && plan.actions.length === 0 && plan.recommendations.length > 0 ? "recommendations" : "actions";
  const rows = !plan
    ? []
    : rowKind === "actions"
      ? plan.actions.map((a) => ({
          key: rowKey(a.source.sheet, a.source.row)!,
          ref: a.ref,
          theme: a.theme ? themeTitle.get(a.theme) ?? a.theme : "",
          title: a.title,
          owner: a.owner ?? "",
          due: a.dueText ?? a.due ?? "",
          status: a.status ? STATUS_LABELS[a.status] : "",
          rag: a.rag,
          ragLabel: a.rag ? RAG_LABELS[a.rag] : "Not rated",
          place: placeOf(a.source.sheet, a.source.row),
        }))
      : plan.recommendations.map((r) => ({
          key: rowKey(r.source.sheet, r.source.row)!,
          ref: r.number,
          theme: plan.reports.find((p) => p.id === r.report)?.title ?? r.report,
          title: r.text,
          owner: r.addressee ?? "",
          due: r.response ?? "",
          status: r.status ? STATUS_LABELS[r.status] : "",
          rag: r.rag,
          ragLabel: r.rag ? RAG_LABELS[r.rag] : "Not rated",
          place: placeOf(r.source.sheet, r.source.row),
        }));
  const rowKeys = new Set(rows.map((r) => r.key));
  const status = plan ? countStatus(plan.actions) : null;
  const rag = plan ? countRag(plan.actions) : null;
  return {
    file,
    title: plan?.title ?? null,
    ready: plan !== null && !result.diagnostics.some((d) => d.severity === "error"),
    sheets: result.tables.map((t) => ({
      name: t.sheet.name,
      headerRow: t.header.row,
      columns: t.header.columns.map((c) => ({ letter: columnLetter(c.col), header: c.header, field: c.field, ...(c.note ? { note: c.note } : {}) })),
    })),
    mapping: MAPPABLE_FIELDS.map((field) => ({ field, label: FIELD_LABELS[field], header: fieldHeader(field), forced: overrides[field] !== undefined })),
    headers,
    overrides,
    counts: plan && status && rag
      ? {
          actions: plan.actions.length,
          themes: plan.themes.length,
          status: [...(Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[]).map((k) => ({ key: k, label: STATUS_LABELS[k], count: status[k] })), { key: "none", label: "No status", count: status.none }],
          rag: [...(Object.keys(RAG_LABELS) as (keyof typeof RAG_LABELS)[]).map((k) => ({ key: k, label: RAG_LABELS[k], count: rag[k] })), { key: "none", label: "Not rated", count: rag.none }],
          byTheme: summariseByTheme(plan).map((t) => ({ title: t.title, total: t.total, complete: t.status.complete })),
          reports: plan.reports.length,
          recommendations: plan.recommendations.length,
        }
      : null,
    messages: sortDiagnostics(result.diagnostics).map((d) => {
      const key = rowKey(d.sheet, d.row);
      return { severity: d.severity, code: d.code, message: d.message, place: d.cell ?? (d.row !== undefined ? placeOf(d.sheet ?? null, d.row) : d.line !== undefined ? `line ${d.line}` : ""), line: formatDiagnostic(d), rowKey: key && rowKeys.has(key) ? key : null };
    }),
    rows,
    rowKind,
  };
}

function placeOf(sheet: string | null, row: number): string {
  return sheet === null ? `row ${row}` : `'${sheet}' row ${row}`;
}
