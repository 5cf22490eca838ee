// boardpack s55: the response to an HMICFRS report under section 55 of the Police Act 1996, from
// a recommendations tracker, in the section-55 house style (Word and/or PDF): the Chief
// Constable's paper to the PCC, or with --variant pcc-response the PCC's published response.
// Every recommendation must have a response, else nothing is written (unless --draft).
// `--list` prints every report's statutory deadline instead.
import { basename, dirname, extname } from "node:path";
import { clockText, reportClocks, type ReportClock } from "../../compose/s55/clock.js";
import { composeSection55 } from "../../compose/s55/compose-s55.js";
import { findReport, reportLines, type ReportChoice } from "../../compose/s55/find-report.js";
import { itemLabel } from "../../compose/s55/labels.js";
import { isVariant, VARIANT_INFO, type Variant } from "../../compose/s55/variants.js";
import { loadSpec, type LoadedSpec } from "../../compose/spec.js";
import { hasErrors, placeName, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { recommendationCells } from "../../ingest/recommendation-cells.js";
import type { CellLocator } from "../../model/cell-locator.js";
import { formatUkDate } from "../../model/dates.js";
import type { Plan, Report } from "../../model/schema.js";
import { parseAsOf } from "../as-of.js";
import { outputPaths, parseFormats, renderAndWrite, trackerPath } from "../paper-output.js";
import { printRunMessages, runSummary, verbosityOf } from "../print.js";
import { type Timings, withTimings } from "../timings.js";
import { UsageError } from "../usage-error.js";
import { attachWordTemplate } from "../word-template.js";
import { checkOutputPaths, describeWritten } from "../write-file.js";
import type { Command, CommandContext } from "./command.js";
import { readTrackerFromArgs, stringOption, trackerOptionHelp, verbosityOptionHelp, verbosityOptions } from "./shared-options.js";

export const s55Command: Command = {
  name: "s55",
  summary: "write the section 55 response to an inspection report (Word .docx and/or PDF), or list every report's deadline",
  usage: [
    "boardpack s55 <tracker> [--report <id or part of the title>] [--spec response.md] [-o out/] [--format docx,pdf] [--as-of date] [--marking OFFICIAL] [--draft] [--variant pcc-response]",
    "       boardpack s55 --spec response.md [-o out/] [--format docx,pdf] [--draft] [--variant pcc-response]",
    "       boardpack s55 --list <tracker> [--as-of date] [--json]",
  ].join("\n"),
  examples: [
    `boardpack s55 data/inspection-recommendations.xlsx --report "evidence led" --format docx,pdf -o out/`,
    "boardpack s55 --spec data/cjji-s55-response.md --variant pcc-response -o out/",
    "boardpack s55 --list data/inspection-recommendations.xlsx",
  ],
  options: {
    report: { type: "string" },
    spec: { type: "string" },
    output: { type: "string", short: "o" },
    format: { type: "string" },
    "as-of": { type: "string" },
    marking: { type: "string" },
    draft: { type: "boolean" },
    variant: { type: "string" },
    list: { type: "boolean" },
    map: { type: "string" },
    "reference-doc": { type: "string" },
    json: { type: "boolean" },
    timings: { type: "boolean" },
    ...verbosityOptions,
  },
  optionHelp: [
    ["--report <report>", "the report to respond to: its id, or words from its title (\"evidence led\"); not needed when the tracker has one report"],
    ["--spec <response.md>", "a spec: its front matter names the tracker and report and gives the date, contacts, the report's address and the comments"],
    ["-o, --output <folder|file>", "where to write (default: the tracker's folder); a .docx, .pdf or .html name for one format"],
    ["--format <list>", "docx, pdf, html (one accessible web page), or several: docx,pdf (default: docx)"],
    ["--as-of <date>", "the paper's date when the spec gives none, and the day --list counts from (default: today)"],
    ["--marking <text>", "protective marking for header and footer (default: OFFICIAL)"],
    ["--draft", "write the paper even if responses are missing: each says [response needed], and the marking says DRAFT"],
    ["--variant <variant>", "chief-constable (default): the Chief Constable's paper to the PCC; pcc-response: the PCC's published response, with the comments"],
    ["--reference-doc <template.docx>", "your force's Word template: the paper takes its styles, fonts, page set-up, headers and footers (logo included)"],
    ["--list", "list every report of the tracker with its publication date, deadline, days left or overdue, and missing responses"],
    ...trackerOptionHelp,
    ...verbosityOptionHelp,
  ],
  async run(context) {
    if (context.values.list) return runList(context);
    return withTimings(context, ["ingest", "compose", ...parseFormats(context.values.format, "s55"), "write"], runResponse);
  },
};

// ---- the response ----

async function runResponse(context: CommandContext, timings: Timings): Promise<number> {
  const { values } = context;
  const formats = parseFormats(values.format, "s55");
  const asOf = parseAsOf(values["as-of"], "s55");
  const variant = parseVariant(values.variant);
  const marking = typeof values.marking === "string" ? values.marking : undefined;
  const draft = values.draft === true;
  const referenceDoc = typeof values["reference-doc"] === "string" ? values["reference-doc"] : undefined;
  const diagnostics: Diagnostic[] = [];
  const fail = (code: number) => reportFailure(context, diagnostics, code);

  const spec = readSpec(values.spec, diagnostics);
  if (spec === "unreadable") return fail(2);
  if (spec === "invalid") return fail(1);
  const tracker = trackerPath(context, spec, "s55", 'boardpack s55 recommendations.xlsx --report "evidence led"');

  const loaded = await timings.time("ingest", () => readTrackerFromArgs(context, tracker));
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.plan || hasErrors(diagnostics)) return fail(1);
  const plan = loaded.plan;

  const report = chooseReport(plan, tracker, values.report, spec, diagnostics);
  if (!report) return fail(1);

  const base = outputBase(spec, report, variant, draft);
  const outputs = outputPaths(values.output, base, formats, "s55", dirname(tracker));
  await checkOutputPaths(outputs.map((o) => o.path), [tracker, spec?.path, stringOption(values.map), stringOption(values["reference-doc"])]);

  const composed = await timings.time("compose", () =>
    composeSection55({ plan, cells: recommendationCells(loaded.tables, tracker), report, variant, asOf, draft, ...(spec ? { spec } : {}), ...(marking !== undefined ? { marking } : {}), ...(referenceDoc !== undefined ? { referenceDoc } : {}) }),
  );
  diagnostics.push(...composed.diagnostics);
  if (!composed.doc || hasErrors(diagnostics)) return fail(1);
  await attachWordTemplate(composed.doc, composed, diagnostics, formats);

  const written = await renderAndWrite(composed.doc, outputs, timings);

  if (values.json) {
    context.print.err(JSON.stringify({ ok: true, report: report.id, variant, draft, outputs: written.map((f) => f.path), replaced: written.filter((f) => f.replaced).map((f) => f.path), diagnostics }, null, 2));
  } else {
    const verbosity = verbosityOf(context.values);
    printRunMessages(diagnostics, context.print.err, verbosity);
    if (!verbosity.quiet) context.print.err(`${describeWritten(written, draft ? "the draft " : "")} (${runSummary(diagnostics, verbosity)}).`);
  }
  return 0;
}

/** The spec, if one is given; "unreadable" (exit 2) or "invalid" (exit 1) with its messages added. */
function readSpec(path: unknown, diagnostics: Diagnostic[]): LoadedSpec | undefined | "unreadable" | "invalid" {
  if (typeof path !== "string") return undefined;
  const spec = loadSpec(path);
  diagnostics.push(...spec.diagnostics);
  if (spec.diagnostics.some((d) => d.code === "SPEC_NOT_FOUND")) return "unreadable";
  return spec.spec ? spec : "invalid";
}

/**
 * The report: --report, else the spec's `report:`, else the tracker's only one. A --report that
 * matches none or several is a usage mistake listing the reports; a spec's is an error at its line.
 */
function chooseReport(plan: Plan, tracker: string, option: unknown, spec: LoadedSpec | undefined, diagnostics: Diagnostic[]): Report | null {
  const fromOption = typeof option === "string";
  const query = fromOption ? (option as string) : spec?.spec?.report;
  const choice = findReport(plan, query);
  if (choice.ok) return choice.report;
  if (!fromOption && query !== undefined && spec) {
    // A spec's mistake is reported at its line, like any other spec field.
    const reports = choice.candidates.map((r) => `“${r.title}” (${r.id})`).join(", ");
    const what = choice.problem === "ambiguous" ? `matches ${choice.candidates.length} reports: ${reports}; give more of the title, or the id` : `matches no report of ${tracker}; its reports are ${reports}`;
    diagnostics.push({ severity: "error", code: "SPEC_REPORT_UNKNOWN", message: `report: "${query}" ${what}`, file: spec.file, line: spec.lineOf(["report"]) });
    return null;
  }
  throw new UsageError(choiceMessage(choice, query, tracker), "s55");
}

function choiceMessage(choice: Extract<ReportChoice, { ok: false }>, query: string | undefined, tracker: string): string {
  const list = reportLines(choice.candidates).join("\n");
  switch (choice.problem) {
    case "none-in-tracker":
      return `${tracker} has no inspection reports: boardpack s55 reads a recommendations tracker, with columns such as Report, Published, Recommendation, Addressed to and Force response`;
    case "not-named":
      return `${tracker} has ${choice.candidates.length} reports: say which with --report (or a report: line in the spec), giving its id or words from its title:\n${list}`;
    case "ambiguous":
      return `--report "${query}" matches ${choice.candidates.length} reports; give more of the title, or the id:\n${list}`;
    case "unknown":
      return `--report "${query}" matches no report of ${tracker}; its reports are:\n${list}`;
  }
}

/** cjji-s55-response(.docx); with no spec, the report's id and the variant: evidence-led-…-s55-response. */
function outputBase(spec: LoadedSpec | undefined, report: Report, variant: Variant, draft: boolean): string {
  const specVariant = spec?.spec?.variant ?? "chief-constable";
  const base = spec
    ? `${basename(spec.file, extname(spec.file))}${variant !== specVariant ? `-${VARIANT_INFO[variant].fileSuffix}` : ""}`
    : `${report.id}-${VARIANT_INFO[variant].fileSuffix}`;
  return draft ? `${base}-draft` : base;
}

function parseVariant(value: unknown): Variant {
  if (value === undefined) return "chief-constable";
  const text = String(value).trim().toLowerCase();
  if (isVariant(text)) return text;
  throw new UsageError(`--variant ${String(value)}: the variants are chief-constable (the Chief Constable's paper to the PCC; the default) and pcc-response (the PCC's published response)`, "s55");
}

function reportFailure(context: CommandContext, diagnostics: Diagnostic[], code: number): number {
  if (context.values.json) {
    context.print.err(JSON.stringify({ ok: false, outputs: [], diagnostics }, null, 2));
  } else {
    const verbosity = verbosityOf(context.values);
    printRunMessages(diagnostics, context.print.err, verbosity);
    context.print.err(`No response written: ${runSummary(diagnostics, verbosity)}.`);
  }
  return code;
}

// ---- --list: the statutory clock ----

async function runList(context: CommandContext): Promise<number> {
  const { values } = context;
  for (const option of ["report", "output", "format", "marking", "draft", "variant", "reference-doc"] as const) {
    if (values[option] !== undefined) throw new UsageError(`--list only lists the reports; leave out --${option}`, "s55");
  }
  const asOf = parseAsOf(values["as-of"], "s55");
  const diagnostics: Diagnostic[] = [];
  const spec = readSpec(values.spec, diagnostics);
  if (spec === "unreadable" || spec === "invalid") return reportFailure(context, diagnostics, spec === "unreadable" ? 2 : 1);
  const tracker = trackerPath(context, spec, "s55", 'boardpack s55 recommendations.xlsx --report "evidence led"');
  const loaded = await readTrackerFromArgs(context, tracker);
  diagnostics.push(...loaded.diagnostics);
  const plan = loaded.plan;
  if (!plan) return reportFailure(context, diagnostics, 1);
  if (plan.reports.length === 0) throw new UsageError(choiceMessage({ ok: false, problem: "none-in-tracker", candidates: [] }, undefined, tracker), "s55");

  const clocks = reportClocks(plan, asOf);
  const cells = recommendationCells(loaded.tables, tracker);
  const exitCode = hasErrors(diagnostics) ? 1 : 0;
  if (values.json) {
    context.print.out(JSON.stringify({ ok: exitCode === 0, tracker, asOf, reports: clocks.map((c) => clockJson(c, cells)), diagnostics }, null, 2));
    return exitCode;
  }
  printRunMessages(diagnostics, context.print.err, verbosityOf(values));
  for (const line of clockTable(clocks, tracker, asOf)) context.print.out(line);
  context.print.out("");
  context.print.out("Missing responses are recommendations and causes of concern addressed to the force with no response:");
  for (const c of clocks) context.print.out(`  ${c.report.title}: ${c.responsesText}.`);
  const missing = clocks.flatMap((c) => c.withoutResponse.map((rec) => ({ report: c.report, rec })));
  if (missing.length > 0) {
    context.print.out("");
    context.print.out("Recommendations without a response:");
    for (const { report, rec } of missing) {
      context.print.out(`  ${tracker} ${placeName(cells.responseCell(rec))}: ${report.title}, ${itemLabel(rec).toLowerCase()}`);
    }
  }
  context.print.out("");
  context.print.out(`To write a response: boardpack s55 ${tracker} --report "<words from the title>" (add --draft while responses are missing).`);
  return exitCode;
}

/** The aligned table: one row per report, in tracker order. */
function clockTable(clocks: ReportClock[], tracker: string, asOf: string): string[] {
  const header = ["Report", "Published", "Response due", "As of " + shortDate(asOf), "Missing responses"];
  const rows = clocks.map((c) => [
    c.report.title,
    c.report.published ? shortDate(c.report.published) : "not given",
    c.clock.state === "no-date" ? "–" : shortDate(c.clock.deadline),
    clockText(c.clock),
    `${c.withoutResponse.length} of ${c.needingResponse}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ").trimEnd();
  return [
    `Section 55 deadlines for the reports in ${tracker}, as of ${formatUkDate(asOf)}.`,
    "A response is due by the last day of the 56 days beginning with the day the report is published.",
    "",
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ];
}

function clockJson(c: ReportClock, cells: CellLocator) {
  const { clock } = c;
  return {
    id: c.report.id,
    title: c.report.title,
    published: c.report.published,
    deadline: clock.state === "no-date" ? null : clock.deadline,
    state: clock.state,
    daysLeft: clock.state === "due" || clock.state === "not-published" ? clock.daysLeft : clock.state === "overdue" ? -clock.daysOverdue : null,
    needingResponse: c.needingResponse,
    withoutResponse: c.withoutResponse.map((rec) => ({ number: rec.number, kind: rec.kind, sheet: rec.source.sheet, row: rec.source.row, cell: placeName(cells.responseCell(rec)) })),
    areasForImprovementWithoutResponse: c.responses.optionalWithout.length,
    otherBodies: c.responses.otherBodies.length,
    missingText: c.responsesText,
  };
}

/** "23 Jan 2020": the table's columns stay narrow. */
function shortDate(iso: string): string {
  const [day, month, year] = formatUkDate(iso).split(" ");
  return `${day} ${month!.slice(0, 3)} ${year}`;
}
