import { describe, expect, it } from "vitest";
import {
  DEFAULT_THEME_COLOURS,
  parseThemeColours,
  ragFromFill,
  ragFromRgb,
  type FillColour,
} from "../../src/ingest/fill-colour.js";

const solid = (fgColor: FillColour) => ({ type: "pattern", pattern: "solid", fgColor });

describe("ragFromRgb", () => {
  it.each([
    // Excel's "Standard Colors" row
    ["C00000", "red"], // Dark Red
    ["FF0000", "red"],
    ["FFC000", "amber"], // Orange
    ["FFFF00", "amber"], // Yellow: trackers use it for amber
    ["92D050", "green"], // Light Green
    ["00B050", "green"],
    ["00B0F0", "blue"], // Light Blue
    ["0070C0", "blue"],
    ["002060", "blue"], // Dark Blue
    ["7030A0", undefined], // Purple
    // Excel's built-in Good / Bad / Neutral cell styles and a light blue
    ["C6EFCE", "green"],
    ["FFC7CE", "red"],
    ["FFEB9C", "amber"],
    ["BDD7EE", "blue"],
    // Office 2007 / 2013 accents often picked for RAG
    ["C0504D", "red"],
    ["F79646", "amber"],
    ["ED7D31", "amber"],
    ["9BBB59", "green"],
    ["70AD47", "green"],
    ["4F81BD", "blue"],
    // ARGB with either alpha byte
    ["FFFF0000", "red"],
    ["0000B050", "green"],
  ] as const)("%s → %s", (hex, rag) => {
    expect(ragFromRgb(hex)).toBe(rag);
  });

  it.each([
    "FFFFFF", // white
    "F2F2F2",
    "D9D9D9",
    "BFBFBF",
    "808080",
    "404040",
    "000000", // black
    "EEECE1", // Tan, Background 2: a header fill
    "DDD9C4", // Tan, darker 10%
    "D6DCE4", // Blue-Grey, Text 2, lighter 80%
    "FF66CC", // pink
    "00FFFF", // cyan
    "not-a-colour",
  ])("%s is not a RAG", (hex) => {
    expect(ragFromRgb(hex)).toBeUndefined();
  });
});

describe("ragFromFill", () => {
  it("reads ARGB, falling back to bgColor when fgColor is missing", () => {
    expect(ragFromFill(solid({ argb: "FF00B050" }))).toBe("green");
    expect(ragFromFill({ type: "pattern", pattern: "solid", bgColor: { argb: "FFFF0000" } })).toBe("red");
  });

  it("ignores fills that are not solid, gradients and empty fills", () => {
    expect(ragFromFill(undefined)).toBeUndefined();
    expect(ragFromFill({ type: "pattern", pattern: "none" })).toBeUndefined();
    expect(ragFromFill({ type: "pattern", pattern: "gray125", fgColor: { argb: "FFFF0000" } })).toBeUndefined();
    expect(ragFromFill({ type: "gradient" })).toBeUndefined();
    expect(ragFromFill({ type: "pattern", pattern: "solid" })).toBeUndefined();
  });

  it.each([
    [10, "red"], // FF0000
    [2, "red"],
    [51, "amber"], // FFCC00
    [52, "amber"], // FF9900
    [13, "amber"], // FFFF00
    [17, "green"], // 008000
    [11, "green"], // 00FF00
    [12, "blue"], // 0000FF
    [9, undefined], // white
    [22, undefined], // C0C0C0 grey
    [64, undefined], // system foreground
    [65, undefined], // system background
  ] as const)("indexed colour %i → %s", (indexed, rag) => {
    expect(ragFromFill(solid({ indexed }))).toBe(rag);
  });

  it("resolves theme colours by Excel's index (0 = lt1, 1 = dk1) with the default Office theme", () => {
    expect(ragFromFill(solid({ theme: 0 }))).toBeUndefined(); // white
    expect(ragFromFill(solid({ theme: 1 }))).toBeUndefined(); // black
    expect(ragFromFill(solid({ theme: 4 }))).toBe("blue"); // accent1 4F81BD
    expect(ragFromFill(solid({ theme: 5 }))).toBe("red"); // accent2 C0504D
    expect(ragFromFill(solid({ theme: 6 }))).toBe("green"); // accent3 9BBB59
    expect(ragFromFill(solid({ theme: 7 }))).toBeUndefined(); // accent4 purple
    expect(ragFromFill(solid({ theme: 9 }))).toBe("amber"); // accent6 F79646
    expect(ragFromFill(solid({ theme: 42 }))).toBeUndefined();
  });

  it("applies a theme colour's tint to its luminance", () => {
    expect(ragFromFill(solid({ theme: 5, tint: -0.25 }))).toBe("red");
    expect(ragFromFill(solid({ theme: 6, tint: 0.7999816888943144 }))).toBe("green"); // lighter 80%
    expect(ragFromFill(solid({ theme: 5, tint: -0.95 }))).toBeUndefined(); // nearly black
    expect(ragFromFill(solid({ theme: 5, tint: 0.98 }))).toBeUndefined(); // nearly white
    // Text 1 (black) lightened 50% is a mid grey, not a colour.
    expect(ragFromFill(solid({ theme: 1, tint: 0.5 }))).toBeUndefined();
  });
});

describe("parseThemeColours", () => {
  const scheme = (colours: Record<string, string>) =>
    `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements>` +
    `<a:clrScheme name="Test">${Object.entries(colours)
      .map(([slot, colour]) => `<a:${slot}>${colour}</a:${slot}>`)
      .join("")}</a:clrScheme></a:themeElements></a:theme>`;

  const office2013 = scheme({
    dk1: `<a:sysClr val="windowText" lastClr="000000"/>`,
    lt1: `<a:sysClr val="window" lastClr="FFFFFF"/>`,
    dk2: `<a:srgbClr val="44546A"/>`,
    lt2: `<a:srgbClr val="E7E6E6"/>`,
    accent1: `<a:srgbClr val="4472C4"/>`,
    accent2: `<a:srgbClr val="ED7D31"/>`,
    accent3: `<a:srgbClr val="A5A5A5"/>`,
    accent4: `<a:srgbClr val="FFC000"/>`,
    accent5: `<a:srgbClr val="5B9BD5"/>`,
    accent6: `<a:srgbClr val="70AD47"/>`,
    hlink: `<a:srgbClr val="0563C1"/>`,
    folHlink: `<a:srgbClr val="954F72"/>`,
  });

  it("lists the scheme in fill-index order, swapping each dark/light pair", () => {
    expect(parseThemeColours(office2013)).toEqual([
      "FFFFFF", "000000", "E7E6E6", "44546A",
      "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47",
      "0563C1", "954F72",
    ]);
  });

  it("classifies theme fills against the workbook's own theme", () => {
    const colours = parseThemeColours(office2013);
    expect(ragFromFill(solid({ theme: 5 }), colours)).toBe("amber"); // ED7D31 here, red in 2007
    expect(ragFromFill(solid({ theme: 9 }), colours)).toBe("green");
    expect(ragFromFill(solid({ theme: 6 }), colours)).toBeUndefined(); // grey accent
  });

  it("proves the swap: theme 0 is lt1 and theme 1 is dk1", () => {
    const colours = parseThemeColours(
      scheme({ dk1: `<a:srgbClr val="00B050"/>`, lt1: `<a:srgbClr val="FF0000"/>` }),
    );
    expect(ragFromFill(solid({ theme: 0 }), colours)).toBe("red");
    expect(ragFromFill(solid({ theme: 1 }), colours)).toBe("green");
    expect(ragFromFill(solid({ theme: 4 }), colours)).toBeUndefined(); // accent1 missing
  });

  it("returns nothing for XML without a colour scheme", () => {
    expect(parseThemeColours("<a:theme/>")).toEqual([]);
    expect(DEFAULT_THEME_COLOURS).toHaveLength(12);
  });
});
