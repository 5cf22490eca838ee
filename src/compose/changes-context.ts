// `changes` in templates (`paper … --since last-tracker.xlsx`): what moved since last time's
// tracker, as numbers ({{changes.completed}}) and lists of actions by theme for the
// changesSinceLast partial. Null without --since, so `{{#if changes}}` reads as today.
import { changeMeasure, type Change, type ChangeCounts, type ChangeReport } from "../model/changes.js";
import type { Plan } from "../model/schema.js";

/** An action that moved, as a template prints it: values as each tracker wrote them. */
export interface ChangedAction {
  ref: string;
  /** Its ref last time, when it was different (renumbered). */
  oldRef: string | null;
  title: string;
  theme: string | null;
  before: string | null;
  after: string | null;
  /** "91 days later", "14 days overdue"; empty when there is no measure. */
  by: string;
  days: number | null;
}

export interface ChangeLists {
  completedActions: ChangedAction[];
  newActions: ChangedAction[];
  removedActions: ChangedAction[];
  slippedActions: ChangedAction[];
  deterioratedActions: ChangedAction[];
  improvedActions: ChangedAction[];
  reOwnedActions: ChangedAction[];
  overdueActions: ChangedAction[];
}

export type ThemeChanges = ChangeCounts & ChangeLists & { title: string | null };

export type ChangesContext = ChangeCounts &
  ChangeLists & {
    /** The old tracker's date (--old-as-of), YYYY-MM-DD, or null when not given. */
    since: string | null;
    /** The old tracker's file name. */
    sinceFile: string;
    /** Themes with a completion, slip or RAG deterioration, in the tracker's order. */
    themes: ThemeChanges[];
    /** Every theme of the tracker by id (`lookup @root.changes.byTheme id`), with zero counts when nothing moved. */
    byTheme: Record<string, ThemeChanges>;
  };

export function changesContext(report: ChangeReport, plan: Plan): ChangesContext {
  const themes = report.themes.map((t) => themeChanges(t.title, t.counts, report.changes.filter((c) => c.theme === t.title)));
  const byTitle = new Map(themes.map((t) => [t.title, t]));
  const byTheme: Record<string, ThemeChanges> = {};
  for (const t of plan.themes) byTheme[t.id] = byTitle.get(t.title) ?? themeChanges(t.title, zeroCounts(), []);
  return {
    ...report.counts,
    ...lists(report.changes),
    since: report.old.date,
    sinceFile: report.old.file.replace(/^.*[\\/]/, ""),
    themes: themes.filter((t) => t.completed + t.slipped + t.deteriorated > 0),
    byTheme,
  };
}

function themeChanges(title: string | null, counts: ChangeCounts, changes: Change[]): ThemeChanges {
  return { title, ...counts, ...lists(changes) };
}

function lists(changes: readonly Change[]): ChangeLists {
  const pick = (keep: (c: Change) => boolean) => changes.filter(keep).map(changedAction);
  return {
    completedActions: pick((c) => c.kind === "status" && c.direction === "completed"),
    newActions: pick((c) => c.kind === "new"),
    removedActions: pick((c) => c.kind === "removed"),
    slippedActions: pick((c) => c.kind === "due" && c.direction === "later"),
    deterioratedActions: pick((c) => c.kind === "rag" && c.direction === "worse"),
    improvedActions: pick((c) => c.kind === "rag" && c.direction === "better"),
    reOwnedActions: pick((c) => c.kind === "owner"),
    overdueActions: pick((c) => c.kind === "overdue"),
  };
}

function changedAction(c: Change): ChangedAction {
  return {
    ref: c.ref,
    oldRef: c.oldRef !== null && c.oldRef !== c.ref ? c.oldRef : null,
    title: c.title,
    theme: c.theme,
    before: c.before,
    after: c.after,
    by: changeMeasure(c),
    days: c.days,
  };
}

function zeroCounts(): ChangeCounts {
  return { changed: 0, unchanged: 0, new: 0, removed: 0, completed: 0, reopened: 0, statusMoved: 0, reRated: 0, deteriorated: 0, improved: 0, slipped: 0, broughtForward: 0, dueChanged: 0, reOwned: 0, updated: 0, retitled: 0, movedTheme: 0, newlyOverdue: 0 };
}
