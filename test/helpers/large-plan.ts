// A large plan with realistic text (the benchmark's synthetic tracker: actions of about 80
// characters, updates of about 300 with curly quotes and dashes, real due dates beside "Q4 2016/17"
// and "Ongoing"), for tests of how much memory reading such a tracker back takes.
import { trackerRows } from "../../scripts/bench/generate.js";
import type { Action, Plan, Rag, Status } from "../../src/model/schema.js";

const STATUS: Record<string, Status> = { Complete: "complete", "In progress": "in-progress", "Not started": "not-started" };

export function largePlan(size: number): Plan {
  const { themes, rows } = trackerRows(size) as { themes: string[]; rows: { ref: string; theme: string; action: string; owner: string; due: Date | string; status: string; rag: string; update: string }[] };
  const themeId = (title: string) => `theme-${themes.indexOf(title) + 1}`;
  const actions: Action[] = rows.map((r, i) => ({
    ref: r.ref,
    theme: themeId(r.theme),
    recommendation: null,
    title: r.action,
    owner: r.owner,
    due: r.due instanceof Date ? r.due.toISOString().slice(0, 10) : null,
    dueText: r.due instanceof Date ? null : r.due,
    status: STATUS[r.status]!,
    rag: r.rag.toLowerCase() as Rag,
    update: r.update === "" ? null : r.update,
    evidence: null,
    extra: {},
    source: { sheet: "Action plan", row: i + 4 },
  }));
  return {
    schemaVersion: 1,
    title: "Domestic abuse action plan",
    source: { file: "large.xlsx", sheets: ["Action plan"] },
    themes: themes.map((title) => ({ id: themeId(title), title })),
    actions,
    reports: [],
    recommendations: [],
  };
}
