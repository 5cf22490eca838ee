// Synthetic trackers for `npm run bench`: realistic text (an action of about 80 characters, an
// update of about 300), 6–12 themes, mixed statuses and RAG ratings, real due dates beside
// "Mar-17", "Q4 2016/17" and "Ongoing". Deterministic (a seeded generator, fixed document dates
// and zip times), so a cached file is the same file on every machine.
import { mkdirSync, renameSync } from "node:fs";
import { dirname } from "node:path";
import ExcelJS from "exceljs";

const THEMES = [
  "Understanding and identifying risk",
  "Investigation and evidence gathering",
  "Safeguarding victims and children",
  "Partnership working and information sharing",
  "Training and continuous professional development",
  "Leadership, governance and performance",
  "Offender management and disruption",
  "Call handling and first response",
  "Victim satisfaction and engagement",
  "Stalking and harassment",
  "Honour based abuse and forced marriage",
  "Digital evidence and body worn video",
];

const VERBS = ["Review", "Embed", "Develop", "Deliver", "Introduce", "Refresh", "Establish", "Audit", "Publish", "Evaluate", "Extend", "Strengthen"];
const OBJECTS = [
  "the DASH risk assessment process", "the MARAC referral pathway", "body worn video guidance", "the domestic abuse matters training",
  "the repeat victim identification process", "supervisory review of DA investigations", "the Clare's Law disclosure scheme",
  "the multi-agency safeguarding hub", "the evidence-led prosecution checklist", "the domestic violence protection order process",
  "the call handling THRIVE assessment", "the victim contact standards", "the perpetrator programme referral route",
];
const PURPOSES = [
  "so that every officer applies it consistently", "to improve the quality of first response", "with partners across the county",
  "and report progress to the strategic board", "in line with the HMICFRS recommendations", "to reduce repeat victimisation",
  "so that victims receive a consistent service", "and measure its effect on outcomes",
];
const UPDATE_SENTENCES = [
  "The working group met on {d} {m} and agreed the revised terms of reference with partners.",
  "A dip sample of {n} investigations found that supervisory reviews were recorded in {p}% of cases, up from {q}% in the spring.",
  "Training has been delivered to {n} frontline officers; the remaining shifts are booked for the new year.",
  "The force’s lead officer has presented the findings to the Domestic Abuse Strategic Board, which endorsed the approach.",
  "Guidance has been refreshed and published on the intranet, with a briefing note circulated to all sergeants.",
  "Performance data is now reported monthly through the force performance framework and reviewed by the ACC.",
  "Partners in health and children’s services have signed the revised information sharing agreement.",
  "Delivery slipped because of abstractions over the summer; a revised timetable has been agreed with the lead.",
  "An evaluation by the university is due to report in the spring and will inform the next phase of work.",
  "The independent domestic violence advisers are now co-located in the hub two days a week.",
  "Victim feedback gathered by the OPCC shows higher satisfaction with updates and contact ({p}%, up from {q}%).",
  "This action is complete; the process is business as usual and will be audited annually.",
];
const OWNERS = ["DCI Hayman", "Supt Patel", "DI Morgan", "Ch Insp O’Brien", "Head of Public Protection", "OPCC Policy Officer", "Learning & Development", "DS Evans", "T/Supt Jones", "Force Crime Registrar"];
const STATUSES = [
  { status: "Complete", rag: "Blue" },
  { status: "In progress", rag: "Green" },
  { status: "In progress", rag: "Amber" },
  { status: "In progress", rag: "Red" },
  { status: "Not started", rag: "Amber" },
  { status: "Not started", rag: "Green" },
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** mulberry32: a small, fast, seeded generator. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

/** An action of roughly 80 characters. */
function actionText(rnd) {
  let text = `${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)} ${pick(rnd, PURPOSES)}`;
  if (text.length < 70) text += ` by the end of the year`;
  return text.length > 95 ? `${text.slice(0, text.lastIndexOf(" ", 92))}.` : `${text}.`;
}

/** An update of roughly 300 characters: three or four sentences. */
function updateText(rnd) {
  const parts = [];
  let length = 0;
  while (length < 260) {
    const s = pick(rnd, UPDATE_SENTENCES);
    if (parts.includes(s)) continue;
    parts.push(s);
    length += s.length + 1;
  }
  return parts.map((s) => fill(rnd, s)).join(" ");
}

/** Figures and dates in a sentence, so that updates differ as real ones do. */
function fill(rnd, sentence) {
  return sentence
    .replace("{n}", String(20 + Math.floor(rnd() * 480)))
    .replace("{p}", String(75 + Math.floor(rnd() * 24)))
    .replace("{q}", String(50 + Math.floor(rnd() * 24)))
    .replace("{d}", String(1 + Math.floor(rnd() * 28)))
    .replace("{m}", pick(rnd, ["January", "March", "June", "September", "October", "November"]));
}

/** The rows of a tracker of `size` actions, as plain values. */
export function trackerRows(size) {
  const rnd = random(size * 2654435761);
  // 6–12 themes, more in larger plans (8 at 100 actions, 10 at 5,000, 11 at 50,000).
  const themeCount = Math.min(12, 6 + Math.floor(Math.log2(Math.max(2, size)) / 3));
  const themes = THEMES.slice(0, themeCount);
  const perTheme = Math.ceil(size / themeCount);
  const rows = [];
  for (let i = 0; i < size; i++) {
    const t = Math.min(themeCount - 1, Math.floor(i / perTheme));
    const n = i - t * perTheme + 1;
    const { status, rag } = pick(rnd, STATUSES);
    const kind = rnd();
    let due;
    if (kind < 0.6) due = new Date(Date.UTC(2016 + Math.floor(rnd() * 3), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
    else if (kind < 0.75) due = `${pick(rnd, MONTHS)}-${17 + Math.floor(rnd() * 2)}`;
    else if (kind < 0.85) due = `Q${1 + Math.floor(rnd() * 4)} 2016/17`;
    else due = "Ongoing";
    rows.push({
      ref: `${t + 1}.${n}`,
      theme: themes[t],
      action: actionText(rnd),
      owner: pick(rnd, OWNERS),
      due,
      status,
      rag,
      update: status === "Not started" && rnd() < 0.5 ? "" : updateText(rnd),
    });
  }
  return { themes, rows };
}

const HEADERS = ["Ref", "Theme", "Action", "Owner", "Target date", "Status", "RAG", "Update"];
const WHEN = new Date(Date.UTC(2016, 10, 18, 16, 42));

/** Writes the tracker as .xlsx (streamed), to a temporary name then renamed. */
export async function writeTracker(path, size) {
  mkdirSync(dirname(path), { recursive: true });
  const { rows } = trackerRows(size);
  const tmp = `${path}.tmp-${process.pid}`;
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: true });
  book.creator = "bench";
  book.created = WHEN;
  book.modified = WHEN;
  const sheet = book.addWorksheet("Action plan");
  sheet.columns = [8, 30, 60, 22, 12, 14, 8, 80].map((width) => ({ width }));
  sheet.addRow(["Domestic abuse action plan – synthetic tracker for the benchmark"]).commit();
  sheet.addRow([]).commit();
  const header = sheet.addRow(HEADERS);
  header.font = { bold: true };
  header.commit();
  for (const r of rows) {
    const row = sheet.addRow([r.ref, r.theme, r.action, r.owner, r.due, r.status, r.rag, r.update || null]);
    if (r.due instanceof Date) row.getCell(5).numFmt = "dd/mm/yyyy";
    row.commit();
  }
  sheet.commit();
  await book.commit();
  renameSync(tmp, path);
}
