// What `paper` and `s55` share: which formats to write, where, and writing them only once
// every one has rendered, so a failure leaves nothing half done.
import { extname, join, relative } from "node:path";
import type { Doc } from "../compose/doc.js";
import { resolveTrackerPath, type LoadedSpec } from "../compose/spec.js";
import type { CommandContext } from "./commands/command.js";
import type { Timings } from "./timings.js";
import { UsageError } from "./usage-error.js";
import { writeFileAtomic } from "./write-file.js";

export const FORMATS = ["docx", "pdf"] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormats(value: unknown, command: string): Format[] {
  if (value === undefined) return ["docx"];
  const list = String(value).split(",").map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (list.length === 0 || unknown.length > 0) throw new UsageError(`--format ${String(value)}: the formats are docx and pdf (for both: --format docx,pdf)`, command);
  return [...new Set(list)] as Format[];
}

/** -o names a folder (default: here), or a file for a single format. */
export function outputPaths(value: unknown, base: string, formats: Format[], command: string): { format: Format; path: string }[] {
  const target = typeof value === "string" && value !== "" ? value : ".";
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

/** Render every format, then write them all; returns the paths written. */
export async function renderAndWrite(doc: Doc, outputs: { format: Format; path: string }[], timings: Timings): Promise<string[]> {
  const rendered: { path: string; bytes: Uint8Array }[] = [];
  for (const output of outputs) rendered.push({ path: output.path, bytes: await timings.time(output.format, () => render(output.format, doc)) });
  await timings.time("write", async () => {
    for (const r of rendered) await writeFileAtomic(r.path, r.bytes);
  });
  return rendered.map((r) => r.path);
}

async function render(format: Format, doc: Doc): Promise<Uint8Array> {
  // Loaded on demand: each writer is large, and a Word-only paper need not load the PDF engine.
  if (format === "docx") return (await import("../render/docx/render-docx.js")).renderDocx(doc);
  return (await import("../render/pdf/render-pdf.js")).renderPdf(doc);
}
