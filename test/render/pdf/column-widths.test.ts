import { describe, expect, it } from "vitest";
import { columnWidths } from "../../../src/render/pdf/column-widths.js";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("column widths", () => {
  it("follow the composer's relative widths when given", () => {
    expect(columnWidths(400, [{ min: 10, max: 10 }, { min: 10, max: 10 }], [3, 1])).toEqual([300, 100]);
  });

  it("widen a given column to its longest word (a date, a RAG word), taking the room from the columns with some to spare", () => {
    // Action 79%, Due 12%, RAG 9% of 450: Due would be 54, narrower than "31 Jul 2016" (62); RAG 40.5, under "Amber" (46).
    const widths = columnWidths(450, [{ min: 90, max: 400 }, { min: 62, max: 62 }, { min: 46, max: 46 }], [79, 12, 9]);
    expect(sum(widths)).toBeCloseTo(450, 6);
    expect(widths[1]).toBeCloseTo(62, 6);
    expect(widths[2]).toBeCloseTo(46, 6);
    expect(widths[0]).toBeCloseTo(450 - 62 - 46, 6);
    // When the words cannot all fit, the composer's widths stand.
    expect(columnWidths(100, [{ min: 90, max: 90 }, { min: 90, max: 90 }], [1, 1])).toEqual([50, 50]);
  });

  it("ignore given widths that do not match the columns", () => {
    const widths = columnWidths(400, [{ min: 10, max: 50 }, { min: 10, max: 150 }], [1, 1, 1]);
    expect(sum(widths)).toBeCloseTo(400, 6);
    expect(widths[1]).toBeGreaterThan(widths[0]!);
  });

  it("fill the width in proportion to content when everything fits", () => {
    const widths = columnWidths(400, [{ min: 10, max: 100 }, { min: 10, max: 100 }]);
    expect(widths).toEqual([200, 200]);
  });

  it("give short columns their whole line and the long text the rest", () => {
    // Ref, Action, Owner, Due, Status, RAG
    const measured = [
      { min: 25, max: 30 },
      { min: 70, max: 420 },
      { min: 45, max: 100 },
      { min: 55, max: 62 },
      { min: 45, max: 61 },
      { min: 40, max: 45 },
    ];
    const widths = columnWidths(450, measured);
    expect(sum(widths)).toBeCloseTo(450, 6);
    for (const i of [0, 3, 4, 5]) expect(widths[i]).toBeGreaterThanOrEqual(measured[i]!.max - 1e-6);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
    widths.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(measured[i]!.min - 1e-6));
  });

  it("do not let one unbreakable address starve the other columns", () => {
    const widths = columnWidths(450, [{ min: 600, max: 600 }, { min: 60, max: 200 }, { min: 60, max: 200 }]);
    expect(sum(widths)).toBeCloseTo(450, 6);
    expect(widths[1]).toBeGreaterThanOrEqual(60);
    expect(widths[2]).toBeGreaterThanOrEqual(60);
  });
});
