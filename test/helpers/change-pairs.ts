// Pairs of trackers with known changes between them, made with our own readers and writers:
// last time's tracker as a sample is (legacy shape), this time's as the standard tracker or CSV.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Action, Plan } from "../../src/model/schema.js";
import { renderTrackerCsv } from "../../src/render/xlsx/render-tracker-csv.js";
import { samplePlan, trackerBytes } from "./tracker.js";

export function clonePlan(plan: Plan): Plan {
  return structuredClone(plan);
}

export function actionByRef(plan: Plan, ref: string): Action {
  const a = plan.actions.find((x) => x.ref === ref);
  if (!a) throw new Error(`no action ${ref}`);
  return a;
}

/** Writes the plan as the standard tracker (.xlsx) or its CSV, and returns the path. */
export async function writeTracker(plan: Plan, dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, name.endsWith(".csv") ? renderTrackerCsv(plan) : await trackerBytes(plan));
  return path;
}

/** The City of London sample and the changes made to it for this quarter's tracker. */
export async function colpQuarter(): Promise<{ old: Plan; now: Plan }> {
  const { plan: old } = await samplePlan("colp-da-action-plan.xlsx");
  const now = clonePlan(old);
  // Completed: 1.10 (and its RAG to Blue).
  Object.assign(actionByRef(now, "1.10"), { status: "complete", rag: "blue" });
  // Slipped: 1.11 from Q4 2016/17 to 30/06/2017 (91 days later).
  Object.assign(actionByRef(now, "1.11"), { due: "2017-06-30", dueText: null });
  // Brought forward: 5.6 from Mar-17 to 28/02/2017.
  Object.assign(actionByRef(now, "5.6"), { due: "2017-02-28", dueText: null });
  // Deteriorated: 6.7 Green → Red; 2.10 Amber → Red.
  actionByRef(now, "6.7").rag = "red";
  actionByRef(now, "2.10").rag = "red";
  // Re-owned: 1.3.
  actionByRef(now, "1.3").owner = "DCI PPU";
  // Update rewritten: 4.1.
  actionByRef(now, "4.1").update = "Process agreed with the Victims' Services Unit; first survey sent in November.";
  // Renumbered and reworded: 3.4 is now 3.40, "in depth" → "in more depth".
  const renumbered = actionByRef(now, "3.4");
  renumbered.ref = "3.40";
  renumbered.title = renumbered.title.replace("in depth", "in more depth");
  // Removed: 1.4. New: 5.20 in Training.
  now.actions = now.actions.filter((a) => a.ref !== "1.4");
  const training = now.actions.findIndex((a) => a.ref === "5.7");
  now.actions.splice(training + 1, 0, {
    ...clonePlan(old).actions[training + 1]!,
    ref: "5.20",
    theme: "training",
    title: "Refresher training on stalking and harassment for all response officers",
    owner: "Training Manager",
    due: "2017-09-30",
    dueText: null,
    status: "not-started",
    rag: "green",
    update: null,
    evidence: null,
    extra: {},
  });
  // Renamed: "Training" → "Training and Development".
  now.themes = now.themes.map((t) => (t.id === "training" ? { ...t, title: "Training and Development" } : t));
  return { old, now };
}
