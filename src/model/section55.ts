// Section 55 of the Police Act 1996: the response is due before the end of the period of
// 56 days beginning with the day the report is published. Publication day is day 1, so the
// last day is publication + 55 days.

export const SECTION_55_PERIOD_DAYS = 56;

export function section55Deadline(publishedIso: string): string {
  const [y, m, d] = publishedIso.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1, d + SECTION_55_PERIOD_DAYS - 1));
  return last.toISOString().slice(0, 10);
}
