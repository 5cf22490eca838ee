// --as-of: the date overdue is counted from. Default: today's date in the UK.
import { parseDateText } from "../model/dates.js";
import { UsageError } from "./usage-error.js";

export function todayInUk(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD; the time zone makes it the UK calendar date, not UTC's.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function parseAsOf(value: unknown, command: string): string {
  if (value === undefined) return todayInUk();
  const parsed = typeof value === "string" ? parseDateText(value) : undefined;
  if (parsed?.kind === "date" && !parsed.partial) return parsed.iso;
  const why = parsed?.kind === "invalid" ? `: ${parsed.reason}` : "";
  throw new UsageError(`--as-of ${String(value)} is not a date${why}; give a day such as 30/11/2016 or 2016-11-30`, command);
}
