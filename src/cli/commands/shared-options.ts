// Options several commands take, and reading a tracker the same way for each.
import { loadTracker, type LoadResult } from "../../ingest/load-tracker.js";
import { UsageError } from "../usage-error.js";
import type { CommandContext } from "./command.js";

export const trackerOptions = {
  map: { type: "string" },
  json: { type: "boolean" },
} as const;

export const trackerOptionHelp: [string, string][] = [
  ["--map <mapping.yaml>", "say which column holds which field, one line each (action: Description of task)"],
  ["--json", "print the result and every message as JSON, for scripts"],
];

/** How much a writing command prints (print.ts, Verbosity). */
export const verbosityOptions = {
  verbose: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
} as const;

export const verbosityOptionHelp: [string, string][] = [
  ["--verbose", "also print the notes: what boardpack passed over and why (a dashboard sheet, a legend row)"],
  ["-q, --quiet", "print only errors: no warnings, notes, progress or summary line"],
];

/** A string option's value, or undefined when it was not given. */
export function stringOption(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function onePositional(context: CommandContext, what: string, command: string): string {
  const [first, ...rest] = context.positionals;
  if (!first) throw new UsageError(`name the ${what}`, command);
  if (rest.length > 0) throw new UsageError(`one ${what} at a time; also given: ${rest.join(" ")}`, command);
  return first;
}

export async function readTrackerFromArgs(context: CommandContext, tracker: string): Promise<LoadResult> {
  const mapPath = context.values.map;
  // Loaded only for --map: reading YAML is not needed otherwise.
  const mapping = typeof mapPath === "string" ? (await import("../../ingest/mapping-file.js")).loadMappingFile(mapPath) : undefined;
  return loadTracker(tracker, mapping ? { mapping } : {});
}
