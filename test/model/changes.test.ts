// compareTrackers, the plain function in model/: matching and what counts as a change.
import { describe, expect, it } from "vitest";
import { compareTrackers, daysBetween, refKey } from "../../src/model/changes.js";
import type { Action, Plan } from "../../src/model/schema.js";
import { titleSimilarity } from "../../src/model/title-similarity.js";

function action(ref: string, theme: string | null, title: string, more: Partial<Action> = {}): Action {
  return { ref, theme, recommendation: null, title, owner: "DI Smith", due: "2017-03-31", dueText: null, status: "in-progress", rag: "amber", update: null, evidence: null, extra: {}, source: { sheet: "Plan", row: 2 }, ...more };
}

function plan(themes: [string, string][], actions: Action[]): Plan {
  return { schemaVersion: 1, title: "DA action plan", source: { file: "t.xlsx", sheets: ["Plan"] }, themes: themes.map(([id, title]) => ({ id, title })), actions, reports: [], recommendations: [] };
}

const compare = (a: Plan, b: Plan, asOf = "2016-11-30") => compareTrackers(a, b, { oldFile: "old.xlsx", newFile: "new.xlsx", asOf });

const TITLES = [
  "Brief all Force Control Room staff on the initial assessment of risk",
  "Deliver DASH risk assessment training to every response officer",
  "Review the domestic abuse standard operating procedure",
  "Set up a monthly domestic abuse performance meeting",
];

describe("compareTrackers", () => {
  it("reports a renamed theme once, not as every action moving", () => {
    const old = plan([["t", "Training"]], TITLES.map((t, i) => action(`1.${i + 1}`, "t", t)));
    const now = plan([["td", "Training and Development"]], TITLES.map((t, i) => action(`1.${i + 1}`, "td", t)));
    const { report } = compare(old, now);
    expect(report.themeRenames).toEqual([{ from: "Training", to: "Training and Development", actions: 4 }]);
    expect(report.changes).toEqual([]);
  });

  it("reports an action moved to another theme that both trackers have", () => {
    const themes: [string, string][] = [["a", "Risk"], ["b", "Training"]];
    const old = plan(themes, [action("1.1", "a", TITLES[0]!), action("2.1", "b", TITLES[1]!)]);
    const now = plan(themes, [action("1.1", "b", TITLES[0]!), action("2.1", "b", TITLES[1]!)]);
    expect(compare(old, now).report.changes).toEqual([expect.objectContaining({ kind: "theme", ref: "1.1", before: "Risk", after: "Training", direction: "moved" })]);
  });

  it("follows a title to its new ref when refs were renumbered, rather than pairing by the old ref", () => {
    // 1.2 was removed and the rest renumbered: old 1.3 is now 1.2, old 1.4 now 1.3.
    const old = plan([["t", "Plan"]], TITLES.map((t, i) => action(`1.${i + 1}`, "t", t)));
    const now = plan([["t", "Plan"]], [0, 2, 3].map((k, i) => action(`1.${i + 1}`, "t", TITLES[k]!)));
    const { report } = compare(old, now);
    expect(report.changes.map((c) => `${c.kind} ${c.oldRef}→${c.ref}`)).toEqual(["removed 1.2→1.2"]);
    expect(report.matches.map((m) => `${m.oldRef}→${m.ref}`)).toEqual(["1.3→1.2", "1.4→1.3"]);
  });

  it("keeps one ref as one action when only its wording changed", () => {
    const old = plan([["t", "Plan"]], [action("1.1", "t", TITLES[0]!)]);
    const now = plan([["t", "Plan"]], [action("1.1", "t", "Brief every Control Room call handler about THRIVE")]);
    expect(compare(old, now).report.changes).toEqual([expect.objectContaining({ kind: "title", matchedBy: "ref" })]);
  });

  it("does not count spacing, or an owner's capitals and full stops, as a change", () => {
    const old = plan([], [action("1", null, TITLES[0]!, { owner: "D.I. Smith", update: "Done  in\nMay" })]);
    const now = plan([], [action("1", null, TITLES[0]!.replace(" ", "  "), { owner: "DI SMITH", update: "Done in May" })]);
    expect(compare(old, now).report.changes).toEqual([]);
  });

  it("tells which way a due date moved and by how many days, and words that are not dates", () => {
    const old = plan([], [action("1", null, "a", { due: "2017-03-31", dueText: "Mar-17" }), action("2", null, "b", { due: null, dueText: "Ongoing" }), action("3", null, "c", { due: null, dueText: "TBC" })]);
    const now = plan([], [action("1", null, "a", { due: "2017-03-31" }), action("2", null, "b", { due: "2017-06-30" }), action("3", null, "c", { due: null, dueText: "Ongoing" })]);
    const changes = compare(old, now).report.changes;
    // "Mar-17" and 31/03/2017 are the same day: no change for 1.
    expect(changes.map((c) => [c.ref, c.kind, c.direction, c.before, c.after])).toEqual([
      ["2", "due", "set", "Ongoing", "30/06/2017"],
      ["3", "due", "changed", "TBC", "Ongoing"],
    ]);
    expect(daysBetween("2017-03-31", "2017-06-30")).toBe(91);
    expect(daysBetween("2016-02-28", "2016-03-01")).toBe(2); // a leap year
  });

  it("reads refs as a user does", () => {
    expect(refKey(" 1.3. ")).toBe(refKey("1.3"));
    expect(refKey("1.10")).not.toBe(refKey("1.1"));
  });

  it("rates titles alike by their words, not their order or spacing", () => {
    expect(titleSimilarity("Train all staff", "train ALL  staff.")).toBe(1);
    expect(titleSimilarity("Coercive control covered in depth", "Coercive control covered in more depth")).toBeGreaterThan(0.8);
    expect(titleSimilarity(TITLES[0]!, TITLES[3]!)).toBeLessThan(0.4);
  });

  it("is pinned and broken by match rules, and names rules it cannot apply", () => {
    const old = plan([], [action("1", null, TITLES[0]!), action("2", null, TITLES[1]!)]);
    const now = plan([], [action("1", null, TITLES[0]!), action("9", null, TITLES[2]!)]);
    const { report, diagnostics } = compareTrackers(old, now, {
      oldFile: "old.xlsx",
      newFile: "new.xlsx",
      asOf: "2016-11-30",
      rules: { file: "m.yaml", same: [{ old: "2", new: "9", line: 2 }, { old: "7", new: "1", line: 3 }], different: [{ old: "1", new: "1", line: 5 }] },
    });
    expect(diagnostics).toEqual([{ severity: "error", code: "MATCH_REF_UNKNOWN", message: 'same: "7" is not a ref in old.xlsx', file: "m.yaml", line: 3 }]);
    expect(report.changes.map((c) => `${c.kind} ${c.ref}`).sort()).toEqual(["new 1", "removed 1", "title 9"]);
  });
});
