// boardpack check: read a tracker and show what was understood — which header became which
// field, the counts a user would check, and every message — without writing anything.
import { columnLetter } from "../../diagnostics/diagnostic.js";
import { FIELD_LABELS } from "../../ingest/columns.js";
import type { TableHeading } from "../../ingest/layout.js";
import type { LoadResult } from "../../ingest/load-tracker.js";
import { missingResponsesText, summariseResponses } from "../../model/responses.js";
import { countRag, countStatus, summariseByTheme } from "../../model/summary.js";
import type { Plan } from "../../model/schema.js";
import { RAG_LABELS, STATUS_LABELS } from "../../model/vocabulary.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { plural, printDiagnostics, severitySummary } from "../print.js";
import { type Timings, withTimings } from "../timings.js";
import type { Command, CommandContext } from "./command.js";
import { onePositional, readTrackerFromArgs, trackerOptionHelp, trackerOptions } from "./shared-options.js";

export const checkCommand: Command = {
  name: "check",
  summary: "read a tracker and report what boardpack understood, without writing anything",
  usage: "boardpack check <tracker.xlsx|tracker.csv> [--map mapping.yaml] [--json]",
  examples: ["boardpack check data/colp-da-action-plan.xlsx", "boardpack check my-tracker.csv --map my-mapping.yaml"],
  options: { ...trackerOptions, timings: { type: "boolean" } },
  optionHelp: [...trackerOptionHelp, ["--timings", "print how long reading the tracker took (for npm run bench)"]],
  run: (context) => withTimings(context, ["ingest"], runCheck),
};

async function runCheck(context: CommandContext, timings: Timings): Promise<number> {
  const tracker = onePositional(context, "tracker file", "check");
  const result = await timings.time("ingest", () => readTrackerFromArgs(context, tracker));
  const exitCode = hasErrors(result.diagnostics) ? 1 : 0;
  if (context.values.json) {
    context.print.out(JSON.stringify(checkJson(result), null, 2));
    return exitCode;
  }
  const lines: string[] = [];
  describeResult(tracker, result, lines);
  for (const line of lines) context.print.out(line);
  if (result.diagnostics.length > 0) {
    context.print.out("");
    context.print.out("Messages:");
    printDiagnostics(result.diagnostics, (l) => context.print.out(`  ${l}`), { includeInfo: true });
  }
  context.print.out("");
  context.print.out(`${exitCode === 0 ? "Ready" : "Not ready: fix the errors above"} (${severitySummary(result.diagnostics)}).`);
  return exitCode;
}

function describeResult(tracker: string, result: LoadResult, lines: string[]): void {
  lines.push(result.plan ? `${tracker}: "${result.plan.title}"` : tracker);
  for (const table of result.tables) describeTable(table, lines);
  if (result.plan) describePlan(result.plan, lines);
}

function describeTable(table: TableHeading, lines: string[]): void {
  const isInspection = !table.header.columns.some((c) => c.field === "action");
  lines.push("");
  lines.push(`${table.sheet.name === null ? "Columns" : `Sheet '${table.sheet.name}'`} (header on row ${table.header.row}):`);
  const width = Math.min(40, Math.max(...table.header.columns.map((c) => c.header.length)));
  for (const c of table.header.columns) {
    const target = c.field === null ? `kept as an extra column${c.note ? ` (${c.note})` : ""}` : fieldLabel(c.field, isInspection);
    lines.push(`  ${columnLetter(c.col).padEnd(3)} ${c.header.padEnd(width)}  → ${target}`);
  }
}

function fieldLabel(field: keyof typeof FIELD_LABELS, isInspection: boolean): string {
  if (isInspection && field === "ref") return "Number";
  if (isInspection && field === "recommendation") return "Recommendation text";
  return FIELD_LABELS[field];
}

function describePlan(plan: Plan, lines: string[]): void {
  if (plan.actions.length > 0) {
    lines.push("");
    lines.push(`${plural(plan.actions.length, "action")} in ${plural(plan.themes.length, "theme")}`);
    const status = countStatus(plan.actions);
    const rag = countRag(plan.actions);
    lines.push(`  Status: ${countsText(status, STATUS_LABELS, "no status")}`);
    lines.push(`  RAG:    ${countsText(rag, RAG_LABELS, "no rating")}`);
    const themes = summariseByTheme(plan);
    if (themes.length > 0 && plan.themes.length > 0) {
      lines.push("  Themes:");
      const width = Math.min(60, Math.max(...themes.map((t) => t.title.length)));
      themes.forEach((t, i) => lines.push(`    ${String(i + 1).padStart(2)}. ${t.title.padEnd(width)}  ${plural(t.total, "action")}, ${t.status.complete} complete`));
    }
  }
  for (const report of plan.reports) {
    const recs = plan.recommendations.filter((r) => r.report === report.id);
    const kinds = (Object.keys(KIND_NAMES) as (keyof typeof KIND_NAMES)[])
      .map((k) => [k, recs.filter((r) => r.kind === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${KIND_NAMES[k][n === 1 ? 0 : 1]}`);
    lines.push("");
    lines.push(`Report: ${report.title}${report.published ? ` (published ${report.published})` : " (no publication date)"}`);
    lines.push(`  ${kinds.join(", ") || "no recommendations"}; ${missingResponsesText(summariseResponses(recs))}`);
  }
}

const KIND_NAMES = {
  recommendation: ["recommendation", "recommendations"],
  afi: ["area for improvement", "areas for improvement"],
  "cause-of-concern": ["cause of concern", "causes of concern"],
} as const;

function countsText<K extends string>(counts: Record<K, number>, labels: Record<Exclude<K, "none">, string>, noneLabel: string): string {
  const parts = (Object.keys(counts) as K[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k === "none" ? noneLabel : labels[k as Exclude<K, "none">].toLowerCase()}`);
  return parts.join(", ") || "none";
}

function checkJson(result: LoadResult) {
  return {
    ok: !hasErrors(result.diagnostics),
    title: result.plan?.title ?? null,
    tables: result.tables.map((t) => ({
      sheet: t.sheet.name,
      headerRow: t.header.row,
      columns: t.header.columns.map((c) => ({ column: columnLetter(c.col), header: c.header, field: c.field })),
    })),
    counts: result.plan
      ? {
          actions: result.plan.actions.length,
          themes: result.plan.themes.length,
          status: countStatus(result.plan.actions),
          rag: countRag(result.plan.actions),
          reports: result.plan.reports.length,
          recommendations: result.plan.recommendations.length,
        }
      : null,
    // The same counts and words as `s55 --list` and the s55 paper (model/responses.ts).
    responses: result.plan
      ? result.plan.reports.map((report) => {
          const summary = summariseResponses(result.plan!.recommendations.filter((r) => r.report === report.id));
          return { report: report.id, needingResponse: summary.required.length, missing: summary.missing.length, areasForImprovementWithoutResponse: summary.optionalWithout.length, otherBodies: summary.otherBodies.length, text: missingResponsesText(summary) };
        })
      : [],
    diagnostics: result.diagnostics,
  };
}
