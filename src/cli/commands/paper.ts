// boardpack paper: a tracker in, a board paper out in the board's house style, as Word and/or
// PDF. With --spec, the spec names its tracker and carries the narrative; without one, the
// style's default spec makes a complete paper. Nothing is written unless every format renders.
import { basename, dirname, extname } from "node:path";
import { composePaper } from "../../compose/compose-paper.js";
import { reportLines } from "../../compose/s55/find-report.js";
import { houseStyleNames, isStylePath } from "../../compose/house-styles.js";
import { didYouMean } from "../../diagnostics/suggest.js";
import { loadSpec, type LoadedSpec } from "../../compose/spec.js";
import { hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { loadTracker, type LoadResult } from "../../ingest/load-tracker.js";
import type { ChangeReport } from "../../model/changes.js";
import type { Plan } from "../../model/schema.js";
import { compareWithOld, readMappedTracker, refuseSinceOptions, sinceOptionHelp, sinceOptions } from "../since.js";
import { loadMappingFile } from "../../ingest/mapping-file.js";
import { parseAsOf } from "../as-of.js";
import { type Format, outputPaths, parseFormats, renderAndWrite, trackerPath } from "../paper-output.js";
import { PdfThread } from "../../render/pdf/pdf-thread.js";
import { printRunMessages, runSummary, verbosityOf } from "../print.js";
import { type Timings, withTimings } from "../timings.js";
import { UsageError } from "../usage-error.js";
import { attachWordTemplate } from "../word-template.js";
import { checkOutputPaths, describeWritten } from "../write-file.js";
import type { Command, CommandContext } from "./command.js";
import { stringOption, trackerOptionHelp, verbosityOptionHelp, verbosityOptions } from "./shared-options.js";

export const paperCommand: Command = {
  name: "paper",
  summary: "write a board paper from a tracker, in a board's house style (Word .docx, PDF and/or a web page)",
  usage: "boardpack paper <tracker> --style <style> [-o out/] [--format docx,pdf,html] [--as-of date] [--since last-tracker] [--marking OFFICIAL]\n       boardpack paper --spec paper.md [-o out/] [--format docx,pdf,html]",
  examples: [
    "boardpack paper data/colp-da-action-plan.xlsx --style city-of-london-committee -o out/",
    "boardpack paper --spec data/cambs-bcb-paper.md --format docx,pdf -o out/",
  ],
  options: {
    spec: { type: "string" },
    style: { type: "string" },
    output: { type: "string", short: "o" },
    format: { type: "string" },
    "as-of": { type: "string" },
    marking: { type: "string" },
    map: { type: "string" },
    "reference-doc": { type: "string" },
    json: { type: "boolean" },
    timings: { type: "boolean" },
    ...verbosityOptions,
    since: { type: "string" },
    ...sinceOptions,
  },
  optionHelp: [
    ["--style <style>", `the house style: ${houseStyleNames().join(", ")}`],
    ["--spec <paper.md>", "a paper spec: its front matter names the style and tracker, its body is the paper's text"],
    ["-o, --output <folder|file>", "where to write (default: the tracker's folder); a .docx, .pdf or .html name for one format"],
    ["--format <list>", "docx, pdf, html (one accessible web page), or several: docx,pdf (default: docx)"],
    ["--as-of <date>", "the date counts and overdue actions are worked out at (default: today)"],
    ["--marking <text>", "protective marking for header and footer, such as OFFICIAL"],
    ["--since <last-tracker>", "last time's tracker: the paper says what moved since then (completions, slips, RAG changes)"],
    ...sinceOptionHelp,
    ["--reference-doc <template.docx>", "your force's Word template: the paper takes its styles, fonts, page set-up, headers and footers (logo included)"],
    ...trackerOptionHelp,
    ...verbosityOptionHelp,
  ],
  async run(given) {
    const formats = parseFormats(given.values.format, "paper");
    // Started first, so the PDF writer loads while the tracker is read and the paper composed.
    const pdfThread = formats.includes("pdf") ? PdfThread.start() : undefined;
    try {
      return await withTimings(given, ["ingest", "compose", ...formats, "write"], (context, timings) => runPaper(context, timings, formats, pdfThread));
    } finally {
      pdfThread?.close();
    }
  },
};

async function runPaper(context: CommandContext, timings: Timings, formats: Format[], pdfThread: PdfThread | undefined): Promise<number> {
  const { values } = context;
  const asOf = parseAsOf(values["as-of"], "paper");
  const marking = typeof values.marking === "string" ? values.marking : undefined;
  const styleName = typeof values.style === "string" ? values.style : undefined;
  const referenceDoc = typeof values["reference-doc"] === "string" ? values["reference-doc"] : undefined;
  const diagnostics: Diagnostic[] = [];
  const fail = (code: number) => report(context, diagnostics, code);

  let spec: LoadedSpec | undefined;
  if (typeof values.spec === "string") {
    spec = loadSpec(values.spec);
    diagnostics.push(...spec.diagnostics);
    if (spec.diagnostics.some((d) => d.code === "SPEC_NOT_FOUND")) return fail(2);
    if (!spec.spec) return fail(1);
  }
  const tracker = trackerPath(context, spec, "paper", "boardpack paper tracker.xlsx --style cambridgeshire-bcb");
  if (!spec && !styleName) throw new UsageError(`give the house style with --style (${houseStyleNames().join(", ")}), or a paper spec with --spec`, "paper");
  // A misspelt --style is a mistake in the command (exit 2), found before the tracker is read.
  if (styleName && !isStylePath(styleName) && !houseStyleNames().includes(styleName)) {
    throw new UsageError(`--style ${styleName}: there is no such house style${didYouMean(styleName, houseStyleNames())} (the styles are ${houseStyleNames().join(", ")})`, "paper");
  }

  // A style given as a file (styles/kent-pcc.yaml) names the paper by the file's name.
  const styleWord = styleName && isStylePath(styleName) ? basename(styleName, extname(styleName)) : styleName;
  const base = spec ? basename(spec.file, extname(spec.file)) : `${basename(tracker, extname(tracker))}-${styleWord}`;
  const outputs = outputPaths(values.output, base, formats, "paper", dirname(tracker));
  const since = stringOption(values.since);
  if (since === undefined) refuseSinceOptions(context, "paper");
  await checkOutputPaths(outputs.map((o) => o.path), [tracker, spec?.path, stringOption(values.map), stringOption(values["reference-doc"]), since, stringOption(values["old-map"]), stringOption(values.match)]);

  // The tracker and its plan are let go once the paper is composed: a long one takes memory the writers need.
  const doc = await (async () => {
    const mapping = typeof values.map === "string" ? loadMappingFile(values.map) : undefined;
    // Only the plan is kept (not the sheets it was read from) while the paper is composed.
    const read = await timings.time("ingest", () => loadTracker(tracker, mapping ? { mapping } : {}));
    const plan = read.plan;
    diagnostics.push(...read.diagnostics);
    if (!plan || hasErrors(diagnostics)) return null;
    refuseMixedResponse(plan, tracker, styleName ?? spec?.spec?.style, context);
    const changes = since === undefined ? undefined : await changesSince(context, since, { ...read, plan }, tracker, asOf, diagnostics);
    if (hasErrors(diagnostics)) return null;
    const composed = await timings.time("compose", () =>
      composePaper({ plan, ...(spec ? { spec } : {}), ...(styleName ? { styleName } : {}), asOf, asOfGiven: values["as-of"] !== undefined, ...(marking ? { marking } : {}), ...(referenceDoc ? { referenceDoc } : {}), sourceFile: basename(tracker), ...(changes ? { changes } : {}) }),
    );
    diagnostics.push(...composed.diagnostics);
    if (hasErrors(diagnostics) || !composed.doc) return null;
    await attachWordTemplate(composed.doc, composed, diagnostics, formats);
    return composed.doc;
  })();
  if (!doc) return fail(1);

  const written = await renderAndWrite(doc, outputs, timings, pdfThread);

  if (values.json) {
    context.print.err(JSON.stringify({ ok: true, outputs: written.map((f) => f.path), replaced: written.filter((f) => f.replaced).map((f) => f.path), diagnostics }, null, 2));
  } else {
    const verbosity = verbosityOf(context.values);
    printRunMessages(diagnostics, context.print.err, verbosity);
    if (!verbosity.quiet) context.print.err(`${describeWritten(written)} (${runSummary(diagnostics, verbosity)}).`);
  }
  return 0;
}

/**
 * A section 55 response answers one report: over a tracker of several, the section-55 style
 * would mix them into one paper, so the user is asked which, as `boardpack s55` asks.
 */
function refuseMixedResponse(plan: Plan, tracker: string, style: string | undefined, context: CommandContext): void {
  if (style !== "section-55" || plan.reports.length < 2) return;
  throw new UsageError(
    `${tracker} has ${plan.reports.length} reports, and a section 55 response answers one: write it with ` +
      `boardpack s55 ${tracker} --report "<words from its title>", which also checks every recommendation has a response:\n${reportLines(plan.reports).join("\n")}`,
    "paper",
  );
}

function report(context: CommandContext, diagnostics: Diagnostic[], code: number): number {
  if (context.values.json) {
    context.print.err(JSON.stringify({ ok: false, outputs: [], diagnostics }, null, 2));
  } else {
    const verbosity = verbosityOf(context.values);
    printRunMessages(diagnostics, context.print.err, verbosity);
    context.print.err(`No paper written: ${runSummary(diagnostics, verbosity)}.`);
  }
  return code;
}

/** Last time's tracker, read and compared with this one; its warnings join the paper's, its notes are left out. */
async function changesSince(context: CommandContext, since: string, read: LoadResult & { plan: Plan }, tracker: string, asOf: string, diagnostics: Diagnostic[]): Promise<ChangeReport | undefined> {
  const oldRead = await readMappedTracker(since, context.values["old-map"]);
  diagnostics.push(...oldRead.diagnostics.filter((d) => d.severity !== "info"));
  if (!oldRead.plan || hasErrors(oldRead.diagnostics)) return undefined;
  const compared = await compareWithOld(context, "paper", { oldFile: since, newFile: tracker, oldRead, newRead: read, newPlan: read.plan, asOf });
  diagnostics.push(...compared.diagnostics);
  return compared.report;
}
