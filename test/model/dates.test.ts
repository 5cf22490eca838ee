import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  excelSerialToIso,
  formatUkDate,
  isoDate,
  lastDayOfMonth,
  parseDateText,
} from "../../src/model/dates.js";
import { IsoDate } from "../../src/model/schema.js";

// Independent oracles: the tests check dates.ts against JavaScript's own UTC calendar.
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const utcIso = (y: number, m: number, d: number) =>
  new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const utcMonthLength = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, "0");

describe("parseDateText: exact days", () => {
  it.each([
    ["04/06/2015", "2015-06-04"],
    ["4/6/2015", "2015-06-04"],
    ["04/06/15", "2015-06-04"],
    ["04.06.2015", "2015-06-04"],
    ["04-06-2015", "2015-06-04"],
    ["31/12/2016", "2016-12-31"],
    ["29/02/2016", "2016-02-29"],
    ["29/02/2000", "2000-02-29"],
    [" 04/06/2015. ", "2015-06-04"],
    ["4 June 2015 .", "2015-06-04"],
    ["04/06/2015 00:00", "2015-06-04"],
    ["2015-06-04", "2015-06-04"],
    ["2015-06-04T00:00:00", "2015-06-04"],
    ["2015-06-04T00:00:00.000Z", "2015-06-04"],
    ["2015-06-04 00:00:00", "2015-06-04"],
    ["4 June 2015", "2015-06-04"],
    ["4th June 2015", "2015-06-04"],
    ["1st March 2016", "2016-03-01"],
    ["22nd March 2016", "2016-03-22"],
    ["4th of June 2015", "2015-06-04"],
    ["04 Jun 2015", "2015-06-04"],
    ["04 JUN 2015", "2015-06-04"],
    ["4 Sept 2015", "2015-09-04"],
    ["4 Sept. 2015", "2015-09-04"],
    ["4 June, 2015", "2015-06-04"],
    ["4-Jun-2015", "2015-06-04"],
    ["4-Jun-15", "2015-06-04"],
    ["Thursday 4 June 2015", "2015-06-04"],
    ["Thu 4 June 2015", "2015-06-04"],
    ["Thursday, 4th June 2015", "2015-06-04"],
    ["by 31/03/2017", "2017-03-31"],
    ["By 31 March 2017", "2017-03-31"],
  ])("%j → %s", (text, iso) => {
    expect(parseDateText(text)).toEqual({ kind: "date", iso, partial: false });
  });
});

describe("parseDateText: periods end on their last day", () => {
  it.each([
    ["June 2015", "2015-06-30"],
    ["Jun 2015", "2015-06-30"],
    ["jun 2015", "2015-06-30"],
    ["Jun-15", "2015-06-30"],
    ["Jun '15", "2015-06-30"],
    ["Mar-17", "2017-03-31"],
    ["Feb-16", "2016-02-29"],
    ["Feb-17", "2017-02-28"],
    ["Sept 2016", "2016-09-30"],
    ["Sep 2016", "2016-09-30"],
    ["September 2016", "2016-09-30"],
    ["end of April 2015", "2015-04-30"],
    ["End April 2015", "2015-04-30"],
    ["end-April 2015", "2015-04-30"],
    ["End of April 2015.", "2015-04-30"],
    ["by March 2017", "2017-03-31"],
    ["by end of March 2017", "2017-03-31"],
    ["by the end of March 2017", "2017-03-31"],
    ["Q1 2017", "2017-03-31"],
    ["Q2 2017", "2017-06-30"],
    ["Q3 2016", "2016-09-30"],
    ["q4 2016", "2016-12-31"],
    ["Q1 2016/17", "2016-06-30"],
    ["Q2 2016/17", "2016-09-30"],
    ["Q3 2016/17", "2016-12-31"],
    ["Q4 2016/17", "2017-03-31"],
    ["Q4 2016-17", "2017-03-31"],
    ["Q1 2017/2018", "2017-06-30"],
    ["Q4 FY 2016/17", "2017-03-31"],
    ["end of Q4 2016/17", "2017-03-31"],
    ["Q4 1999/00", "2000-03-31"],
    ["2016/17", "2017-03-31"],
    ["2016-17", "2017-03-31"],
    ["2016/2017", "2017-03-31"],
    ["FY 2016/17", "2017-03-31"],
    ["FY2016/17", "2017-03-31"],
    ["1999/00", "2000-03-31"],
    ["2017", "2017-12-31"],
    ["by 2017", "2017-12-31"],
  ])("%j → %s", (text, iso) => {
    expect(parseDateText(text)).toEqual({ kind: "date", iso, partial: true });
  });
});

describe("parseDateText: dates that do not exist", () => {
  it.each([
    ["31/02/2017", "31 February 2017 does not exist"],
    ["29/02/2019", "29 February 2019 does not exist"],
    ["29/02/1900", "29 February 1900 does not exist"],
    ["32/01/2017", "32 January 2017 does not exist"],
    ["00/01/2017", "0 January 2017 does not exist"],
    ["31/04/17", "31 April 2017 does not exist"],
    ["12/13/2017", "13 is not a month (dates are read day first: 12/13/2017)"],
    ["01/00/2017", "0 is not a month (dates are read day first: 01/00/2017)"],
    ["2017-02-30", "30 February 2017 does not exist"],
    ["2017-13-01", "13 is not a month (2017-13-01)"],
    ["30 February 2016", "30 February 2016 does not exist"],
    ["31-Jun-17", "31 June 2017 does not exist"],
    ["Monday 4 June 2015", "04 June 2015 is a Thursday, not a Monday"],
    ["2016/18", "2016/18 is not a financial year: 18 does not follow 2016"],
    ["2016/2016", "2016/2016 is not a financial year: 2016 does not follow 2016"],
    ["Q4 2016/18", "2016/18 is not a financial year: 18 does not follow 2016"],
    ["31/12/2150", "year 2150 is outside 1900–2099"],
    ["1850", "year 1850 is outside 1900–2099"],
  ])("%j: %s", (text, reason) => {
    expect(parseDateText(text)).toEqual({ kind: "invalid", reason });
  });
});

describe("parseDateText: words", () => {
  it.each([
    "Ongoing", "ongoing", "ONGOING.", "On-going", "On going", "Continuous", "Continual",
    "TBC", "T.B.C.", "tba", "TBD", "N/A", "n/a", "NA", "Complete", "Completed", "Closed",
    "Done", "Monthly", "Quarterly", "Annually", "Annual", "Weekly", "Business as usual",
    "BAU", "Immediate", "Immediately", "Rolling", "As required", "Various",
    "Quarterly review", " Ongoing ",
  ])("%j is a known word", (text) => {
    expect(parseDateText(text)).toEqual({ kind: "words", known: true });
  });

  it.each([
    "Spring 2017", "Summer 2017", "June", "4 June", "June 15", "Juen 2015", "4 Juen 2015",
    "Funday 4 June 2015", "After the review", "42156", "", "Q5 2017", "H1 2017",
    "See the board paper",
  ])("%j is not a date and not a known word", (text) => {
    expect(parseDateText(text)).toEqual({ kind: "words", known: false });
  });
});

describe("excelSerialToIso", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [60, "1900-02-28"], // Excel's fictitious 29 February 1900
    [61, "1900-03-01"],
    [42156, "2015-06-01"],
    [42156.75, "2015-06-01"],
    [42156.999999, "2015-06-01"],
    [2958465, "9999-12-31"],
  ])("1900 system: %d → %s", (serial, iso) => {
    expect(excelSerialToIso(serial, false)).toBe(iso);
  });

  it.each([
    [0, "1904-01-01"],
    [1, "1904-01-02"],
    [40694, "2015-06-01"],
    [40694.5, "2015-06-01"],
    [2957003, "9999-12-31"],
  ])("1904 system: %d → %s", (serial, iso) => {
    expect(excelSerialToIso(serial, true)).toBe(iso);
  });

  it.each([
    [0, false],
    [-1, true],
    [2958466, false],
    [2957004, true],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, true],
  ])("%d (1904: %s) is out of range", (serial, date1904) => {
    expect(() => excelSerialToIso(serial, date1904)).toThrow(RangeError);
  });

  it("matches the usual 1899-12-30 epoch from March 1900 on, and 1904 is 1462 days behind", () => {
    const excelEpoch = Date.UTC(1899, 11, 30);
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-03-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const serial = (Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - excelEpoch) / 86_400_000;
          expect(excelSerialToIso(serial, false)).toBe(iso);
          if (serial - 1462 >= 0) expect(excelSerialToIso(serial - 1462, true)).toBe(iso);
        },
      ),
    );
  });

  describe("does not depend on the local time zone", () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it.each(["Pacific/Kiritimati", "America/Los_Angeles", "Europe/London"])("%s", (zone) => {
      process.env.TZ = zone;
      expect(excelSerialToIso(42156, false)).toBe("2015-06-01");
      expect(excelSerialToIso(40694, true)).toBe("2015-06-01");
      expect(parseDateText("Q4 2016/17")).toEqual({ kind: "date", iso: "2017-03-31", partial: true });
    });
  });
});

describe("helpers", () => {
  it("lastDayOfMonth agrees with the UTC calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        // Date.UTC reads years 0–99 as 1900–1999; 400 years on has the same calendar.
        expect(lastDayOfMonth(y, m)).toBe(utcMonthLength(y < 100 ? y + 400 : y, m));
      }),
    );
  });

  it("isoDate pads and refuses impossible dates", () => {
    expect(isoDate(2015, 6, 4)).toBe("2015-06-04");
    expect(() => isoDate(2017, 2, 29)).toThrow(RangeError);
    expect(() => isoDate(2017, 13, 1)).toThrow(RangeError);
  });

  it("formatUkDate writes the day, month name and year", () => {
    expect(formatUkDate("2015-06-04")).toBe("04 June 2015");
    expect(formatUkDate("2017-12-31")).toBe("31 December 2017");
    expect(() => formatUkDate("2017-02-30")).toThrow(RangeError);
    expect(() => formatUkDate("4 June 2015")).toThrow(RangeError);
  });
});

describe("parseDateText: properties", () => {
  const realDate = fc
    .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2060-12-31T00:00:00Z"), noInvalidDate: true })
    .map((date) => ({
      y: date.getUTCFullYear(),
      m: date.getUTCMonth() + 1,
      d: date.getUTCDate(),
      iso: date.toISOString().slice(0, 10),
    }));

  it("reads any real date back from dd/mm/yyyy, d Month yyyy and yyyy-mm-dd", () => {
    fc.assert(
      fc.property(realDate, ({ y, m, d, iso }) => {
        for (const text of [
          `${pad(d)}/${pad(m)}/${y}`,
          `${d}/${m}/${y}`,
          `${d} ${MONTHS[m - 1]} ${y}`,
          `${d}-${MONTHS[m - 1]!.slice(0, 3)}-${y}`,
          `${y}-${pad(m)}-${pad(d)}`,
        ]) {
          expect(parseDateText(text), text).toEqual({ kind: "date", iso, partial: false });
        }
      }),
    );
  });

  it("reads Mon-yy as the last day of that month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), (yy, m) => {
        const text = `${MONTHS[m - 1]!.slice(0, 3)}-${pad(yy)}`;
        const y = 2000 + yy;
        expect(parseDateText(text)).toEqual({ kind: "date", iso: utcIso(y, m, utcMonthLength(y, m)), partial: true });
      }),
    );
  });

  it("calls dd/mm/yyyy invalid when the day is past the end of the month", () => {
    const pastMonthEnd = fc
      .record({ y: fc.integer({ min: 1990, max: 2060 }), m: fc.integer({ min: 1, max: 12 }) })
      .chain(({ y, m }) => fc.record({ y: fc.constant(y), m: fc.constant(m), d: fc.integer({ min: utcMonthLength(y, m) + 1, max: 99 }) }));
    fc.assert(
      fc.property(pastMonthEnd, ({ y, m, d }) => {
        const result = parseDateText(`${pad(d)}/${pad(m)}/${y}`);
        expect(result).toEqual({ kind: "invalid", reason: `${d} ${MONTHS[m - 1]} ${y} does not exist` });
      }),
    );
  });

  it("only ever returns ISO dates that IsoDate accepts", () => {
    const num = fc.integer({ min: 0, max: 99 });
    const year = fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1800, max: 2200 }));
    const month = fc.oneof(fc.constantFrom(...MONTHS), fc.constantFrom(...MONTHS.map((n) => n.slice(0, 3))));
    const dateLike = fc.oneof(
      fc.tuple(num, num, year).map(([d, m, y]) => `${d}/${m}/${y}`),
      fc.tuple(year, num, num).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
      fc.tuple(num, month, year).map(([d, mon, y]) => `${d} ${mon} ${y}`),
      fc.tuple(month, year).map(([mon, y]) => `${mon}-${y}`),
      fc.tuple(fc.integer({ min: 0, max: 9 }), year, num).map(([q, y, yy]) => `Q${q} ${y}/${pad(yy)}`),
      fc.tuple(year, year).map(([a, b]) => `${a}/${b}`),
      fc.string(),
    );
    fc.assert(
      fc.property(dateLike, (text) => {
        const result = parseDateText(text);
        if (result.kind === "date") expect(IsoDate.safeParse(result.iso).success, `${text} → ${result.iso}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
