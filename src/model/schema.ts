// The plan model (DESIGN §3). These schemas are the single source of the types;
// plan.json is a public interface, so field names here are fixed.
import { z } from "zod";

/** A calendar date as written in plan.json: YYYY-MM-DD, never a time-zoned Date. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine(isRealCalendarDate, "a date that exists");

export const Status = z.enum(["not-started", "in-progress", "complete", "not-applicable"]);
export const Rag = z.enum(["red", "amber", "green", "blue"]);
export const RecommendationKind = z.enum(["recommendation", "afi", "cause-of-concern"]);

/** Where a row came from: the sheet (null for CSV) and the 1-based row a user sees. */
export const SourcePosition = z.object({
  sheet: z.string().nullable(),
  row: z.number().int().positive(),
});

export const Theme = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
});

const STATUS_AS_WRITTEN = "The status word as the tracker wrote it (\"On track\", \"Closed\", \"Parked\"); absent when it is the standard word or there was none.";
const RAG_AS_WRITTEN = "The RAG rating as the tracker wrote it (\"A/G\", \"At risk\", \"Purple\"); absent when it is the standard word or there was none.";

export const Action = z.object({
  ref: z.string().min(1),
  theme: z.string().nullable(),
  /** The inspection recommendation an action serves, when the tracker has that column. */
  recommendation: z.string().nullable(),
  title: z.string(),
  owner: z.string().nullable(),
  due: IsoDate.nullable(),
  dueText: z.string().nullable(),
  status: Status.nullable(),
  statusAsWritten: z.string().optional().describe(STATUS_AS_WRITTEN),
  rag: Rag.nullable(),
  ragAsWritten: z.string().optional().describe(RAG_AS_WRITTEN),
  update: z.string().nullable(),
  evidence: z.string().nullable(),
  extra: z.record(z.string(), z.string()),
  source: SourcePosition,
});

export const Report = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  published: IsoDate.nullable(),
});

export const Recommendation = z.object({
  report: z.string().min(1),
  number: z.string().min(1),
  kind: RecommendationKind,
  text: z.string(),
  addressee: z.string().nullable(),
  response: z.string().nullable(),
  owner: z.string().nullable(),
  due: IsoDate.nullable(),
  dueText: z.string().nullable(),
  status: Status.nullable(),
  statusAsWritten: z.string().optional().describe(STATUS_AS_WRITTEN),
  rag: Rag.nullable(),
  ragAsWritten: z.string().optional().describe(RAG_AS_WRITTEN),
  extra: z.record(z.string(), z.string()),
  source: SourcePosition,
});

export const Plan = z.object({
  schemaVersion: z.literal(1),
  title: z.string(),
  source: z.object({
    file: z.string(),
    sheets: z.array(z.string()),
  }),
  themes: z.array(Theme),
  actions: z.array(Action),
  reports: z.array(Report),
  recommendations: z.array(Recommendation),
  legend: z.array(z.string()).optional().describe("The tracker's own key or legend rows, word for word (\"Green = complete / on track\"); absent when it has none."),
});

let compiled: typeof Plan | undefined;

/**
 * The Plan schema compiled by zod into one generated function (z.compile): a valid plan of 1,000
 * actions is checked in a fifth of the instructions of zod's general parser. An invalid one falls
 * back to that parser, so the messages are zod's own. Compiled on first use, by the commands that
 * read a tracker.
 */
export function compiledPlan(): typeof Plan {
  return (compiled ??= z.compile(Plan));
}

export type IsoDate = z.infer<typeof IsoDate>;
export type Status = z.infer<typeof Status>;
export type Rag = z.infer<typeof Rag>;
export type RecommendationKind = z.infer<typeof RecommendationKind>;
export type SourcePosition = z.infer<typeof SourcePosition>;
export type Theme = z.infer<typeof Theme>;
export type Action = z.infer<typeof Action>;
export type Report = z.infer<typeof Report>;
export type Recommendation = z.infer<typeof Recommendation>;
export type Plan = z.infer<typeof Plan>;

/** YYYY-MM-DD names a day that exists (not 2017-02-30). */
export function isRealCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The JSON Schema of plan.json, for `boardpack schema`. */
export function planJsonSchema(): unknown {
  return z.toJSONSchema(Plan, { target: "draft-2020-12", unrepresentable: "any" });
}
