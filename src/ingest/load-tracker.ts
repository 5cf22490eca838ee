// The whole ingest, file → Plan: size check, sniff, read, lay out each sheet, normalise.
// Unreadable input throws InputRefused (one line, exit 2); data problems come back as diagnostics.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { normalise } from "./normalise.js";
import { compiledPlan, type Plan } from "../model/schema.js";
import { layoutSheet, tableHeading, type SheetLayout, type TableHeading, type TableLayout } from "./layout.js";
import { longCellWarnings } from "./long-cells.js";
import { LIMITS, type Limits } from "./limits.js";
import type { MappingFile } from "./mapping-file.js";
import { closestMatch } from "../diagnostics/suggest.js";
import { InputRefused, refuse } from "./refused.js";
import { filledCells, type RawWorkbook } from "./raw-table.js";
import { readUserFile, type UserFileRead } from "../files/read-user-file.js";
import { detectInput } from "./sniff.js";

export interface LoadOptions {
  /** The name to show in messages; defaults to the path as given. */
  displayName?: string;
  mapping?: MappingFile;
  limits?: Limits;
}

export interface LoadResult {
  plan: Plan | null;
  diagnostics: Diagnostic[];
  /** The tables read (their headers, not their rows), for `boardpack check` to show which header became which field. */
  tables: TableHeading[];
  format: "xlsx" | "csv";
}

export async function loadTracker(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const file = options.displayName ?? path;
  const limits = options.limits ?? LIMITS;
  const read = readUserFile(path, limits.maxFileBytes);
  if (!read.ok) throw refuseUnread(read, file);
  return loadTrackerBytes(read.bytes, file, { ...options, limits });
}

export async function loadTrackerBytes(bytes: Buffer, file: string, options: LoadOptions = {}): Promise<LoadResult> {
  // The sheets as read are let go when readPlan returns: only the plan is held while it is checked.
  const read = await readPlan(bytes, file, options);
  const plan = read.plan ? checkPlan(read.plan, file, read.diagnostics) : null;
  return { ...read, plan };
}

/** The file's sheets → the plan, before its check against the schema. */
async function readPlan(bytes: Buffer, file: string, options: LoadOptions): Promise<LoadResult> {
  const limits = options.limits ?? LIMITS;
  const { format, parts } = detectInput(bytes, file, limits);
  const diagnostics: Diagnostic[] = [];
  let workbook: RawWorkbook;
  if (format === "xlsx") {
    // Loaded on demand: CSV users need none of it.
    const { readXlsx } = await import("./xlsx.js");
    const read = await readXlsx(bytes, file, parts);
    workbook = read.workbook;
    diagnostics.push(...read.diagnostics);
  } else {
    // Loaded on demand too: csv-parse and the CSV reader (53 KB of the bundle) are no part of
    // reading a workbook, and parsing them cost every xlsx convert some 8 M instructions.
    const { readCsv } = await import("./csv.js");
    const read = readCsv(bytes, file, limits);
    workbook = read.workbook;
    diagnostics.push(...read.diagnostics);
  }
  diagnostics.push(...longCellWarnings(workbook));
  const totalRows = workbook.sheets.reduce((n, s) => n + s.rows.length, 0);
  if (totalRows > limits.maxRows) {
    throw refuse(file, "INPUT_TOO_LARGE", `the tracker has ${totalRows.toLocaleString("en-GB")} rows; boardpack reads at most ${limits.maxRows.toLocaleString("en-GB")}`);
  }

  const overrides = options.mapping?.overrides ?? {};
  const layouts = workbook.sheets.map((sheet) => layoutSheet(sheet, overrides));
  const result = normalise(workbook, layouts);
  diagnostics.push(...result.diagnostics);
  if (options.mapping) refuseUnusedMappings(options.mapping, layouts);
  return { plan: result.plan, diagnostics, tables: result.tables.map(tableHeading), format };
}

function refuseUnread(read: Extract<UserFileRead, { ok: false }>, file: string) {
  switch (read.reason) {
    case "missing":
      return refuse(file, "INPUT_NOT_FOUND", read.message);
    case "folder":
      return refuse(file, "INPUT_NOT_FOUND", "this is a folder, not a tracker file");
    case "special":
      return refuse(file, "INPUT_NOT_A_FILE", read.message);
    case "too-large":
      return refuse(file, "INPUT_TOO_LARGE", `${read.message}; delete unused sheets, rows or pictures and save it again`);
    default:
      return refuse(file, "INPUT_UNREADABLE", read.message);
  }
}

/**
 * A --map line whose header no sheet has is a mistake in the mapping file, like a misspelt field:
 * one line naming the file and line, with the closest header the tracker has, and exit 2.
 */
function refuseUnusedMappings(mapping: MappingFile, layouts: SheetLayout[]): void {
  const tables = layouts.filter((l): l is TableLayout => l.kind === "table");
  for (const [field, header] of Object.entries(mapping.overrides)) {
    const used = tables.some((t) => t.header.columns.some((c) => c.field === field && c.header.toLowerCase() === header.toLowerCase()));
    if (used) continue;
    const line = mapping.lines[field as keyof typeof mapping.lines];
    // The headers as the sheet has them (an unmapped column may have been renamed "… (original)").
    const headers = [...new Set(tables.flatMap((t) => filledCells(t.sheet.rows[t.header.index]!).map(({ cell }) => cell.text.replace(/\s+/g, " ").trim())))];
    const near = closestMatch(header, headers);
    const hint = near ? `; did you mean "${near}"?` : headers.length > 0 ? `; the headers are ${headers.map((h) => `"${h}"`).join(", ")}` : "";
    throw new InputRefused({ ...diagnostic("error", "MAP_HEADER_NOT_FOUND", `${field}: no sheet has a column headed "${header}"${hint}`, { file: mapping.file }), ...(line ? { line } : {}) });
  }
}

/** The plan must match its schema (zod: the one statement of the rules); a mismatch is reported at the row it came from. */
function checkPlan(plan: Plan, file: string, out: Diagnostic[]): Plan | null {
  const parsed = compiledPlan().safeParse(plan);
  // Zod only checks here: the plan has no defaults or transforms to apply, and zod's copy of a
  // record would drop a column headed "__proto__" (its value would set the copy's prototype).
  if (parsed.success) return plan;
  for (const issue of parsed.error.issues) {
    const [list, index] = issue.path;
    const item = (list === "actions" || list === "recommendations") && typeof index === "number" ? plan[list][index] : undefined;
    const where = item ? { file, sheet: item.source.sheet, row: item.source.row } : { file };
    out.push(diagnostic("error", "PLAN_INVALID", `${issue.path.join(".")}: ${issue.message}`, where));
  }
  return null;
}
