// What `paper` and `s55` share: which formats to write, where, and writing them only once
// every one has rendered, so a failure leaves nothing half done.
import { extname, join, relative } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Doc } from "../compose/doc.js";
import { docSize } from "../render/doc-size.js";
import { resolveTrackerPath, type LoadedSpec } from "../compose/spec.js";
import type { PdfThread } from "../render/pdf/pdf-thread.js";
import type { CommandContext } from "./commands/command.js";
import type { Timings } from "./timings.js";
import { formatWords } from "./format-words.js";
import { UsageError } from "./usage-error.js";
import { writeFileAtomic, type WrittenFile } from "./write-file.js";

export const FORMATS = ["docx", "pdf", "html"] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormats(value: unknown, command: string): Format[] {
  if (value === undefined) return ["docx"];
  const list = formatWords(String(value));
  const unknown = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (list.length === 0 || unknown.length > 0) throw new UsageError(`--format ${String(value)}: the formats are docx, pdf and html (for more than one: --format docx,pdf)`, command);
  return [...new Set(list)] as Format[];
}

/**
 * -o names a folder, or a file for a single format. Without it, the paper goes beside the tracker
 * (`besideTracker`, the tracker's folder): where the user keeps this work, never the folder
 * boardpack happens to be run from or installed in.
 */
export function outputPaths(value: unknown, base: string, formats: Format[], command: string, besideTracker: string): { format: Format; path: string }[] {
  const target = typeof value === "string" && value !== "" ? value : besideTracker;
  const ext = extname(target).toLowerCase().slice(1);
  if ((FORMATS as readonly string[]).includes(ext)) {
    if (formats.length !== 1 || formats[0] !== ext) throw new UsageError(`-o ${target} names one .${ext} file, but --format asks for ${formats.join(",")}; give a folder instead`, command);
    return [{ format: ext as Format, path: target }];
  }
  return formats.map((format) => ({ format, path: join(target, `${base}.${format}`) }));
}

/** The tracker: the one named on the command line, else the spec's (relative to the spec). */
export function trackerPath(context: CommandContext, spec: LoadedSpec | undefined, command: string, example: string): string {
  const [given, ...rest] = context.positionals;
  if (rest.length > 0) throw new UsageError(`one tracker at a time; also given: ${rest.join(" ")}`, command);
  if (given) return given;
  const fromSpec = spec ? resolveTrackerPath(spec) : null;
  if (fromSpec) return relative(process.cwd(), fromSpec) || fromSpec;
  if (spec) throw new UsageError(`${spec.file} names no tracker: add a line such as \`tracker: my-tracker.xlsx\` to its front matter, or name the tracker on the command line`, command);
  throw new UsageError(`name the tracker file, for example ${example}`, command);
}

/**
 * Documents up to this size (blocks, list items and table rows) have their PDF written in the
 * PDF thread while the Word file is written here. The thread needs its own copy of the Doc, so
 * larger ones are written one after the other in this thread, to keep memory down.
 */
const PARALLEL_LIMIT = 60_000;

/**
 * Render every format, then write them all; returns the paths written. With a PDF thread (see
 * pdf-thread.ts) the PDF is rendered there, alongside the Word file.
 */
export async function renderAndWrite(doc: Doc, outputs: { format: Format; path: string }[], timings: Timings, pdfThread?: PdfThread): Promise<WrittenFile[]> {
  const rendered = new Map<Format, Uint8Array>();
  const large = docSize(doc) > PARALLEL_LIMIT;
  const parallel = outputs.some((o) => o.format === "pdf") && !large;
  // Not needed: let its memory go before the writers start.
  if (!parallel) pdfThread?.close();
  const inThread = parallel ? pdfThread?.render(doc) : undefined;
  inThread?.catch(() => undefined); // awaited below; a Word failure first must not leave it unhandled
  const here = outputs.filter((o) => !(o.format === "pdf" && inThread));
  for (const [i, output] of here.entries()) {
    // The writer's module is loaded first: a stage's time is its rendering alone.
    const write = await writer(output.format);
    rendered.set(output.format, await timings.time(output.format, () => write(doc)));
    // A long paper's Word file leaves a few hundred megabytes of buffers behind: free them before the PDF.
    if (large && i < here.length - 1) collectGarbage();
  }
  if (inThread) {
    const { bytes, ms } = await inThread;
    timings.record("pdf", ms);
    rendered.set("pdf", bytes);
  }
  const written: WrittenFile[] = [];
  await timings.time("write", async () => {
    for (const output of outputs) written.push({ path: output.path, replaced: await writeFileAtomic(output.path, rendered.get(output.format)!) });
  });
  return written;
}

async function writer(format: Format): Promise<(doc: Doc) => Promise<Uint8Array>> {
  // Loaded on demand: each writer is large, and a Word-only paper need not load the PDF engine.
  if (format === "docx") return (await import("../render/docx/render-docx.js")).renderDocx;
  if (format === "html") return (await import("../render/html/render-html.js")).renderHtml;
  const { renderPdf } = await import("../render/pdf/render-pdf.js");
  return (doc) => renderPdf(doc);
}

/**
 * A full garbage collection, between the writers of a long paper: V8 frees the large buffers one
 * writer leaves only when it next collects, which may be after the next writer has grown the
 * process another few hundred megabytes. (V8 offers its collector to code only through this flag.)
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
