import fontkit from "@pdf-lib/fontkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakSpans } from "../../../src/render/pdf/break-spans.js";
import { BLACK } from "../../../src/render/pdf/colour.js";
import { fontBytes } from "../../../src/render/pdf/fonts.js";
import { contentWidths, EPSILON, type Line, type Span, type TextStyle } from "../../../src/render/pdf/line-break.js";
import { fontText, lineHeight, metricsFor, textWidth } from "../../../src/render/pdf/measure.js";

const regular: TextStyle = { face: "regular", size: 12, colour: BLACK };
const bold: TextStyle = { face: "bold", size: 12, colour: BLACK };
const span = (text: string, style = regular, breakAfter = false): Span => ({ text, style, ...(breakAfter ? { breakAfter } : {}) });
const lineText = (line: Line) => line.fragments.map((f) => f.text).join("");
const lines = (spans: Span[], width: number) => breakSpans(spans, width, 12);

describe("measuring text", () => {
  it("adds up the font's own advance widths", () => {
    const font = fontkit.create(fontBytes("regular"));
    const text = "Page 12 of 40 — £ – ‘single’ “double” é ŵ ŷ";
    const units = [...text].reduce((sum, ch) => sum + font.glyphForCodePoint(ch.codePointAt(0) ?? 0).advanceWidth, 0);
    expect(textWidth(metricsFor("regular"), text, 12)).toBeCloseTo((units * 12) / font.unitsPerEm, 6);
  });

  it("caches one advance per code point", () => {
    const m = metricsFor("italic");
    textWidth(m, "abcabcabc", 10);
    const size = m.advances.size;
    textWidth(m, "cab cab", 10);
    expect(m.advances.size).toBe(size + 1); // only the space is new
  });

  it("uses single spacing as Word does for Arial: about 1.15 em", () => {
    expect(lineHeight(metricsFor("regular"), 10)).toBeCloseTo(11.5, 1);
  });

  it("prints only what the font can: NFC, spaces for tabs and line ends, ? for missing glyphs", () => {
    const m = metricsFor("regular");
    expect(fontText(m, "Cafe\u0301\tbar\nbaz")).toBe("Café bar baz");
    expect(fontText(m, "co\u00adoperate\u200b")).toBe("cooperate");
    expect(fontText(m, "£ – ‘single’ “double” é ŵ ŷ")).toBe("£ – ‘single’ “double” é ŵ ŷ");
    expect(fontText(m, "done ✅ 漢")).toBe("done ? ?");
  });
});

describe("breaking lines", () => {
  const sentence = "The working document contained a total of 57 tasks covering the 6 key areas identified above.";

  it("breaks at spaces, keeping every line within the width, and loses no words", () => {
    const out = lines([span(sentence)], 150);
    expect(out.length).toBeGreaterThan(2);
    for (const line of out) expect(line.width).toBeLessThanOrEqual(150.01);
    expect(out.map(lineText).join(" ")).toBe(sentence);
  });

  it("drops the space at a break rather than starting a line with it", () => {
    for (const line of lines([span(sentence)], 120)) {
      expect(lineText(line)).not.toMatch(/^\s|\s$/);
    }
  });

  it("may break after a hyphen between letters", () => {
    const m = metricsFor("regular");
    const width = textWidth(m, "officers made house-to-", 12) + 1;
    const out = lines([span("officers made house-to-house enquiries")], width);
    expect(lineText(out[0]!)).toBe("officers made house-to-");
    expect(out.map(lineText).join("")).toBe("officers made house-to-house enquiries");
  });

  it("never breaks a span marked noBreak at its hyphen (Mar-17), alone or among other text", () => {
    const date: Span = { text: "Mar-17", style: regular, noBreak: true };
    const width = textWidth(metricsFor("regular"), "due Mar-", 12) + 1; // "due Mar-" fits, "due Mar-17" does not
    const marked = lines([span("due "), date, span(" as agreed")], width).map(lineText);
    expect(marked.slice(0, 2)).toEqual(["due", "Mar-17"]);
    expect(lines([span("due "), date], width).map(lineText)).toEqual(["due", "Mar-17"]);
    // Without the mark, the hyphen is a break like any other.
    expect(lines([span("due "), span("Mar-17"), span(" as agreed")], width).map(lineText)[0]).toBe("due Mar-");
    expect(contentWidths([date]).min).toBeCloseTo(textWidth(metricsFor("regular"), "Mar-17", 12), 6);
    expect(contentWidths([span("Mar-17")]).min).toBeLessThan(contentWidths([date]).min);
  });

  it("cuts a word longer than the line between characters", () => {
    const url = "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/evidence-led-domestic-abuse-prosecutions/";
    const out = lines([span(url)], 100);
    expect(out.length).toBeGreaterThan(3);
    for (const line of out) expect(line.width).toBeLessThanOrEqual(100.01);
    expect(out.map(lineText).join("")).toBe(url);
  });

  it("keeps a word together across runs of different looks", () => {
    const width = textWidth(metricsFor("bold"), "Report of the HMIC", 12) + 2;
    const out = lines([span("Report of the "), span("HMIC", bold), span("’s inspection")], width);
    expect(lineText(out[0]!)).toBe("Report of the");
    expect(lineText(out[1]!)).toBe("HMIC’s inspection");
    expect(out[1]!.fragments.map((f) => f.style.face)).toEqual(["bold", "regular"]);
  });

  it("carries each run's look into its fragments", () => {
    const [line] = lines([span("Strategic Ownership", bold), span(" – overall ownership")], 1000);
    expect(line!.fragments.map((f) => [f.text, f.style.face])).toEqual([
      ["Strategic Ownership", "bold"],
      [" – overall ownership", "regular"],
    ]);
    expect(line!.fragments[1]!.x).toBeCloseTo(textWidth(metricsFor("bold"), "Strategic Ownership", 12), 6);
  });

  it("starts a new line after a run with breakAfter", () => {
    const out = lines([span("Cambridgeshire", regular, true), span("Police & Crime", regular, true), span("Commissioner")], 1000);
    expect(out.map(lineText)).toEqual(["Cambridgeshire", "Police & Crime", "Commissioner"]);
  });

  it("gives an empty paragraph one empty line", () => {
    const out = lines([], 100);
    expect(out).toHaveLength(1);
    expect(out[0]!.fragments).toEqual([]);
    expect(out[0]!.size).toBe(12);
  });
});

describe("content widths", () => {
  it("are the widest word and the longest hard line", () => {
    const m = metricsFor("regular");
    const w = contentWidths([span("In progress", regular, true), span("Not started yet")]);
    expect(w.min).toBeCloseTo(textWidth(m, "progress", 12), 6);
    expect(w.max).toBeCloseTo(textWidth(m, "Not started yet", 12), 6);
  });
});

describe("breaking any text (break-spans.ts)", () => {
  const pieces = ["a", "word", "co-operate", "x–y", "–", "- ", "12-3", "long-winded-phrase", "é", "😀", "\u2014", "W", "  ", " ", "Mar-17", "https://www.example.org/a-very-long-address"];
  const looks: TextStyle[] = [regular, bold, { face: "italic", size: 9, colour: BLACK, rise: 3 }, { face: "regular", size: 12, colour: [0, 0.2, 0.6], link: "https://x.org" }];
  // Spans as runsToSpans makes them: font text, and a date kept whole has no space in it.
  const spanArb: fc.Arbitrary<Span> = fc
    .record({ parts: fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), look: fc.constantFrom(...looks), breakAfter: fc.boolean(), noBreak: fc.boolean() })
    .map(({ parts, look, breakAfter, noBreak }) => {
      const text = fontText(metricsFor(look.face), parts.join(""));
      return { text: noBreak ? text.replace(/ /g, "") : text, style: look, ...(breakAfter ? { breakAfter } : {}), ...(noBreak ? { noBreak } : {}) };
    });
  const input = fc.record({ spans: fc.array(spanArb, { maxLength: 5 }), width: fc.double({ min: 1, max: 400, noNaN: true }) });
  const width = (f: { text: string; style: TextStyle }) => textWidth(metricsFor(f.style.face), f.text, f.style.size);

  it("loses no text and adds none: only spaces at the breaks go, and no line starts with one", () => {
    fc.assert(
      fc.property(input, ({ spans, width }) => {
        const out = breakSpans(spans, width, 11);
        const given = spans.map((s) => s.text).join("");
        expect(out.map(lineText).join("").replace(/ /g, "")).toBe(given.replace(/ /g, ""));
        for (const line of out) expect(lineText(line)).not.toMatch(/^ /);
        expect(out.filter((line) => line.fragments.length === 0).length).toBeLessThanOrEqual(spans.filter((s) => s.breakAfter).length + 1);
      }),
    );
  });

  it("keeps every line within the width, unless it holds one character of a word cut to fit", () => {
    fc.assert(
      fc.property(input, ({ spans, width: max }) => {
        for (const line of breakSpans(spans, max, 11)) {
          if (line.width > max + EPSILON) expect([...lineText(line).trim()]).toHaveLength(1);
        }
      }),
    );
  });

  it("places each fragment after the ones before it, as wide as its text, the line as wide as its fragments", () => {
    fc.assert(
      fc.property(input, ({ spans, width: max }) => {
        for (const line of breakSpans(spans, max, 11)) {
          let x = 0;
          for (const f of line.fragments) {
            expect(f.x).toBeCloseTo(x, 6);
            expect(f.width).toBeCloseTo(width(f), 6);
            x += f.width;
          }
          expect(line.width).toBeCloseTo(x, 6);
          // An empty line: the paragraph's size, or that of the run whose line break made it.
          if (line.fragments.length > 0) expect(line.size).toBe(Math.max(...line.fragments.map((f) => f.style.size)));
          else expect([11, ...spans.filter((s) => s.breakAfter).map((s) => s.style.size)]).toContain(line.size);
        }
      }),
    );
  });

  it("fills each line of text in several looks: the next line's first word would not have fitted", () => {
    const words = sentenceWords();
    const spans = words.map((w, i) => span(i < words.length - 1 ? `${w} ` : w, i % 3 === 0 ? bold : regular));
    const space = width({ text: " ", style: regular });
    for (const max of [60, 90, 130, 200, 333]) {
      const out = breakSpans(spans, max, 12);
      expect(out.map(lineText).join(" ")).toBe(words.join(" "));
      out.slice(1).forEach((line, i) => {
        const next = line.fragments[0]!;
        expect(out[i]!.width + space + width({ text: next.text.split(" ")[0]!, style: next.style })).toBeGreaterThan(max + EPSILON);
      });
    }
  });
});

function sentenceWords(): string[] {
  return "Domestic abuse – 98 tasks still open, 22 of them overdue: the working document contained a total of 57 tasks covering the 6 key areas identified above".split(" ");
}
