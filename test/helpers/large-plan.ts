// A large plan with text like a real tracker's (actions of about 80 characters, updates of about
// 300 with curly apostrophes and dashes, owners, real due dates beside "Q4 2016/17" and
// "Ongoing"), for tests of how much memory reading such a tracker back takes. Deterministic.
import type { Action, Plan, Rag, Status } from "../../src/model/schema.js";

const THEMES = [
  "Understanding and identifying risk",
  "Investigation and evidence gathering",
  "Safeguarding victims and children",
  "Partnership working and information sharing",
  "Training and continuous professional development",
  "Leadership, governance and performance",
  "Offender management and disruption",
  "Call handling and first response",
];
const VERBS = ["Review", "Embed", "Develop", "Deliver", "Introduce", "Refresh", "Establish", "Audit"];
const OBJECTS = ["the DASH risk assessment process", "the MARAC referral pathway", "body worn video guidance", "the Clare’s Law disclosure scheme", "supervisory review of DA investigations", "the victim contact standards"];
const PURPOSES = ["so that every officer applies it consistently", "with partners across the county", "in line with the HMICFRS recommendations", "to reduce repeat victimisation – and report on it"];
const SENTENCES = [
  "The working group met on {n} March and agreed the revised terms of reference with partners.",
  "A dip sample of {n} investigations found that supervisory reviews were recorded in most cases.",
  "Training has been delivered to {n} frontline officers; the remaining shifts are booked for the new year.",
  "The force’s lead officer has presented the findings to the Domestic Abuse Strategic Board.",
  "Partners in health and children’s services have signed the revised information sharing agreement.",
  "Delivery slipped because of abstractions over the summer – a revised timetable has been agreed.",
];
const OWNERS = ["DCI Hayman", "Supt Patel", "Ch Insp O’Brien", "Head of Public Protection", "OPCC Policy Officer", "DS Evans"];
const STATES: [Status, Rag][] = [["complete", "blue"], ["in-progress", "green"], ["in-progress", "amber"], ["in-progress", "red"], ["not-started", "amber"]];

/** A seeded generator (mulberry32), so the plan is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function largePlan(size: number): Plan {
  const rnd = random(size);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const perTheme = Math.ceil(size / THEMES.length);
  const actions: Action[] = [];
  for (let i = 0; i < size; i++) {
    const theme = Math.floor(i / perTheme);
    const [status, rag] = pick(STATES);
    const kind = rnd();
    const day = `${2016 + Math.floor(rnd() * 3)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;
    const sentences = [pick(SENTENCES), pick(SENTENCES), pick(SENTENCES)].map((s) => s.replace("{n}", String(20 + Math.floor(rnd() * 480))));
    actions.push({
      ref: `${theme + 1}.${i - theme * perTheme + 1}`,
      theme: `theme-${theme + 1}`,
      recommendation: null,
      title: `${pick(VERBS)} ${pick(OBJECTS)} ${pick(PURPOSES)}.`,
      owner: pick(OWNERS),
      due: kind < 0.7 ? day : null,
      dueText: kind < 0.7 ? null : kind < 0.85 ? "Q4 2016/17" : "Ongoing",
      status,
      rag,
      update: status === "not-started" ? null : sentences.join(" "),
      evidence: null,
      extra: {},
      source: { sheet: "Action plan", row: i + 4 },
    });
  }
  return {
    schemaVersion: 1,
    title: "Domestic abuse action plan",
    source: { file: "large.xlsx", sheets: ["Action plan"] },
    themes: THEMES.map((title, i) => ({ id: `theme-${i + 1}`, title })),
    actions,
    reports: [],
    recommendations: [],
  };
}
