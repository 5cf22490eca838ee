// Due dates as trackers hold them: Excel date serials, and text typed by hand (DESIGN §3).
// Everything is arithmetic on (year, month, day) or in UTC, never local time, so a date
// cannot move by a time zone. Text is read day-first (UK); a date that does not exist is
// reported as invalid rather than guessed at.

/** What a piece of due-date text turned out to be. */
export type DateText =
  /** partial: the text named a period (month, quarter, year) and iso is its last day. */
  | { kind: "date"; iso: string; partial: boolean }
  /** Not a date. known: a word trackers commonly use instead of one ("Ongoing", "TBC"). */
  | { kind: "words"; known: boolean }
  /** Looks like a date but does not exist ("31/02/2017"); reason says why, for messages. */
  | { kind: "invalid"; reason: string };

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

// Years a tracker's due date can plausibly carry; outside this a "date" is a typo.
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

const DAY_MS = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function lastDayOfMonth(year: number, month1to12: number): number {
  if (month1to12 === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month1to12) ? 30 : 31;
}

/** YYYY-MM-DD for a date that exists; throws RangeError otherwise (a bug in the caller). */
export function isoDate(year: number, month1to12: number, day: number): string {
  if (!existsDate(year, month1to12, day)) {
    throw new RangeError(`not a calendar date: ${year}-${month1to12}-${day}`);
  }
  return `${String(year).padStart(4, "0")}-${pad2(month1to12)}-${pad2(day)}`;
}

const YYYY_MM_DD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2015-06-04" → "04 June 2015", the form used in messages. */
export function formatUkDate(iso: string): string {
  const match = YYYY_MM_DD.exec(iso);
  if (match === null) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (!existsDate(y, m, d)) {
    throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  }
  return `${pad2(d)} ${MONTHS[m - 1]} ${y}`;
}

/**
 * An Excel date serial as YYYY-MM-DD; any time of day (the fraction) is dropped.
 * 1900 system: serial 1 is 1900-01-01. Excel also counts a 29 February 1900 that never
 * existed (serial 60); we read it as 1900-02-28 and shift later serials back a day, as
 * Excel does, so 61 is 1900-03-01. 1904 system (old Mac workbooks): serial 0 is 1904-01-01.
 * Throws RangeError outside Excel's own range (before its first day, after 9999-12-31).
 */
export function excelSerialToIso(serial: number, date1904: boolean): string {
  const whole = Math.floor(serial);
  const [first, last] = date1904 ? [0, 2_957_003] : [1, 2_958_465];
  if (!Number.isFinite(serial) || whole < first || whole > last) {
    throw new RangeError(`${serial} is not an Excel date serial`);
  }
  if (date1904) return utcDaysAfter(Date.UTC(1904, 0, 1), whole);
  if (whole === 60) return "1900-02-28";
  return utcDaysAfter(Date.UTC(1899, 11, 31), whole > 60 ? whole - 1 : whole);
}

/** Reads a due date typed by hand. See DateText; the forms accepted are listed below. */
export function parseDateText(text: string): DateText {
  const cleaned = text.trim().replace(/\.$/, "").trim().replace(/\s+/g, " ").toLowerCase();
  // "by March 2017", "end of April 2015", "by the end of Q4 2016/17" mean the same date.
  const core = cleaned.replace(/^(?:by )?(?:(?:the )?end(?: of)?[ -])?/, "");
  for (const read of READERS) {
    const result = read(core);
    if (result) return result;
  }
  return { kind: "words", known: KNOWN_WORDS.has(wordKey(cleaned)) };
}

// Each reader returns null when the text is not its form, so the next one can try.
type Reader = (text: string) => DateText | null;

// A time of day some tools append ("T00:00:00.000Z", " 00:00"); the date part is what counts.
const TIME = String.raw`(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?`;
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}$`);

/** 04/06/2015, 4/6/2015, 04/06/15, 04.06.2015, 04-06-2015: always day first. */
const readNumeric: Reader = (text) => {
  const m = NUMERIC_DATE.exec(text);
  if (!m) return null;
  const month = Number(m[3]);
  if (month < 1 || month > 12) {
    return invalid(`${month} is not a month (dates are read day first: ${text})`);
  }
  return dayDate(fullYear(m[4]!), month, Number(m[1]));
};

/** 2015-06-04, optionally with the time other tools export after it (which we ignore). */
const readIso: Reader = (text) => {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return invalid(`${month} is not a month (${text})`);
  return dayDate(Number(m[1]), month, Number(m[3]));
};

/** 4 June 2015, 4th June 2015, 04 Jun 2015, 4-Jun-15, Thursday 4 June 2015. */
const readDayMonthYear: Reader = (text) => {
  const m = /^(?:([a-z]+),? )?(\d{1,2})(?:st|nd|rd|th)?(?: of)?[ -]+([a-z]+)\.?,?[ -]+(\d{4}|\d{2})$/.exec(text);
  const month = m ? monthNumber(m[3]!) : null;
  const weekday = m?.[1] === undefined ? null : weekdayNumber(m[1]);
  if (!m || month === null || weekday === -1) return null;
  const year = fullYear(m[4]!);
  const day = Number(m[2]);
  const result = dayDate(year, month, day);
  // A weekday that disagrees means the day or the weekday is wrong; either is a guess.
  if (result.kind === "date" && weekday !== null && utcWeekday(year, month, day) !== weekday) {
    const actual = WEEKDAYS[utcWeekday(year, month, day)];
    return invalid(`${formatUkDate(result.iso)} is a ${actual}, not a ${WEEKDAYS[weekday]}`);
  }
  return result;
};

/** June 2015, Jun 2015, Sept 2016, Jun-15, Jun '15: the last day of the month. */
const readMonthYear: Reader = (text) => {
  // A two-digit year needs "-" or "'": "June 15" could be a US-style day.
  const m = /^([a-z]+)\.?(?:[ -]+(\d{4})|(?:-| ?')(\d{2}))$/.exec(text);
  const month = m ? monthNumber(m[1]!) : null;
  if (!m || month === null) return null;
  const year = m[2] !== undefined ? Number(m[2]) : fullYear(m[3]!);
  return periodEnd(year, month);
};

/** Q3 2016 (calendar) or Q4 2016/17, Q4 2016-17, Q1 2017/2018 (UK financial year, April–March). */
const readQuarter: Reader = (text) => {
  const m = /^q([1-4])[ -]*(?:fy ?)?(\d{4})(?:[/-](\d{4}|\d{2}))?$/.exec(text);
  if (!m) return null;
  const quarter = Number(m[1]);
  const startYear = Number(m[2]);
  if (m[3] === undefined) return periodEnd(startYear, quarter * 3);
  const notFollowing = financialYearProblem(startYear, m[3]);
  if (notFollowing) return notFollowing;
  // Financial Q1 is April–June of the first year; Q4 is January–March of the second.
  return quarter === 4 ? periodEnd(startYear + 1, 3) : periodEnd(startYear, quarter * 3 + 3);
};

/** 2016/17, 2016-17, 2016/2017, FY 2016/17: 31 March of the second year. */
const readFinancialYear: Reader = (text) => {
  const m = /^(?:fy ?)?(\d{4})[/-](\d{4}|\d{2})$/.exec(text);
  if (!m) return null;
  const startYear = Number(m[1]);
  return financialYearProblem(startYear, m[2]!) ?? periodEnd(startYear + 1, 3);
};

/** 2017: the end of the calendar year. */
const readYear: Reader = (text) => {
  const m = /^(\d{4})$/.exec(text);
  return m ? periodEnd(Number(m[1]), 12) : null;
};

const READERS: Reader[] = [
  readNumeric,
  readIso,
  readDayMonthYear,
  readMonthYear,
  readQuarter,
  readFinancialYear,
  readYear,
];

// Written as trackers write them; compared with case, spaces and punctuation removed.
const KNOWN_WORDS = new Set(
  [
    "Ongoing", "On-going", "Continuous", "Continual", "Continuing", "Ongoing review",
    "TBC", "TBA", "TBD", "To be confirmed", "To be agreed", "To be determined",
    "N/A", "Not applicable", "Not known", "Unknown",
    "Complete", "Completed", "Closed", "Done", "Achieved", "Implemented", "Discharged",
    "Superseded", "Withdrawn",
    "Daily", "Weekly", "Fortnightly", "Monthly", "Quarterly", "Six-monthly", "Bi-annually",
    "Annually", "Annual", "Yearly", "Monthly review", "Quarterly review", "Annual review",
    "Business as usual", "BAU", "Immediate", "Immediately", "Rolling", "Rolling programme",
    "As required", "As needed", "As and when", "Various", "See update", "See above",
    "End of year", "Year end",
  ].map(wordKey),
);

function wordKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** A single day: checks the year range and that the day exists in that month. */
function dayDate(year: number, month: number, day: number): DateText {
  const outOfRange = yearProblem(year);
  if (outOfRange) return outOfRange;
  if (!existsDate(year, month, day)) {
    return invalid(`${day} ${MONTHS[month - 1]} ${year} does not exist`);
  }
  return { kind: "date", iso: isoDate(year, month, day), partial: false };
}

/** The last day of a period ending in the given month. */
function periodEnd(year: number, month: number): DateText {
  const outOfRange = yearProblem(year);
  if (outOfRange) return outOfRange;
  return { kind: "date", iso: isoDate(year, month, lastDayOfMonth(year, month)), partial: true };
}

function yearProblem(year: number): DateText | null {
  if (year >= MIN_YEAR && year <= MAX_YEAR) return null;
  return invalid(`year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);
}

/** 2016/17 and 2016/2017 are financial years; 2016/18 is a typo we will not guess at. */
function financialYearProblem(startYear: number, second: string): DateText | null {
  const follows =
    second.length === 2 ? Number(second) === (startYear + 1) % 100 : Number(second) === startYear + 1;
  if (follows) return null;
  return invalid(`${startYear}/${second} is not a financial year: ${second} does not follow ${startYear}`);
}

function invalid(reason: string): DateText {
  return { kind: "invalid", reason };
}

function existsDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 0 && year <= 9999 && month >= 1 && month <= 12 &&
    day >= 1 && day <= lastDayOfMonth(year, month)
  );
}

/** "jun", "june", "sept", "sep" → 6, 6, 9, 9; anything else → null. */
function monthNumber(word: string): number | null {
  const index = MONTHS.findIndex((name) => {
    const full = name.toLowerCase();
    return word === full || word === full.slice(0, 3) || (full === "september" && word === "sept");
  });
  return index === -1 ? null : index + 1;
}

/** "thursday", "thu", "thur", "thurs" → 4 (Sunday is 0); anything else → -1. */
function weekdayNumber(word: string): number {
  return WEEKDAYS.findIndex((name) => word.length >= 3 && name.toLowerCase().startsWith(word));
}

function utcWeekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Two-digit years are this century's: trackers are about plans, not history. */
function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function utcDaysAfter(epochMs: number, days: number): string {
  return new Date(epochMs + days * DAY_MS).toISOString().slice(0, 10);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
