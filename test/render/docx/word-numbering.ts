// A small model of how Word prints list numbers, read from a rendered numbering.xml: each
// `w:num` keeps a counter per level, starting at its start override (else the level's start),
// adding one per paragraph at that level, restarting deeper levels after a paragraph at a higher
// one; the level text's %1…%9 print the counters in each level's format. Written separately from
// the writer, so that a test can check the writer's numbering against the composer's labels.
import type { BodyParagraph } from "./docx-parts.js";

interface Level {
  start: number;
  format: string;
  text: string;
}

export interface WordNumbering {
  abstracts: Map<number, Map<number, Level>>;
  nums: Map<number, { abstractId: number; starts: Map<number, number> }>;
}

export function readNumbering(numberingXml: string): WordNumbering {
  const abstracts = new Map<number, Map<number, Level>>();
  for (const m of numberingXml.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of (m[2] ?? "").matchAll(/<w:lvl w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2] ?? "";
      levels.set(Number(l[1]), {
        start: Number(body.match(/<w:start w:val="(\d+)"\/>/)?.[1] ?? 0),
        format: body.match(/<w:numFmt w:val="([^"]+)"\/>/)?.[1] ?? "decimal",
        text: body.match(/<w:lvlText w:val="([^"]*)"\/>/)?.[1] ?? "",
      });
    }
    abstracts.set(Number(m[1]), levels);
  }
  const nums = new Map<number, { abstractId: number; starts: Map<number, number> }>();
  for (const m of numberingXml.matchAll(/<w:num w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const body = m[2] ?? "";
    const starts = new Map<number, number>();
    for (const o of body.matchAll(/<w:lvlOverride w:ilvl="(\d+)">\s*<w:startOverride w:val="(\d+)"\/>/g)) starts.set(Number(o[1]), Number(o[2]));
    nums.set(Number(m[1]), { abstractId: Number(body.match(/<w:abstractNumId w:val="(\d+)"\/>/)?.[1]), starts });
  }
  return { abstracts, nums };
}

/**
 * The marker Word prints before each numbered paragraph, in order ("bullet" for a bullet level).
 * Throws when two list instances of one definition are interleaved — where Word and LibreOffice
 * count differently, which the writer must never produce.
 */
export function simulate(numbering: WordNumbering, body: readonly BodyParagraph[]): { paragraph: BodyParagraph; label: string }[] {
  const counters = new Map<number, (number | undefined)[]>();
  const lastNumOfAbstract = new Map<number, number>();
  const finished = new Set<number>();
  const out: { paragraph: BodyParagraph; label: string }[] = [];
  for (const paragraph of body) {
    if (paragraph.numId === undefined || paragraph.numId === 0) continue;
    const numId = paragraph.numId;
    const ilvl = paragraph.ilvl ?? 0;
    const num = numbering.nums.get(numId);
    if (!num) throw new Error(`numId ${numId} is not defined`);
    const levels = numbering.abstracts.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!levels || !level) throw new Error(`numId ${numId} has no level ${ilvl}`);

    const previous = lastNumOfAbstract.get(num.abstractId);
    if (previous !== undefined && previous !== numId) finished.add(previous);
    if (finished.has(numId)) throw new Error(`list ${numId} continues after another list of the same definition began`);
    lastNumOfAbstract.set(num.abstractId, numId);

    const start = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    const c = counters.get(numId) ?? [];
    c[ilvl] = c[ilvl] === undefined ? start(ilvl) : c[ilvl]! + 1;
    c.length = ilvl + 1;
    counters.set(numId, c);
    const label =
      level.format === "bullet"
        ? "bullet"
        : level.text.replace(/%(\d)/g, (_, n: string) => {
            const l = Number(n) - 1;
            return format(c[l] ?? start(l), levels.get(l)?.format ?? "decimal");
          });
    out.push({ paragraph, label });
  }
  return out;
}

export function format(value: number, fmt: string): string {
  switch (fmt) {
    case "decimal":
      return String(value);
    case "upperRoman":
      return roman(value);
    case "lowerRoman":
      return roman(value).toLowerCase();
    case "upperLetter":
      return letter(value);
    case "lowerLetter":
      return letter(value).toLowerCase();
    default:
      throw new Error(`no model of number format ${fmt}`);
  }
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table) while (n >= v) ((out += s), (n -= v));
  return out;
}

function letter(n: number): string {
  return String.fromCharCode(64 + ((n - 1) % 26) + 1).repeat(Math.floor((n - 1) / 26) + 1);
}
