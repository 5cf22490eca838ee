// How diagnostics reach the user: one line each, or JSON for scripts.
import { formatCount } from "../diagnostics/count.js";
import { formatDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { oneLine, terminalSafe } from "./terminal-text.js";

export interface Printer {
  out(line: string): void;
  err(line: string): void;
}

export const consolePrinter: Printer = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** What every command prints goes through this: no control character from a tracker or spec reaches the terminal as itself. */
export function terminalSafePrinter(print: Printer): Printer {
  return { out: (line) => print.out(terminalSafe(line)), err: (line) => print.err(terminalSafe(line)) };
}

/** A diagnostic as the one line a user reads. */
export function diagnosticLine(d: Diagnostic): string {
  return oneLine(formatDiagnostic(d));
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** "2 errors, 1 warning, 5 notes". */
export function severitySummary(diagnostics: readonly Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  return `${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${plural(c.info, "note")}`;
}

export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], write: (line: string) => void, options: { includeInfo: boolean }): void {
  for (const d of diagnostics) {
    if (d.severity === "info" && !options.includeInfo) continue;
    write(diagnosticLine(d));
  }
}

/** --verbose and --quiet: how much of a run's messages a writing command prints. */
export interface Verbosity {
  verbose?: boolean;
  quiet?: boolean;
}

export function verbosityOf(values: Record<string, unknown>): Verbosity {
  return { verbose: values.verbose === true, quiet: values.quiet === true };
}

/** Errors always; warnings unless --quiet; notes only with --verbose. */
export function printRunMessages(diagnostics: readonly Diagnostic[], write: (line: string) => void, verbosity: Verbosity): void {
  for (const d of diagnostics) {
    if (d.severity === "error" || (!verbosity.quiet && (d.severity === "warning" || verbosity.verbose))) write(formatDiagnostic(d));
  }
}

/** "0 errors, 2 warnings, 5 notes: add --verbose to see the notes", or without the hint once they are shown. */
export function runSummary(diagnostics: readonly Diagnostic[], verbosity: Verbosity): string {
  const notes = countBySeverity(diagnostics).info;
  return `${severitySummary(diagnostics)}${notes > 0 && !verbosity.verbose ? `: add --verbose to see the ${notes === 1 ? "note" : "notes"}` : ""}`;
}
