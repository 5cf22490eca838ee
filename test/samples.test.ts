// Every sample in data/ is read in the tests: its plan against a golden plan.json, its
// messages against a golden list, and the facts a user would check first, stated outright.
// Regenerate the goldens after a deliberate change: UPDATE_GOLDEN=1 npx vitest run test/samples.test.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../src/diagnostics/diagnostic.js";
import { loadTracker, type LoadResult } from "../src/ingest/load-tracker.js";
import { countRag, countStatus } from "../src/model/summary.js";
import { COLP_AREAS } from "./helpers/tracker.js";

const DATA = join(import.meta.dirname, "..", "data");
const GOLDEN = join(import.meta.dirname, "fixtures", "golden");
const update = process.env.UPDATE_GOLDEN === "1";

const samples = readdirSync(DATA).filter((f) => [".xlsx", ".csv"].includes(extname(f))).sort();

async function load(name: string): Promise<LoadResult> {
  return loadTracker(join(DATA, name), { displayName: name });
}

function golden(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (update || !existsSync(path)) {
    if (!update) throw new Error(`no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run test/samples.test.ts`);
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe.each(samples)("sample %s", (name) => {
  it("matches its golden plan and messages", async () => {
    const result = await load(name);
    const stem = basename(name, extname(name));
    expect(result.plan).not.toBeNull();
    golden(`${stem}.plan.json`, `${JSON.stringify(result.plan, null, 2)}\n`);
    golden(`${stem}.messages.txt`, result.diagnostics.map(formatDiagnostic).join("\n") + "\n");
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("what a user checks in each sample", () => {
  it("City of London: 57 tasks in 6 key areas, 46 complete and 11 in progress, RAG from fill colour alone", async () => {
    const { plan, diagnostics } = await load("colp-da-action-plan.xlsx");
    expect(plan!.title).toBe("City of London Police – Domestic Abuse Action Plan 2016-17 – Tactical Working Document");
    expect(plan!.themes.map((t) => t.title)).toEqual(COLP_AREAS);
    expect(plan!.actions).toHaveLength(57);
    expect(countStatus(plan!.actions)).toMatchObject({ complete: 46, "in-progress": 11, "not-started": 0, none: 0 });
    expect(countRag(plan!.actions)).toMatchObject({ blue: 46, amber: 8, green: 3, red: 0, none: 0 });
    const byRef = new Map(plan!.actions.map((a) => [a.ref, a]));
    expect(byRef.get("1.10")).toMatchObject({ rag: "amber", due: "2017-03-31", dueText: "Mar-17", source: { sheet: "Tactical Plan", row: 15 } });
    expect(byRef.get("1.1")).toMatchObject({ rag: "blue", status: "complete", due: "2016-04-30", dueText: null });
    expect(byRef.get("2.10")).toMatchObject({ due: "2017-04-30", dueText: "end of April 2017" });
    expect(byRef.get("4.1")!.rag).toBe("amber"); // indexed palette colour
    expect(byRef.get("5.5")!.rag).toBe("amber"); // theme colour
    expect(byRef.get("3.2")!.rag).toBe("blue"); // theme colour with a tint
    expect(byRef.get("6.3")).toMatchObject({ rag: "green", due: "2016-11-30", dueText: null });
    expect(byRef.get("2.4")!.owner).toBe("DS PPU"); // a formula's cached result
    expect(byRef.get("6.6")!.extra).toEqual({ "Partner agency": "Kent Police; Thames Valley Police" });
    expect(byRef.get("6.8")!.evidence).toBe("Action plan on force website");
    expect(byRef.get("1.5")!.update).toMatch(/^Complete\. Quarterly dip sample established/);
    const codes = diagnostics.map((d) => `${d.code} ${d.sheet ?? ""} ${d.row ?? ""}`);
    expect(codes).toContain("SHEET_SKIPPED Dashboard ");
    expect(codes).toContain("LEGEND_ROW Tactical Plan 69");
    expect(codes).toContain("FORMULA_CACHED Tactical Plan 22");
  });

  it("Cambridgeshire: a Windows-1252 CSV with 11 headings comes through with £, curly quotes and dashes intact", async () => {
    const { plan } = await load("cambs-da-action-plan.csv");
    expect(plan!.actions).toHaveLength(30);
    expect(plan!.themes).toHaveLength(11);
    expect(plan!.themes[0]!.title).toBe("Strategic Ownership");
    expect(plan!.themes[7]!.title).toBe('Significantly increase the number of "evidence based prosecutions"');
    expect(countStatus(plan!.actions)).toMatchObject({ complete: 12, "in-progress": 14, "not-started": 4, none: 0 });
    expect(countRag(plan!.actions)).toMatchObject({ blue: 8, green: 10, amber: 8, red: 4, none: 0 });
    const text = JSON.stringify(plan);
    for (const ch of ["£", "“", "”", "’", "–", "é"]) expect(text).toContain(ch);
    expect(text).not.toMatch(/[\u0080-\u009f]/); // no C1 control characters from a wrong decoding
    const split = plan!.actions.find((a) => a.ref === "4.3")!;
    expect(split.rag).toBe("amber");
  });

  it("Lancashire: one sheet per workstream, a 1904-date workbook, status from BRAG", async () => {
    const { plan, diagnostics } = await load("lancs-da-action-plan.xlsx");
    expect(plan!.title).toBe("Pan-Lancashire Domestic Abuse Strategy – Action Plan");
    expect(plan!.themes.map((t) => t.title)).toEqual(["Initial Investigation", "Victim Safety", "Risk Assessment", "Data & Performance", "Management of Perpetrators"]);
    expect(plan!.actions).toHaveLength(28);
    expect(countRag(plan!.actions)).toMatchObject({ blue: 7, green: 10, amber: 7, red: 4, none: 0 });
    expect(countStatus(plan!.actions)).toMatchObject({ complete: 7, "in-progress": 21 });
    expect(plan!.actions.filter((a) => a.dueText === "TBC").map((a) => a.ref)).toEqual(["1.07", "2.05", "4.04", "5.03"]);
    expect(plan!.actions.every((a) => a.due === null || (a.due >= "2014-01-01" && a.due <= "2017-12-31"))).toBe(true);
    expect(diagnostics.some((d) => d.code === "SHEET_SKIPPED" && d.sheet === "Cover")).toBe(true);
  });

  it("inspection tracker: three reports with their recommendations, AFIs and a cause of concern", async () => {
    const { plan } = await load("inspection-recommendations.xlsx");
    expect(plan!.actions).toEqual([]);
    expect(plan!.reports.map((r) => [r.title, r.published])).toEqual([
      ["Evidence led domestic abuse prosecutions", "2020-01-23"],
      ["PEEL: Police effectiveness 2019", "2019-05-02"],
      ["Domestic abuse: the police response – force revisit", "2021-06-17"],
    ]);
    const cjji = plan!.recommendations.filter((r) => r.report === plan!.reports[0]!.id);
    expect(cjji.map((r) => r.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(cjji.filter((r) => r.addressee === "CPS").map((r) => r.number)).toEqual(["7", "8"]);
    const peel = plan!.recommendations.filter((r) => r.report === plan!.reports[1]!.id);
    expect(peel.filter((r) => r.kind === "afi")).toHaveLength(4);
    expect(plan!.recommendations.filter((r) => r.kind === "cause-of-concern")).toHaveLength(1);
  });
});
