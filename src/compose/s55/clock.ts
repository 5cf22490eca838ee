// The statutory clock for every report of a tracker: its deadline, where it stands on a given
// day, and which of its recommendations still have no response (`boardpack s55 --list`).
import type { Plan, Recommendation, Report } from "../../model/schema.js";
import { section55Clock, type Section55Clock } from "../../model/section55.js";
import { missingResponsesText, summariseResponses, type ResponseSummary } from "../../model/responses.js";
import { recommendationsOf } from "./coverage.js";

export interface ReportClock {
  report: Report;
  clock: Section55Clock;
  /** Recommendations and causes of concern addressed to the force: the rows that need a response. */
  needingResponse: number;
  /** Of those, the ones the tracker has no response for. */
  withoutResponse: Recommendation[];
  responses: ResponseSummary;
  /** What is missing and what is not counted, in the words every output uses. */
  responsesText: string;
}

export function reportClocks(plan: Plan, asOf: string): ReportClock[] {
  return plan.reports.map((report) => {
    const responses = summariseResponses(recommendationsOf(plan, report));
    return {
      report,
      clock: section55Clock(report.published, asOf),
      needingResponse: responses.required.length,
      withoutResponse: responses.missing,
      responses,
      responsesText: missingResponsesText(responses),
    };
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
