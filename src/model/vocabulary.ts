// The words trackers use for status and RAG, mapped onto the plan's fixed vocabulary.
// Matching ignores case, stray spaces and punctuation, so "complete ", "In-Progress"
// and "R.A.G." style variants all land.
import type { Rag, Status } from "./schema.js";

/** Lower-case, collapse every run of non-letters/digits to one space, trim. */
export function normaliseWord(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

const STATUS_WORDS: Record<string, Status> = {
  complete: "complete",
  completed: "complete",
  closed: "complete",
  done: "complete",
  achieved: "complete",
  delivered: "complete",
  finished: "complete",
  implemented: "complete",
  "fully complete": "complete",
  "fully implemented": "complete",
  discharged: "complete",
  "closed complete": "complete",
  "in progress": "in-progress",
  inprogress: "in-progress",
  ongoing: "in-progress",
  "on going": "in-progress",
  started: "in-progress",
  open: "in-progress",
  underway: "in-progress",
  "under way": "in-progress",
  active: "in-progress",
  "on track": "in-progress",
  "at risk": "in-progress",
  "off track": "in-progress",
  delayed: "in-progress",
  overdue: "in-progress",
  "behind schedule": "in-progress",
  "on schedule": "in-progress",
  "in hand": "in-progress",
  progressing: "in-progress",
  "work in progress": "in-progress",
  wip: "in-progress",
  "partially complete": "in-progress",
  "partly complete": "in-progress",
  "nearly complete": "in-progress",
  "near completion": "in-progress",
  "awaiting sign off": "in-progress",
  "on hold": "in-progress",
  paused: "in-progress",
  "not started": "not-started",
  "not yet started": "not-started",
  "not commenced": "not-started",
  "yet to start": "not-started",
  planned: "not-started",
  "not due": "not-started",
  "not yet due": "not-started",
  deferred: "not-started",
  "to start": "not-started",
  "n a": "not-applicable",
  na: "not-applicable",
  "not applicable": "not-applicable",
  "no longer required": "not-applicable",
  "no longer applicable": "not-applicable",
  withdrawn: "not-applicable",
  cancelled: "not-applicable",
  superseded: "not-applicable",
};

const RAG_WORDS: Record<string, Rag> = {
  r: "red",
  red: "red",
  a: "amber",
  amber: "amber",
  g: "green",
  green: "green",
  b: "blue",
  blue: "blue",
  "on track": "green",
  "at risk": "amber",
  "off track": "red",
  complete: "blue",
  completed: "blue",
};

/** The worse first: a split rating takes the worse of its parts. Blue (done) is the best. */
const RAG_SEVERITY: Record<Rag, number> = { red: 3, amber: 2, green: 1, blue: 0 };

/**
 * The status a tracker's word means. A known phrase followed by more words means what the phrase
 * means ("In progress - near completion", "Complete (awaiting sign-off)"); the longest wins.
 */
export function statusFromText(text: string): Status | undefined {
  return leadingPhrase(STATUS_WORDS, normaliseWord(text));
}

/**
 * The meaning of `word` itself, else of the longest known phrase it begins with. A one-letter
 * abbreviation ("A" for Amber) leads no phrase: "A review is due" is not a rating.
 */
function leadingPhrase<T>(words: Record<string, T>, word: string): T | undefined {
  if (Object.hasOwn(words, word)) return words[word];
  const parts = word.split(" ");
  for (let n = parts.length - 1; n > 0; n--) {
    const phrase = parts.slice(0, n).join(" ");
    if (phrase.length > 1 && Object.hasOwn(words, phrase)) return words[phrase];
  }
  return undefined;
}

export type RagReading =
  | { rag: Rag; split?: undefined }
  | { rag: Rag; split: Rag[] } // "Amber/Green": took the worse of these
  | undefined;

export function ragFromText(text: string): RagReading {
  const word = normaliseWord(text);
  const whole = Object.hasOwn(RAG_WORDS, word) ? RAG_WORDS[word] : undefined;
  if (whole) return { rag: whole };
  // A split rating: "Amber/Green", "A/G", "Green - Amber", "Red Amber".
  const parts = text.split(/\s*(?:\/|\\|-|–|&|\band\b|\s)\s*/i).map(normaliseWord).filter(Boolean);
  const rags = parts.map((p) => (Object.hasOwn(RAG_WORDS, p) ? RAG_WORDS[p] : undefined));
  if (parts.length < 2 || rags.some((r) => r === undefined || r === "blue")) {
    // "Green - on track", "Blue (complete)": a rating and then words about it.
    const leading = parts.length < 2 || /[/\\]/.test(text) ? undefined : leadingPhrase(RAG_WORDS, word);
    return leading ? { rag: leading } : undefined;
  }
  const split = rags as Rag[];
  const worst = split.reduce((a, b) => (RAG_SEVERITY[b] > RAG_SEVERITY[a] ? b : a));
  return { rag: worst, split };
}

/** With no status column, status follows RAG: blue means done, any other colour means under way. */
export function statusFromRag(rag: Rag): Status {
  return rag === "blue" ? "complete" : "in-progress";
}

export const STATUS_LABELS: Record<Status, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  complete: "Complete",
  "not-applicable": "Not applicable",
};

export const RAG_LABELS: Record<Rag, string> = {
  red: "Red",
  amber: "Amber",
  green: "Green",
  blue: "Blue",
};
