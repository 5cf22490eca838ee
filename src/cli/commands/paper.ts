// boardpack paper: a tracker in, a board paper out in the board's house style, as Word and/or
// PDF. With --spec, the spec names its tracker and carries the narrative; without one, the
// style's default spec makes a complete paper. Nothing is written unless every format renders.
import { basename, extname, join, relative } from "node:path";
import { composePaper } from "../../compose/compose-paper.js";
import type { Doc } from "../../compose/doc.js";
import { houseStyleNames } from "../../compose/house-styles.js";
import { loadSpec, resolveTrackerPath, type LoadedSpec } from "../../compose/spec.js";
import { hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { loadTracker } from "../../ingest/load-tracker.js";
import { loadMappingFile } from "../../ingest/mapping-file.js";
import { parseAsOf } from "../as-of.js";
import { printDiagnostics, severitySummary } from "../print.js";
import { Timings } from "../timings.js";
import { UsageError } from "../usage-error.js";
import { refuseToOverwriteInput, writeFileAtomic } from "../write-file.js";
import type { Command, CommandContext } from "./command.js";
import { trackerOptionHelp } from "./shared-options.js";

const FORMATS = ["docx", "pdf"] as const;
type Format = (typeof FORMATS)[number];

export const paperCommand: Command = {
  name: "paper",
  summary: "write a board paper from a tracker, in a board's house style (Word .docx and/or PDF)",
  usage: "boardpack paper <tracker> --style <style> [-o out/] [--format docx,pdf] [--as-of date] [--marking OFFICIAL]\n       boardpack paper --spec paper.md [-o out/] [--format docx,pdf]",
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
    json: { type: "boolean" },
    timings: { type: "boolean" },
  },
  optionHelp: [
    ["--style <style>", `the house style: ${houseStyleNames().join(", ")}`],
    ["--spec <paper.md>", "a paper spec: its front matter names the style and tracker, its body is the paper's text"],
    ["-o, --output <folder|file>", "where to write (default: the current folder); a .docx or .pdf name for one format"],
    ["--format <list>", "docx, pdf or docx,pdf (default: docx)"],
    ["--as-of <date>", "the date counts and overdue actions are worked out at (default: today)"],
    ["--marking <text>", "protective marking for header and footer, such as OFFICIAL"],
    ...trackerOptionHelp,
    ["--timings", "print how long each stage took (for npm run bench)"],
  ],
  async run(context) {
    const timings = new Timings();
    const code = await runPaper(context, timings);
    if (context.values.timings) context.print.err(timings.line());
    return code;
  },
};

async function runPaper(context: CommandContext, timings: Timings): Promise<number> {
  const { values } = context;
  const formats = parseFormats(values.format);
  const asOf = parseAsOf(values["as-of"], "paper");
  const marking = typeof values.marking === "string" ? values.marking : undefined;
  const styleName = typeof values.style === "string" ? values.style : undefined;
  const diagnostics: Diagnostic[] = [];
  const fail = (code: number) => report(context, diagnostics, code);

  let spec: LoadedSpec | undefined;
  if (typeof values.spec === "string") {
    spec = loadSpec(values.spec);
    diagnostics.push(...spec.diagnostics);
    if (spec.diagnostics.some((d) => d.code === "SPEC_NOT_FOUND")) return fail(2);
    if (!spec.spec) return fail(1);
  }
  const tracker = trackerPath(context, spec);
  if (!spec && !styleName) throw new UsageError(`give the house style with --style (${houseStyleNames().join(", ")}), or a paper spec with --spec`, "paper");

  const base = spec ? basename(spec.file, extname(spec.file)) : `${basename(tracker, extname(tracker))}-${styleName}`;
  const outputs = outputPaths(values.output, base, formats);
  await refuseToOverwriteInput(outputs[0]!.path, [tracker, ...(spec ? [spec.path] : [])]);

  const mapping = typeof values.map === "string" ? loadMappingFile(values.map) : undefined;
  const loaded = await timings.time("ingest", () => loadTracker(tracker, mapping ? { mapping } : {}));
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.plan || hasErrors(diagnostics)) return fail(1);

  const composed = await timings.time("compose", () =>
    composePaper({ plan: loaded.plan!, ...(spec ? { spec } : {}), ...(styleName ? { styleName } : {}), asOf, ...(marking ? { marking } : {}), sourceFile: basename(tracker) }),
  );
  diagnostics.push(...composed.diagnostics);
  if (!composed.doc || hasErrors(diagnostics)) return fail(1);

  // Render every format before writing any, so a failure leaves nothing half done.
  const rendered: { path: string; bytes: Uint8Array }[] = [];
  for (const output of outputs) rendered.push({ path: output.path, bytes: await timings.time(output.format, () => render(output.format, composed.doc!)) });
  await timings.time("write", async () => {
    for (const r of rendered) await writeFileAtomic(r.path, r.bytes);
  });

  if (values.json) {
    context.print.err(JSON.stringify({ ok: true, outputs: rendered.map((r) => r.path), diagnostics }, null, 2));
  } else {
    printDiagnostics(diagnostics, context.print.err, { includeInfo: false });
    context.print.err(`Wrote ${rendered.map((r) => r.path).join(" and ")} (${severitySummary(diagnostics)}).`);
  }
  return 0;
}

/** The tracker: the one named on the command line, else the spec's (relative to the spec). */
function trackerPath(context: CommandContext, spec: LoadedSpec | undefined): string {
  const [given, ...rest] = context.positionals;
  if (rest.length > 0) throw new UsageError(`one tracker at a time; also given: ${rest.join(" ")}`, "paper");
  if (given) return given;
  const fromSpec = spec ? resolveTrackerPath(spec) : null;
  if (fromSpec) return relative(process.cwd(), fromSpec) || fromSpec;
  if (spec) throw new UsageError(`${spec.file} names no tracker: add a line such as \`tracker: my-tracker.xlsx\` to its front matter, or name the tracker on the command line`, "paper");
  throw new UsageError("name the tracker file, for example boardpack paper tracker.xlsx --style cambridgeshire-bcb", "paper");
}

function parseFormats(value: unknown): Format[] {
  if (value === undefined) return ["docx"];
  const list = String(value).split(",").map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (list.length === 0 || unknown.length > 0) throw new UsageError(`--format ${String(value)}: the formats are docx and pdf (for both: --format docx,pdf)`, "paper");
  return [...new Set(list)] as Format[];
}

/** -o names a folder (default: here), or a file for a single format. */
function outputPaths(value: unknown, base: string, formats: Format[]): { format: Format; path: string }[] {
  const target = typeof value === "string" && value !== "" ? value : ".";
  const ext = extname(target).toLowerCase().slice(1);
  if ((FORMATS as readonly string[]).includes(ext)) {
    if (formats.length !== 1 || formats[0] !== ext) throw new UsageError(`-o ${target} names one .${ext} file, but --format asks for ${formats.join(",")}; give a folder instead`, "paper");
    return [{ format: ext as Format, path: target }];
  }
  return formats.map((format) => ({ format, path: join(target, `${base}.${format}`) }));
}

async function render(format: Format, doc: Doc): Promise<Uint8Array> {
  // Loaded on demand: each writer is large, and a Word-only paper need not load the PDF engine.
  if (format === "docx") return (await import("../../render/docx/render-docx.js")).renderDocx(doc);
  return (await import("../../render/pdf/render-pdf.js")).renderPdf(doc);
}

function report(context: CommandContext, diagnostics: Diagnostic[], code: number): number {
  if (context.values.json) {
    context.print.err(JSON.stringify({ ok: false, outputs: [], diagnostics }, null, 2));
  } else {
    printDiagnostics(diagnostics, context.print.err, { includeInfo: false });
    context.print.err(`No paper written: ${severitySummary(diagnostics)}.`);
  }
  return code;
}
