// The statutory clock for every report of a tracker: its deadline, where it stands on a given
// day, and which of its recommendations still have no response (`boardpack s55 --list`).
import type { Plan, Recommendation, Report } from "../../model/schema.js";
import { section55Clock, type Section55Clock } from "../../model/section55.js";
import { isMissing, recommendationsOf, responseDuty } from "./coverage.js";

export interface ReportClock {
  report: Report;
  clock: Section55Clock;
  /** Recommendations and causes of concern: the rows that need a response (or the line naming another body). */
  needingResponse: number;
  /** Of those, the ones the force owes and the tracker does not have. */
  withoutResponse: Recommendation[];
}

export function reportClocks(plan: Plan, asOf: string): ReportClock[] {
  return plan.reports.map((report) => {
    const recs = recommendationsOf(plan, report).filter((r) => responseDuty(r) !== "optional");
    return { report, clock: section55Clock(report.published, asOf), needingResponse: recs.length, withoutResponse: recs.filter(isMissing) };
  });
}

/** "3 days left", "due today", "2 days overdue", "not yet published", "no publication date". */
export function clockText(clock: Section55Clock): string {
  const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;
  switch (clock.state) {
    case "no-date":
      return "no publication date";
    case "not-published":
      return "not yet published";
    case "due":
      return clock.daysLeft === 0 ? "due today" : `${days(clock.daysLeft)} left`;
    case "overdue":
      return `${days(clock.daysOverdue)} overdue`;
  }
}
