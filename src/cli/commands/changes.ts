// boardpack changes: what moved between last time's tracker and this one's — new and removed
// actions, status and RAG moves, due dates moved, owners, updates — grouped by theme with the
// counts first; --json for scripts. Writes nothing.
import { hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { countsSummary, type Change, type ChangeReport } from "../../model/changes.js";
import { formatDate } from "../../compose/text-forms.js";
import { parseAsOf } from "../as-of.js";
import { printDiagnostics, severitySummary } from "../print.js";
import { compareWithOld, readMappedTracker, sinceOptionHelp, sinceOptions } from "../since.js";
import { UsageError } from "../usage-error.js";
import type { Command, CommandContext } from "./command.js";

export const changesCommand: Command = {
  name: "changes",
  summary: "show what changed between last time's tracker and this one's (any two trackers boardpack reads)",
  usage: "boardpack changes <old-tracker> <new-tracker> [--as-of date] [--old-as-of date] [--match matches.yaml] [--map mapping.yaml] [--old-map mapping.yaml] [--json]",
  examples: ["boardpack changes october-tracker.xlsx november-tracker.xlsx", "boardpack changes old.csv new.xlsx --match matches.yaml --json"],
  options: { ...sinceOptions, "as-of": { type: "string" }, map: { type: "string" }, json: { type: "boolean" } },
  optionHelp: [
    ["--as-of <date>", "the date of the new tracker: overdue is counted as of it (default: today)"],
    ...sinceOptionHelp,
    ["--map <mapping.yaml>", "say which column holds which field in the new tracker, one line each (action: Description of task)"],
    ["--json", "print the changes and every message as JSON, for scripts"],
  ],
  async run(context) {
    const [oldFile, newFile, ...rest] = context.positionals;
    if (!oldFile || !newFile) throw new UsageError("name two trackers: last time's, then this time's", "changes");
    if (rest.length > 0) throw new UsageError(`two trackers at a time; also given: ${rest.join(" ")}`, "changes");
    const asOf = parseAsOf(context.values["as-of"], "changes");
    if (context.values["old-as-of"] !== undefined) parseAsOf(context.values["old-as-of"], "changes");

    const oldRead = await readMappedTracker(oldFile, context.values["old-map"]);
    const newRead = await readMappedTracker(newFile, context.values.map);
    const diagnostics = [...oldRead.diagnostics, ...newRead.diagnostics];
    if (!oldRead.plan || !newRead.plan || hasErrors(diagnostics)) return failed(context, diagnostics);

    const compared = await compareWithOld(context, "changes", { oldFile, newFile, oldRead, newRead, newPlan: newRead.plan, asOf });
    diagnostics.push(...compared.diagnostics);
    if (hasErrors(diagnostics)) return failed(context, diagnostics);

    if (context.values.json) {
      context.print.out(JSON.stringify({ ok: true, ...compared.report, diagnostics }, null, 2));
      return 0;
    }
    for (const line of changesText(compared.report)) context.print.out(line);
    printDiagnostics(diagnostics, context.print.err, { includeInfo: false });
    return 0;
  },
};

function failed(context: CommandContext, diagnostics: Diagnostic[]): number {
  if (context.values.json) {
    context.print.out(JSON.stringify({ ok: false, diagnostics }, null, 2));
  } else {
    printDiagnostics(diagnostics, context.print.err, { includeInfo: false });
    context.print.err(`No comparison: ${severitySummary(diagnostics)}.`);
  }
  return 1;
}

/** The report as a person reads it: the two trackers, the counts, then each theme's changes. */
export function changesText(report: ChangeReport): string[] {
  const lines: string[] = [];
  const since = report.old.date ? ` (${ukDate(report.old.date)})` : "";
  lines.push(`Changes from ${report.old.file}${since} to ${report.new.file}, as of ${ukDate(report.new.date)}`);
  lines.push(`  then: "${report.old.title}", ${count(report.old.actions, "action")}`);
  lines.push(`  now:  "${report.new.title}", ${count(report.new.actions, "action")}`);
  lines.push("");
  const summary = countsSummary(report.counts);
  lines.push(summary === "" ? `No changes: every action reads as it did (${count(report.counts.unchanged, "action")}).` : `${summary}; ${report.counts.unchanged} unchanged.`);
  const m = report.matching;
  const how = [`${m.byRef} by ref`, ...(m.byTitle ? [`${m.byTitle} by title (listed below: check them)`] : []), ...(m.pinned ? [`${m.pinned} pinned by the match file`] : [])];
  lines.push(`Matched ${count(m.byRef + m.byTitle + m.pinned, "action")}: ${how.join(", ")}.`);
  for (const r of report.themeRenames) lines.push(`Theme renamed: "${r.from}" → "${r.to}" (${count(r.actions, "action")}).`);

  let i = 0;
  for (const theme of report.themes) {
    lines.push("");
    lines.push(`${theme.title ?? "No theme"}: ${countsSummary(theme.counts)}`);
    const ofTheme = report.changes.slice(i, i + themeChangeCount(report, i, theme.title));
    i += ofTheme.length;
    let current = "";
    for (const c of ofTheme) {
      const key = `${c.kind === "removed" ? "old" : "new"}:${c.kind === "removed" ? c.oldRef : c.ref}`;
      if (key !== current) {
        current = key;
        const refs = c.oldRef !== null && c.kind !== "removed" && c.oldRef !== c.ref ? `${c.ref} (was ${c.oldRef})` : c.ref;
        const flag = c.matchedBy === "title" ? "  [matched by title]" : c.matchedBy === "pinned" ? "  [paired by the match file]" : "";
        lines.push(`  ${refs}  ${oneLine(c.title, 90)}${flag}`);
      }
      lines.push(`      ${changeLine(c)}`);
    }
  }

  const flagged = report.matches.filter((x) => x.matchedBy === "title");
  if (flagged.length > 0) {
    lines.push("");
    lines.push("Matched by title (the refs differ or are missing); if one is wrong, list it under `different:` in a match file and use --match:");
    for (const x of flagged) lines.push(`  ${x.oldRef} → ${x.ref}  ${Math.round(x.similarity * 100)}% alike: "${oneLine(x.oldTitle, 50)}" / "${oneLine(x.title, 50)}"`);
  }
  return lines;
}

/** How many changes, from position i, belong to the theme (changes come grouped by theme). */
function themeChangeCount(report: ChangeReport, start: number, title: string | null): number {
  let n = 0;
  while (start + n < report.changes.length && report.changes[start + n]!.theme === title) n++;
  return n;
}

function changeLine(c: Change): string {
  const was = (text: string | null, none: string) => (text === null ? none : `"${oneLine(text, 60)}"`);
  switch (c.kind) {
    case "new":
      return `new action${c.after ? `, ${c.after}` : ""}${c.new?.cell ? ` (${c.new.cell})` : c.new ? ` (row ${c.new.row})` : ""}`;
    case "removed":
      return `no longer in the tracker${c.before ? ` (was ${c.before})` : ""}`;
    case "status":
      return `status: ${c.before ?? "no status"} → ${c.after ?? "no status"}${c.direction === "completed" ? " (completed)" : c.direction === "reopened" ? " (reopened)" : ""}`;
    case "rag":
      return `RAG: ${c.before ?? "no rating"} → ${c.after ?? "no rating"}${c.direction === "worse" ? " (worse)" : c.direction === "better" ? " (better)" : ""}`;
    case "due":
      return `due: ${c.before ?? "no date"} → ${c.after ?? "no date"}${c.days !== null ? ` (${count(Math.abs(c.days), "day")} ${c.days > 0 ? "later" : "earlier"})` : ""}`;
    case "owner":
      return `owner: ${c.before ?? "none"} → ${c.after ?? "none"}`;
    case "title":
      return `action reworded: "${oneLine(c.before ?? "", 200)}" → "${oneLine(c.after ?? "", 200)}"`;
    case "theme":
      return `moved from "${c.before ?? "no theme"}" to "${c.after ?? "no theme"}"`;
    case "update":
      return c.direction === "cleared" ? `update removed (was ${was(c.before, "")})` : `update ${c.direction === "set" ? "added" : "rewritten"}: ${was(c.after, "none")}`;
    case "overdue":
      return `newly overdue: due ${c.after}, ${count(c.days ?? 0, "day")} ago`;
  }
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function ukDate(iso: string): string {
  return formatDate(iso, "day-month-year");
}
