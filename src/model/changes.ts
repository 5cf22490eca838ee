// What changed between two versions of a tracker (last board's and this one's): actions matched
// by ref, else by title within a theme (flagged), then each matched pair compared field by field.
// A plain function of two plans; the caller reads the trackers and prints or renders the result.
import { z } from "zod";
import { IsoDate, type Action, type Plan, type SourcePosition } from "./schema.js";
import { letterPairs, pairSimilarity, titleKey } from "./title-similarity.js";
import { RAG_LABELS, STATUS_LABELS } from "./vocabulary.js";

export const ChangeKind = z.enum(["new", "removed", "status", "rag", "due", "owner", "title", "theme", "update", "overdue"]);
export const MatchedBy = z.enum(["ref", "title", "pinned"]);
export const ChangeDirection = z.enum(["completed", "reopened", "moved", "worse", "better", "later", "earlier", "set", "cleared", "changed"]);

/** Where a value is: the sheet (null for a CSV), the row, and the cell when its column is known. */
export const ChangePlace = z.object({
  sheet: z.string().nullable(),
  row: z.number().int().positive(),
  cell: z.string().nullable(),
});

export const Change = z.object({
  kind: ChangeKind,
  /** The action's ref in the new tracker (in the old one for a removed action). */
  ref: z.string(),
  /** Its ref in the old tracker; null for a new action. */
  oldRef: z.string().nullable(),
  title: z.string(),
  /** The theme's title in the new tracker (in the old one for a removed action). */
  theme: z.string().nullable(),
  /** How the two rows were found to be one action; null for new and removed actions. */
  matchedBy: MatchedBy.nullable(),
  /** The values as each tracker wrote them ("Mar-17", "On track"). */
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** The values in the plan's terms (status and RAG words, YYYY-MM-DD dates). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  direction: ChangeDirection.nullable(),
  /** For a due date moved: by how many days (positive = later). */
  days: z.number().int().nullable(),
  old: ChangePlace.nullable(),
  new: ChangePlace.nullable(),
});

export const ChangeCounts = z.object({
  /** Actions in the new tracker with at least one change (new ones included), plus removed ones. */
  changed: z.number().int(),
  unchanged: z.number().int(),
  new: z.number().int(),
  removed: z.number().int(),
  completed: z.number().int(),
  reopened: z.number().int(),
  /** Every status move, completions and reopenings included. */
  statusMoved: z.number().int(),
  reRated: z.number().int(),
  /** RAG moved to a worse rating (green → amber, amber → red, blue → anything). */
  deteriorated: z.number().int(),
  improved: z.number().int(),
  /** Due date moved later. */
  slipped: z.number().int(),
  broughtForward: z.number().int(),
  /** Any change to the due date: moved, set, cleared or changed words. */
  dueChanged: z.number().int(),
  reOwned: z.number().int(),
  updated: z.number().int(),
  retitled: z.number().int(),
  movedTheme: z.number().int(),
  newlyOverdue: z.number().int(),
});

export const ChangeReport = z.object({
  old: z.object({ file: z.string(), title: z.string(), actions: z.number().int(), date: IsoDate.nullable() }),
  new: z.object({ file: z.string(), title: z.string(), actions: z.number().int(), date: IsoDate }),
  counts: ChangeCounts,
  matching: z.object({
    byRef: z.number().int(),
    byTitle: z.number().int(),
    pinned: z.number().int(),
  }),
  /** Matches made by title similarity or pinned by the match file: worth a look. */
  matches: z.array(
    z.object({
      oldRef: z.string(),
      ref: z.string(),
      oldTitle: z.string(),
      title: z.string(),
      theme: z.string().nullable(),
      matchedBy: MatchedBy,
      /** 0 to 1; 1 for the same words. */
      similarity: z.number(),
    }),
  ),
  themeRenames: z.array(z.object({ from: z.string(), to: z.string(), actions: z.number().int() })),
  themes: z.array(z.object({ title: z.string().nullable(), counts: ChangeCounts })),
  changes: z.array(Change),
});

/** One line of a match file: this old ref and this new ref are (same) or are not (different) one action. */
export const MatchRule = z.object({
  old: z.string(),
  new: z.string(),
  line: z.number().int().positive().optional(),
});
export const MatchRules = z.object({
  file: z.string(),
  same: z.array(MatchRule),
  different: z.array(MatchRule),
});

/** A message about the comparison, in the shape of a diagnostic (the CLI prints it as one). */
export const ChangeNotice = z.object({
  severity: z.enum(["error", "warning", "info"]),
  code: z.string(),
  message: z.string(),
  file: z.string(),
  line: z.number().int().positive().optional(),
});

export type ChangeNotice = z.infer<typeof ChangeNotice>;
export type ChangeKind = z.infer<typeof ChangeKind>;
export type MatchedBy = z.infer<typeof MatchedBy>;
export type ChangeDirection = z.infer<typeof ChangeDirection>;
export type ChangePlace = z.infer<typeof ChangePlace>;
export type Change = z.infer<typeof Change>;
export type ChangeCounts = z.infer<typeof ChangeCounts>;
export type ChangeReport = z.infer<typeof ChangeReport>;
export type MatchRule = z.infer<typeof MatchRule>;
export type MatchRules = z.infer<typeof MatchRules>;

/** The fields a change can name, for finding their cells. */
export type ChangeField = "ref" | "action" | "theme" | "status" | "rag" | "due" | "owner" | "update";

export interface CompareOptions {
  /** The names of the two trackers as the user gave them. */
  oldFile: string;
  newFile: string;
  /** The new tracker's date: overdue is counted as of it (--as-of, else today). */
  asOf: string;
  /** The old tracker's date (--old-as-of); when unknown, the new one's, so only a change in the tracker makes an action newly overdue. */
  oldAsOf?: string | null;
  rules?: MatchRules;
  /** The cell holding a field of the row at `source`, when the tracker has that column. */
  locate?: (side: "old" | "new", source: SourcePosition, field: ChangeField) => string | null;
}

// A title this alike, within the same theme, is taken for the same action.
const TITLE_MATCH = 0.6;
// Two actions sharing a ref are one action unless their titles share less than this and a title
// elsewhere fits better (refs renumbered).
const REF_TITLE_FLOOR = 0.4;
// Past this many comparisons in one theme only exact titles are matched, so no tracker takes long.
const MAX_COMPARISONS = 1_000_000;
// Fewer matches than this share of the smaller tracker: probably not the same plan.
const FEW_MATCHES = 0.5;

interface Pair {
  old: number;
  new: number;
  by: MatchedBy;
  similarity: number;
}

export function compareTrackers(oldPlan: Plan, newPlan: Plan, options: CompareOptions): { report: ChangeReport; diagnostics: ChangeNotice[] } {
  const diagnostics: ChangeNotice[] = [];
  const oldActions = oldPlan.actions;
  const newActions = newPlan.actions;
  const oldKeys = oldActions.map((a) => titleKey(a.title));
  const newKeys = newActions.map((a) => titleKey(a.title));
  const oldPairs: (Uint32Array | undefined)[] = [];
  const newPairs: (Uint32Array | undefined)[] = [];
  const similarity = (o: number, n: number): number => {
    if (oldKeys[o] === newKeys[n]) return oldKeys[o] === "" ? 0 : 1;
    oldPairs[o] ??= letterPairs(oldKeys[o]!);
    newPairs[n] ??= letterPairs(newKeys[n]!);
    return pairSimilarity(oldPairs[o], newPairs[n]);
  };

  const matchOfOld = new Map<number, Pair>();
  const matchOfNew = new Map<number, Pair>();
  const take = (pair: Pair) => {
    matchOfOld.set(pair.old, pair);
    matchOfNew.set(pair.new, pair);
  };
  const free = (o: number, n: number) => !matchOfOld.has(o) && !matchOfNew.has(n);

  // 1. The match file: pinned pairs first, broken pairs never.
  const oldByRef = refIndex(oldActions);
  const newByRef = refIndex(newActions);
  const broken = new Set<string>();
  if (options.rules) {
    const rules = options.rules;
    const resolve = (rule: MatchRule, what: "same" | "different"): [number, number] | null => {
      const o = oldByRef.get(refKey(rule.old));
      const n = newByRef.get(refKey(rule.new));
      const missing = o === undefined ? `"${rule.old}" is not a ref in ${options.oldFile}` : n === undefined ? `"${rule.new}" is not a ref in ${options.newFile}` : null;
      if (missing) {
        diagnostics.push(ruleProblem(rules.file, rule, "MATCH_REF_UNKNOWN", `${what}: ${missing}`));
        return null;
      }
      return [o!, n!];
    };
    for (const rule of rules.different) {
      const found = resolve(rule, "different");
      if (found) broken.add(`${found[0]}:${found[1]}`);
    }
    for (const rule of rules.same) {
      const found = resolve(rule, "same");
      if (!found) continue;
      const [o, n] = found;
      if (broken.has(`${o}:${n}`)) {
        diagnostics.push(ruleProblem(rules.file, rule, "MATCH_CONFLICT", `same: "${rule.old}" → "${rule.new}" is also listed under different`));
      } else if (!free(o, n)) {
        const again = matchOfOld.has(o) ? `"${rule.old}" (${options.oldFile})` : `"${rule.new}" (${options.newFile})`;
        diagnostics.push(ruleProblem(rules.file, rule, "MATCH_CONFLICT", `same: ${again} is already paired on an earlier line; each action can be paired once`));
      } else {
        take({ old: o, new: n, by: "pinned", similarity: similarity(o, n) });
      }
    }
  }
  const allowed = (o: number, n: number) => free(o, n) && (broken.size === 0 || !broken.has(`${o}:${n}`));

  // 2. The same ref, unless the titles differ and a title elsewhere fits exactly (renumbered).
  const oldByKey = keyIndex(oldKeys);
  const newByKey = keyIndex(newKeys);
  const sameRef: [number, number][] = [];
  oldActions.forEach((a, o) => {
    const n = newByRef.get(refKey(a.ref));
    if (n !== undefined && allowed(o, n)) sameRef.push([o, n]);
  });
  for (const [o, n] of sameRef) {
    const s = similarity(o, n);
    if (s === 1) take({ old: o, new: n, by: "ref", similarity: s });
  }
  for (const [o, n] of sameRef) {
    if (!allowed(o, n)) continue;
    const s = similarity(o, n);
    const betterElsewhere = (newByKey.get(oldKeys[o]!) ?? []).some((m) => m !== n && !matchOfNew.has(m)) || (oldByKey.get(newKeys[n]!) ?? []).some((m) => m !== o && !matchOfOld.has(m));
    if (s >= REF_TITLE_FLOOR && !betterElsewhere) take({ old: o, new: n, by: "ref", similarity: s });
  }

  // 3. By title. First the very same words (renumbered, not reworded), in the same theme if
  // one there fits; then titles alike within themes that correspond (same title, or renamed).
  const unmatchedOld = () => oldActions.map((_, o) => o).filter((o) => !matchOfOld.has(o));
  const exactThemes = correspondThemes(oldPlan, newPlan, [...matchOfOld.values()]);
  for (const o of unmatchedOld()) {
    if (oldKeys[o] === "") continue;
    const options = (newByKey.get(oldKeys[o]!) ?? []).filter((n) => allowed(o, n));
    const oldTheme = oldActions[o]!.theme;
    const inTheme = options.find((n) => oldTheme !== null && exactThemes.map.get(oldTheme) === newActions[n]!.theme);
    const n = inTheme ?? options[0];
    if (n !== undefined) take({ old: o, new: n, by: "title", similarity: 1 });
  }

  const themesSoFar = correspondThemes(oldPlan, newPlan, [...matchOfOld.values()]);
  const candidates: Pair[] = [];
  const unmatchedNewByTheme = new Map<string | null, number[]>();
  newActions.forEach((a, n) => {
    if (matchOfNew.has(n)) return;
    const list = unmatchedNewByTheme.get(a.theme) ?? [];
    list.push(n);
    unmatchedNewByTheme.set(a.theme, list);
  });
  const oldByTheme = new Map<string | null, number[]>();
  for (const o of unmatchedOld()) {
    const list = oldByTheme.get(oldActions[o]!.theme) ?? [];
    list.push(o);
    oldByTheme.set(oldActions[o]!.theme, list);
  }
  // Dice's coefficient is at most 2·min/(a+b) of the pair counts: lengths that far apart cannot match.
  const size = (key: string) => Math.max(1, key.length - 1);
  let capped = false;
  for (const [oldTheme, olds] of oldByTheme) {
    const targets = compatibleNewThemes(oldTheme, themesSoFar, newPlan, unmatchedNewByTheme);
    const news = targets.flatMap((t) => unmatchedNewByTheme.get(t) ?? []);
    if (olds.length * news.length > MAX_COMPARISONS) {
      capped = true;
      continue;
    }
    for (const o of olds) {
      if (oldKeys[o] === "") continue;
      const a = size(oldKeys[o]!);
      const best: Pair[] = [];
      for (const n of news) {
        const b = size(newKeys[n]!);
        if ((2 * Math.min(a, b)) / (a + b) < TITLE_MATCH - 0.1 || !allowed(o, n)) continue;
        const s = similarity(o, n);
        if (s >= TITLE_MATCH) keepBest(best, { old: o, new: n, by: "title", similarity: s });
      }
      candidates.push(...best);
    }
  }
  candidates.sort((a, b) => b.similarity - a.similarity || a.old - b.old || a.new - b.new);
  for (const c of candidates) if (allowed(c.old, c.new)) take(c);

  // 4. What is left of the same refs: one action whose title was rewritten — when the ref is in
  // the same theme, so two unrelated plans numbered 1.1, 1.2 … are not taken for one.
  const themesNow = correspondThemes(oldPlan, newPlan, [...matchOfOld.values()]);
  const themeless = oldPlan.themes.length === 0 || newPlan.themes.length === 0;
  const mostlyMatched = matchOfOld.size >= Math.min(oldActions.length, newActions.length) * FEW_MATCHES;
  for (const [o, n] of sameRef) {
    if (!allowed(o, n)) continue;
    const oldTheme = oldActions[o]!.theme;
    const sameTheme = oldTheme !== null && themesNow.map.get(oldTheme) === newActions[n]!.theme;
    if (sameTheme || (themeless && mostlyMatched)) take({ old: o, new: n, by: "ref", similarity: similarity(o, n) });
  }

  if (capped) {
    diagnostics.push({ severity: "info", code: "CHANGES_TITLE_MATCH_LIMITED", message: "a theme has too many unmatched actions to compare every title; only identical titles were matched there", file: options.newFile });
  }

  // 5. Themes, now that every match is known: renames are reported once, not as every action moving.
  const themes = correspondThemes(oldPlan, newPlan, [...matchOfOld.values()]);
  const matched = matchOfOld.size;
  const smaller = Math.min(oldActions.length, newActions.length);
  if (smaller >= 4 && matched < smaller * FEW_MATCHES) {
    const titles = oldPlan.title !== newPlan.title ? ` ("${oldPlan.title}" and "${newPlan.title}")` : "";
    diagnostics.push({
      severity: "warning",
      code: "CHANGES_FEW_MATCHES",
      message: `only ${matched} of the ${oldActions.length} actions in ${options.oldFile} match one in ${options.newFile}: are these two versions of the same plan${titles}? Everything else is reported as removed or new`,
      file: options.newFile,
    });
  }

  if (oldActions.length === 0 && newActions.length === 0 && (oldPlan.recommendations.length > 0 || newPlan.recommendations.length > 0)) {
    diagnostics.push({ severity: "warning", code: "CHANGES_NO_ACTIONS", message: "these trackers hold inspection recommendations, not actions; boardpack changes compares actions (boardpack s55 --list shows the responses still missing)", file: options.newFile });
  }

  const diff = new Differ(oldPlan, newPlan, themes, options);
  const perAction: Change[][] = [];
  newActions.forEach((a, n) => {
    const pair = matchOfNew.get(n);
    perAction.push(pair ? diff.matched(oldActions[pair.old]!, a, pair.by) : diff.added(a));
  });
  const removed = oldActions.map((a, o) => (matchOfOld.has(o) ? [] : diff.removed(a)));

  // Grouped by theme: the new tracker's themes in order, then themes only the old one had.
  const themeOrder = [...new Set([...newPlan.themes.map((t) => t.title), ...oldPlan.themes.map((t) => diff.themeTitleNow(t.id)), null])];
  const byTheme = new Map<string | null, { lists: Change[][]; unchanged: number }>(themeOrder.map((t) => [t, { lists: [], unchanged: 0 }]));
  const group = (title: string | null) => byTheme.get(title) ?? byTheme.set(title, { lists: [], unchanged: 0 }).get(title)!;
  perAction.forEach((list, n) => {
    if (list.length === 0) group(diff.themeTitle("new", newActions[n]!.theme)).unchanged++;
    else group(list[0]!.theme).lists.push(list);
  });
  for (const list of removed) if (list.length > 0) group(list[0]!.theme).lists.push(list);
  const groups = [...byTheme.entries()].filter(([, g]) => g.lists.length > 0);
  const changes = groups.flatMap(([, g]) => g.lists.flat());

  const counts = countChanges(changes);
  counts.unchanged = perAction.filter((l) => l.length === 0).length;

  const pairs = [...matchOfOld.values()];
  const report: ChangeReport = {
    old: { file: options.oldFile, title: oldPlan.title, actions: oldActions.length, date: options.oldAsOf ?? null },
    new: { file: options.newFile, title: newPlan.title, actions: newActions.length, date: options.asOf },
    counts,
    matching: {
      byRef: pairs.filter((p) => p.by === "ref").length,
      byTitle: pairs.filter((p) => p.by === "title").length,
      pinned: pairs.filter((p) => p.by === "pinned").length,
    },
    matches: pairs
      .filter((p) => p.by !== "ref")
      .sort((a, b) => a.new - b.new)
      .map((p) => {
        const o = oldActions[p.old]!;
        const a = newActions[p.new]!;
        return { oldRef: o.ref, ref: a.ref, oldTitle: o.title, title: a.title, theme: diff.themeTitle("new", a.theme), matchedBy: p.by, similarity: Math.round(p.similarity * 100) / 100 };
      }),
    themeRenames: themes.renames,
    themes: groups.map(([title, g]) => ({ title, counts: { ...countChanges(g.lists.flat()), unchanged: g.unchanged } })),
    changes,
  };
  return { report, diagnostics };
}

/** The few most alike for one old action, so a theme of look-alike titles cannot flood the list. */
function keepBest(best: Pair[], pair: Pair, keep = 4): void {
  if (best.length === keep && pair.similarity <= best[keep - 1]!.similarity) return;
  best.push(pair);
  best.sort((x, y) => y.similarity - x.similarity || x.new - y.new);
  if (best.length > keep) best.pop();
}

function ruleProblem(file: string, rule: MatchRule, code: string, message: string): ChangeNotice {
  return { severity: "error", code, message, file, ...(rule.line ? { line: rule.line } : {}) };
}

/** Refs compared as a user reads them: "1.3", " 1.3 " and "1.3." are one ref. */
export function refKey(ref: string): string {
  return ref.trim().toLowerCase().replace(/\s+/g, "").replace(/\.$/, "");
}

function refIndex(actions: readonly Action[]): Map<string, number> {
  const map = new Map<string, number>();
  actions.forEach((a, i) => {
    const key = refKey(a.ref);
    if (!map.has(key)) map.set(key, i);
  });
  return map;
}

function keyIndex(keys: readonly string[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k === "") return;
    const list = map.get(k) ?? [];
    list.push(i);
    map.set(k, list);
  });
  return map;
}

interface ThemeCorrespondence {
  /** Old theme id → the new theme id it is (same title, or renamed). */
  map: Map<string, string>;
  renames: { from: string; to: string; actions: number }[];
}

/**
 * Which old theme is which new one: the same title (ignoring case and punctuation), else a
 * rename — most of the old theme's matched actions are in one new theme whose title the old
 * tracker did not have.
 */
function correspondThemes(oldPlan: Plan, newPlan: Plan, pairs: readonly Pair[]): ThemeCorrespondence {
  const map = new Map<string, string>();
  const renames: ThemeCorrespondence["renames"] = [];
  const newByKey = new Map(newPlan.themes.map((t) => [titleKey(t.title), t.id]));
  const oldKeys = new Set(oldPlan.themes.map((t) => titleKey(t.title)));
  const mapped = new Set<string>();
  for (const t of oldPlan.themes) {
    const same = newByKey.get(titleKey(t.title));
    if (same !== undefined) {
      map.set(t.id, same);
      mapped.add(same);
    }
  }
  for (const t of oldPlan.themes) {
    if (map.has(t.id)) continue;
    const tally = new Map<string, number>();
    let matchedHere = 0;
    for (const p of pairs) {
      if (oldPlan.actions[p.old]!.theme !== t.id) continue;
      matchedHere++;
      const target = newPlan.actions[p.new]!.theme;
      if (target !== null) tally.set(target, (tally.get(target) ?? 0) + 1);
    }
    const best = [...tally.entries()].sort((a, b) => b[1] - a[1])[0];
    if (!best || best[1] * 2 < matchedHere || mapped.has(best[0])) continue;
    const target = newPlan.themes.find((n) => n.id === best[0]);
    if (!target || oldKeys.has(titleKey(target.title))) continue;
    map.set(t.id, target.id);
    mapped.add(target.id);
    renames.push({ from: t.title, to: target.title, actions: best[1] });
  }
  return { map, renames };
}

/** The new themes an old theme's actions may be title-matched within: its counterpart, or any when either side has no themes. */
function compatibleNewThemes(oldTheme: string | null, themes: ThemeCorrespondence, newPlan: Plan, unmatched: Map<string | null, number[]>): (string | null)[] {
  if (oldTheme === null || newPlan.themes.length === 0) return [...unmatched.keys()];
  const target = themes.map.get(oldTheme);
  return target === undefined ? [null] : [target, null];
}

/** Compares a matched pair field by field, in the words each tracker used. */
class Differ {
  private readonly oldThemes: Map<string, string>;
  private readonly newThemes: Map<string, string>;

  constructor(
    oldPlan: Plan,
    newPlan: Plan,
    private readonly themes: ThemeCorrespondence,
    private readonly options: CompareOptions,
  ) {
    this.oldThemes = new Map(oldPlan.themes.map((t) => [t.id, t.title]));
    this.newThemes = new Map(newPlan.themes.map((t) => [t.id, t.title]));
  }

  themeTitle(side: "old" | "new", id: string | null): string | null {
    if (id === null) return null;
    return (side === "old" ? this.oldThemes : this.newThemes).get(id) ?? id;
  }

  /** An old theme under its present title (renamed), or its own when the new tracker has no counterpart. */
  themeTitleNow(id: string | null): string | null {
    if (id === null) return null;
    const now = this.themes.map.get(id);
    return now !== undefined ? this.themeTitle("new", now) : this.themeTitle("old", id);
  }

  private place(side: "old" | "new", a: Action, field: ChangeField): ChangePlace {
    return { sheet: a.source.sheet, row: a.source.row, cell: this.options.locate?.(side, a.source, field) ?? null };
  }

  added(a: Action): Change[] {
    // Not also "newly overdue": the board has not seen it before, so it is simply new.
    return [{ ...this.base("new", null, a, null), after: statusWords(a), to: a.status, new: this.place("new", a, "action") }];
  }

  removed(o: Action): Change[] {
    return [{
      ...this.base("removed", o, o, null),
      ref: o.ref,
      theme: this.themeTitleNow(o.theme),
      before: statusWords(o),
      from: o.status,
      old: this.place("old", o, "action"),
    }];
  }

  matched(o: Action, a: Action, by: MatchedBy): Change[] {
    const out: Change[] = [];
    const field = (kind: ChangeKind, f: ChangeField, values: Partial<Change>): void => {
      out.push({ ...this.base(kind, o, a, by), old: this.place("old", o, f), new: this.place("new", a, f), ...values });
    };

    if (statusMoved(o, a)) {
      const direction = a.status === "complete" ? "completed" : o.status === "complete" ? "reopened" : "moved";
      field("status", "status", { before: statusWords(o), after: statusWords(a), from: o.status, to: a.status, direction });
    }
    if (ragMoved(o, a)) {
      const direction = o.rag === null || a.rag === null ? "changed" : RAG_RANK[a.rag] > RAG_RANK[o.rag] ? "worse" : "better";
      field("rag", "rag", { before: ragWords(o), after: ragWords(a), from: o.rag, to: a.rag, direction });
    }
    const due = dueMove(o, a);
    if (due) field("due", "due", { before: dueWords(o), after: dueWords(a), from: o.due, to: a.due, ...due });
    if (ownerKey(o.owner) !== ownerKey(a.owner)) {
      field("owner", "owner", { before: o.owner, after: a.owner, from: o.owner, to: a.owner, direction: "changed" });
    }
    if (textKey(o.title) !== textKey(a.title)) {
      field("title", "action", { before: o.title, after: a.title, from: o.title, to: a.title, direction: "changed" });
    }
    if (this.movedTheme(o, a)) {
      const before = this.themeTitle("old", o.theme);
      const after = this.themeTitle("new", a.theme);
      field("theme", "theme", { before, after, from: before, to: after, direction: "moved" });
    }
    if (textKey(o.update ?? "") !== textKey(a.update ?? "")) {
      field("update", "update", { before: o.update, after: a.update, from: o.update, to: a.update, direction: o.update === null ? "set" : a.update === null ? "cleared" : "changed" });
    }
    const oldAsOf = this.options.oldAsOf ?? this.options.asOf;
    if (isOverdue(a, this.options.asOf) && !isOverdue(o, oldAsOf)) out.push(this.overdue(this.base("overdue", o, a, by), a));
    return out;
  }

  /** In another theme than its old one (or its renamed one); not when either tracker has no themes at all. */
  private movedTheme(o: Action, a: Action): boolean {
    if (this.oldThemes.size === 0 || this.newThemes.size === 0) return false;
    if (o.theme === null || a.theme === null) return o.theme !== a.theme;
    return this.themes.map.get(o.theme) !== a.theme;
  }

  private overdue(base: Change, a: Action): Change {
    const days = daysBetween(a.due!, this.options.asOf);
    return { ...base, kind: "overdue", before: null, after: dueWords(a), from: null, to: a.due, direction: null, days, new: this.place("new", a, "due") };
  }

  private base(kind: ChangeKind, o: Action | null, a: Action, by: MatchedBy | null): Change {
    return {
      kind,
      ref: a.ref,
      oldRef: o?.ref ?? null,
      title: a.title,
      theme: this.themeTitle("new", a.theme),
      matchedBy: by,
      before: null,
      after: null,
      from: null,
      to: null,
      direction: null,
      days: null,
      old: null,
      new: null,
    };
  }
}

const RAG_RANK = { blue: 0, green: 1, amber: 2, red: 3 } as const;

/** Open and due before the date. */
export function isOverdue(a: Pick<Action, "due" | "status">, asOf: string): boolean {
  return a.due !== null && a.due < asOf && a.status !== "complete" && a.status !== "not-applicable";
}

function dueMove(o: Action, a: Action): Pick<Change, "direction" | "days"> | null {
  if (o.due !== null && a.due !== null) {
    if (o.due === a.due) return null;
    const days = daysBetween(o.due, a.due);
    return { direction: days > 0 ? "later" : "earlier", days };
  }
  if (o.due === null && a.due === null) return textKey(o.dueText ?? "") === textKey(a.dueText ?? "") ? null : { direction: "changed", days: null };
  return { direction: a.due !== null ? "set" : "cleared", days: null };
}

/** Whole days from one calendar date to another (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Text compared as a reader sees it: runs of spaces and line breaks are one space. */
function textKey(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Owners compared ignoring case and punctuation: "DI Smith" and "D.I. SMITH" are one person. */
function ownerKey(owner: string | null): string {
  return titleKey(owner ?? "").replace(/ /g, "");
}

/** The status as the tracker wrote it ("On track"), else its standard word. */
export function statusWords(a: Action): string | null {
  return a.statusAsWritten ?? (a.status === null ? null : STATUS_LABELS[a.status]);
}

/** The RAG rating as the tracker wrote it ("A/G"), else its standard word. */
export function ragWords(a: Action): string | null {
  return a.ragAsWritten ?? (a.rag === null ? null : RAG_LABELS[a.rag]);
}

/**
 * Moved when the meaning changed ("On track" → "Complete"), not when only the wording did
 * ("On track" → "In progress"); two words boardpack does not know are compared as written.
 */
function statusMoved(o: Action, a: Action): boolean {
  return o.status !== a.status || (o.status === null && textKey(o.statusAsWritten ?? "") !== textKey(a.statusAsWritten ?? ""));
}

function ragMoved(o: Action, a: Action): boolean {
  return o.rag !== a.rag || (o.rag === null && textKey(o.ragAsWritten ?? "") !== textKey(a.ragAsWritten ?? ""));
}

/** The due date as written ("Mar-17", "Ongoing"), else as a UK date. */
export function dueWords(a: Action): string | null {
  if (a.dueText !== null) return a.dueText;
  if (a.due === null) return null;
  const [y, m, d] = a.due.split("-");
  return `${d}/${m}/${y}`;
}

/** The counts of a list of changes; `unchanged` is left for the caller, who knows the actions. */
export function countChanges(changes: readonly Change[]): ChangeCounts {
  const is = (kind: ChangeKind, direction?: ChangeDirection) => changes.filter((c) => c.kind === kind && (direction === undefined || c.direction === direction)).length;
  const actionKey = (c: Change) => (c.kind === "removed" ? `old:${c.oldRef}` : `new:${c.ref}`);
  return {
    changed: new Set(changes.map(actionKey)).size,
    unchanged: 0,
    new: is("new"),
    removed: is("removed"),
    completed: is("status", "completed"),
    reopened: is("status", "reopened"),
    statusMoved: is("status"),
    reRated: is("rag"),
    deteriorated: is("rag", "worse"),
    improved: is("rag", "better"),
    slipped: is("due", "later"),
    broughtForward: is("due", "earlier"),
    dueChanged: is("due"),
    reOwned: is("owner"),
    updated: is("update"),
    retitled: is("title"),
    movedTheme: is("theme"),
    newlyOverdue: is("overdue"),
  };
}

/** What a change is, in a word or two, for the Changes sheet and papers: "Completed", "Slipped". */
export function changeLabel(c: Pick<Change, "kind" | "direction">): string {
  switch (c.kind) {
    case "new":
      return "New";
    case "removed":
      return "Removed";
    case "status":
      return c.direction === "completed" ? "Completed" : c.direction === "reopened" ? "Reopened" : "Status changed";
    case "rag":
      return c.direction === "worse" ? "RAG worse" : c.direction === "better" ? "RAG better" : "RAG changed";
    case "due":
      return c.direction === "later" ? "Slipped" : c.direction === "earlier" ? "Brought forward" : "Due date changed";
    case "owner":
      return "New owner";
    case "title":
      return "Action reworded";
    case "theme":
      return "Moved theme";
    case "update":
      return c.direction === "set" ? "Update added" : c.direction === "cleared" ? "Update removed" : "Update rewritten";
    case "overdue":
      return "Newly overdue";
  }
}

/** "91 days later", "31 days earlier", "14 days overdue"; empty when there is no measure. */
export function changeMeasure(c: Pick<Change, "kind" | "days">): string {
  if (c.days === null) return "";
  const n = Math.abs(c.days);
  const days = `${n} ${n === 1 ? "day" : "days"}`;
  if (c.kind === "overdue") return `${days} overdue`;
  return `${days} ${c.days > 0 ? "later" : "earlier"}`;
}

/** "3 new, 1 removed, 6 completed …": only what happened, in the order a board asks. */
export function countsSummary(c: ChangeCounts): string {
  const parts: string[] = [];
  if (c.new) parts.push(`${c.new} new`);
  if (c.removed) parts.push(`${c.removed} removed`);
  if (c.completed) parts.push(`${c.completed} completed`);
  if (c.reopened) parts.push(`${c.reopened} reopened`);
  const otherStatus = c.statusMoved - c.completed - c.reopened;
  if (otherStatus) parts.push(`${count(otherStatus, "other status move")}`);
  if (c.slipped) parts.push(`${c.slipped} slipped`);
  if (c.broughtForward) parts.push(`${c.broughtForward} brought forward`);
  const otherDue = c.dueChanged - c.slipped - c.broughtForward;
  if (otherDue) parts.push(`${count(otherDue, "other due date change")}`);
  if (c.reRated) {
    const how = [c.deteriorated ? `${c.deteriorated} worse` : "", c.improved ? `${c.improved} better` : ""].filter(Boolean).join(", ");
    parts.push(`${c.reRated} re-rated${how ? ` (${how})` : ""}`);
  }
  if (c.reOwned) parts.push(`${c.reOwned} re-owned`);
  if (c.retitled) parts.push(`${count(c.retitled, "action")} reworded`);
  if (c.movedTheme) parts.push(`${c.movedTheme} moved theme`);
  if (c.updated) parts.push(`${count(c.updated, "update")} rewritten`);
  if (c.newlyOverdue) parts.push(`${c.newlyOverdue} newly overdue`);
  return parts.join(", ");
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
