// --report: the id, else the title, else words from the title; anything else names the reports.
import { describe, expect, it } from "vitest";
import { findReport, reportLines } from "../../src/compose/s55/find-report.js";
import type { Plan } from "../../src/model/schema.js";

const plan = {
  reports: [
    { id: "evidence-led-domestic-abuse-prosecutions", title: "Evidence led domestic abuse prosecutions", published: "2020-01-23" },
    { id: "peel-police-effectiveness-2019", title: "PEEL: Police effectiveness 2019", published: "2019-05-02" },
    { id: "domestic-abuse-force-revisit", title: "Domestic abuse: the police response – force revisit", published: null },
  ],
} as unknown as Plan;

const chosen = (query: string | undefined) => {
  const c = findReport(plan, query);
  return c.ok ? c.report.id : `${c.problem}: ${c.candidates.map((r) => r.id).join(", ")}`;
};

describe("findReport", () => {
  it("takes the id, the title, or words from the title, ignoring case, spacing and dashes", () => {
    expect(chosen("peel-police-effectiveness-2019")).toBe("peel-police-effectiveness-2019");
    expect(chosen("evidence LED  domestic abuse prosecutions")).toBe("evidence-led-domestic-abuse-prosecutions");
    expect(chosen("peel")).toBe("peel-police-effectiveness-2019");
    expect(chosen("police response - force")).toBe("domestic-abuse-force-revisit");
  });

  it("says when words match several reports, or none", () => {
    expect(chosen("domestic abuse")).toBe("ambiguous: evidence-led-domestic-abuse-prosecutions, domestic-abuse-force-revisit");
    expect(chosen("fraud")).toBe("unknown: evidence-led-domestic-abuse-prosecutions, peel-police-effectiveness-2019, domestic-abuse-force-revisit");
  });

  it("needs no name when the tracker has one report, and asks for one when it has several", () => {
    expect(chosen(undefined)).toMatch(/^not-named: /);
    const one = { reports: [plan.reports[1]] } as unknown as Plan;
    expect(findReport(one, undefined)).toMatchObject({ ok: true, report: { id: "peel-police-effectiveness-2019" } });
    expect(findReport({ reports: [] } as unknown as Plan, undefined)).toMatchObject({ ok: false, problem: "none-in-tracker" });
  });

  it("lists reports with their ids and publication dates, aligned", () => {
    expect(reportLines(plan.reports.slice(1))).toEqual([
      "  peel-police-effectiveness-2019  PEEL: Police effectiveness 2019 (published 02 May 2019)",
      "  domestic-abuse-force-revisit    Domestic abuse: the police response – force revisit (no publication date)",
    ]);
  });
});
