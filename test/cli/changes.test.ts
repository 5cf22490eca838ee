// `boardpack changes old new`: pairs of trackers with known changes, in different shapes.
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ChangeReport } from "../../src/model/changes.js";
import { actionByRef, clonePlan, colpQuarter, writeTracker } from "../helpers/change-pairs.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { DATA, samplePlan } from "../helpers/tracker.js";

const COLP = join(DATA, "colp-da-action-plan.xlsx");

async function changesJson(args: string[]): Promise<ChangeReport & { ok: boolean; diagnostics: { code: string; severity: string; message: string }[] }> {
  const r = await runCli(["changes", ...args, "--json"]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** Each change as "kind ref", for comparing the whole list at once. */
function kinds(report: ChangeReport): string[] {
  return report.changes.map((c) => `${c.kind} ${c.ref}`).sort();
}

describe("boardpack changes: last quarter's legacy tracker against this quarter's standard one", () => {
  it("reports every change exactly once, with both values as written, and nothing unchanged", async () => {
    const dir = tempDir();
    const { now } = await colpQuarter();
    const newPath = await writeTracker(now, dir, "colp-q3.xlsx");
    const report = await changesJson([COLP, newPath, "--as-of", "2016-11-30"]);

    expect(kinds(report)).toEqual(
      [
        "status 1.10", "rag 1.10", // completed, and re-rated Amber → Blue
        "due 1.11", "due 5.6", // slipped, brought forward
        "rag 6.7", "rag 2.10", // deteriorated
        "owner 1.3",
        "update 4.1",
        "title 3.40", // renumbered and reworded: matched by title
        "removed 1.4",
        "new 5.20",
      ].sort(),
    );
    const one = (kind: string, ref: string) => report.changes.find((c) => c.kind === kind && c.ref === ref)!;
    expect(one("status", "1.10")).toMatchObject({ before: "In progress", after: "Complete", from: "in-progress", to: "complete", direction: "completed", matchedBy: "ref" });
    expect(one("rag", "1.10")).toMatchObject({ before: "Amber", after: "Blue", direction: "better" });
    expect(one("due", "1.11")).toMatchObject({ before: "Q4 2016/17", after: "30/06/2017", from: "2017-03-31", to: "2017-06-30", direction: "later", days: 91 });
    expect(one("due", "5.6")).toMatchObject({ before: "Mar-17", after: "28/02/2017", direction: "earlier", days: -31 });
    expect(one("rag", "6.7")).toMatchObject({ before: "Green", after: "Red", direction: "worse" });
    expect(one("rag", "2.10")).toMatchObject({ before: "Amber", after: "Red", direction: "worse" });
    expect(one("owner", "1.3")).toMatchObject({ before: "DI PPU", after: "DCI PPU" });
    expect(one("title", "3.40")).toMatchObject({ oldRef: "3.4", matchedBy: "title" });
    expect(one("removed", "1.4")).toMatchObject({ oldRef: "1.4", theme: "Understanding & Identifying Risk", old: { sheet: "Tactical Plan", row: 9 } });
    expect(one("new", "5.20")).toMatchObject({ theme: "Training and Development", oldRef: null, matchedBy: null });

    // Source cells on both sides: the legacy sheet's RAG column and the standard Tracker's.
    expect(one("rag", "6.7").old?.cell).toMatch(/^'Tactical Plan'![A-Z]+\d+$/);
    expect(one("rag", "6.7").new?.cell).toMatch(/^Tracker!H\d+$/);

    expect(report.counts).toMatchObject({ new: 1, removed: 1, completed: 1, slipped: 1, broughtForward: 1, reRated: 3, deteriorated: 2, improved: 1, reOwned: 1, updated: 1, retitled: 1, newlyOverdue: 0, movedTheme: 0 });
    expect(report.counts.unchanged).toBe(57 - 1 - 8); // 57 actions, 1 removed, 8 changed (the new one not counted)
    expect(report.matching).toEqual({ byRef: 55, byTitle: 1, pinned: 0 });
    expect(report.matches).toEqual([expect.objectContaining({ oldRef: "3.4", ref: "3.40", matchedBy: "title" })]);
    expect(report.themeRenames).toEqual([{ from: "Training", to: "Training and Development", actions: 9 }]);
    expect(report.diagnostics.filter((d) => d.code.startsWith("CHANGES_") || d.severity === "error")).toEqual([]);
  });

  it("prints the counts first, then each theme's changes, and flags title matches", async () => {
    const dir = tempDir();
    const { now } = await colpQuarter();
    const newPath = await writeTracker(now, dir, "colp-q3.xlsx");
    const r = await runCli(["changes", COLP, newPath, "--as-of", "2016-11-30"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(`Changes from ${COLP} to ${newPath}, as of 30 November 2016`);
    expect(r.stdout).toContain("1 new, 1 removed, 1 completed, 1 slipped, 1 brought forward, 3 re-rated (2 worse, 1 better), 1 re-owned, 1 action reworded, 1 update rewritten; 48 unchanged.");
    expect(r.stdout).toContain('Theme renamed: "Training" → "Training and Development" (9 actions).');
    expect(r.stdout).toContain("due: Q4 2016/17 → 30/06/2017 (91 days later)");
    expect(r.stdout).toContain("status: In progress → Complete (completed)");
    expect(r.stdout).toMatch(/3\.40 \(was 3\.4\) {2}Coercive control .*\[matched by title\]/);
    // Themes in the tracker's order, each once.
    const headings = lines.filter((l, i) => lines[i - 1] === "" && i > 5 && /: \d/.test(l)).map((l) => l.split(":")[0]);
    expect(headings).toEqual(["Understanding & Identifying Risk", "Prioritising & allocating domestic abuse investigations", "Safeguarding victims at medium & standard risk", "Views of victims", "Training and Development", "Leadership and Governance"]);
  });

  it("finds no changes between a tracker and itself, or its own conversion (CSV or xlsx)", async () => {
    const dir = tempDir();
    const { plan } = await samplePlan("colp-da-action-plan.xlsx");
    const same = await changesJson([COLP, COLP, "--as-of", "2016-11-30"]);
    expect(same.changes).toEqual([]);
    expect(same.counts.unchanged).toBe(57);
    const csv = await writeTracker(plan, dir, "colp.csv");
    const xlsx = await writeTracker(plan, dir, "colp.xlsx");
    for (const converted of [csv, xlsx]) {
      const r = await changesJson([COLP, converted, "--as-of", "2016-11-30"]);
      expect(r.changes).toEqual([]);
      expect(r.matching.byRef).toBe(57);
    }
    const text = await runCli(["changes", COLP, COLP]);
    expect(text.stdout).toContain("No changes: every action reads as it did (57 actions).");
  });

  it("matches renumbered refs by title within the theme, and says so", async () => {
    const dir = tempDir();
    const { plan } = await samplePlan("cambs-da-action-plan.csv");
    const now = clonePlan(plan);
    // Every ref renumbered as "A-1", "A-2" … and one action completed.
    now.actions.forEach((a, i) => (a.ref = `A-${i + 1}`));
    const target = now.actions.find((a) => a.status !== "complete")!;
    target.status = "complete";
    target.rag = "blue";
    delete target.statusAsWritten; // the new words are the standard ones
    delete target.ragAsWritten;
    const newPath = await writeTracker(now, dir, "cambs-now.xlsx");
    const report = await changesJson([join(DATA, "cambs-da-action-plan.csv"), newPath]);
    expect(report.matching.byTitle).toBe(plan.actions.length);
    expect(report.changes.filter((c) => c.kind === "status")).toEqual([expect.objectContaining({ ref: target.ref, matchedBy: "title", direction: "completed" })]);
    expect(report.changes.filter((c) => c.kind !== "status" && c.kind !== "rag")).toEqual([]);
    // Both values as each tracker wrote them: the CSV's "Ongoing" and "G".
    expect(target.ref).toBe("A-3");
    expect(report.changes.find((c) => c.kind === "status")).toMatchObject({ oldRef: "1.3", before: "Ongoing", after: "Complete", from: "in-progress", to: "complete" });
    expect(report.changes.find((c) => c.kind === "rag")).toMatchObject({ before: "G", after: "Blue", direction: "better" });
  });

  it("counts an action as newly overdue when its due date passed since the old tracker's date", async () => {
    const dir = tempDir();
    const { plan } = await samplePlan("colp-da-action-plan.xlsx");
    const now = clonePlan(plan);
    actionByRef(now, "6.2").due = "2016-11-15"; // was Ongoing: due date set, and now past
    actionByRef(now, "6.2").dueText = null;
    const newPath = await writeTracker(now, dir, "colp-dec.xlsx");
    // 6.3 is due 30/11/2016 and still open: overdue by 14 December, not on 31 October.
    const report = await changesJson([COLP, newPath, "--as-of", "2016-12-14", "--old-as-of", "2016-10-31"]);
    expect(report.changes.filter((c) => c.kind === "overdue").map((c) => [c.ref, c.after, c.days])).toEqual([
      ["6.2", "15/11/2016", 29],
      ["6.3", "30/11/2016", 14],
    ]);
    expect(report.old.date).toBe("2016-10-31");
    // Without --old-as-of only the tracker's own change makes one newly overdue.
    const plain = await changesJson([COLP, newPath, "--as-of", "2016-12-14"]);
    expect(plain.changes.filter((c) => c.kind === "overdue").map((c) => c.ref)).toEqual(["6.2"]);
  });

  it("warns when the two trackers are hardly the same plan", async () => {
    const report = await changesJson([join(DATA, "cambs-da-action-plan.csv"), COLP]);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", code: "CHANGES_FEW_MATCHES" }));
    const r = await runCli(["changes", join(DATA, "cambs-da-action-plan.csv"), COLP]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning CHANGES_FEW_MATCHES only \d+ of the \d+ actions in .*cambs-da-action-plan\.csv match one in/);
  });

  it("stops at duplicate refs with the existing error, naming the cell", async () => {
    const dir = tempDir();
    const dup = join(dir, "dup.csv");
    writeFileSync(dup, "Ref,Action,Owner,Status\n1.1,First,A,Complete\n1.1,Second,B,Open\n");
    const r = await runCli(["changes", dup, COLP]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${dup} A3: error REF_DUPLICATE ref "1.1" is used twice`);
    expect(r.stdout).toBe("");
  });

  it("pins and breaks matches from a match file, and names a ref it does not know", async () => {
    const dir = tempDir();
    const { plan } = await samplePlan("colp-da-action-plan.xlsx");
    const now = clonePlan(plan);
    // 2.10 rewritten completely: only a pin makes it the same action.
    actionByRef(now, "2.10").ref = "2.20";
    actionByRef(now, "2.20").title = "Agree a protocol for sharing information with the Crown Prosecution Service";
    const newPath = await writeTracker(now, dir, "colp-now.xlsx");
    const before = await changesJson([COLP, newPath]);
    expect(kinds(before)).toEqual(["new 2.20", "removed 2.10"]);

    const matches = join(dir, "matches.yaml");
    writeFileSync(matches, 'same:\n  "2.10": "2.20"\ndifferent:\n  "1.1": "1.1"\n');
    const pinned = await changesJson([COLP, newPath, "--match", matches]);
    expect(kinds(pinned)).toEqual(["new 1.1", "removed 1.1", "title 2.20"]);
    expect(pinned.matching.pinned).toBe(1);
    expect(pinned.changes.find((c) => c.kind === "title")).toMatchObject({ oldRef: "2.10", matchedBy: "pinned" });

    writeFileSync(matches, 'same:\n  "2.10": "2.20"\n  "9.9": "1.1"\n');
    const bad = await runCli(["changes", COLP, newPath, "--match", matches]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('matches.yaml:3: error MATCH_REF_UNKNOWN same: "9.9" is not a ref in');

    writeFileSync(matches, "sames:\n  1.1: 1.1\n");
    const typo = await runCli(["changes", COLP, newPath, "--match", matches]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('matches.yaml:1: error MATCH_FILE_INVALID "sames" is not a section');
  });

  it("keeps refs as typed in the match file (1.10 is not 1.1)", async () => {
    const dir = tempDir();
    const copy = join(dir, "same.xlsx");
    copyFileSync(COLP, copy);
    const matches = join(dir, "m.yaml");
    writeFileSync(matches, "different:\n  1.10: 1.10\n");
    const r = await changesJson([COLP, copy, "--match", matches]);
    expect(kinds(r)).toEqual(["new 1.10", "removed 1.10"]);
  });

  it("asks for two trackers", async () => {
    const r = await runCli(["changes", COLP]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("name two trackers: last time's, then this time's");
  });
});

describe("boardpack convert --since: the tracker keeps history", () => {
  it("adds a Changes sheet, one row per change with both values and cells, and 'since' columns to the Summary", async () => {
    const dir = tempDir();
    const { now } = await colpQuarter();
    const newPath = await writeTracker(now, dir, "colp-q3.xlsx");
    const out = join(dir, "tracker.xlsx");
    const r = await runCli(["convert", newPath, "--since", COLP, "--old-as-of", "31/10/2016", "--as-of", "30/11/2016", "-o", out]);
    expect(r.code, r.stderr).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tracker", "Summary", "Changes", "Data issues", "Key"]);
    const changes = wb.getWorksheet("Changes")!;
    const rows = changes.getSheetValues().slice(2).map((row) => (row as ExcelJS.CellValue[]).slice(1));
    expect(changes.getRow(1).values).toEqual([undefined, "Theme", "Ref", "Ref before", "Action text", "Change", "Before", "Now", "By how much", "Matched by", "Cell before", "Cell now"]);
    expect(rows).toHaveLength(11);
    expect(rows).toContainEqual(["Understanding & Identifying Risk", "1.11", undefined, expect.stringContaining("BWC footage"), "Slipped", "Q4 2016/17", "30/06/2017", "91 days later", "Ref", "'Tactical Plan'!D16", "Tracker!F11"]);
    expect(rows).toContainEqual(["Understanding & Identifying Risk", "1.10", undefined, expect.any(String), "Completed", "In progress", "Complete", undefined, "Ref", "'Tactical Plan'!E15", "Tracker!G10"]);
    expect(rows).toContainEqual(["Safeguarding victims at medium & standard risk", "3.40", "3.4", expect.any(String), "Action reworded", expect.any(String), expect.any(String), undefined, "Title (check)", "'Tactical Plan'!B34", "Tracker!D27"]);

    const summary = wb.getWorksheet("Summary")!;
    expect(summary.getRow(4).values).toEqual(expect.arrayContaining(["Completed since 31/10/2016", "New since 31/10/2016", "Slipped since 31/10/2016"]));
    // exceljs gives a cached 0 as no result.
    const result = (row: number, col: number) => (summary.getCell(row, col).value as { result?: number }).result ?? 0;
    expect([result(5, 10), result(5, 11), result(5, 12)]).toEqual([1, 0, 1]); // Understanding & Identifying Risk
    expect(summary.getCell(9, 1).value).toBe("Training and Development");
    expect([result(9, 10), result(9, 11), result(9, 12)]).toEqual([0, 1, 0]);
    expect([result(11, 10), result(11, 11), result(11, 12)]).toEqual([1, 1, 1]); // Total

    // The Changes sheet is history, not actions: reading the tracker back gives this quarter's plan.
    const back = await runCli(["changes", newPath, out, "--json"]);
    expect(JSON.parse(back.stdout).changes).toEqual([]);
  });

  it("refuses --since for plan.json or CSV, and --old-as-of without --since", async () => {
    const dir = tempDir();
    const json = await runCli(["convert", COLP, "--since", COLP, "-o", join(dir, "plan.json")]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain("--since adds a Changes sheet to the RAG tracker: write it with -o tracker.xlsx");
    const alone = await runCli(["convert", COLP, "--old-as-of", "31/10/2016", "-o", join(dir, "t.xlsx")]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("--old-as-of is about last time's tracker: give it with --since last-tracker.xlsx");
  });
});
