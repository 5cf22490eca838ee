// What templates see: { plan, paper, today }. `plan` is the Plan as plan.json has it; `paper`
// is the spec's front matter with every field present (null when not given, so a misspelt
// field is an error rather than a blank) plus values worked out from the plan: themes with
// their actions and counts, the open actions, the counts a paper quotes.
import type { Action, Plan } from "../model/schema.js";
import { normaliseWord, RAG_LABELS, STATUS_LABELS } from "../model/vocabulary.js";
import type { HouseStyle } from "./house-style.js";
import type { PaperSpec, ThemeNote } from "./spec.js";
import { planInspectorate } from "./s55/inspectorate.js";
import { formatDate } from "./text-forms.js";
import { cleanTitle } from "./title.js";

export interface Counts {
  total: number;
  complete: number;
  inProgress: number;
  notStarted: number;
  notApplicable: number;
  /** Neither complete nor not applicable: what is still to do. */
  open: number;
  red: number;
  amber: number;
  green: number;
  blue: number;
  /** Actions with no RAG rating. */
  unrated: number;
}

/** An action as templates see it: the plan's fields plus labels ready to print. */
export interface PaperAction extends Action {
  themeTitle: string | null;
  /** The due date in the style's form, or the tracker's own words ("Mar-17", "Ongoing"). */
  dueLabel: string;
  statusLabel: string;
  ragLabel: string;
  isOpen: boolean;
}

export interface PaperTheme {
  id: string;
  title: string;
  /** 1-based place in the tracker, for "I", "i)", "1." labels. */
  position: number;
  /**
   * Who leads it: the spec's (`themes: { Title: { lead: … } }` or `leads:`), else the tracker's
   * lead column when it names one lead for the theme, else its most frequent owner; null when
   * no action has an owner.
   */
  lead: string | null;
  /** The spec's narrative for this theme (Markdown: print it with {{{narrative}}}), or null. */
  narrative: string | null;
  /** Everyone named as an owner of its actions, in tracker order. */
  owners: string[];
  actions: PaperAction[];
  /** Its actions that are still open. */
  openItems: PaperAction[];
  /** Its actions that are complete. */
  completedItems: PaperAction[];
  /** Its open actions whose due date is before the paper's as-at date. */
  overdueItems: PaperAction[];
  /** The latest update of each of its actions that has one, in tracker order. */
  latestUpdates: string[];
  counts: Counts;
  /** True for the group of actions that have no theme in the tracker. */
  unthemed: boolean;
}

export interface PaperCommittee {
  name: string;
  /** YYYY-MM-DD; the paper's date when the spec gives none. */
  date: string;
}

export interface PaperContact {
  name: string;
  role: string | null;
  unit: string | null;
  force: string | null;
  phone: string | null;
  email: string | null;
}

export interface Paper {
  style: string;
  tracker: string | null;
  /** The tracker's file name, for "Source Document" when the spec names none. */
  trackerFile: string;
  /**
   * The document the paper draws on, for "Source Document": the tracker's own title, else the
   * title of its one inspection report; null when nothing names it (never our file name).
   */
  sourceName: string | null;
  title: string;
  /** YYYY-MM-DD: the spec's date, else the --as-of date. */
  date: string;
  to: string | null;
  from: string | null;
  committees: PaperCommittee[];
  subject: string | null;
  agendaItem: string | null;
  reportOf: string | null;
  reference: string | null;
  reportAuthor: string | null;
  access: string | null;
  purpose: string | null;
  /** The marking in force: --marking, else the spec's, else the style's default; null for none. */
  marking: string | null;
  classification: string | null;
  strapline: string | null;
  /** The organisation the style names at the top ("Cambridgeshire Police & Crime Commissioner"), or null. */
  organisation: string | null;
  contacts: PaperContact[];
  sourceDocument: string | null;
  referenceDocument: string | null;
  /** Who published the tracker's inspection reports, short: "HMICFRS", "HMICFRS and HMI Probation". */
  inspectorate: string;
  keywords: string[];
  themes: PaperTheme[];
  actions: PaperAction[];
  openActions: PaperAction[];
  counts: Counts & { themes: number };
}

export interface PaperContext {
  plan: Plan;
  paper: Paper;
  /** The --as-of date, YYYY-MM-DD. */
  today: string;
}

export interface ContextInput {
  plan: Plan;
  spec: PaperSpec;
  style: HouseStyle;
  asOf: string;
  marking?: string | null;
  /** A draft: "DRAFT" joins the marking ("DRAFT – OFFICIAL"). */
  draft?: boolean;
  sourceFile?: string;
}

export function isOpen(action: Pick<Action, "status">): boolean {
  return action.status !== "complete" && action.status !== "not-applicable";
}

export function countActions(actions: readonly Action[]): Counts {
  const counts: Counts = { total: actions.length, complete: 0, inProgress: 0, notStarted: 0, notApplicable: 0, open: 0, red: 0, amber: 0, green: 0, blue: 0, unrated: 0 };
  for (const a of actions) {
    if (a.status === "complete") counts.complete++;
    else if (a.status === "in-progress") counts.inProgress++;
    else if (a.status === "not-started") counts.notStarted++;
    else if (a.status === "not-applicable") counts.notApplicable++;
    if (isOpen(a)) counts.open++;
    if (a.rag === null) counts.unrated++;
    else counts[a.rag]++;
  }
  return counts;
}

/**
 * Which plan theme a spec's `themes:` key means: its title or id, ignoring case and
 * punctuation ("understanding identifying risk" finds "Understanding & Identifying Risk").
 */
export function findTheme(plan: Plan, key: string): Plan["themes"][number] | undefined {
  const wanted = normaliseWord(key);
  return plan.themes.find((t) => t.id === key) ?? plan.themes.find((t) => normaliseWord(t.title) === wanted || normaliseWord(t.id) === wanted);
}

export function buildPaperContext(input: ContextInput): PaperContext {
  const { plan, spec, style, asOf } = input;
  const themeTitles = new Map(plan.themes.map((t) => [t.id, t.title]));
  const actions = plan.actions.map((a) => paperAction(a, themeTitles, style));
  const notes = themeNotes(plan, spec.themes ?? {}, spec.leads ?? {});
  const themes = plan.themes.map((t, i) => paperTheme(t.id, t.title, i + 1, actions.filter((a) => a.theme === t.id), notes.get(t.id), false, asOf));
  const unthemed = actions.filter((a) => a.theme === null || !themeTitles.has(a.theme));
  if (unthemed.length > 0) themes.push(paperTheme("no-theme", "Other actions", themes.length + 1, unthemed, undefined, true, asOf));

  const date = spec.date ?? asOf;
  const title = cleanTitle(titleOf(plan));
  const paper: Paper = {
    style: style.name,
    tracker: spec.tracker ?? null,
    trackerFile: input.sourceFile ?? plan.source.file,
    sourceName: hasOwnTitle(plan) ? title.text : plan.reports.length === 1 ? plan.reports[0]!.title : null,
    title: spec.title ?? title.text,
    date,
    to: spec.to ?? null,
    from: spec.from ?? null,
    committees: (spec.committees ?? []).map((c) => ({ name: c.name, date: c.date ?? date })),
    subject: spec.subject ?? (spec.title === undefined ? null : cleanTitle(spec.title).text),
    agendaItem: spec.agendaItem ?? null,
    reportOf: spec.reportOf ?? null,
    reference: spec.reference ?? null,
    reportAuthor: spec.reportAuthor ?? null,
    access: spec.access ?? null,
    purpose: spec.purpose ?? null,
    // A marking in the tracker's title ("… – OFFICIAL") is the paper's when nobody gives one.
    marking: draftMarking(input.marking ?? spec.marking ?? spec.classification ?? title.marking ?? style.marking.default ?? null, input.draft ?? false),
    classification: spec.classification ?? null,
    strapline: spec.strapline ?? style.strapline ?? null,
    organisation: spec.organisation ?? style.organisation ?? null,
    contacts: (spec.contacts ?? []).map((c) => ({
      name: c.name,
      role: c.role ?? null,
      unit: c.unit ?? null,
      force: c.force ?? null,
      phone: c.phone ?? null,
      email: c.email ?? null,
    })),
    sourceDocument: spec.sourceDocument ?? null,
    referenceDocument: spec.referenceDocument ?? null,
    inspectorate: planInspectorate(plan, spec),
    keywords: spec.keywords ?? [],
    themes,
    actions,
    openActions: actions.filter((a) => a.isOpen),
    // The themes the paper shows, including "Other actions" when some actions have no theme,
    // so "N key areas" always matches the areas it names.
    counts: { ...countActions(plan.actions), themes: themes.length },
  };
  return { plan, paper, today: asOf };
}

/** A draft says so wherever the marking is printed: "DRAFT – OFFICIAL", or "DRAFT" alone. */
export function draftMarking(marking: string | null, draft: boolean): string | null {
  if (!draft) return marking;
  if (marking === null || /^draft$/i.test(marking.trim())) return "DRAFT";
  return /^draft\b/i.test(marking.trim()) ? marking : `DRAFT – ${marking}`;
}

/**
 * The tracker's title, unless it is only the file's name (a CSV has no title rows), which would
 * make a poor title for a paper.
 */
function titleOf(plan: Plan): string {
  return hasOwnTitle(plan) ? plan.title : "Action plan update";
}

function hasOwnTitle(plan: Plan): boolean {
  const stem = plan.source.file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  return plan.title.trim() !== "" && plan.title !== stem;
}

function paperAction(action: Action, themeTitles: Map<string, string>, style: HouseStyle): PaperAction {
  return {
    ...action,
    themeTitle: action.theme === null ? null : (themeTitles.get(action.theme) ?? null),
    dueLabel: action.dueText ?? (action.due ? formatDate(action.due, style.dateForm) : ""),
    statusLabel: action.status ? STATUS_LABELS[action.status] : "",
    ragLabel: action.rag ? RAG_LABELS[action.rag] : "",
    isOpen: isOpen(action),
  };
}

function paperTheme(id: string, title: string, position: number, actions: PaperAction[], note: { narrative: string | null; lead: string | null } | undefined, unthemed: boolean, asOf: string): PaperTheme {
  const owners = [...new Set(actions.map((a) => a.owner).filter((o): o is string => o !== null))];
  return {
    id,
    title,
    position,
    lead: note?.lead ?? leadColumn(actions) ?? mostFrequentOwner(actions),
    narrative: note?.narrative ?? null,
    owners,
    actions,
    openItems: actions.filter((a) => a.isOpen),
    completedItems: actions.filter((a) => a.status === "complete"),
    overdueItems: actions.filter((a) => a.isOpen && a.due !== null && a.due < asOf),
    latestUpdates: actions.map((a) => a.update).filter((u): u is string => u !== null && u.trim() !== ""),
    counts: countActions(actions),
    unthemed,
  };
}

/** A column the tracker keeps for a theme's lead ("Workstream lead"), when it names one lead for the theme. */
const LEAD_COLUMN = /^(?:(?:work\s*stream|theme|area|strand)\s+)?lead$/i;

function leadColumn(actions: readonly PaperAction[]): string | null {
  const named = new Set<string>();
  for (const a of actions) {
    for (const [column, value] of Object.entries(a.extra)) if (LEAD_COLUMN.test(column.trim()) && value.trim() !== "") named.add(value.trim());
  }
  return named.size === 1 ? [...named][0]! : null;
}

/** The owner named on most of the theme's actions (the first of them in tracker order on a tie). */
function mostFrequentOwner(actions: readonly PaperAction[]): string | null {
  const tally = new Map<string, number>();
  for (const a of actions) if (a.owner !== null && a.owner.trim() !== "") tally.set(a.owner.trim(), (tally.get(a.owner.trim()) ?? 0) + 1);
  let best: string | null = null;
  for (const [owner, n] of tally) if (best === null || n > tally.get(best)!) best = owner;
  return best;
}

/** The spec's notes by theme id; keys that match no theme are reported by the caller (unmatchedThemeKeys). */
function themeNotes(plan: Plan, notes: Record<string, ThemeNote>, leads: Record<string, string>): Map<string, { narrative: string | null; lead: string | null }> {
  const out = new Map<string, { narrative: string | null; lead: string | null }>();
  for (const [key, lead] of Object.entries(leads)) {
    const theme = findTheme(plan, key);
    if (theme) out.set(theme.id, { narrative: null, lead });
  }
  for (const [key, note] of Object.entries(notes)) {
    const theme = findTheme(plan, key);
    if (!theme) continue;
    const lead = out.get(theme.id)?.lead ?? null;
    out.set(theme.id, typeof note === "string" ? { narrative: note, lead } : { narrative: note.narrative ?? null, lead: note.lead ?? lead });
  }
  return out;
}

/** The spec's `themes:` keys that name no theme of the tracker. */
export function unmatchedThemeKeys(plan: Plan, notes: Record<string, unknown> | undefined): string[] {
  return Object.keys(notes ?? {}).filter((key) => findTheme(plan, key) === undefined);
}
