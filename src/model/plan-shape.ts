// A quick test that a plan is exactly what the Plan schema (schema.ts) accepts and returns: the
// same fields in the same order, each of the right type. normalise() always builds such a plan,
// and checking it with zod costs more than reading a long tracker's rows (zod copies every
// object), so the loader asks zod only when this test fails, and zod then says what is wrong.
// Anything this accepts, zod accepts and returns unchanged (a copy with the same fields, values
// and order); anything unusual is simply left to zod.
// The field lists and the words come from the schema itself, so a field added there is never
// missed here (a plan with it would just go to zod); a new rule on a field must be added to both.
import { Action, isRealCalendarDate, Plan, Rag, Recommendation, RecommendationKind, Report, SourcePosition, Status, Theme } from "./schema.js";

const PLAN_KEYS = keysOf(Plan.shape);
const SOURCE_KEYS = keysOf(Plan.shape.source.shape);
const THEME_KEYS = keysOf(Theme.shape);
const ACTION_KEYS = keysOf(Action.shape);
const REPORT_KEYS = keysOf(Report.shape);
const RECOMMENDATION_KEYS = keysOf(Recommendation.shape);
const POSITION_KEYS = keysOf(SourcePosition.shape);

/** A schema's keys in order, each marked optional when the schema lets it be absent. */
interface Keys {
  names: string[];
  optional: Set<string>;
}

function keysOf(shape: Record<string, { safeParse(value: unknown): { success: boolean } }>): Keys {
  const names = Object.keys(shape);
  return { names, optional: new Set(names.filter((k) => shape[k]!.safeParse(undefined).success)) };
}

const STATUSES = new Set<string>(Status.options);
const RAGS = new Set<string>(Rag.options);
const KINDS = new Set<string>(RecommendationKind.options);

export function hasPlanShape(plan: Plan): boolean {
  if (!isRecord(plan, PLAN_KEYS)) return false;
  const p = plan as Record<string, unknown>;
  if (p.schemaVersion !== 1 || typeof p.title !== "string") return false;
  if (Object.hasOwn(p, "legend") && !isStringList(p.legend)) return false;
  const source = p.source;
  if (!isRecord(source, SOURCE_KEYS) || typeof source.file !== "string" || !isStringList(source.sheets)) return false;
  return everyItem(p.themes, isTheme) && everyItem(p.actions, isAction) && everyItem(p.reports, isReport) && everyItem(p.recommendations, isRecommendation);
}

function isTheme(value: unknown): boolean {
  return isRecord(value, THEME_KEYS) && isFilled(value.id) && isFilled(value.title);
}

function isAction(value: unknown): boolean {
  if (!isRecord(value, ACTION_KEYS)) return false;
  return (
    isFilled(value.ref) &&
    isTextOrNull(value.theme) &&
    isTextOrNull(value.recommendation) &&
    typeof value.title === "string" &&
    isTextOrNull(value.owner) &&
    isDateOrNull(value.due) &&
    isTextOrNull(value.dueText) &&
    (value.status === null || STATUSES.has(value.status as string)) &&
    isTextOrAbsent(value, "statusAsWritten") &&
    (value.rag === null || RAGS.has(value.rag as string)) &&
    isTextOrAbsent(value, "ragAsWritten") &&
    isTextOrNull(value.update) &&
    isTextOrNull(value.evidence) &&
    isTextRecord(value.extra) &&
    isPosition(value.source)
  );
}

function isReport(value: unknown): boolean {
  return isRecord(value, REPORT_KEYS) && isFilled(value.id) && isFilled(value.title) && isDateOrNull(value.published);
}

function isRecommendation(value: unknown): boolean {
  if (!isRecord(value, RECOMMENDATION_KEYS)) return false;
  return (
    isFilled(value.report) &&
    isFilled(value.number) &&
    KINDS.has(value.kind as string) &&
    typeof value.text === "string" &&
    isTextOrNull(value.addressee) &&
    isTextOrNull(value.response) &&
    isTextOrNull(value.owner) &&
    isDateOrNull(value.due) &&
    isTextOrNull(value.dueText) &&
    (value.status === null || STATUSES.has(value.status as string)) &&
    isTextOrAbsent(value, "statusAsWritten") &&
    (value.rag === null || RAGS.has(value.rag as string)) &&
    isTextOrAbsent(value, "ragAsWritten") &&
    isTextRecord(value.extra) &&
    isPosition(value.source)
  );
}

function isPosition(value: unknown): boolean {
  return isRecord(value, POSITION_KEYS) && isTextOrNull(value.sheet) && Number.isSafeInteger(value.row) && (value.row as number) > 0;
}

/** A plain object whose own keys are exactly `keys`, in that order, any optional one perhaps left out. */
function isRecord(value: unknown, keys: Keys): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  let i = 0;
  for (const key in value) {
    while (key !== keys.names[i] && keys.optional.has(keys.names[i]!)) i++;
    if (key !== keys.names[i]) return false;
    i++;
  }
  while (i < keys.names.length && keys.optional.has(keys.names[i]!)) i++;
  return i === keys.names.length;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `extra`: a plain object of text values whose keys are plain names (none zod would treat specially). */
function isTextRecord(value: unknown): boolean {
  if (!isPlainObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key) || key === "__proto__" || typeof value[key] !== "string") return false;
    count++;
  }
  // No keys that for…in does not show (zod reads every own key).
  return Reflect.ownKeys(value).length === count;
}

function everyItem(list: unknown, test: (value: unknown) => boolean): boolean {
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) if (!(i in list) || !test(list[i])) return false;
  return true;
}

function isStringList(list: unknown): boolean {
  return everyItem(list, (v) => typeof v === "string");
}

function isFilled(value: unknown): boolean {
  return typeof value === "string" && value.length > 0;
}

/** An optional text: left out, or a string (a key present with undefined is left to zod). */
function isTextOrAbsent(record: Record<string, unknown>, key: string): boolean {
  return !Object.hasOwn(record, key) || typeof record[key] === "string";
}

function isTextOrNull(value: unknown): boolean {
  return value === null || typeof value === "string";
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD of a day that exists (the schema's IsoDate), or null. */
function isDateOrNull(value: unknown): boolean {
  return value === null || (typeof value === "string" && ISO_DATE.test(value) && isRealCalendarDate(value));
}
