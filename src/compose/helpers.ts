// The Handlebars helpers a paper spec can use. Each is declared with the arguments and named
// options it takes, so a mistake in a template ("{{count "compleet"}}", "{{percent 3}}") is
// one clear message at the template's line rather than a blank in the paper.
import Handlebars from "handlebars";
import type { Rag, Status } from "../model/schema.js";
import { RAG_LABELS, ragFromText, STATUS_LABELS, statusFromText } from "../model/vocabulary.js";
import type { ListKind } from "./doc.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { isAllowedLinkAddress } from "./link-address.js";
import type { DateForm, HouseStyle } from "./house-style.js";
import { findTheme, type PaperAction, type PaperContext, type PaperTheme } from "./paper-context.js";
import { actionList, actionPlanTable, isOverdue, openAreasList, ragCountRows, ragSummaryTable, themesWithCounts } from "./plan-blocks.js";
import { ragCellMarkdown } from "./rag-cell.js";
import { createBlockSlots, type BlockSlots } from "./block-slots.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { capitalise, formatDate, joinList, listMarker, numberInWords, pluralWord, romanNumeral } from "./text-forms.js";

/** A mistake in how a template uses a helper; the environment adds the template's file and line. */
export class TemplateProblem extends Error {
  constructor(
    message: string,
    readonly code = "TEMPLATE_HELPER_ARGUMENT",
  ) {
    super(message);
    this.name = "TemplateProblem";
  }
}

export interface Helper {
  /** How it is written, for messages: `{{percent part whole}}`. */
  usage: string;
  /** How many positional arguments it takes. */
  args: [min: number, max: number];
  /** The named options (`theme="…"`) it accepts. */
  hash?: string[];
  run(args: unknown[], hash: Record<string, unknown>): unknown;
}

/** Markdown a helper writes itself (not user data): left unescaped. */
function markdown(text: string): Handlebars.SafeString {
  return new Handlebars.SafeString(text);
}

const STATUS_WORDS = ["complete", "in-progress", "not-started", "not-applicable", "open"] as const;
type StatusWord = (typeof STATUS_WORDS)[number];
/** Which of a Counts' numbers counts the actions with each status word. */
const COUNT_OF_STATUS: Record<StatusWord, "complete" | "inProgress" | "notStarted" | "notApplicable" | "open"> = {
  complete: "complete",
  "in-progress": "inProgress",
  "not-started": "notStarted",
  "not-applicable": "notApplicable",
  open: "open",
};
const RAG_WORDS = ["red", "amber", "green", "blue", "none"] as const;
const LIST_KINDS = ["decimal", "roman-paren", "alpha-paren", "upper-alpha-paren"] as const;

export function createHelpers(
  context: PaperContext,
  style: HouseStyle,
  slots: BlockSlots = createBlockSlots(),
  /** Told once per placeholder a paper prints ("Report author", "reportAuthor"). */
  onPlaceholder: (label: string, field: string) => void = () => {},
): Record<string, Helper> {
  const { paper } = context;
  const placeholders = new Set<string>();
  // Updates quoted so far in this paper, so that none is quoted twice.
  const quotedUpdates = new Map<string, string>();

  const theme = (value: unknown, helper: string): PaperTheme => {
    if (typeof value === "object" && value !== null && "id" in value) {
      const found = paper.themes.find((t) => t.id === (value as { id: unknown }).id);
      if (found) return found;
    }
    if (typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value))) {
      const found = paper.themes[Number(value) - 1];
      if (found) return found;
      throw new TemplateProblem(`${helper}: there is no theme number ${value}; the tracker has ${paper.themes.length}`);
    }
    const key = String(value ?? "");
    const planTheme = findTheme(context.plan, key);
    const found = planTheme ? paper.themes.find((t) => t.id === planTheme.id) : paper.themes.find((t) => t.unthemed && t.title === key);
    if (found) return found;
    const titles = paper.themes.map((t) => t.title);
    throw new TemplateProblem(`${helper}: "${key}" is not a theme of the tracker${didYouMean(key, titles) || `; the themes are ${titles.map((t) => `"${t}"`).join(", ")}`}`);
  };

  const inScope = (hash: Record<string, unknown>, helper: string): PaperAction[] =>
    hash.theme === undefined ? paper.actions : theme(hash.theme, helper).actions;

  const statusWord = (value: unknown, helper: string): StatusWord => {
    const text = String(value);
    if ((STATUS_WORDS as readonly string[]).includes(text)) return text as StatusWord;
    const read = text === "" ? undefined : statusFromText(text);
    if (read) return read;
    throw new TemplateProblem(`${helper}: "${text}" is not a status${didYouMean(text, STATUS_WORDS) || ""}; use ${joinList(STATUS_WORDS.map((s) => `"${s}"`), "or")}`);
  };

  const ragWord = (value: unknown, helper: string): Rag | "none" => {
    const text = String(value);
    if ((RAG_WORDS as readonly string[]).includes(text)) return text as Rag | "none";
    const read = ragFromText(text);
    if (read && !read.split) return read.rag;
    throw new TemplateProblem(`${helper}: "${text}" is not a RAG rating${didYouMean(text, RAG_WORDS) || ""}; use ${joinList(RAG_WORDS.map((s) => `"${s}"`), "or")}`);
  };

  const matchesStatus = (a: PaperAction, word: StatusWord): boolean => (word === "open" ? a.isOpen : a.status === (word as Status));
  const matchesRag = (a: PaperAction, word: Rag | "none"): boolean => (word === "none" ? a.rag === null : a.rag === word);

  const filterActions = (hash: Record<string, unknown>, helper: string, positionalStatus?: unknown): PaperAction[] => {
    let list = inScope(hash, helper);
    const status = positionalStatus ?? hash.status;
    if (status !== undefined) {
      const word = statusWord(status, helper);
      list = list.filter((a) => matchesStatus(a, word));
    }
    if (hash.rag !== undefined) {
      const word = ragWord(hash.rag, helper);
      list = list.filter((a) => matchesRag(a, word));
    }
    return list;
  };

  const num = (value: unknown, helper: string, what = "a number"): number => {
    const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    if (!Number.isFinite(n)) throw new TemplateProblem(`${helper}: expected ${what}, got ${describe(value)}`);
    return n;
  };
  const whole = (value: unknown, helper: string): number => {
    const n = num(value, helper, "a whole number");
    if (!Number.isInteger(n)) throw new TemplateProblem(`${helper}: expected a whole number, got ${n}`);
    return n;
  };
  const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value));

  const dateForm = (hash: Record<string, unknown>, helper: string): DateForm => {
    if (hash.form === undefined) return style.dateForm;
    if (hash.form === "day-month-year" || hash.form === "ordinal") return hash.form;
    throw new TemplateProblem(`${helper}: form="${String(hash.form)}" is not a date form; use "day-month-year" or "ordinal"`);
  };

  return {
    count: {
      usage: `{{count "complete"}} or {{count status="in-progress" theme="Training"}}`,
      args: [0, 1],
      hash: ["status", "theme", "rag"],
      run: ([status], hash) => {
        // The counts by status are already worked out (paper-context.ts): no list to filter.
        if (hash.rag === undefined) {
          const word = status ?? hash.status;
          const counts = hash.theme === undefined ? paper.counts : theme(hash.theme, "count").counts;
          return word === undefined ? counts.total : counts[COUNT_OF_STATUS[statusWord(word, "count")]];
        }
        return filterActions(hash, "count", status).length;
      },
    },
    countRag: {
      usage: `{{countRag "amber"}} or {{countRag "red" theme="Training"}}`,
      args: [1, 1],
      hash: ["theme"],
      run: ([rag], hash) => {
        const word = ragWord(rag, "countRag");
        return inScope(hash, "countRag").filter((a) => matchesRag(a, word)).length;
      },
    },
    total: {
      usage: `{{total}} or {{total theme="Training"}}`,
      args: [0, 0],
      hash: ["theme"],
      run: (_, hash) => inScope(hash, "total").length,
    },
    themesCount: {
      usage: "{{themesCount}}",
      args: [0, 0],
      run: () => paper.counts.themes,
    },
    percent: {
      usage: `{{percent part whole}}, e.g. {{percent (count "complete") (total)}}`,
      args: [2, 2],
      hash: ["decimals"],
      run: ([part, all], hash) => {
        const a = num(part, "percent");
        const b = num(all, "percent");
        const decimals = hash.decimals === undefined ? 0 : whole(hash.decimals, "percent");
        return `${b === 0 ? 0 : ((a / b) * 100).toFixed(decimals).replace(/^-0$/, "0")}%`;
      },
    },
    ukDate: {
      usage: `{{ukDate paper.date}} or {{ukDate due form="ordinal"}}`,
      args: [1, 1],
      hash: ["form"],
      run: ([value], hash) => {
        if (value === null || value === undefined || value === "") return "";
        try {
          return formatDate(String(value), dateForm(hash, "ukDate"));
        } catch (error) {
          if (error instanceof TemplateProblem) throw error;
          throw new TemplateProblem(`ukDate: ${describe(value)} is not a date as YYYY-MM-DD`);
        }
      },
    },
    words: {
      usage: "{{words 15}} → fifteen",
      args: [1, 1],
      hash: ["capital"],
      run: ([n], hash) => {
        const said = numberInWords(whole(n, "words"));
        return hash.capital === true || hash.capital === "true" ? capitalise(said) : said;
      },
    },
    plural: {
      usage: `{{plural n "task"}} → task or tasks; {{plural n "has" "have"}} for other forms`,
      args: [2, 3],
      run: ([n, singular, many]) => pluralWord(num(n, "plural"), text(singular), many === undefined ? undefined : text(many)),
    },
    roman: {
      usage: `{{roman 4}} → iv; {{roman 4 case="upper"}} → IV`,
      args: [1, 1],
      hash: ["case"],
      run: ([n], hash) => {
        if (hash.case !== undefined && hash.case !== "upper" && hash.case !== "lower") {
          throw new TemplateProblem(`roman: case="${String(hash.case)}" is not a case; use "upper" or "lower"`);
        }
        const value = whole(n, "roman");
        if (value < 1 || value > 3999) throw new TemplateProblem(`roman: ${value} cannot be written as a roman numeral (1 to 3999 only)`);
        return romanNumeral(value, hash.case === "upper" ? "upper" : "lower");
      },
    },
    listMarker: {
      usage: `{{listMarker 2}} → ii) in the style's list numbering; {{listMarker 1 kind="upper-alpha-paren"}} → A)`,
      args: [1, 1],
      hash: ["kind"],
      run: ([n], hash) => {
        const kind = (hash.kind ?? style.listKind) as Exclude<ListKind, "bullet">;
        if (!(LIST_KINDS as readonly string[]).includes(kind)) {
          throw new TemplateProblem(`listMarker: kind="${String(hash.kind)}" is not a list kind; use ${joinList(LIST_KINDS.map((k) => `"${k}"`), "or")}`);
        }
        const value = whole(n, "listMarker");
        if (value < 1) throw new TemplateProblem(`listMarker: list items count from 1, not ${value}`);
        return markdown(listMarker(value, kind));
      },
    },
    join: {
      usage: `{{join list}} → "a, b and c"; {{join paper.themes "title"}} for a field of each; separator="; " max=5 → "a; b; c; d; e and 3 more"`,
      args: [1, 2],
      hash: ["conjunction", "separator", "max"],
      run: ([list, field], hash) => {
        if (!Array.isArray(list)) throw new TemplateProblem(`join: expected a list, got ${describe(list)}`);
        const items = list.map((item) => (field === undefined ? item : (item as Record<string, unknown> | null)?.[String(field)]));
        if (field !== undefined && list.length > 0 && items.every((i) => i === undefined)) {
          throw new TemplateProblem(`join: the items have no field "${String(field)}"`);
        }
        // A sentence's full stop does not belong inside a list: "a; b. and c." reads "a; b and c".
        let words = items.map(text).filter((s) => s !== "").map((s) => s.replace(/(?<=[A-Za-z]{2}|\d)\.$/, ""));
        const max = hash.max === undefined ? Infinity : whole(hash.max, "join");
        if (max < 1) throw new TemplateProblem(`join: max=${max} should be 1 or more`);
        if (words.length > max) words = [...words.slice(0, max), `${words.length - max} more`];
        return joinList(words, hash.conjunction === undefined ? "and" : text(hash.conjunction), hash.separator === undefined ? ", " : text(hash.separator));
      },
    },
    needed: {
      usage: `{{needed paper.reportAuthor "Report author" field="reportAuthor"}} → the value, or "[Report author]" and a warning when it is not given`,
      args: [2, 2],
      hash: ["field", "lines"],
      run: ([value, label], hash) => {
        // lines=true keeps the value's own line breaks ("Cambridgeshire / Police & Crime / Commissioner").
        if (truthy(value)) return truthy(hash.lines) && typeof value === "string" ? markdown(value.trim().split(/\s*\n\s*/).map(escapeMarkdown).join("\\\n")) : value;
        const name = text(label);
        if (name === "") throw new TemplateProblem(`needed: give the words to print in place of the missing value, such as "Report author"`);
        if (!placeholders.has(name)) {
          placeholders.add(name);
          onPlaceholder(name, hash.field === undefined ? name : text(hash.field));
        }
        return markdown(`\\[${escapeMarkdown(name)}\\]`);
      },
    },
    upper: { usage: "{{upper paper.title}}", args: [1, 1], run: ([v]) => text(v).toLocaleUpperCase("en-GB") },
    lower: { usage: "{{lower paper.title}}", args: [1, 1], run: ([v]) => text(v).toLocaleLowerCase("en-GB") },
    capitalise: { usage: "{{capitalise (words 6)}} → Six", args: [1, 1], run: ([v]) => capitalise(text(v)) },
    eq: { usage: "{{#if (eq a b)}}", args: [2, 2], run: ([a, b]) => a === b || (a != null && b != null && String(a) === String(b)) },
    ne: { usage: "{{#if (ne a b)}}", args: [2, 2], run: ([a, b]) => !(a === b || (a != null && b != null && String(a) === String(b))) },
    gt: { usage: "{{#if (gt a b)}}", args: [2, 2], run: ([a, b]) => num(a, "gt") > num(b, "gt") },
    gte: { usage: "{{#if (gte a b)}}", args: [2, 2], run: ([a, b]) => num(a, "gte") >= num(b, "gte") },
    lt: { usage: "{{#if (lt a b)}}", args: [2, 2], run: ([a, b]) => num(a, "lt") < num(b, "lt") },
    lte: { usage: "{{#if (lte a b)}}", args: [2, 2], run: ([a, b]) => num(a, "lte") <= num(b, "lte") },
    and: { usage: "{{#if (and a b)}}", args: [2, 9], run: (args) => args.every(truthy) },
    or: { usage: "{{or paper.subject paper.title}} (the first that is not blank)", args: [2, 9], run: (args) => args.find(truthy) ?? args[args.length - 1] },
    not: { usage: "{{#if (not a)}}", args: [1, 1], run: ([a]) => !truthy(a) },
    inc: { usage: "{{inc @index}} → 1 for the first item", args: [1, 1], run: ([n]) => whole(n, "inc") + 1 },
    actionsWhere: {
      usage: `{{#each (actionsWhere status="open" theme="Training")}} (status, rag and theme are all optional)`,
      args: [0, 0],
      hash: ["status", "rag", "theme"],
      run: (_, hash) => filterActions(hash, "actionsWhere"),
    },
    openActions: {
      usage: `{{#each (openActions)}} or {{#each (openActions theme="Training")}}`,
      args: [0, 0],
      hash: ["theme"],
      run: (_, hash) => inScope(hash, "openActions").filter((a) => a.isOpen),
    },
    actionsInTheme: {
      usage: `{{#each (actionsInTheme "Training")}}`,
      args: [1, 1],
      run: ([t]) => theme(t, "actionsInTheme").actions,
    },
    ragCounts: {
      usage: `{{#each (ragCounts)}} … {{label}} {{number}} {{share}} … {{/each}} (a row per rating, then the total)`,
      args: [0, 0],
      hash: ["theme"],
      run: (_, hash) => ragCountRows(inScope(hash, "ragCounts")),
    },
    actionTable: {
      usage: `{{actionTable}} or {{actionTable theme="Training" status="open"}}: the action plan table (Ref, Action, Owner, Due, Status, RAG), on lines of its own`,
      args: [0, 0],
      hash: ["status", "rag", "theme"],
      run: (_, hash) => slots.place([actionPlanTable(filterActions(hash, "actionTable"))]),
    },
    ragTable: {
      usage: `{{ragTable}} or {{ragTable theme="Training"}}: the actions by RAG rating as a table, on a line of its own`,
      args: [0, 0],
      hash: ["theme"],
      run: (_, hash) => slots.place([ragSummaryTable(ragCountRows(inScope(hash, "ragTable")))]),
    },
    actionList: {
      usage: `{{actionList (openActions)}} or {{actionList openItems detail=true update=true kind="bullet"}}: a list of actions, on a line of its own`,
      args: [1, 1],
      hash: ["detail", "update", "kind"],
      run: ([list], hash) => {
        if (!Array.isArray(list) || list.some((a) => typeof a !== "object" || a === null || !("title" in a) || !("ref" in a))) {
          throw new TemplateProblem(`actionList: expected a list of actions, such as (openActions) or openItems, got ${describe(list)}`);
        }
        const kind = (hash.kind ?? style.listKind) as ListKind;
        if (kind !== "bullet" && !(LIST_KINDS as readonly string[]).includes(kind)) {
          throw new TemplateProblem(`actionList: kind="${String(hash.kind)}" is not a list kind; use "bullet", ${joinList(LIST_KINDS.map((k) => `"${k}"`), "or")}`);
        }
        if (list.length === 0) return "";
        return slots.place([actionList(list as PaperAction[], { kind, detail: truthy(hash.detail), update: truthy(hash.update), asOf: context.today }, quotedUpdates)]);
      },
    },
    themeCounts: {
      usage: `{{themeCounts}} or {{themeCounts noun="task"}}: each theme with its number of actions and how many are complete, as a bullet list`,
      args: [0, 0],
      hash: ["noun"],
      run: (_, hash) => (paper.themes.length === 0 ? "" : slots.place([themesWithCounts(paper.themes, hash.noun === undefined ? "action" : text(hash.noun))])),
    },
    openAreas: {
      usage: `{{openAreas noun="task" area="area" max=5}}: the themes with open actions, most first, one line each (at most max lines), on a line of its own`,
      args: [0, 0],
      hash: ["noun", "area", "max", "kind"],
      run: (_, hash) => {
        const max = hash.max === undefined ? 5 : whole(hash.max, "openAreas");
        if (max < 2) throw new TemplateProblem(`openAreas: max=${max} should be 2 or more`);
        const kind = (hash.kind ?? "bullet") as ListKind;
        if (kind !== "bullet" && !(LIST_KINDS as readonly string[]).includes(kind)) throw new TemplateProblem(`openAreas: kind="${String(hash.kind)}" is not a list kind`);
        const list = openAreasList(paper.themes, { noun: hash.noun === undefined ? "action" : text(hash.noun), area: hash.area === undefined ? "theme" : text(hash.area), max, kind });
        return list ? slots.place([list]) : "";
      },
    },
    countOverdue: {
      usage: `{{countOverdue}} or {{countOverdue theme="Training"}}: open actions due before the paper's date`,
      args: [0, 0],
      hash: ["theme"],
      run: (_, hash) => inScope(hash, "countOverdue").filter((a) => isOverdue(a, context.today)).length,
    },
    overdue: {
      usage: `{{#each (overdue)}} or {{overdue theme="Training"}}: the open actions whose due date is before the paper's date`,
      args: [0, 0],
      hash: ["theme"],
      run: (_, hash) => inScope(hash, "overdue").filter((a) => isOverdue(a, context.today)),
    },
    ragCell: {
      usage: "{{ragCell rag}} in a table cell → a shaded, labelled RAG cell",
      args: [1, 1],
      hash: ["label"],
      run: ([rag], hash) => {
        if (rag === null || rag === undefined || rag === "") return "";
        const word = ragWord(rag, "ragCell");
        if (word === "none") return "";
        return markdown(ragCellMarkdown(word, hash.label === undefined ? undefined : escapeMarkdown(hash.label)));
      },
    },
    statusName: {
      usage: "{{statusName status}} → In progress",
      args: [1, 1],
      run: ([s]) => (s === null || s === undefined ? "" : (STATUS_LABELS[s as Status] ?? String(s))),
    },
    link: {
      usage: `{{link paper.referenceDocument}} or {{link url "text"}}`,
      args: [1, 2],
      run: ([url, label]) => linkMarkdown(text(url), label === undefined ? text(url) : text(label)),
    },
    mailLink: {
      usage: "{{mailLink email}}",
      args: [1, 1],
      run: ([address]) => {
        const email = text(address);
        return /^[^\s@<>()]+@[^\s@<>()]+$/.test(email) ? linkMarkdown(`mailto:${email}`, email) : escapeMarkdown(email);
      },
    },
    headingPrefix: {
      usage: "{{headingPrefix 2}} → ## (a level-2 heading)",
      args: [1, 1],
      run: ([n]) => {
        const level = whole(n, "headingPrefix");
        if (level < 1 || level > 3) throw new TemplateProblem(`headingPrefix: headings go from level 1 to 3, not ${level}`);
        return markdown("#".repeat(level));
      },
    },
  };
}

/** Blank, zero-length lists and false are "not given"; 0 is a real count, so it is given. */
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== undefined && value !== false && value !== "";
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "a blank";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a set of fields";
  return JSON.stringify(value);
}

/** A Markdown link to a web or mail address; anything else prints as plain text, never as a link. */
function linkMarkdown(url: string, label: string): Handlebars.SafeString | string {
  if (!isAllowedLinkAddress(url)) return escapeMarkdown(label);
  const destination = url.replace(/[<>\\]/g, (c) => encodeURIComponent(c));
  return markdown(`[${escapeMarkdown(label)}](<${destination}>)`);
}
