// Which column header means which field. Trackers name the same thing many ways
// ("Task No.", "Action No.", "ID"); matching ignores case, spacing and punctuation.
import { normaliseWord } from "../model/vocabulary.js";

/** The fields a column can feed. Inspection trackers reuse ref (their "No.") and recommendation (their text). */
export const COLUMN_FIELDS = [
  "ref",
  "theme",
  "recommendation",
  "action",
  "owner",
  "due",
  "status",
  "rag",
  "update",
  "evidence",
  "report",
  "published",
  "type",
  "addressee",
  "response",
  /** The due date as the source tracker wrote it ("Mar-17"), beside a real date: boardpack's own trackers carry it. */
  "dueText",
  /** Status and RAG as the source tracker wrote them ("On track", "A/G"): boardpack's own trackers carry them. */
  "statusText",
  "ragText",
  /** Where a row came from ("Tactical Plan, row 15"): boardpack's own trackers carry it. */
  "source",
] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];

/** Headers (already normalised: lower case, punctuation to spaces) that mean each field. */
const SYNONYMS: Record<ColumnField, readonly string[]> = {
  ref: ["ref", "ref no", "reference", "no", "number", "task no", "task number", "action no", "action number", "action ref", "task ref", "id", "item", "item no", "rec no", "recommendation no", "recommendation number", "afi no"],
  theme: ["theme", "heading", "area", "key area", "workstream", "work stream", "section", "strand", "priority area", "focus area"],
  recommendation: ["recommendation", "recommendations", "hmic recommendation", "hmicfrs recommendation", "recommendation text", "recommendation afi", "afi", "area for improvement", "areas for improvement", "recommendation or afi"],
  action: ["action", "actions", "task", "tasks", "activity", "action required", "actions required", "task description", "action description", "what", "proposed action", "planned action"],
  owner: ["owner", "lead", "responsible", "lead officer", "action owner", "task owner", "responsible officer", "accountable officer", "owner lead", "lead owner", "who", "officer"],
  due: ["due", "due date", "date due", "target date", "target", "timescale", "timescales", "deadline", "completion date", "target completion date", "by when", "when", "end date"],
  status: ["status", "current status", "progress status", "action status", "task status"],
  rag: ["rag", "rag status", "rag rating", "brag", "brag status", "brag rating", "rating", "rag brag"],
  update: ["update", "updates", "progress", "progress update", "latest update", "latest progress", "comments", "comment", "commentary", "current position", "position", "progress to date", "notes on progress"],
  evidence: ["evidence", "evidence of completion", "supporting evidence", "evidence of progress", "evidence location"],
  report: ["report", "report title", "inspection", "inspection report", "source report", "report name", "inspection title"],
  published: ["published", "publication date", "date published", "published date", "report published", "report date"],
  type: ["type", "rec type", "recommendation type", "kind", "finding type"],
  addressee: ["addressed to", "addressee", "recipient", "directed to", "for", "agency", "organisation"],
  response: ["force response", "response", "action taken", "force update", "response to recommendation", "force action"],
  dueText: ["due as written", "due date as written", "target date as written"],
  statusText: ["status as written"],
  ragText: ["rag as written", "brag as written"],
  source: ["source", "source row"],
};

const MONTH = "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december";
/** " nov 2016", " as at 30 11 2016", " q3", " 2016 17" after a header word. */
const DATED_SUFFIX = new RegExp(`(\\s+(as at|at|as of|for|in))?\\s+(q[1-4]|${MONTH}|\\d{1,4})(\\s+(${MONTH}|\\d{1,4}))*$`);

const BY_HEADER = new Map<string, ColumnField>();
for (const field of COLUMN_FIELDS) for (const h of SYNONYMS[field]) BY_HEADER.set(h, field);

/** The field a header means, or undefined. "Update (Nov 2016)" is an update: a dated suffix is allowed. */
export function fieldForHeader(header: string): ColumnField | undefined {
  const word = normaliseWord(header);
  if (word === "") return undefined;
  const exact = BY_HEADER.get(word);
  if (exact) return exact;
  // "Update (Nov 2016)", "Progress update – Q3", "Status at 30/11": a known header then a date or period.
  const withoutDate = word.replace(DATED_SUFFIX, "");
  if (withoutDate !== word) {
    const dated = BY_HEADER.get(withoutDate);
    if (dated === "update" || dated === "status" || dated === "rag") return dated;
  }
  return undefined;
}

export function expectedHeadersHint(): string {
  return "an action column (Action, Task or Activity) or a recommendation column, usually with Ref, Owner, Due, Status, RAG and Update";
}

/** How each field is named to users (check output, mapping messages). */
export const FIELD_LABELS: Record<ColumnField, string> = {
  ref: "Ref",
  theme: "Theme",
  recommendation: "Recommendation",
  action: "Action",
  owner: "Owner",
  due: "Due",
  status: "Status",
  rag: "RAG",
  update: "Update",
  evidence: "Evidence",
  report: "Report",
  published: "Published",
  type: "Type",
  addressee: "Addressed to",
  response: "Response",
  dueText: "Due as written",
  statusText: "Status as written",
  ragText: "RAG as written",
  source: "Source",
};

/** The headers of boardpack's own tracker (lower case), which an extra column must not repeat. */
export const TRACKER_HEADERS: ReadonlySet<string> = new Set([...Object.values(FIELD_LABELS), "Number", "Kind"].map((h) => h.toLowerCase()));
