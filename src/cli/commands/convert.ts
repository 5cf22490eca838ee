// boardpack convert: a tracker in; out, by the -o file's extension, the plan (.json), the
// standard RAG tracker (.xlsx) or its columns as CSV (.csv). Errors in the data stop it
// before anything is written.
import { basename, extname } from "node:path";
import { hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ChangeReport } from "../../model/changes.js";
import { planJson } from "../../model/plan-json.js";
import type { Plan } from "../../model/schema.js";
import { documentTimestamp } from "../../render/timestamp.js";
import { parseAsOf } from "../as-of.js";
import { plural, printRunMessages, runSummary, verbosityOf } from "../print.js";
import { compareWithOld, readMappedTracker, refuseSinceOptions, sinceOptionHelp, sinceOptions } from "../since.js";
import { type Stage, type Timings, withTimings } from "../timings.js";
import { UsageError } from "../usage-error.js";
import { boardpackVersion } from "../version.js";
import { checkOutputPaths, describeWritten, writeFileAtomic } from "../write-file.js";
import type { Command, CommandContext } from "./command.js";
import { onePositional, readTrackerFromArgs, stringOption, trackerOptionHelp, trackerOptions, verbosityOptionHelp, verbosityOptions } from "./shared-options.js";

const OUTPUTS = [".json", ".xlsx", ".csv"] as const;
type OutputKind = (typeof OUTPUTS)[number];

export const convertCommand: Command = {
  name: "convert",
  summary: "convert a tracker into the standard plan (.json) or the standard RAG tracker (.xlsx, .csv)",
  usage: "boardpack convert <tracker.xlsx|tracker.csv> -o <plan.json|tracker.xlsx|tracker.csv> [--since last-tracker.xlsx] [--as-of date] [--marking OFFICIAL] [--map mapping.yaml] [--json]",
  examples: [
    "boardpack convert data/cambs-da-action-plan.csv -o out/cambs-plan.json",
    "boardpack convert data/colp-da-action-plan.xlsx -o out/colp-tracker.xlsx --marking OFFICIAL",
  ],
  options: { ...trackerOptions, ...verbosityOptions, ...sinceOptions, since: { type: "string" }, output: { type: "string", short: "o" }, "as-of": { type: "string" }, marking: { type: "string" }, timings: { type: "boolean" } },
  optionHelp: [
    ["-o, --output <file>", "where to write: plan.json (the plan), tracker.xlsx (the RAG tracker) or tracker.csv"],
    ["--as-of <date>", "count overdue actions as of this date (default: today)"],
    ["--since <last-tracker>", "last time's tracker: the RAG tracker gains a Changes sheet and \"since\" columns in its Summary"],
    ...sinceOptionHelp,
    ["--marking <text>", "protective marking for the tracker's header and footer, such as OFFICIAL"],
    ...trackerOptionHelp,
    ...verbosityOptionHelp,
  ],
  async run(given) {
    const output = typeof given.values.output === "string" ? given.values.output : "";
    const kind = extname(output).toLowerCase() as keyof typeof STAGE;
    const stages: Stage[] = [...(given.values.since ? (["ingest", "ingest"] as const) : (["ingest"] as const)), STAGE[kind] ?? "xlsx", "write"];
    return withTimings(given, stages, runConvert);
  },
};

async function runConvert(context: CommandContext, timings: Timings): Promise<number> {
  const tracker = onePositional(context, "tracker file", "convert");
  const output = context.values.output;
  if (typeof output !== "string" || output === "") throw new UsageError("say where to write the result with -o, for example -o out/plan.json or -o out/tracker.xlsx", "convert");
  const kind = extname(output).toLowerCase() as OutputKind;
  if (!OUTPUTS.includes(kind)) throw new UsageError(`-o ${output}: name the output .json (the plan), .xlsx (the RAG tracker) or .csv`, "convert");
  const asOf = parseAsOf(context.values["as-of"], "convert");
  const marking = typeof context.values.marking === "string" ? context.values.marking : undefined;
  const since = typeof context.values.since === "string" ? context.values.since : undefined;
  if (since !== undefined && kind !== ".xlsx") throw new UsageError(`--since adds a Changes sheet to the RAG tracker: write it with -o tracker.xlsx (for the changes alone, boardpack changes ${since} ${tracker})`, "convert");
  if (since === undefined) refuseSinceOptions(context, "convert");
  await checkOutputPaths([output], [tracker, stringOption(context.values.map), since, stringOption(context.values["old-map"]), stringOption(context.values.match)]);

  const result = await timings.time("ingest", () => readTrackerFromArgs(context, tracker));
  const diagnostics = [...result.diagnostics];
  // Last time's tracker: its own messages are printed, but the Data issues sheet is about this one.
  const printed: Diagnostic[] = [];
  let changes: ChangeReport | undefined;
  if (since !== undefined && result.plan && !hasErrors(diagnostics)) {
    const oldRead = await timings.time("ingest", () => readMappedTracker(since, context.values["old-map"]));
    printed.push(...oldRead.diagnostics.filter((d) => d.severity !== "info"));
    if (oldRead.plan && !hasErrors(oldRead.diagnostics)) {
      const compared = await compareWithOld(context, "convert", { oldFile: since, newFile: tracker, oldRead, newRead: result, newPlan: result.plan, asOf });
      printed.push(...compared.diagnostics);
      if (!hasErrors(compared.diagnostics)) changes = compared.report;
    }
  }
  let bytes: string | Uint8Array | null = null;
  if (result.plan && !hasErrors(diagnostics) && !hasErrors(printed)) {
    const plan = result.plan;
    if (kind === ".csv" && plan.actions.length > 0 && plan.recommendations.length > 0) {
      // A CSV is one table: the recommendations would be lost.
      throw new UsageError(`${tracker} has both actions (${plan.actions.length}) and inspection recommendations (${plan.recommendations.length}), and a CSV file holds only one table; write -o ${output.replace(/\.csv$/i, ".xlsx")} (a workbook keeps both) or -o ${output.replace(/\.csv$/i, ".json")}`, "convert");
    }
    bytes = await timings.time(STAGE[kind], () => outputBytes(kind, plan, diagnostics, { asOf, marking, sourceFile: basename(tracker), ...(changes ? { changes } : {}) }));
  }
  return report(context, { tracker, output, plan: result.plan, diagnostics: [...printed, ...diagnostics], bytes }, timings);
}

const STAGE = { ".json": "json", ".xlsx": "xlsx", ".csv": "csv" } as const;

async function outputBytes(kind: OutputKind, plan: Plan, diagnostics: Diagnostic[], options: { asOf: string; marking?: string; sourceFile: string; changes?: ChangeReport }): Promise<string | Uint8Array> {
  switch (kind) {
    case ".json":
      return planJson(plan);
    case ".csv": {
      const { renderTrackerCsv } = await import("../../render/xlsx/render-tracker-csv.js");
      return renderTrackerCsv(plan);
    }
    case ".xlsx": {
      // Loaded on demand: the workbook writer is large and plan.json does not need it.
      const { renderTracker } = await import("../../render/xlsx/render-tracker.js");
      const rendered = await renderTracker(plan, diagnostics, { ...options, timestamp: documentTimestamp(options.asOf), version: boardpackVersion() });
      diagnostics.push(...rendered.diagnostics);
      return rendered.bytes;
    }
  }
}

async function report(
  context: CommandContext,
  r: { tracker: string; output: string; plan: Plan | null; diagnostics: Diagnostic[]; bytes: string | Uint8Array | null },
  timings: Timings,
): Promise<number> {
  const written = r.bytes !== null && r.plan !== null;
  const replaced = written ? await timings.time("write", () => writeFileAtomic(r.output, r.bytes!)) : false;
  if (context.values.json) {
    context.print.err(JSON.stringify({ ok: written, output: written ? r.output : null, replaced, diagnostics: r.diagnostics }, null, 2));
    return written ? 0 : 1;
  }
  const verbosity = verbosityOf(context.values);
  printRunMessages(r.diagnostics, context.print.err, verbosity);
  if (!written || !r.plan) {
    context.print.err(`Nothing written: ${runSummary(r.diagnostics, verbosity)}.`);
    return 1;
  }
  const what = r.plan.actions.length > 0 ? plural(r.plan.actions.length, "action") : plural(r.plan.recommendations.length, "recommendation");
  if (!verbosity.quiet) context.print.err(`${describeWritten([{ path: r.output, replaced }])} (${what}; ${runSummary(r.diagnostics, verbosity)}).`);
  return 0;
}
