// The ways papers write numbers, dates and lists in prose: "fifteen", "12th January 2015",
// "iv", "i)", "a, b and c". Pure functions; the Handlebars helpers are thin wrappers round them.
import { formatUkDate } from "../model/dates.js";
import type { ListKind } from "./doc.js";
import type { DateForm } from "./house-style.js";

const ONES = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES: [number, string][] = [[1_000_000_000, "billion"], [1_000_000, "million"], [1_000, "thousand"]];

/** 57 → "fifty-seven", 105 → "one hundred and five", 2015 → "two thousand and fifteen" (British usage). */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) >= 1e12) throw new RangeError(`${n} is not a whole number that can be written in words`);
  if (n < 0) return `minus ${numberInWords(-n)}`;
  if (n < 20) return ONES[n]!;
  const parts: string[] = [];
  let rest = n;
  for (const [size, name] of SCALES) {
    if (rest >= size) {
      parts.push(`${underThousand(Math.floor(rest / size))} ${name}`);
      rest %= size;
    }
  }
  if (rest > 0) {
    // "two thousand and fifteen", "one thousand two hundred": "and" only before a last part under 100.
    const joiner = parts.length > 0 && rest < 100 ? "and " : "";
    parts.push(joiner + underThousand(rest));
  }
  return parts.join(" ");
}

function underThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds > 0) words.push(`${ONES[hundreds]} hundred`);
  if (rest > 0) {
    const tens = rest < 20 ? ONES[rest]! : TENS[Math.floor(rest / 10)]! + (rest % 10 ? `-${ONES[rest % 10]}` : "");
    words.push(hundreds > 0 ? `and ${tens}` : tens);
  }
  return words.join(" ");
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 22 → "22nd". */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** "2015-06-04" in a house style's form: "04 June 2015" or "4th June 2015". Throws RangeError for a non-date. */
export function formatDate(iso: string, form: DateForm): string {
  const text = formatUkDate(iso); // validates, and gives "04 June 2015"
  if (form === "day-month-year") return text;
  const space = text.indexOf(" ");
  return `${ordinal(Number(text.slice(0, space)))}${text.slice(space)}`;
}

/** "2016-11-30" → "30 Nov 2016": the one form of a due date in a table, where room is short. */
export function shortDate(iso: string): string {
  const [day, month, year] = formatUkDate(iso).split(" ") as [string, string, string];
  return `${Number(day)} ${month === "September" ? "Sep" : month.slice(0, 3)} ${year}`;
}

const ROMAN: [number, string][] = [
  [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"],
  [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
];

/** 4 → "iv" (or "IV" in upper case). Whole numbers 1–3999 only. */
export function romanNumeral(n: number, letterCase: "lower" | "upper" = "lower"): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`${n} cannot be written as a roman numeral (1 to 3999 only)`);
  let rest = n;
  let out = "";
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return letterCase === "upper" ? out.toUpperCase() : out;
}

/** 1 → "a", 26 → "z", 27 → "aa" (the way Word letters lists). */
export function letter(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${n} cannot be written as a letter`);
  const repeat = Math.floor((n - 1) / 26) + 1;
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(repeat);
}

/** The marker an item of an ordered list prints: 3 → "iii)", "c)", "C)" or "3.". */
export function listMarker(n: number, kind: Exclude<ListKind, "bullet">): string {
  switch (kind) {
    case "decimal":
      return `${n}.`;
    case "roman-paren":
      return `${romanNumeral(n)})`;
    case "alpha-paren":
      return `${letter(n)})`;
    case "upper-alpha-paren":
      return `${letter(n).toUpperCase()})`;
  }
}

/** ["a", "b", "c"] → "a, b and c" (no serial comma, as British papers write it). */
export function joinList(items: readonly string[], conjunction = "and", separator = ", "): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(separator)} ${conjunction} ${items[items.length - 1]}`;
}

/** The word for n things: plural(1, "task") → "task"; plural(57, "task") → "tasks"; irregular forms given. */
export function pluralWord(n: number, singular: string, pluralForm?: string): string {
  if (n === 1) return singular;
  if (pluralForm !== undefined) return pluralForm;
  return regularPlural(singular);
}

function regularPlural(word: string): string {
  // Only the last word changes: "key area" → "key areas".
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/** "fifteen" → "Fifteen". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
