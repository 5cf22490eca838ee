// The ways papers write numbers, dates and lists: what a reader sees in the printed paper.
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../src/compose/escape-markdown.js";
import { capitalise, formatDate, joinList, letter, listMarker, numberInWords, ordinal, pluralWord, romanNumeral } from "../../src/compose/text-forms.js";

describe("numbers in words (British usage)", () => {
  it.each([
    [0, "zero"], [1, "one"], [6, "six"], [11, "eleven"], [15, "fifteen"], [20, "twenty"], [46, "forty-six"],
    [57, "fifty-seven"], [100, "one hundred"], [105, "one hundred and five"], [125, "one hundred and twenty-five"],
    [1000, "one thousand"], [1200, "one thousand two hundred"], [2015, "two thousand and fifteen"],
    [1_000_005, "one million and five"], [-3, "minus three"],
  ])("%i → %s", (n, words) => expect(numberInWords(n)).toBe(words));

  it("refuses what is not a whole number", () => {
    expect(() => numberInWords(1.5)).toThrow(RangeError);
  });

  it("capitalises for the start of a sentence", () => expect(capitalise(numberInWords(15))).toBe("Fifteen"));
});

describe("dates in a house style's form", () => {
  it.each([
    ["2015-06-04", "04 June 2015", "4th June 2015"],
    ["2015-01-12", "12 January 2015", "12th January 2015"],
    ["2016-11-01", "01 November 2016", "1st November 2016"],
    ["2016-12-02", "02 December 2016", "2nd December 2016"],
    ["2016-12-03", "03 December 2016", "3rd December 2016"],
    ["2016-12-11", "11 December 2016", "11th December 2016"],
    ["2016-12-13", "13 December 2016", "13th December 2016"],
    ["2016-12-21", "21 December 2016", "21st December 2016"],
    ["2016-12-22", "22 December 2016", "22nd December 2016"],
    ["2016-12-23", "23 December 2016", "23rd December 2016"],
    ["2016-12-31", "31 December 2016", "31st December 2016"],
  ])("%s → %s / %s", (iso, plain, withOrdinal) => {
    expect(formatDate(iso, "day-month-year")).toBe(plain);
    expect(formatDate(iso, "ordinal")).toBe(withOrdinal);
  });

  it("refuses a day that does not exist", () => expect(() => formatDate("2017-02-31", "ordinal")).toThrow(RangeError));

  it("ordinals", () => expect([1, 2, 3, 4, 11, 12, 13, 21, 101, 111].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "101st", "111th"]));
});

describe("roman numerals and list markers", () => {
  it("writes roman numerals in lower case by default, upper case on request", () => {
    expect([1, 2, 3, 4, 5, 6, 9, 14, 40, 1999].map((n) => romanNumeral(n))).toEqual(["i", "ii", "iii", "iv", "v", "vi", "ix", "xiv", "xl", "mcmxcix"]);
    expect(romanNumeral(6, "upper")).toBe("VI");
  });

  it("refuses numbers roman numerals cannot write", () => {
    expect(() => romanNumeral(0)).toThrow(RangeError);
    expect(() => romanNumeral(4000)).toThrow(RangeError);
  });

  it("gives each kind of list its marker", () => {
    expect(listMarker(1, "roman-paren")).toBe("i)");
    expect(listMarker(11, "roman-paren")).toBe("xi)");
    expect(listMarker(2, "alpha-paren")).toBe("b)");
    expect(listMarker(1, "upper-alpha-paren")).toBe("A)");
    expect(listMarker(3, "decimal")).toBe("3.");
    expect(letter(27)).toBe("aa");
  });
});

describe("joining and plurals", () => {
  it("joins the British way, without a serial comma", () => {
    expect(joinList([])).toBe("");
    expect(joinList(["a"])).toBe("a");
    expect(joinList(["a", "b"])).toBe("a and b");
    expect(joinList(["a", "b", "c"])).toBe("a, b and c");
    expect(joinList(["a", "b", "c"], "or")).toBe("a, b or c");
  });

  it("chooses singular or plural", () => {
    expect(pluralWord(1, "task")).toBe("task");
    expect(pluralWord(57, "task")).toBe("tasks");
    expect(pluralWord(0, "task")).toBe("tasks");
    expect(pluralWord(2, "key area")).toBe("key areas");
    expect(pluralWord(2, "activity")).toBe("activities");
    expect(pluralWord(2, "box")).toBe("boxes");
    expect(pluralWord(1, "has", "have")).toBe("has");
    expect(pluralWord(3, "has", "have")).toBe("have");
  });
});

describe("escaping tracker data for Markdown", () => {
  it("puts a backslash before everything Markdown could read as syntax", () => {
    expect(escapeMarkdown("*Urgent* | 1. Review <draft> {rag:red} #1 & more")).toBe(
      "\\*Urgent\\* \\| 1\\. Review \\<draft\\> \\{rag:red\\} \\#1 \\& more",
    );
  });

  it("keeps a value on one line so it cannot end a table row or a list item", () => {
    expect(escapeMarkdown("First paragraph.\n\nSecond paragraph.")).toBe("First paragraph\\. Second paragraph\\.");
  });

  it("prints nothing for a blank and leaves Markdown we wrote ourselves alone", () => {
    expect(escapeMarkdown(null)).toBe("");
    expect(escapeMarkdown(undefined)).toBe("");
    expect(escapeMarkdown(46)).toBe("46");
    expect(escapeMarkdown({ toHTML: () => "{rag:red}Red" })).toBe("{rag:red}Red");
  });
});
