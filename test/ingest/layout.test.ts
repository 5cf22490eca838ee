import { describe, expect, it } from "vitest";
import { bannerTitle, isLegendText } from "../../src/ingest/layout.js";

describe("theme banners", () => {
  it.each([
    ["I   Understanding & Identifying Risk", "Understanding & Identifying Risk"],
    ["VI Leadership and Governance", "Leadership and Governance"],
    ["IV. Views of victims", "Views of victims"],
    ["2. Victim Safety", "Victim Safety"],
    ["Section 3: Risk Assessment", "Risk Assessment"],
    ["Initial Investigation", "Initial Investigation"],
    ["CIVIL CONTINGENCIES", "CIVIL CONTINGENCIES"],
    ["Training", "Training"],
    ["A) Leadership", "Leadership"],
  ])("%j is titled %j", (text, title) => {
    expect(bannerTitle(text)).toBe(title);
  });
});

describe("legend rows", () => {
  it.each(["Key: Blue = complete, Green = on track, Amber = at risk, Red = off track", "Legend – R = off track", "KEY", "B = Complete  G = On track"])("%j is a legend", (text) => {
    expect(isLegendText(text)).toBe(true);
  });
  it.each(["Key stakeholders to be engaged", "Review the MARAC process", "Green Street station refurbishment"])("%j is not", (text) => {
    expect(isLegendText(text)).toBe(false);
  });
});
