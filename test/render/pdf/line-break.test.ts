import fontkit from "@pdf-lib/fontkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakSpans } from "../../../src/render/pdf/break-spans.js";
import { BLACK } from "../../../src/render/pdf/colour.js";
import { fontBytes } from "../../../src/render/pdf/fonts.js";
import { breakLines, contentWidths, tokenise, type Line, type Span, type TextStyle } from "../../../src/render/pdf/line-break.js";
import { fontText, lineHeight, metricsFor, textWidth } from "../../../src/render/pdf/measure.js";

const regular: TextStyle = { face: "regular", size: 12, colour: BLACK };
const bold: TextStyle = { face: "bold", size: 12, colour: BLACK };
const span = (text: string, style = regular, breakAfter = false): Span => ({ text, style, ...(breakAfter ? { breakAfter } : {}) });
const lineText = (line: Line) => line.fragments.map((f) => f.text).join("");
const lines = (spans: Span[], width: number) => breakLines(tokenise(spans), width, 12);

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
    expect(breakSpans([span("due "), date], width, 12).map(lineText)).toEqual(["due", "Mar-17"]);
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

describe("breaking text in one style (break-spans.ts)", () => {
  const pieces = ["a", "word", "co-operate", "x–y", "–", "- ", "12-3", "long-winded-phrase", "é", "😀", "\u2014", "W", "  ", " "];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(""));

  it("gives exactly the lines of the general way, widths included", () => {
    fc.assert(
      fc.property(text, fc.boolean(), fc.constantFrom("regular", "bold") as fc.Arbitrary<"regular" | "bold">, fc.double({ min: 1, max: 400, noNaN: true }), (t, breakAfter, face, width) => {
        const spans = [span(t, { ...regular, face }, breakAfter)];
        expect(breakSpans(spans, width, 11)).toEqual(breakLines(tokenise(spans), width, 11));
      }),
    );
  });
});
