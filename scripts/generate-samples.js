#!/usr/bin/env node
// Writes the four sample trackers in data/ (see data/README.md for what each one is for).
//
//   node scripts/generate-samples.js
//
// Every quirk below is deliberate: it is something a real, hand-grown tracker does and the
// ingest must cope with. The output is deterministic: no randomness, fixed document dates,
// and fixed zip entry times (exceljs stamps every zip entry with "now"; we patch them).
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DATA = join(ROOT, "data");

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/** A calendar date as a UTC-midnight Date, so exceljs writes a whole-number serial. */
function d(iso) {
  const [y, m, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, day));
}

/** A solid fill as Excel writes it: the colour in fgColor, bgColor the system colour 64. */
function solid(fgColor) {
  return { type: "pattern", pattern: "solid", fgColor, bgColor: { indexed: 64 } };
}

const THIN = { style: "thin", color: { argb: "FFBFBFBF" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAP_TOP = { wrapText: true, vertical: "top" };

/**
 * Office 2013–2022 colour scheme. exceljs ships the Office 2007 theme, where accent4 is purple;
 * a workbook saved by a current Excel carries this one, so "Gold, Accent 4" (theme 7) is amber
 * and "Green, Accent 6" (theme 9) is green. The ingest must resolve theme colours from the
 * workbook's own xl/theme/theme1.xml, not from a palette it assumes.
 */
const OFFICE_2013_CLR_SCHEME =
  '<a:clrScheme name="Office">' +
  '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>' +
  '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
  '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>' +
  '<a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2>' +
  '<a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>' +
  '<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6>' +
  '<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink>' +
  "</a:clrScheme>";

function office2013Theme() {
  // exceljs's own theme part, with only the colour scheme swapped.
  const base = createRequire(import.meta.url)("exceljs/lib/xlsx/xml/theme1.js");
  const swapped = base.replace(/<a:clrScheme name="Office">[\s\S]*?<\/a:clrScheme>/, OFFICE_2013_CLR_SCHEME);
  if (swapped === base) throw new Error("exceljs theme1.xml has no Office colour scheme to replace");
  return swapped;
}

/** Fixed document properties, so docProps/core.xml is the same on every run. */
function newWorkbook({ creator, lastModifiedBy, created, modified, title }) {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = lastModifiedBy;
  wb.created = new Date(created);
  wb.modified = new Date(modified);
  if (title) wb.title = title;
  return wb;
}

/**
 * Sets every zip entry's DOS date/time (local header and central directory) to `when`.
 * JSZip, under exceljs, stamps entries with the time of writing and exceljs offers no option
 * to pass a date, so without this the bytes differ from one run to the next.
 */
function fixZipTimes(buf, when) {
  const t = new Date(when);
  const time = (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | Math.floor(t.getUTCSeconds() / 2);
  const date = ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip: no end of central directory");
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(date, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header at ${local}`);
    buf.writeUInt16LE(time, local + 10);
    buf.writeUInt16LE(date, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

/** Writes to a temporary name and renames, so a failure never leaves half a file. */
function writeAtomic(file, bytes) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

async function saveXlsx(wb, name) {
  wb._themes = { theme1: office2013Theme() }; // see OFFICE_2013_CLR_SCHEME
  const buf = fixZipTimes(Buffer.from(await wb.xlsx.writeBuffer()), wb.modified);
  writeAtomic(join(DATA, name), buf);
  return name;
}

// ---------------------------------------------------------------------------------------------
// 1. City of London Police: tactical working document (seed 004)
// ---------------------------------------------------------------------------------------------

// How a RAG fill is encoded. Excel users produce all three: the standard colours (ARGB),
// colours from old workbooks or macros (the legacy indexed palette) and the theme swatches.
const COLP_FILLS = {
  argb: { blue: { argb: "FF0070C0" }, amber: { argb: "FFFFC000" }, green: { argb: "FF00B050" } },
  // legacy palette: 12 = 0000FF blue, 51 = FFCC00 gold, 17 = 008000 green
  indexed: { blue: { indexed: 12 }, amber: { indexed: 51 }, green: { indexed: 17 } },
  // theme (Office 2013+): 4 = accent1 4472C4 blue, 7 = accent4 FFC000 gold, 9 = accent6 70AD47 green
  theme: { blue: { theme: 4 }, amber: { theme: 7 }, green: { theme: 9 } },
  // "Blue, Accent 1, Lighter 40%": theme 4 with Excel's own tint value (≈ 8EA9DB)
  tint: { blue: { theme: 4, tint: 0.3999755851924192 } },
};

const COLP_AREAS = [
  "I   Understanding & Identifying Risk",
  "II   Prioritising & allocating domestic abuse investigations",
  "III   Safeguarding victims at medium & standard risk",
  "IV   Views of victims",
  "V   Training",
  "VI   Leadership and Governance",
];

// Columns: task, lead, target date (Date = date cell, string = typed text), RAG fill as
// "colour" or "colour/encoding", update, evidence, partner agency.
// Every complete task's update starts "Complete" (the Dashboard's COUNTIF relies on it).
const COLP_TASKS = [
  [ // I Understanding & Identifying Risk: 12 tasks, 10 complete
    ["Every DASH risk assessment to be supervised and signed by the Duty Inspector, with the rationale for the risk level recorded.", "Supt Communities", d("2016-04-30"), "blue",
      "Complete. Duty Inspectors sign every DASH risk assessment and record their rationale for the risk level; compliance checked in the PPU DI's dip sample.", "DASH audit April 2016", ""],
    ["PPU DS to review every DASH risk assessment; any change to the risk level to be counter-signed by the PPU DI and the rationale recorded on UNIFI.", "DS PPU", d("2016-04-30"), "blue",
      "Complete. Process in place since April 2016 and described in the Domestic Abuse SOP.", "DA SOP v3.1", ""],
    ["Update the Domestic Abuse Standard Operating Procedure to describe the supervision of DASH risk assessments and to include guidance on stalking & harassment.", "DI PPU", d("2016-05-31"), "blue/indexed",
      "Complete. SOP v3.1 published on the intranet in May 2016.", "DA SOP v3.1", ""],
    ["Intelligence checks for the previous 5 years on suspect and victim to be available 24/7 from Reactive Intelligence Officers (RIOs) in the Force Control Room.", "Head of Intelligence", d("2016-03-31"), "blue",
      "Complete. RIOs trained and providing checks 24/7; results recorded on the incident so the history of reports and any trends are visible.", "", ""],
    ["PPU DI to conduct a quarterly dip sample of DASH risk assessments and intelligence checks, feeding learning back to frontline officers and the Organisational Learning Forum.", "DI PPU", "Ongoing", "blue",
      "Complete. Quarterly dip sample established; the September 2016 sample found intelligence checks completed in all cases reviewed. Learning fed back through the OLF.", "OLF minutes Sept 2016", ""],
    ["Introduce the THRIVE model into the Control Room and train all call handlers.", "Control Room Inspector", d("2016-06-30"), "blue/theme",
      "Complete. All call handlers in Control trained in THRIVE (Threat, Harm, Risk, Investigation, Vulnerability, Engagement).", "Training register", ""],
    ["Create a Standard Message Format (SMF) for domestic abuse reports that lists the questions call handlers follow in line with THRIVE.", "Control Room Inspector", "30/11/2016", "blue",
      "Complete. SMF live on the command and control system.", "", ""],
    ["All CADs relating to domestic abuse to be reviewed and closed by the Control Supervisor, checking that the risk assessment and intelligence checks are complete.", "Control Room Inspector", d("2016-06-30"), "blue",
      "Complete. Closure check added to the Control Supervisor's duties.", "", ""],
    ["Pilot body-worn cameras (BWC) with three uniform response groups and evaluate their usefulness in capturing early evidence for court.", "Supt Communities", d("2016-03-31"), "blue",
      "Complete. Pilot ran early 2016; feedback very positive and BWC have proved very useful in dealing with offenders following arrest.", "Evaluation report", "London Metropolitan University"],
    ["Body-worn cameras to be issued to all frontline officers including Criminal Investigation Dept and PPU.", "Supt Communities", "Mar-17", "amber",
      "In progress. All response groups, the Public Order Unit and Support Group now issued; TFG and Community Officers to be issued by the end of 2016, CID and PPU to follow.", "", ""],
    ["Agree how BWC footage of domestic abuse incidents is handled and stored, and how the use of BWC is monitored.", "Head of Information Management", "Q4 2016/17", "amber",
      "Further actions being considered on the handling and storing of this evidence as well as the monitoring of use. Options paper to the Vulnerability Working Group in January.", "", ""],
    ["Frontline officers to receive awareness training on the 'child coming to notice' form (Form 377); numbers to be monitored at the monthly Crime Performance Meeting.", "DS PPU", d("2016-07-31"), "blue",
      "Complete. Awareness training delivered; Form 377 numbers now a standing item at the Crime Performance Meeting.", "Crime Performance Meeting pack", "Children and Community Services"],
  ],
  [ // II Prioritising & allocating domestic abuse investigations: 11 tasks, 10 complete
    ["All domestic abuse cases, whether incidents or crimes, to be allocated to the PPU to investigate.", "DCI Crime", d("2016-04-30"), "blue",
      "Complete. Allocation policy in place and monitored by the PPU DI.", "", ""],
    ["PPU officers to be trained detectives with specialist training in domestic abuse, honour based violence, forced marriage and rape.", "DI PPU", d("2016-09-30"), "blue",
      "Complete. All PPU officers are trained detectives and have completed the specialist courses.", "Training register", ""],
    ["PPU DS to place a clear investigative plan on every domestic abuse report before allocating it to a DC.", "DS PPU", d("2016-05-31"), "blue",
      "Complete. Investigative plans checked in the monthly PPU supervisor review.", "", ""],
    ["All domestic abuse investigations to be subject to a supervisor review every month.", "formula:DS PPU", d("2016-05-31"), "blue",
      "Complete. Monthly reviews recorded on UNIFI so that every opportunity is taken to bring the offender to justice and safeguard the victim.", "", ""],
    ["Review PPU capacity against domestic abuse demand.", "DCI Crime", d("2016-06-30"), "blue/indexed",
      "Complete. Review found capacity sufficient at current demand; to be revisited when the new crime recording system is implemented.", "Capacity review June 2016", ""],
    ["Ensure out-of-hours charging advice for domestic abuse cases is sought from CPS Direct without delay.", "DI PPU", d("2016-05-31"), "blue",
      "Complete. Guidance issued to custody and PPU.", "", "CPS London"],
    ["Crime Management Unit to flag every domestic abuse crime on UNIFI so it is routed to the PPU.", "Head of Crime Management Unit", d("2016-04-30"), "blue",
      "Complete. DA flag mandatory on crime recording.", "", ""],
    ["Outstanding domestic abuse suspects to be reviewed at the daily management meeting until arrested.", "Supt Communities", d("2016-05-31"), "blue/theme",
      "Complete. Standing item at the daily management meeting.", "", ""],
    ["Where a crime is transferred to another force, all reasonable risks to the victim to be addressed and safeguarding measures put in place before transfer.", "DI PPU", d("2016-06-30"), "blue",
      "Complete. Transfer checklist added to the SOP, reflecting the Force's objective to put victims' interests first whatever the jurisdiction.", "DA SOP v3.1", ""],
    ["Formalise a service level agreement with criminal justice partners that details evidential standards and decision making protocols with regards to domestic abuse.", "DCI Crime", "end of April 2017", "amber",
      "Draft SLA shared with CPS London; awaiting comments on the decision making protocols before it goes to the Steering Group.", "", "CPS London"],
    ["Guidance and briefing for Duty Inspectors on Domestic Violence Protection Notices and Orders (DVPN/DVPO).", "DI PPU", d("2016-07-31"), "blue",
      "Complete. Briefing delivered to all Duty Inspectors; guidance on the intranet.", "", ""],
  ],
  [ // III Safeguarding victims at medium & standard risk: 10 tasks, 9 complete
    ["All frontline officers to be trained in completing the DASH risk assessment and understand their safeguarding responsibility for victims at every level of risk.", "Training Manager", d("2016-06-30"), "blue",
      "Complete. Training delivered to all response groups.", "Training register", ""],
    ["Safeguarding plans for all victims, regardless of risk level, to be reviewed continuously by the PPU.", "DS PPU", "Ongoing", "blue/tint",
      "Complete. Safeguarding plans reviewed as part of the monthly supervisor review.", "", ""],
    ["Interim awareness training on coercive control for frontline officers.", "Training Manager", d("2016-08-31"), "blue",
      "Complete. Interim input delivered at response group briefings.", "", ""],
    ["Coercive control to be covered in depth in the domestic abuse training programme provided by Learning & Development.", "Training Manager", "Mar-17", "amber",
      "Content drafted and included in the rolling programme due to start at the end of December 2016.", "", ""],
    ["Victims identified as high risk to be referred by the PPU to the monthly MARAC.", "DI PPU", d("2016-04-30"), "blue",
      "Complete. All high risk victims referred; attendance monitored.", "", "City of London Corporation"],
    ["Establish Multi-Agency Risk Assessment Conference (MARAC) meetings with the local authority, health, housing and education.", "DI PPU", d("2016-03-31"), "blue",
      "Complete. MARAC meets monthly and addresses the needs of high risk victims.", "MARAC terms of reference", "City of London Corporation"],
    ["Update the PPU intranet site with information on support agencies for all aspects of vulnerability.", "DS PPU", d("2016-10-31"), "blue",
      "Complete. Site relaunched in October 2016.", "", ""],
    ["Victims of domestic abuse to be referred to the Vulnerable Victim Co-ordinator for support and advice independent of the police.", "Vulnerable Victim Co-ordinator", d("2016-04-30"), "blue",
      "Complete. Referral route in place and briefed to officers.", "", ""],
    ["'Adult or Child Coming to Notice' forms to be referred to the relevant partner agencies (social care, housing, mental health teams) as a matter of course.", "DS PPU", d("2016-05-31"), "blue",
      "Complete. Referral is automatic on completion of the form.", "", "Children and Community Services"],
    ["Publicise referral routes to the Independent Domestic Violence Advisor (IDVA) service to frontline officers.", "Vulnerable Victim Co-ordinator", "30/11/2016", "blue",
      "Complete. Referral routes briefed and added to the intranet site.", "", "City of London Corporation"],
  ],
  [ // IV Views of victims: 7 tasks, 6 complete
    ["Create a formalised process to regularly seek the views of victims of domestic abuse and act on the feedback.", "DCI Crime", "Q4 2016/17", "amber/indexed",
      "Awaiting Home Office/College of Policing guidance on an example question set; interim question set in use (see 4.2).", "", ""],
    ["Vulnerable Victim Co-ordinator to ask victims an agreed set of questions at the end of her survey.", "Vulnerable Victim Co-ordinator", d("2016-07-31"), "blue",
      "Complete. Questions added in July 2016.", "", ""],
    ["PPU DI to monitor the outcomes of the victim question set and report any adverse findings to the Vulnerability Working Group.", "DI PPU", "Ongoing", "blue",
      "Complete. Standing item at the Vulnerability Working Group.", "VWG minutes", ""],
    ["Agree the five-question set on satisfaction with the initial response, the investigation, what went well, what could be better and feeling safer.", "DCI Crime", d("2016-06-30"), "blue",
      "Complete. Question set agreed by the Vulnerability Working Group.", "", ""],
    ["Seek guidance from the Home Office on the mandatory return of domestic abuse victim survey data from 1 April 2016.", "Head of Performance", d("2016-07-31"), "blue",
      "Complete. Home Office guidance received July 2016; it did not provide an example question set.", "", "Home Office"],
    ["Assess the safeguarding risk of contacting victims for feedback, so that no victim is cold called or sent a survey that puts them at risk.", "DI PPU", d("2016-05-31"), "blue",
      "Complete. Contact made only through the Vulnerable Victim Co-ordinator once safety has been assessed.", "", ""],
    ["Feed victims' comments into the Organisational Learning Forum.", "DI PPU", d("2016-09-30"), "blue",
      "Complete. First feedback considered at the OLF in September 2016.", "OLF minutes Sept 2016", ""],
  ],
  [ // V Training: 9 tasks, 6 complete
    ["Learning & Development to submit a business case for a rolling training programme on domestic abuse and vulnerability to the Training Improvement Board (TIB).", "Training Manager", d("2016-06-09"), "blue",
      "Complete. Business case submitted on 9 June 2016.", "", ""],
    ["TIB to approve a schedule of training for the Force on domestic abuse and vulnerability.", "Training Manager", d("2016-07-31"), "blue",
      "Complete. Approved; placed second on the priority training list after counter terrorism training.", "TIB minutes", ""],
    ["Scope an external domestic abuse training package used by other forces that incorporates the HMIC recommendations.", "Training Manager", d("2016-09-30"), "blue",
      "Complete. Package reviewed with two forces that use it.", "", ""],
    ["Create a draft training package with bespoke content for City of London Police officers and staff.", "Training Manager", d("2016-10-31"), "blue",
      "Complete. Draft package created; content at Appendix B.", "Appendix B", ""],
    ["Domestic Abuse training package to be fully rolled out across the Force.", "Training Manager", "Q4 2016/17", "amber/theme",
      "Face to face training scheduled from the end of December 2016 to February 2017.", "", ""],
    ["Make the training mandatory for all officers up to the rank of Inspector, including ECD officers and staff, PCSOs, Crime Management Unit, Control Room and Front Office staff.", "Training Manager", "Mar-17", "amber",
      "Nominations being collected from each directorate; ECD numbers still to be confirmed.", "", ""],
    ["Issue pre- and post-training surveys to assess officers' and staff's understanding and learning.", "Training Manager", "Mar-17", "green",
      "On track. Surveys drafted and will be issued with the first course.", "", ""],
    ["Include the personal experiences of victims and the participation of specialist domestic abuse organisations in the training.", "Training Manager", d("2016-10-31"), "blue",
      "Complete. Specialist provider has agreed to co-deliver sessions.", "", "Specialist DA provider"],
    ["Train Reactive Intelligence Officers to provide up-to-date intelligence on the vulnerability of victims 24/7.", "Head of Intelligence", d("2016-03-31"), "blue",
      "Complete. All RIOs trained.", "", ""],
  ],
  [ // VI Leadership and Governance: 8 tasks, 5 complete
    ["Create a list of performance indicators for a domestic abuse dashboard, including Home Office and HMIC data return requests.", "Head of Performance", d("2016-08-31"), "blue",
      "Complete. 20 sets of data agreed (Appendix B); 9 of them can be extracted from the crime recording system.", "Appendix B", ""],
    ["Back-date the manually searched dashboard data to 1 April 2016 and update the dashboard monthly for the Vulnerability Working Group.", "Head of Performance", "Ongoing", "amber",
      "Manual back-dating under way; each case has to be looked at individually. Should be quicker once the new crime recording system is implemented.", "", ""],
    ["FIB to develop a Domestic Abuse Problem Profile covering stalking, harassment, honour based violence and forced marriage.", "FIB Manager", "30/11/2016", "green/indexed",
      "On track. Awaiting partner agency data; profile expected to be complete by the end of 2016.", "", "City of London Corporation"],
    ["Add 'High Vulnerability People' to the force strategic assessment.", "FIB Manager", d("2016-06-30"), "blue",
      "Complete. Thematic area added to the strategic assessment.", "", ""],
    ["Establish the Vulnerability Working Group (monthly, chaired by the Crime DCI) reporting to the Vulnerability Steering Group (quarterly, chaired by the Commander Operations).", "Commander Operations", d("2016-05-31"), "blue",
      "Complete. Both groups meeting; the Lead Member for Public Protection and Safeguarding attends the Steering Group.", "VSG terms of reference", ""],
    ["Commission a local peer assessment of the Force's response to domestic abuse.", "DCI Crime", d("2016-08-31"), "blue",
      "Complete. Peer assessment conducted by Kent Police and Thames Valley Police in August 2016 and documented.", "Peer review report", "Kent Police; Thames Valley Police"],
    ["Take part in a peer to peer case scrutiny exercise with the London & SE Safeguarding Adults lead.", "DCI Crime", "Q4 2016/17", "green/theme",
      "On track. DCI liaising with the chair; first exercise pencilled in for February.", "", "London & SE Safeguarding Adults Board"],
    ["Publish the updated domestic abuse action plan on the Force's external website.", "Head of Performance", d("2016-03-31"), "blue",
      "Complete. Published March 2016 (Appendix A).", "link:Action plan on force website", ""],
  ],
];

const COLP_HEADER = ["Task No.", "Task", "Lead", "Target date", "RAG", "Update (Nov 2016)", "Evidence", "Partner agency"];

// The task whose Update is rich text (a bold "Complete." run, then plain text).
const COLP_RICH_TEXT_TASK = "1.5";
const COLP_HYPERLINK = "https://www.cityoflondon.police.uk/advice-and-information/domestic-abuse/";

async function colpDaActionPlan() {
  const wb = newWorkbook({
    creator: "Crime Directorate",
    lastModifiedBy: "DCI A Hayman",
    created: "2016-03-21T09:15:00Z",
    modified: "2016-11-18T16:42:00Z",
    title: "Domestic Abuse Action Plan 2016-17 – Tactical Working Document",
  });
  const ws = wb.addWorksheet("Tactical Plan", {
    views: [{ state: "frozen", xSplit: 0, ySplit: 4, topLeftCell: "A5", activeCell: "A5" }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "4:4", paperSize: 9 },
  });
  ws.columns = [
    { width: 9 }, { width: 55 }, { width: 22 }, { width: 13 }, { width: 7 }, { width: 60 }, { width: 26 }, { width: 24 },
  ];

  // Two title rows and a blank row above the header.
  ws.getCell("A1").value = "City of London Police";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = "Domestic Abuse Action Plan 2016-17 – Tactical Working Document";
  ws.getCell("A2").font = { bold: true, size: 12 };

  const header = ws.getRow(4);
  header.values = COLP_HEADER;
  header.eachCell((c) => {
    c.font = { bold: true, color: { argb: "FFFFFFFF" } };
    c.fill = solid({ argb: "FF1F3864" });
    c.alignment = { wrapText: true, vertical: "middle" };
    c.border = BORDER;
  });

  let r = 5;
  const completeTasks = [];
  const areaStats = [];
  COLP_TASKS.forEach((tasks, a) => {
    // Key area as a banner row merged across all 8 columns: the theme.
    ws.mergeCells(r, 1, r, COLP_HEADER.length);
    const banner = ws.getCell(r, 1);
    banner.value = COLP_AREAS[a];
    banner.font = { bold: true };
    banner.fill = solid({ argb: "FFD9D9D9" });
    r++;
    let complete = 0;
    tasks.forEach(([task, lead, target, rag, update, evidence, partner], i) => {
      const no = `${a + 1}.${i + 1}`; // text, not a number: 1.10 must not become 1.1
      const row = ws.getRow(r);
      row.getCell(1).value = no;
      row.getCell(2).value = task;
      if (lead.startsWith("formula:")) {
        // "Same as above" typed as a formula pointing at the previous task's lead.
        row.getCell(3).value = { formula: `C${r - 1}`, result: lead.slice("formula:".length) };
        if (ws.getCell(r - 1, 3).value !== lead.slice("formula:".length)) throw new Error(`formula lead at row ${r}`);
      } else {
        row.getCell(3).value = lead;
      }
      row.getCell(4).value = target;
      if (target instanceof Date) row.getCell(4).numFmt = "dd/mm/yyyy";
      // RAG: the cell stays empty; only its fill says the rating.
      const [colour, enc = "argb"] = rag.split("/");
      row.getCell(5).fill = solid(COLP_FILLS[enc][colour]);
      if (no === COLP_RICH_TEXT_TASK) {
        const [first, ...rest] = update.split(". ");
        row.getCell(6).value = { richText: [{ text: `${first}. `, font: { bold: true } }, { text: rest.join(". ") }] };
      } else {
        row.getCell(6).value = update;
      }
      if (evidence.startsWith("link:")) {
        row.getCell(7).value = { text: evidence.slice("link:".length), hyperlink: COLP_HYPERLINK };
        row.getCell(7).font = { color: { theme: 10 }, underline: true };
      } else if (evidence) {
        row.getCell(7).value = evidence;
      }
      if (partner) row.getCell(8).value = partner;
      for (let c = 1; c <= COLP_HEADER.length; c++) {
        const cell = row.getCell(c);
        cell.alignment = WRAP_TOP;
        cell.border = BORDER;
      }
      if (update.startsWith("Complete")) {
        complete++;
        if (colour !== "blue") throw new Error(`task ${no}: "Complete" update without a blue fill`);
        completeTasks.push(no);
      } else if (colour === "blue") {
        throw new Error(`task ${no}: blue fill without a "Complete" update`);
      }
      r++;
    });
    areaStats.push({ title: COLP_AREAS[a], tasks: tasks.length, complete });
  });
  const lastTask = r - 1;

  // One blank row, then the legend, merged across like a banner: it is not a key area.
  r++;
  ws.mergeCells(r, 1, r, COLP_HEADER.length);
  ws.getCell(r, 1).value = "Key: Blue = complete, Green = on track, Amber = at risk, Red = off track";
  ws.getCell(r, 1).font = { italic: true };

  // Dashboard: no header row, formulas with cached results.
  const total = areaStats.reduce((n, s) => n + s.tasks, 0);
  const done = areaStats.reduce((n, s) => n + s.complete, 0);
  if (total !== 57 || done !== 46) throw new Error(`COLP: ${total} tasks, ${done} complete`);
  const dash = wb.addWorksheet("Dashboard");
  dash.columns = [{ width: 48 }, { width: 10 }, { width: 10 }];
  dash.getCell("A1").value = "Domestic Abuse Action Plan – Dashboard";
  dash.getCell("A1").font = { bold: true, size: 14 };
  const tp = "'Tactical Plan'";
  const taskRange = `${tp}!$B$5:$B$${lastTask}`;
  const updRange = `${tp}!$F$5:$F$${lastTask}`;
  const noRange = `${tp}!$A$5:$A$${lastTask}`;
  const grid = [
    ["Tasks", { formula: `COUNTA(${taskRange})`, result: total }],
    ["Complete", { formula: `COUNTIF(${updRange},"Complete*")`, result: done }],
    ["In progress", { formula: "B3-B4", result: total - done }],
    ["% complete", { formula: "IF(B3=0,0,B4/B3)", result: done / total }],
  ];
  grid.forEach(([label, value], i) => {
    dash.getCell(3 + i, 1).value = label;
    dash.getCell(3 + i, 2).value = value;
  });
  dash.getCell("B6").numFmt = "0%";
  areaStats.forEach((s, i) => {
    const rr = 8 + i;
    dash.getCell(rr, 1).value = s.title.replace(/\s+/g, " ");
    dash.getCell(rr, 2).value = { formula: `COUNTIF(${noRange},"${i + 1}.*")`, result: s.tasks };
    dash.getCell(rr, 3).value = { formula: `COUNTIFS(${noRange},"${i + 1}.*",${updRange},"Complete*")`, result: s.complete };
  });

  return saveXlsx(wb, "colp-da-action-plan.xlsx");
}

// ---------------------------------------------------------------------------------------------
// 2. Cambridgeshire: CSV saved by Excel on Windows (seed 000)
// ---------------------------------------------------------------------------------------------

const CAMBS_HEADER = ["Ref", "Heading", "Action", "Lead", "Timescale", "Status", "RAG", "Progress update"];

// The 11 headings of seed 000 §4.3, each with its actions:
// [action, lead, timescale, status, RAG, progress update]. Status and RAG are as typed by hand.
const CAMBS_PLAN = [
  ["Strategic Ownership", [
    ["Chief officer lead for domestic abuse to be the Assistant Chief Constable (ACC)", "ACC", "31/03/2015", "Complete", "B",
      "Overall ownership sits at Chief Officer level with the ACC. The Detective Superintendent Head of Public Protection delivers to the ACC and sits on the Peterborough and Cambridgeshire Domestic Abuse Governance Boards."],
    ["Set up a Domestic Abuse Improvement Group with partnership support", "Det Supt Public Protection", "Dec-14", "Completed", "G",
      "Group set up and meeting monthly; it focuses on specific points within the Action Plan with partners’ support."],
    ["Track domestic abuse performance through the Local Policing Priority Review Meeting and the Force Operational Performance meeting", "Head of Performance", "Ongoing", "Ongoing", "G",
      "Performance reviewed monthly against the Police and Crime Commissioner’s Police and Crime Plan; exceptions reported to the Business Coordination Board (“the Board”)."],
  ]],
  ["Get there promptly", [
    ["Brief Force Control Room (FCR) and Police Service Centre (PSC) staff on the initial assessment of risk and the deployment response", "FCR Manager", "31/12/2014", "Complete", "B",
      "All FCR and PSC staff briefed – refresher included in the 2015 training calendar."],
    ["Improve response times to domestic abuse incidents requiring immediate attendance", "Supt Operational Support", "Q1 2015/16", "In progress", "A",
      "Response times remain a focus in order to ensure a sustained improvement is achieved. Volume of reported domestic abuse continues to rise year on year."],
    ["Introduce victim led appointments for less urgent cases where appropriate", "PSC Manager", "June 2015", "In progress", "Green",
      "Appointments trialled in the south of the county; easing the demand burden on front line officers."],
  ]],
  ["Thorough information and intelligence checks", [
    ["FCR and PSC to check intelligence systems routinely and record the results on the Command and Control incident", "FCR Manager", "Mar-15", "complete ", "B",
      "Checks now routine; results available to the dispatcher and attending officer."],
    ["Roll out Tu-Serve so that officers can research the background to an incident, including once in attendance", "T/Supt Corporate Development", "Q1 2015/16", "In progress", "A",
      "Devices issued to two of the three areas – remaining area to follow once the network upgrade is complete."],
  ]],
  ["Ensure greater focus in on supporting victims", [
    ["Agree a simplified victim pathway with partners based on an Initial and then a Detailed Victim Needs Assessment", "Victims’ Hub Manager", "31/03/2015", "Complete", "G",
      "Pathway agreed with partners and works in harmony with the Victims’ Hub."],
    ["Three hour safeguarding input for all officers and a half day for all supervisors", "Head of Learning & Development", "Mar-15", "Completed", "B",
      "Delivered to all officers and supervisors, including a powerful film based on lessons learned by another police force."],
    ["Commission additional IDVA capacity at the Multi-Agency Safeguarding Hub", "OPCC Commissioning Manager", "Q1 2015/16", "In progress", "Amber/Green",
      "A budget of £25,000 has been agreed with the OPCC for 2015/16 – recruitment of the post is under way."],
    ["Pilot a monthly drop-in café for victims with a specialist domestic abuse provider", "Victims’ Hub Manager", "Sep-15", "Not started", "R",
      "Not started – a suitable venue is being sought; the café model used in Peterborough is being looked at."],
  ]],
  ["Take positive action against perpetrators", [
    ["Increase the use of Domestic Violence Prevention Notices and Orders", "DCI DAISU", "Ongoing", "Ongoing", "G",
      "Use has increased and many have been ratified by the courts, including a number of cases where those that breach have been sent to prison."],
    ["Guidance on positive action where the victim refuses to engage", "DCI DAISU", "June 2015", "In progress", "A",
      "There remain some challenges in securing sufficient evidence where the victim refuses to engage, even with subsequent support. Guidance being drafted."],
    ["Review outstanding domestic abuse suspects at the daily management meeting", "Supt Operational Support", "Dec-14", "Complete", "B",
      "Standing item at the daily management meeting since December."],
  ]],
  ["Gather evidence effectively", [
    ["Half day training for all supervisors on the minimum investigation standards", "Head of Learning & Development", "31/03/2015", "Complete", "B",
      "Delivered to all supervisors and fully supported by the Chief Constable."],
    ["Use Tu-Serve to secure and preserve evidence in the form of video, images, notes, statements and commentary", "T/Supt Corporate Development", "Q1 2015/16", "In progress", "A",
      "Linked to the Tu-Serve roll out (3.2)."],
    ["Domestic Abuse Teams to review the quality of initial response and evidence gathered", "DI DAIT", "Mar-15", "Completed", "G",
      "Teams have noted an overall improvement in the quality of initial response and evidence gathered."],
  ]],
  ["Improve specialism and knowledge in investigators", [
    ["All DAISU staff to be specially trained in investigating domestic abuse, safeguarding and supporting victims", "DCI DAISU", "31/12/2014", "Complete", "B",
      "All DAISU staff trained; they have become specialist in their field."],
    ["Attachments to the Domestic Abuse Investigation Unit for response officers", "DCI DAISU", "June 2015", "In progress", "G",
      "Eight officers have completed attachments; further places offered for the summer."],
  ]],
  ['Significantly increase the number of "evidence based prosecutions"', [
    ["Guidance for officers on securing evidence without the cooperation of the victim", "DCI DAISU", "Mar-15", "Complete", "G",
      'Guidance issued to all officers, including the "golden hour" checklist: house-to-house enquiries, CCTV and 999 recordings.'],
    ["Improve the prosecution possible outcome rate for domestic abuse", "Head of Performance", "Q1 2015/16", "In progress", "R",
      "Rates have deteriorated and remain below the level seen in the last 12 months; an improvement in initial investigative quality is expected to show in the coming months."],
    ["Review every case where the victim withdraws support", "DI DAIT", "Ongoing", "Ongoing", "A",
      "Reviews carried out monthly by the DAIT DI."],
  ]],
  ["Work in greater partnership with the CPS, challenging decisions where appropriate", [
    ["Agree an escalation route for challenging CPS decisions", "DCI DAISU", "31/03/2015", "Complete", "B",
      "Route agreed; DAISU regularly challenge the CPS where they don’t feel a decision is correct."],
    ["Joint police and CPS review of domestic abuse case file quality", "Criminal Justice Manager", "June 2015", "Not started", "A",
      "Not started – dates to be agreed with the CPS Area."],
  ]],
  ["Identify learning from both a local and national level", [
    ["Senior staff to attend national conferences, learning events and meetings on domestic abuse", "Det Supt Public Protection", "Ongoing", "Ongoing", "Green",
      "Attended the national DA conference in March; links made to partners to keep up with current academic research."],
    ["Build the learning from Domestic Homicide Reviews into training", "Head of Learning & Development", "Sep-15", "In progress", "G",
      // A two-paragraph update: Alt+Enter in the cell, which Excel writes as a bare LF inside the quoted field.
      "Two Domestic Homicide Reviews published this year have been reviewed by the Improvement Group.\n\nLearning – including the importance of hearing the victim’s ‘voice’ – will be built into the autumn training programme."],
  ]],
  ["Incorporate the views of victims through surveys", [
    ["Adopt the national approach to domestic abuse victim surveys once it is decided", "Head of Performance", "Ongoing", "Ongoing", "A",
      "No final national decision yet given its complex and challenging nature and the potential risks."],
    ["Design local victim feedback questions with partners", "Victims’ Hub Manager", "Q1 2015/16", "Not started", "R",
      "Not started – awaiting the national decision."],
    ["Report victim feedback to the Business Coordination Board", "Head of Performance", "Sep-15", "Not started", "R",
      "Not started."],
  ]],
];

// Windows-1252 code points 0x80–0x9F; 0xA0–0xFF are the same as Latin-1.
const CP1252_HIGH = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89,
  "Š": 0x8a, "‹": 0x8b, "Œ": 0x8c, "Ž": 0x8e, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95,
  "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b, "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};

/** Encodes text as Windows-1252, as Excel's "CSV (Comma delimited)" does on a UK Windows PC. */
function encodeCp1252(text) {
  const out = Buffer.alloc(text.length);
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out[i++] = cp;
    else if (CP1252_HIGH[ch] !== undefined) out[i++] = CP1252_HIGH[ch];
    else throw new Error(`cannot encode U+${cp.toString(16).toUpperCase().padStart(4, "0")} "${ch}" in Windows-1252`);
  }
  return out.subarray(0, i);
}

/** Quotes a field the way Excel does: only when it holds a comma, a quote or a line break. */
function csvField(v) {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function cambsDaActionPlan() {
  const records = [CAMBS_HEADER];
  CAMBS_PLAN.forEach(([heading, actions], h) => {
    actions.forEach(([action, lead, timescale, status, rag, update], i) => {
      records.push([`${h + 1}.${i + 1}`, heading, action, lead, timescale, status, rag, update]);
    });
  });
  if (CAMBS_PLAN.length !== 11) throw new Error("Cambridgeshire: 11 headings expected");
  // CRLF between records (and after the last), bare LF inside a cell, no byte order mark.
  const text = records.map((rec) => rec.map(csvField).join(",")).join("\r\n") + "\r\n";
  writeAtomic(join(DATA, "cambs-da-action-plan.csv"), encodeCp1252(text));
  return "cambs-da-action-plan.csv";
}

// ---------------------------------------------------------------------------------------------
// 3. Lancashire: one sheet per workstream, 1904 date system (seed 001)
// ---------------------------------------------------------------------------------------------

const LANCS_HEADER = ["Action No.", "Activity", "Responsible", "Deadline", "BRAG", "Latest update"];

const LANCS_BRAG_FILL = { B: "FF0070C0", R: "FFFF0000", A: "FFFFC000", G: "FF00B050", "On track": "FF00B050" };

// Deadline: [ISO date, number format] for a date cell, or text ("TBC").
const LANCS_WORKSTREAMS = [
  ["Initial Investigation", "DI George Binns", [
    ["Agree with CJS partners that the attending officer's statement describing the victim's demeanour, levels of intoxication and the officer's view of the witness forms part of the initial file submission", "DI George Binns", ["2015-03-31", "dd/mm/yyyy"], "A",
      "Discussed with CPS; further discussion with CJS needed before the file standard is changed."],
    ["Contact Management to amend protocols so that officers attending DA incidents are reminded to activate bodycam", "Contact Management Manager", ["2015-01-31", "d mmmm yyyy"], "B",
      "Protocol amended; reminder now read out on dispatch."],
    ["Mandate first-line supervision to QA all DA handover packages", "Ch Insp Response", ["2015-02-28", "mmm-yy"], "G",
      "Already occurs in many cases; mandate to be included in the revised DA policy."],
    ["Victim safety planning to be captured on the incident log using NDM as the format", "Contact Management Manager", ["2015-03-31", "dd/mm/yyyy"], "A",
      "Log template drafted; awaiting system change request."],
    ["Dip sample 10 DA logs per BCU to review inclusion of safety planning", "DI George Binns", ["2015-04-30", "dd-mmm-yy"], "G",
      "First dip sample scheduled for February."],
    ["Review question sets on DA logs to include a question on pregnancy", "Contact Management Manager", ["2014-12-31", "dd/mm/yyyy"], "B",
      "Pregnancy question added to the question set."],
    ["Establish a procedure for obtaining photography from A&E", "DI George Binns", "TBC", "R",
      "Not yet agreed with the hospital trusts; information governance concerns raised."],
    ["Review officer awareness of the processes for appeal and escalation to CPS", "DI George Binns", ["2015-06-30", "mmm-yy"], "A",
      "Briefing note in preparation."],
  ]],
  ["Victim Safety", "Helene Cooper", [
    ["Develop a common language of the indicators of domestic abuse across agencies", "Helene Cooper", ["2015-03-31", "dd/mm/yyyy"], "G",
      "Glossary drafted by the workstream group, which has a core membership of 15."],
    ["Assess the impact of the MASH on victim safety", "Helene Cooper", ["2015-09-30", "d mmmm yyyy"], "A",
      "Evaluation framework being agreed with the MASH partners."],
    ["Review MARAC effectiveness", "MARAC Co-ordinator", ["2015-06-30", "dd/mm/yyyy"], "On track",
      "Review under way with the MARAC chairs."],
    ["Agree what a 'good outcome' is for victims – outcomes as opposed to targets", "Helene Cooper", ["2015-03-31", "mmm-yy"], "G",
      "Discussed at the December focus group; definitions to be signed off at the next meeting."],
    ["Domestic abuse training for partner agencies – not just police training", "Helene Cooper", "TBC", "A",
      "Dependent on the commissioning approach for 2015/16."],
    ["Information sharing pathways with the troubled families cohort, lead professionals and CAFs", "Helene Cooper", ["2015-07-31", "dd/mm/yyyy"], "R",
      "Pathway not agreed; escalated to the DA Strategic Group."],
  ]],
  ["Risk Assessment", "Peter Yates", [
    ["Share all information through MASH with appropriate partners where children are present at DA incidents", "Peter Yates", ["2014-10-31", "dd/mm/yyyy"], "B",
      "Robust processes in place through MASH."],
    ["Train frontline staff to identify domestic abuse, coercive control, HBV and forced marriage", "Head of Training", ["2014-12-31", "d mmmm yyyy"], "B",
      "Training provided to all frontline staff likely to act as the first response to DA incidents."],
    ["Build on the training so that officers speak with the child and record their views and concerns about welfare", "Head of Training", ["2015-05-31", "dd/mm/yyyy"], "G",
      "Input being written for the spring training days."],
    ["PPU Compliance Manager to dip sample and audit DASH risk assessments", "PPU Compliance Manager", ["2015-01-31", "mmm-yy"], "B",
      "Dip sampling and auditing taking place monthly."],
  ]],
  ["Data & Performance", "DI Paul Burnside", [
    ["Agree a core data set with partner agencies (DA Strategic Group, TIIG, Citizen Panel Surveys, schools, UCLan research)", "DI Paul Burnside", ["2015-04-30", "dd/mm/yyyy"], "A",
      "Sources identified; availability of partner data still being established."],
    ["Capture the review of the MARAC in the monitoring of performance", "DI Paul Burnside", ["2015-06-30", "dd/mm/yyyy"], "G",
      "Measures drafted with the MARAC Co-ordinator."],
    ["Include information from Domestic Homicide Reviews in performance measurement", "DI Paul Burnside", ["2015-09-30", "d mmmm yyyy"], "G",
      "Agreed in principle by the Community Safety Partnerships."],
    ["Include information on elder abuse and the Getting it Right campaign", "DI Paul Burnside", "TBC", "R",
      "No data source identified yet."],
    ["Use the refreshed JSNA and consultation with service users and commissioners to inform the performance framework", "DI Paul Burnside", ["2015-12-31", "dd/mm/yyyy"], "G",
      "JSNA refresh due in the summer."],
  ]],
  ["Management of Perpetrators", "Insp Jo Keay", [
    ["Adopt the pan-Lancashire approach to managing DA perpetrators across the IOM teams", "Insp Jo Keay", ["2014-11-30", "dd/mm/yyyy"], "B",
      "Approach agreed and adopted across the IOM teams."],
    ["Select perpetrators for IOM cohorts through multi-agency selection; those not selected to be managed by divisional departments according to risk", "Insp Jo Keay", ["2015-01-31", "dd/mm/yyyy"], "B",
      "Selection panels operating in all three divisions."],
    ["Establish a scoring matrix with weighting for repeat and serial DA offenders", "Corporate Development", "TBC", "R",
      "Corporate Development do not have the capacity at the moment; a straightforward piece of work to do in due course."],
    ["LCC perpetrator tender process", "LCC Commissioning", ["2015-03-31", "mmm-yy"], "A",
      "Tender process under way."],
    ["Pilot perpetrator programme alongside the family intervention work in Blackpool", "Insp Jo Keay", ["2015-09-30", "dd/mm/yyyy"], "G",
      "Pilot being planned with Blackpool Council."],
  ]],
];

async function lancsDaActionPlan() {
  const wb = newWorkbook({
    creator: "Lancashire Constabulary – Public Protection",
    lastModifiedBy: "Public Protection Unit",
    created: "2014-09-08T10:00:00Z",
    modified: "2014-12-19T15:30:00Z",
    title: "Pan-Lancashire Domestic Abuse Strategy – Action Plan",
  });
  // Saved in the 1904 date system (as by Excel for Mac): serials count from 1 January 1904.
  wb.properties.date1904 = true;

  // A cover sheet of free text and no header: the ingest must skip it.
  const cover = wb.addWorksheet("Cover");
  cover.getColumn(1).width = 100;
  cover.getCell("A1").value = "Pan-Lancashire Domestic Abuse Strategy – Action Plan";
  cover.getCell("A1").font = { bold: true, size: 16 };
  cover.getCell("A3").value =
    "This action plan brings together the recommendations of the HMIC inspection " +
    "'Everyone's business: Improving the police response to domestic abuse' and the areas for improvement " +
    "identified by partners. It is organised under the five work streams of the Pan-Lancashire Domestic " +
    "Abuse Strategy, each overseen by a named lead, and will be kept as a living document throughout 2014-2016.";
  cover.getCell("A3").alignment = WRAP_TOP;
  cover.getRow(3).height = 75;
  cover.getCell("A5").value = "Each work stream has its own sheet. BRAG: B = complete, R = off track, A = at risk, G = on track.";
  cover.getCell("A7").value = "Version 0.4 – 19 December 2014";

  LANCS_WORKSTREAMS.forEach(([name, wsLead, actions], w) => {
    if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new Error(`bad sheet name ${name}`);
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 3, topLeftCell: "A4", activeCell: "A4" }] });
    ws.columns = [{ width: 11 }, { width: 60 }, { width: 26 }, { width: 16 }, { width: 9 }, { width: 55 }];
    ws.getCell("A1").value = `Workstream lead: ${wsLead}`;
    ws.getCell("A1").font = { bold: true, size: 12 };
    const header = ws.getRow(3);
    header.values = LANCS_HEADER;
    header.eachCell((c) => {
      c.font = { bold: true };
      c.fill = solid({ argb: "FFDDEBF7" });
      c.border = BORDER;
    });
    actions.forEach(([activity, responsible, deadline, brag, update], i) => {
      const rowNo = 4 + i;
      const row = ws.getRow(rowNo);
      row.getCell(1).value = `${w + 1}.${String(i + 1).padStart(2, "0")}`;
      row.getCell(2).value = activity;
      row.getCell(3).value = responsible;
      if (Array.isArray(deadline)) {
        row.getCell(4).value = d(deadline[0]);
        row.getCell(4).numFmt = deadline[1];
      } else {
        row.getCell(4).value = deadline;
      }
      row.getCell(5).value = brag; // the letter is the rating; the fill only agrees with it
      row.getCell(5).fill = solid({ argb: LANCS_BRAG_FILL[brag] });
      row.getCell(5).alignment = { horizontal: "center", vertical: "top" };
      row.getCell(6).value = update;
      for (const c of [1, 2, 3, 4, 6]) row.getCell(c).alignment = WRAP_TOP;
      row.eachCell((c) => (c.border = BORDER));
    });
  });
  return saveXlsx(wb, "lancs-da-action-plan.xlsx");
}

// ---------------------------------------------------------------------------------------------
// 4. Inspection recommendations tracker (seed 003 and two invented reports)
// ---------------------------------------------------------------------------------------------

const INSPECTION_HEADER = ["Report", "Published", "Type", "No.", "Recommendation", "Addressed to", "Force response", "Owner", "Status", "Target date"];

const CJJI = "Evidence led domestic abuse prosecutions";
const PEEL = "PEEL: Police effectiveness 2019";
const DAPR = "Domestic abuse: the police response – force revisit";
const HEAD_OF_CRIME = "Det Ch Supt Mark Greenhalgh, Head of Crime";
const GOV = "Alice Thompson, CDD Governance & Inspection";
const PPU = "Det Supt Head of Public Protection";
const CJ = "Head of Criminal Justice";

// [report, published, type, no. (number = typed as a number), text, addressed to, response,
//  owner, status, target date (Date, text or "")]
const INSPECTION_ROWS = [
  // CJJI, 23 January 2020: the 8 recommendations and responses of seed 003, verbatim
  // (less the stray "D " before "Domestic abuse champions" in the seed's recommendation 5).
  [CJJI, d("2020-01-23"), "Recommendation", 1, "Police supervisors and Crown Prosecution Service legal managers should maximise opportunities to share examples of good work and successful outcomes with their teams.", "Police and CPS",
    "The Constabulary recognises the importance of learning lessons to drive improvement in evidence led cases. There is an ongoing audit process by the Domestic Abuse Scrutiny Group to identify good practice and learning needs specific to evidence led prosecutions. Positive feedback is provided to officers and CPS colleagues to continue to improve performance.",
    HEAD_OF_CRIME, "Complete", d("2020-03-31")],
  [CJJI, d("2020-01-23"), "Recommendation", 2, "As well as the Crown Prosecution Service's bespoke e-learning, which all Area prosecutors have to complete, the police and Crown Prosecution Service should ensure that refresher training in domestic abuse, and particularly evidence led cases, is available to staff as appropriate.", "Police and CPS",
    "The Constabulary is committed to ensuring that all officers and staff involved in responding to, and dealing with cases of domestic abuse have the correct training and skills. In addition to formal force-wide training that has been delivered, ongoing one-to-one training is provided to officers who are identified as needing support, this is heavily focused on positive action in domestic abuse cases, evidence led prosecutions and safeguarding to ensure compliance with best practice.",
    HEAD_OF_CRIME, "Complete", d("2020-03-31")],
  [CJJI, d("2020-01-23"), "Recommendation", 3, "The police should review training plans in order to ensure that all appropriate staff, both frontline officers and investigators, are trained how to handle domestic abuse cases.", "Police",
    "The Constabulary is committed to ensuring that all officers and staff involved in responding to, and dealing with cases of domestic abuse have the correct training and skills. Formal training inputs are delivered to all new recruits. Additional force-wide training on domestic abuse has also been delivered, all of which includes specific guidance on evidence led prosecutions.",
    HEAD_OF_CRIME, "Complete", d("2020-03-31")],
  [CJJI, d("2020-01-23"), "Recommendation", 4, "Police forces with domestic abuse champions should raise awareness of the role and seek to utilise them to maximum effect.", "Police",
    "The Constabulary has a cohort of domestic abuse champions. This is currently under review to ensure that we are making best use of this resource to provide advice and guidance for officers dealing with domestic abuse cases.",
    HEAD_OF_CRIME, "In progress", d("2020-06-30")],
  [CJJI, d("2020-01-23"), "Recommendation", 5, "Police forces should ensure that training, messaging and guidance is clear that evidence led cases should benefit from the same quality of investigation, early gathering of evidence and supervisory oversight as other domestic abuse cases, particularly in cases where the victim does not support police action. Domestic abuse champions should reinforce this message.", "Police",
    "The Constabulary's position is clear, when a domestic abuse offence has been committed the focus should be on securing the best possible evidence in order to provide opportunity for an evidence led prosecution should the victim decide not to participate. This has been reinforced through consistent training, messaging and guidance.",
    HEAD_OF_CRIME, "Complete", d("2020-03-31")],
  [CJJI, d("2020-01-23"), "Recommendation", 6, "Police should ensure that investigations and decisions to take no further action in domestic abuse cases receive the same robustness of supervisory oversight as other domestic abuse cases.", "Police",
    "The Constabulary has implemented clear force-wide supervision standards and guidance. Compliance with best practice for domestic abuse investigations and safeguarding is monitored through the Domestic Abuse Scrutiny Group where decisions to take no further action are audited by a panel of officers and partners, including the CPS. Good practice and learning needs are reported and fed back to continue to improve performance.",
    HEAD_OF_CRIME, "Complete", d("2020-03-31")],
  // Addressed to the CPS only: no force response; the paper says so.
  [CJJI, d("2020-01-23"), "Recommendation", 7, "Prosecutors should ensure that in all domestic abuse cases, they set out clearly at the charging stage whether an evidence led prosecution is viable and, if so, define an effective prosecution strategy.", "CPS",
    "", GOV, "N/A", ""],
  [CJJI, d("2020-01-23"), "Recommendation", 8, "At review stage, prosecutors should, in all appropriate domestic abuse cases, clearly outline a strategy for proceeding with an evidence led prosecution.", "CPS",
    "", GOV, "N/A", ""],

  // PEEL 2019 (invented for the sample): 3 recommendations and 4 AFIs, typed two ways.
  [PEEL, d("2019-05-02"), "Recommendation", 1, "The force should ensure that all domestic abuse risk assessments are reviewed by a supervisor within 24 hours and that the rationale for the risk level is recorded.", "Police",
    "Supervisory review of every DASH risk assessment within 24 hours is now mandated in the Domestic Abuse policy and compliance is audited monthly by the Domestic Abuse Scrutiny Group.",
    PPU, "Complete", d("2019-09-30")],
  [PEEL, d("2019-05-02"), "Recommendation", 2, "The force should improve the way it identifies repeat victims of domestic abuse at the first point of contact, so that call handlers can assess risk accurately.", "Police",
    "A repeat victim marker has been added to the command and control system; call handler training is being delivered through the THRIVE refresher programme.",
    "Head of Contact Management", "In progress", d("2019-12-31")],
  // Police recommendation with no response yet: the section 55 coverage check must find it.
  [PEEL, d("2019-05-02"), "Recommendation", 3, "The force should ensure that it has enough trained staff in its public protection teams to manage the demand from domestic abuse investigations.", "Police",
    "", PPU, "Not started", d("2020-03-31")],
  [PEEL, d("2019-05-02"), "Area for improvement", "AFI 1", "The force should improve how it uses body-worn video to gather evidence at domestic abuse incidents.", "Police",
    "Body-worn video activation at domestic abuse incidents is checked in the monthly dip sample and reported to the Domestic Abuse Scrutiny Group.",
    PPU, "Complete", d("2019-08-31")],
  [PEEL, d("2019-05-02"), "AFI", "AFI 2", "The force should improve its use of Domestic Violence Protection Notices and Orders.", "Police",
    "A DVPN/DVPO champion has been appointed in each district and guidance re-issued to duty inspectors.",
    PPU, "In progress", "Ongoing"],
  [PEEL, d("2019-05-02"), "Area for improvement", "AFI 3", "The force should ensure that it seeks and acts on the views of victims of domestic abuse.", "Police",
    "A victim feedback survey has been designed with the Victims' Hub and will run from October.",
    GOV, "In progress", d("2019-10-31")],
  // An AFI with no response: optional under section 55, so the check must NOT flag it.
  [PEEL, d("2019-05-02"), "AFI", "AFI 4", "The force should improve the supervision of investigations where the victim does not support a prosecution.", "Police",
    "", HEAD_OF_CRIME, "Not started", d("2020-03-31")],

  // A domestic abuse inspection (invented for the sample): a cause of concern and its two recommendations.
  [DAPR, d("2021-06-17"), "Cause of concern", "CoC 1", "The force does not consistently safeguard victims of domestic abuse whose cases are assessed as standard risk.", "Police",
    "The force accepts this cause of concern. A standard risk safeguarding plan has been introduced and its use is monitored through the Domestic Abuse Scrutiny Group.",
    PPU, "In progress", d("2021-12-17")],
  [DAPR, d("2021-06-17"), "Recommendation", 1, "Within six months, the force should ensure that every standard risk victim of domestic abuse has a safeguarding plan recorded on its systems.", "Police",
    "A mandatory safeguarding plan field has been added to the domestic abuse investigation record and supervisors check it at their first review.",
    PPU, "Complete", d("2021-12-17")],
  [DAPR, d("2021-06-17"), "Recommendation", 2, "Within six months, the force should work with the Office of the Police and Crime Commissioner and local authorities to review the support available to standard risk victims.", "Police",
    "A joint review with the OPCC and both local authorities is under way and will report to the Domestic Abuse Governance Board in November.",
    CJ, "In progress", d("2021-12-17")],
];

async function inspectionRecommendations() {
  const wb = newWorkbook({
    creator: "CDD Governance & Inspection",
    lastModifiedBy: "Alice Thompson",
    created: "2019-05-03T08:30:00Z",
    modified: "2021-07-02T11:05:00Z",
    title: "Inspection recommendations tracker",
  });
  const ws = wb.addWorksheet("Recommendations", {
    views: [{ state: "frozen", ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
  });
  ws.columns = [
    { width: 34 }, { width: 14 }, { width: 20 }, { width: 7 }, { width: 60 }, { width: 15 }, { width: 60 }, { width: 28 }, { width: 12 }, { width: 13 },
  ];
  const header = ws.getRow(1);
  header.values = INSPECTION_HEADER;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.fill = solid({ argb: "FFD9E1F2" });
    c.border = BORDER;
    c.alignment = { wrapText: true, vertical: "top" };
  });
  ws.autoFilter = { from: "A1", to: `J${INSPECTION_ROWS.length + 1}` };
  INSPECTION_ROWS.forEach((values, i) => {
    const row = ws.getRow(2 + i);
    values.forEach((v, c) => {
      if (v === "") return; // a blank cell, not an empty string
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = c === 1 ? "d mmmm yyyy" : "dd/mm/yyyy";
      cell.alignment = WRAP_TOP;
    });
    row.eachCell({ includeEmpty: true }, (c) => (c.border = BORDER));
  });
  return saveXlsx(wb, "inspection-recommendations.xlsx");
}

// ---------------------------------------------------------------------------------------------

const written = [
  await colpDaActionPlan(),
  cambsDaActionPlan(),
  await lancsDaActionPlan(),
  await inspectionRecommendations(),
];
for (const name of written) console.log(`wrote data/${name}`);
