// Section 55 of the Police Act 1996: the response is due before the end of the period of
// 56 days beginning with the day the report is published. Publication day is day 1, so the
// last day is publication + 55 days.

export const SECTION_55_PERIOD_DAYS = 56;

const DAY_MS = 86_400_000;

export function section55Deadline(publishedIso: string): string {
  const [y, m, d] = publishedIso.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1, d + SECTION_55_PERIOD_DAYS - 1));
  return last.toISOString().slice(0, 10);
}

/** Whole days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((utcMidnight(toIso) - utcMidnight(fromIso)) / DAY_MS);
}

/** Where a report stands against its deadline on a given day. */
export type Section55Clock =
  | { state: "no-date" }
  /** The day given is before publication: the clock has not started. */
  | { state: "not-published"; deadline: string; daysLeft: number }
  /** daysLeft 0 is the last day itself. */
  | { state: "due"; deadline: string; daysLeft: number }
  | { state: "overdue"; deadline: string; daysOverdue: number };

export function section55Clock(publishedIso: string | null, asOfIso: string): Section55Clock {
  if (publishedIso === null) return { state: "no-date" };
  const deadline = section55Deadline(publishedIso);
  const daysLeft = daysBetween(asOfIso, deadline);
  if (daysBetween(publishedIso, asOfIso) < 0) return { state: "not-published", deadline, daysLeft };
  if (daysLeft >= 0) return { state: "due", deadline, daysLeft };
  return { state: "overdue", deadline, daysOverdue: -daysLeft };
}

function utcMidnight(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}
