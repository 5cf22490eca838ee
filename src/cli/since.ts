// Last time's tracker beside this one's: `changes old new`, and `--since old` for convert and
// paper. Reads the old tracker as the new one is read, and compares the two plans.
import { cellName, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ColumnField } from "../ingest/columns.js";
import type { TableHeading } from "../ingest/layout.js";
import { loadTracker, type LoadResult } from "../ingest/load-tracker.js";
import { compareTrackers, type ChangeField, type ChangeReport } from "../model/changes.js";
import type { Plan, SourcePosition } from "../model/schema.js";
import { parseAsOf } from "./as-of.js";
import type { CommandContext } from "./commands/command.js";
import { UsageError } from "./usage-error.js";

export const sinceOptions = {
  "old-as-of": { type: "string" },
  "old-map": { type: "string" },
  match: { type: "string" },
} as const;

export const sinceOptionHelp: [string, string][] = [
  ["--old-as-of <date>", "the date of last time's tracker: an action whose due date passed since then is newly overdue (default: the --as-of date, so only changes in the tracker count)"],
  ["--old-map <mapping.yaml>", "the column mapping for last time's tracker, when its headers differ (--map is this one's)"],
  ["--match <matches.yaml>", "pin or break matches between the two trackers' actions (README: Changes since last time)"],
];

/** --old-as-of, --old-map or --match without --since would silently do nothing. */
export function refuseSinceOptions(context: CommandContext, command: string): void {
  const given = Object.keys(sinceOptions).find((name) => context.values[name] !== undefined);
  if (given) throw new UsageError(`--${given} is about last time's tracker: give it with --since last-tracker.xlsx`, command);
}

export async function readMappedTracker(path: string, mapPath: unknown): Promise<LoadResult> {
  // Loaded only for --map: reading YAML is not needed otherwise.
  const mapping = typeof mapPath === "string" ? (await import("../ingest/mapping-file.js")).loadMappingFile(mapPath) : undefined;
  return loadTracker(path, mapping ? { mapping } : {});
}

export interface SinceInput {
  oldFile: string;
  newFile: string;
  oldRead: Pick<LoadResult, "plan" | "tables">;
  newRead: Pick<LoadResult, "tables">;
  newPlan: Plan;
  asOf: string;
}

/** Compares the two plans, with the cells of both trackers, and the match file if given. */
export async function compareWithOld(context: CommandContext, command: string, input: SinceInput): Promise<{ report: ChangeReport; diagnostics: Diagnostic[] }> {
  const matchPath = context.values.match;
  const rules = typeof matchPath === "string" ? (await import("../ingest/match-file.js")).loadMatchFile(matchPath) : undefined;
  const oldAsOf = context.values["old-as-of"] === undefined ? null : parseAsOf(context.values["old-as-of"], command);
  const locators = { old: fieldCells(input.oldRead.tables), new: fieldCells(input.newRead.tables) };
  return compareTrackers(input.oldRead.plan!, input.newPlan, {
    oldFile: input.oldFile,
    newFile: input.newFile,
    asOf: input.asOf,
    oldAsOf,
    ...(rules ? { rules } : {}),
    locate: (side, source, field) => locators[side](source, field),
  });
}

const FIELD_COLUMN: Record<ChangeField, ColumnField> = {
  ref: "ref",
  action: "action",
  theme: "theme",
  status: "status",
  rag: "rag",
  due: "due",
  owner: "owner",
  update: "update",
};

/** The cell of a field in a row, from which column of that row's sheet holds the field. */
function fieldCells(tables: readonly TableHeading[]): (source: SourcePosition, field: ChangeField) => string | null {
  const bySheet = new Map(tables.map((t) => [t.sheet.name, t]));
  return (source, field) => {
    const columns = bySheet.get(source.sheet)?.header.columns ?? [];
    // With no status column, status is read from the RAG column, and the other way round.
    const stand = field === "status" ? "rag" : field === "rag" ? "status" : undefined;
    const column = columns.find((c) => c.field === FIELD_COLUMN[field]) ?? (stand ? columns.find((c) => c.field === stand) : undefined);
    return column ? cellName(source.sheet, column.col, source.row) : null;
  };
}
