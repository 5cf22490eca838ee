// The data parts of a paper built straight from the plan as document-tree blocks: the action
// plan table, lists of actions, the RAG summary table, themes with their counts. They can run to
// thousands of rows, and tracker text is data, not Markdown: nothing here is written out as
// Markdown and parsed back (block-slots.ts carries the blocks past the Markdown step).
import type { Rag } from "../model/schema.js";
import { RAG_LABELS } from "../model/vocabulary.js";
import type { Block, ListBlock, ListKind, Run, TableBlock, TableCell } from "./doc.js";
import type { PaperAction, PaperTheme } from "./paper-context.js";
import { pluralWord, shortDate } from "./text-forms.js";

const text = (value: string): TableCell => ({ paragraphs: value === "" ? [[]] : [[{ text: value }]] });
const ragCell = (rag: Rag | null, label?: string): TableCell => (rag === null ? text(label ?? "") : { paragraphs: [[{ text: label ?? RAG_LABELS[rag] }]], rag });

/** A due date the one way tables print it: "30 Nov 2016", or the tracker's words ("Mar-17", "Ongoing"). */
export function tableDue(action: Pick<PaperAction, "due" | "dueText">): string {
  return action.dueText ?? (action.due ? shortDate(action.due) : "");
}

/** Ref, Action, Owner, Due, Status, RAG: one row per action. The Action column gets the room. */
export function actionPlanTable(actions: readonly PaperAction[]): TableBlock {
  return {
    type: "table",
    role: "data",
    header: ["Ref", "Action", "Owner", "Due", "Status", "RAG"].map(text),
    rows: actions.map((a) => [text(a.ref), text(a.title), text(a.owner ?? ""), text(tableDue(a)), text(a.statusLabel), ragCell(a.rag)]),
    widths: [7, 44, 17, 12, 11, 9],
  };
}

export interface RagRow {
  rag: Rag | null;
  label: string;
  number: number;
  share: string;
  isTotal: boolean;
}

/** The actions by RAG rating: the tracker's own ratings, counted as rated (not by status). */
export function ragCountRows(actions: readonly PaperAction[]): RagRow[] {
  const share = (n: number): string => `${actions.length === 0 ? 0 : Math.round((n / actions.length) * 100)}%`;
  const rows: RagRow[] = (["red", "amber", "green", "blue"] as const).map((rag) => {
    const number = actions.filter((a) => a.rag === rag).length;
    return { rag, label: RAG_LABELS[rag], number, share: share(number), isTotal: false };
  });
  const unrated = actions.filter((a) => a.rag === null).length;
  if (unrated > 0) rows.push({ rag: null, label: "Not rated", number: unrated, share: share(unrated), isTotal: false });
  rows.push({ rag: null, label: "Total", number: actions.length, share: actions.length === 0 ? "0%" : "100%", isTotal: true });
  return rows;
}

export function ragSummaryTable(rows: readonly RagRow[]): TableBlock {
  const right = (cell: TableCell): TableCell => ({ ...cell, align: "right" });
  return {
    type: "table",
    role: "data",
    header: [text("RAG rating"), right(text("Actions")), right(text("Share"))],
    rows: rows.map((r) => {
      if (!r.isTotal) return [ragCell(r.rag, r.label), right(text(String(r.number))), right(text(r.share))];
      const bold = (value: string): TableCell => ({ paragraphs: [[{ text: value, bold: true }]], align: "right" });
      return [{ paragraphs: [[{ text: r.label, bold: true }]] }, bold(String(r.number)), bold(r.share)];
    }),
  };
}

export interface ActionListOptions {
  kind: ListKind;
  /** Owner and due date after the title; "overdue" when due before `asOf` and still open. */
  detail: boolean;
  /** Its latest update, quoted and said to be the latest. */
  update: boolean;
  asOf: string;
}

/** One item per action: "Review the DA policy – J Smith, due 30 Nov 2016 (overdue)". */
/**
 * Trackers often copy one update onto several rows: it is quoted once, then referred to. `quoted`
 * (update → the action it was quoted for) is shared by every list of one paper.
 */
export function actionList(actions: readonly PaperAction[], options: ActionListOptions, quoted = new Map<string, string>()): ListBlock {
  return {
    type: "list",
    kind: options.kind,
    start: 1,
    items: actions.map((a) => ({ blocks: [{ type: "paragraph", role: "body", runs: actionRuns(a, options, quoted) }] })),
  };
}

function actionRuns(action: PaperAction, options: ActionListOptions, quoted: Map<string, string>): Run[] {
  let line = action.title;
  if (options.detail) {
    line = line.replace(/(?<=[A-Za-z]{2}|\d)\.$/, "");
    const facts: string[] = [];
    if (action.owner) facts.push(action.owner);
    const due = tableDue(action);
    if (due) facts.push(action.due === null ? due : `due ${due}`);
    if (facts.length > 0) line += ` – ${facts.join(", ")}`;
    if (isOverdue(action, options.asOf)) line += " (overdue)";
  }
  const runs: Run[] = [{ text: line }];
  const stop = /[.!?]$/.test(line) ? " " : ". ";
  const update = action.update?.replace(/\s+/g, " ").trim();
  if (options.update && update) {
    const first = quoted.get(update.toLowerCase());
    if (first === undefined) {
      quoted.set(update.toLowerCase(), action.title);
      runs.push({ text: `${stop}Latest update: “${update}”` });
    } else {
      runs.push({ text: `${stop}Latest update: as for “${first}” above` });
    }
  }
  return runs;
}

export function isOverdue(action: Pick<PaperAction, "due" | "isOpen">, asOf: string): boolean {
  return action.isOpen && action.due !== null && action.due < asOf;
}

/** "**Training** – 12 actions, 10 complete, 2 still open", one bullet per theme. */
export function themesWithCounts(themes: readonly PaperTheme[], noun: string): ListBlock {
  return {
    type: "list",
    kind: "bullet",
    start: 1,
    items: themes.map((t) => {
      const c = t.counts;
      const rest = ` – ${c.total} ${pluralWord(c.total, noun)}, ${c.complete} complete${c.open ? `, ${c.open} still open` : ""}`;
      const block: Block = { type: "paragraph", role: "body", runs: [{ text: t.title, bold: true }, { text: rest }] };
      return { blocks: [block] };
    }),
  };
}

/**
 * The main open areas for a summary: one line per theme with open actions, most open first, at
 * most `max` lines; the rest are one closing line ("and 2 more areas with 3 open tasks").
 */
export function openAreasList(themes: readonly PaperTheme[], options: { noun: string; area: string; max: number; kind: ListKind }): ListBlock | null {
  const open = themes.filter((t) => t.counts.open > 0).sort((a, b) => b.counts.open - a.counts.open || a.position - b.position);
  if (open.length === 0) return null;
  const shown = open.length > options.max ? open.slice(0, options.max - 1) : open;
  const line = (t: PaperTheme): Run[] => {
    const overdue = t.overdueItems.length;
    const detail = `${t.counts.open} ${pluralWord(t.counts.open, options.noun)} still open${overdue ? `, ${overdue} of them overdue` : ""}`;
    return [{ text: t.title, bold: true }, { text: ` – ${detail}` }];
  };
  const items = shown.map((t) => ({ blocks: [{ type: "paragraph", role: "body", runs: line(t) } as Block] }));
  const rest = open.slice(shown.length);
  if (rest.length > 0) {
    const n = rest.reduce((sum, t) => sum + t.counts.open, 0);
    const text = `and ${rest.length} more ${pluralWord(rest.length, options.area)} with ${n} ${pluralWord(n, options.noun)} still open`;
    items.push({ blocks: [{ type: "paragraph", role: "body", runs: [{ text }] }] });
  }
  return { type: "list", kind: options.kind, start: 1, items };
}
