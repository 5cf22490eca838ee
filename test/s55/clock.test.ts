// The statutory clock: 56 days beginning with the day of publication, so the last day is
// publication + 55 days; days left count to and including that last day.
import { describe, expect, it } from "vitest";
import { clockText } from "../../src/compose/s55/clock.js";
import { daysBetween, section55Clock, section55Deadline } from "../../src/model/section55.js";

describe("section55Deadline", () => {
  it.each([
    ["2020-01-23", "2020-03-18"], // the CJJI report (seed 003)
    ["2019-05-02", "2019-06-26"],
    ["2021-06-17", "2021-08-11"],
    ["2020-02-01", "2020-03-27"], // across 29 February
    ["2019-02-01", "2019-03-28"],
    ["2019-12-01", "2020-01-25"], // across the year end
  ])("a report published on %s is due by %s", (published, deadline) => {
    expect(section55Deadline(published)).toBe(deadline);
    expect(daysBetween(published, deadline)).toBe(55);
  });
});

describe("section55Clock", () => {
  it("counts days left to the last day, then days overdue", () => {
    expect(section55Clock("2020-01-23", "2020-03-16")).toEqual({ state: "due", deadline: "2020-03-18", daysLeft: 2 });
    expect(section55Clock("2020-01-23", "2020-03-18")).toEqual({ state: "due", deadline: "2020-03-18", daysLeft: 0 });
    expect(section55Clock("2020-01-23", "2020-03-19")).toEqual({ state: "overdue", deadline: "2020-03-18", daysOverdue: 1 });
    expect(section55Clock("2020-01-23", "2020-01-23")).toEqual({ state: "due", deadline: "2020-03-18", daysLeft: 55 });
    expect(section55Clock("2020-01-23", "2020-01-22")).toMatchObject({ state: "not-published" });
    expect(section55Clock(null, "2020-01-22")).toEqual({ state: "no-date" });
  });

  it("reads as a person says it", () => {
    expect(clockText(section55Clock("2020-01-23", "2020-03-16"))).toBe("2 days left");
    expect(clockText(section55Clock("2020-01-23", "2020-03-17"))).toBe("1 day left");
    expect(clockText(section55Clock("2020-01-23", "2020-03-18"))).toBe("due today");
    expect(clockText(section55Clock("2020-01-23", "2020-03-19"))).toBe("1 day overdue");
    expect(clockText(section55Clock("2019-05-02", "2020-03-16"))).toBe("264 days overdue");
    expect(clockText(section55Clock("2021-06-17", "2020-03-16"))).toBe("not yet published");
    expect(clockText(section55Clock(null, "2020-03-16"))).toBe("no publication date");
  });
});
