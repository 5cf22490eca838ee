import { describe, expect, it } from "vitest";
import { cleanTitle } from "../../src/compose/title.js";

describe("a tracker's title as a paper's subject", () => {
  it("drops the marking and the words about the spreadsheet, and keeps the marking", () => {
    expect(cleanTitle("Domestic Abuse Action Plan – internal tactical working document – OFFICIAL")).toEqual({ text: "Domestic Abuse Action Plan", marking: "OFFICIAL" });
    expect(cleanTitle("OFFICIAL-SENSITIVE: DA Action Plan (internal working document)")).toEqual({ text: "DA Action Plan", marking: "OFFICIAL-SENSITIVE" });
    expect(cleanTitle("City of London Police DA Action Plan - OFFICIAL SENSITIVE")).toEqual({ text: "City of London Police DA Action Plan", marking: "OFFICIAL-SENSITIVE" });
    expect(cleanTitle("Force plan | PROTECT - POLICE")).toEqual({ text: "Force plan", marking: "PROTECT - POLICE" });
  });

  it("leaves a subject that only uses the words alone", () => {
    expect(cleanTitle("Official statistics plan")).toEqual({ text: "Official statistics plan", marking: null });
    expect(cleanTitle("Tactical Plan")).toEqual({ text: "Tactical Plan", marking: null });
    expect(cleanTitle("RESTRICTED")).toEqual({ text: "RESTRICTED", marking: "RESTRICTED" });
  });
});
