// Read a tracker given as CSV text, the way the CLI would, for tests of the model.
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadTrackerBytes, type LoadResult } from "../../src/ingest/load-tracker.js";

export async function loadCsvText(text: string, file = "tracker.csv"): Promise<LoadResult & { lines: string[] }> {
  const result = await loadTrackerBytes(Buffer.from(text, "utf8"), file);
  return { ...result, lines: result.diagnostics.map(formatDiagnostic) };
}

/** Rows of cells → CSV text, quoting where needed. */
export function csv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\r\n") + "\r\n";
}
