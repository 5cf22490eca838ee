// Documents built by hand for the DOCX writer's tests: a house style builder and papers shaped
// like the seed papers (Cambridgeshire per-section numbering, City of London continuous
// numbering with roman area headings and a layout header table).
import type { Doc, TableBlock } from "../../../src/compose/doc.js";
import type { Rag } from "../../../src/model/schema.js";

import { cell, h, houseStyle, list, p, RAG_WORD, t, underNumbered } from "../../helpers/doc-builders.js";

export * from "../../helpers/doc-builders.js";

/** The action plan appendix: Ref, Action, Owner, Due, Status, RAG. */
export function actionTable(rows: number): TableBlock {
  const rags: Rag[] = ["red", "amber", "green", "blue"];
  return {
    type: "table",
    role: "data",
    header: ["Ref", "Action", "Owner", "Due", "Status", "RAG"].map((x) => cell(x)),
    rows: Array.from({ length: rows }, (_, i) => {
      const rag = rags[i % 4]!;
      return [
        cell(`${Math.floor(i / 10) + 1}.${(i % 10) + 1}`),
        cell(`Review the domestic abuse training package and roll it out to every frontline officer (task ${i + 1})`),
        cell("DCI Alex Hayman"),
        cell("31 March 2017"),
        cell(i % 4 === 3 ? "Complete" : "In progress"),
        cell(RAG_WORD[rag], rag),
      ];
    }),
  };
}

/** Cambridgeshire BCB: org block, labels, title, numbered sections with numbered paragraphs. */
export function cambridgeshireDoc(): Doc {
  return {
    meta: {
      title: "Domestic Abuse Governance – Update on Action Plan",
      subject: "Business Coordination Board",
      author: "Chief Constable",
      keywords: ["domestic abuse", "action plan"],
      language: "en-GB",
      marking: "OFFICIAL",
      date: "2015-06-04",
    },
    style: houseStyle({ name: "cambridgeshire-bcb", strapline: null }),
    blocks: [
      p([t("Cambridgeshire", { breakAfter: true }), t("Police & Crime", { breakAfter: true }), t("Commissioner")], undefined, "org"),
      p("To: Business Coordination Board", undefined, "label"),
      p("From: Chief Constable", undefined, "label"),
      p("Date: 04 June 2015", undefined, "label"),
      p("Domestic Abuse Governance – Update on Action Plan", undefined, "title"),
      h(1, "Purpose", "1."),
      p("The purpose of this report is to update the Business Coordination Board on progress against the Action Plan.", "1.1"),
      h(1, "Recommendation", "2."),
      p("The Board is recommended to note the report.", "2.1"),
      h(1, "Background", "3."),
      p([t("In November 2013 "), t("HMIC", { bold: true }), t(" undertook its initial inspection; see "), t("the report", { link: "https://www.justiceinspectorates.gov.uk/hmicfrs/" }), t(".")], "3.1"),
      p("Papers have been submitted to the Board in June and October 2014.", "3.2"),
      p("The Cambridgeshire Action Plan set out a plan under 11 headings:", "3.3"),
      underNumbered(list("bullet", ["Strategic Ownership", "Get there promptly", [p("Thorough checks"), list("bullet", ["Intelligence systems", "Command and Control"])]])),
      p("This report provides further detail on progress.", "3.4"),
      h(1, "Progress", "4."),
      p([t("Strategic Ownership", { bold: true }), t(" – overall ownership sits at Chief Officer level.")], "4.1"),
      p([t("Get there promptly", { bold: true }), t(" – significant work has been invested.")], "4.2"),
      h(1, "Recommendation", "5."),
      p("It is recommended that the Board note the contents of this paper.", "5.1"),
      h(1, "Bibliography"),
      {
        type: "table",
        role: "layout",
        header: [],
        rows: [
          [cell("Source Document"), cell("")],
          [cell("Contact Officers"), cell("Det Supt Chris Mead, Head of Public Protection Department, Cambridgeshire Constabulary")],
        ],
        widths: [1, 2],
      },
      { type: "pageBreak" },
      h(1, "Appendix A: Action Plan"),
      actionTable(12),
    ],
  };
}

/** City of London committee report: a layout header table, continuous "12." numbering, roman areas. */
export function cityOfLondonDoc(): Doc {
  let n = 0;
  const next = () => `${++n}.`;
  return {
    meta: {
      title: "City of London Police Domestic Abuse Action Plan update",
      subject: "Police: Performance and Resource Management Sub Committee",
      author: "Commissioner of Police",
      language: "en-GB",
      marking: "OFFICIAL",
      date: "2016-11-30",
    },
    style: houseStyle({
      name: "city-of-london-committee",
      numbering: { paragraphs: "continuous", headings: false, startAt: "Main Report", stopAt: "Appendices" },
      listKind: "roman-paren",
      marking: { default: null, header: true, footer: false },
    }),
    blocks: [
      {
        type: "table",
        role: "layout",
        header: [cell("Committee(s):"), cell("Date:")],
        rows: [
          [cell("Police: Performance and Resource Management Sub Committee – For Information"), cell("30th November 2016")],
          [cell("Subject: City of London Police Domestic Abuse Action Plan update"), cell("Public")],
          [cell("Report of: Commissioner of Police Pol 55-16"), cell("For Information")],
          [cell("Report author: DCI Alex Hayman, Crime Directorate"), cell("")],
        ],
      },
      h(1, "Summary"),
      p("The working document contained a total of 57 tasks covering the 6 key areas. 46 tasks have been completed and 11 are in progress."),
      p("The main areas that are still in progress are:"),
      list("roman-paren", ["Domestic Abuse training package to be fully rolled out across the Force", "A formalised process to regularly seek the views of victims", "Body-worn cameras to be issued to all frontline officers", "Formalising a service level agreement with criminal justice partners"]),
      h(1, "Recommendation(s)"),
      p("Members are asked to note the report."),
      h(1, "Main Report"),
      h(2, "Background"),
      p("In line with the HMIC recommendation the Force is reporting on progress.", next()),
      h(2, "Understanding & Identifying Risk", "I"),
      underNumbered(list("roman-paren", [[p([t("Clear and consistent guidance should be given by supervisors.", { italic: true })])]])),
      p("In terms of supervision, the DASH risk assessment is supervised and signed by the Duty Inspector.", next()),
      p("Officers are required to conduct intelligence checks for the previous 5 years.", next()),
      h(2, "Prioritising & allocating domestic abuse investigations", "II"),
      p("All domestic abuse cases are allocated to the PPU to investigate.", next()),
      h(2, "Safeguarding victims at medium & standard risk", "III"),
      p("All frontline officers are trained in completing the DASH risk assessment.", next()),
      h(2, "Views of victims", "IV"),
      ...Array.from({ length: 8 }, (_, i) => p(`Victim survey finding ${i + 1}.`, next())),
      h(2, "Training", "V"),
      p("Learning & Development submitted a business case.", next()),
      h(2, "Leadership and Governance", "VI"),
      p("A list of performance indicators for a dashboard has been created.", next()),
      h(2, "Work still in progress on the Action Plan"),
      p("The main areas that are still in progress are:", next()),
      underNumbered(list("roman-paren", ["Domestic Abuse training package", "A formalised process to seek the views of victims", "Body-worn cameras", "A service level agreement"], 5)),
      h(2, "Conclusion"),
      p("The majority of the work has been completed.", next()),
      h(1, "Appendices"),
      list("upper-alpha-paren", ["Domestic Abuse Action Plan for the City of London 2016/17", "Training Content for domestic abuse and vulnerability"]),
      h(1, "Contacts:"),
      p([t("Detective Chief Inspector Alex Hayman", { breakAfter: true }), t("Crime Investigation", { breakAfter: true }), t("alexander.hayman@cityoflondon.pnn.police.uk", { link: "mailto:alexander.hayman@cityoflondon.pnn.police.uk" })], undefined, "small"),
      h(1, "Appendix A"),
      actionTable(8),
    ],
  };
}
