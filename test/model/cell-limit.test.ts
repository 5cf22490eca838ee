import { describe, expect, it } from "vitest";
import { EXCEL_CELL_MAX_CHARS, textForExcelCell } from "../../src/model/cell-limit.js";

describe("textForExcelCell", () => {
  it("keeps text Excel can hold and cuts longer text at 32,767 units, never inside a character", () => {
    expect(textForExcelCell("short")).toBe("short");
    expect(textForExcelCell("a".repeat(40_000))).toHaveLength(EXCEL_CELL_MAX_CHARS);
    const emoji = "a".repeat(EXCEL_CELL_MAX_CHARS - 1) + "😀" + "tail";
    const cut = textForExcelCell(emoji);
    expect(cut).toHaveLength(EXCEL_CELL_MAX_CHARS - 1);
    expect(cut.endsWith("a")).toBe(true);
  });
});
