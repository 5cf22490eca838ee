// Docs built by hand for the PDF writer's tests: a house style builder, and papers shaped like
// the seed papers (Cambridgeshire's per-section numbering with bullets inside paragraphs; City
// of London's header table, continuous numbering, roman areas and lettered objectives).
import type { Doc, TableBlock, TableCell } from "../../../src/compose/doc.js";
import type { Rag } from "../../../src/model/schema.js";

import { cell, h, houseStyle, list, p, RAG_WORD, t, underNumbered } from "../../helpers/doc-builders.js";

export * from "../../helpers/doc-builders.js";

/** The action plan appendix: Ref, Action (≈ 80 characters), Owner, Due, Status, RAG. */
export function actionTable(rows: number): TableBlock {
  const rags: Rag[] = ["red", "amber", "green", "blue"];
  const owners = ["DCI Alex Hayman", "Det Supt Chris Mead", "Insp Jo Keay", "Helene Cooper"];
  return {
    type: "table",
    role: "data",
    header: ["Ref", "Action", "Owner", "Due", "Status", "RAG"].map((x) => cell(x)),
    rows: Array.from({ length: rows }, (_, i) => {
      const rag = rags[i % 4] ?? "green";
      return [
        cell(`${Math.floor(i / 10) + 1}.${(i % 10) + 1}`),
        cell(`Review the domestic abuse training package and roll it out to frontline officers (task ${i + 1})`),
        cell(owners[i % 4] ?? ""),
        cell("31/03/2017"),
        cell(rag === "blue" ? "Complete" : "In progress"),
        cell(RAG_WORD[rag], rag),
      ];
    }),
  };
}

const meta = (title: string, date: string, marking?: string): Doc["meta"] => ({
  title,
  author: "Chief Constable",
  subject: "Domestic abuse action plan",
  keywords: ["domestic abuse", "action plan"],
  language: "en-GB",
  date,
  ...(marking ? { marking } : {}),
});

/** Cambridgeshire BCB, 2015: org block, labels, title, numbered sections and paragraphs, bullets. */
export function cambridgeshireDoc(): Doc {
  const style = houseStyle({ name: "cambridgeshire-bcb", strapline: null });
  const headings = [
    "Strategic Ownership",
    "Get there promptly",
    "Thorough information and intelligence checks",
    "Ensure greater focus in on supporting victims",
    "Take positive action against perpetrators",
    "Gather evidence effectively",
  ];
  return {
    meta: meta("Domestic abuse governance – update on action plan", "2015-06-04", "OFFICIAL"),
    style,
    blocks: [
      p([t("Cambridgeshire", { breakAfter: true }), t("Police & Crime", { breakAfter: true }), t("Commissioner")], undefined, "org", "right"),
      p([t("To: ", { bold: true }), t("Business Coordination Board")], undefined, "label"),
      p([t("From: ", { bold: true }), t("Chief Constable")], undefined, "label"),
      p([t("Date: ", { bold: true }), t("04 June 2015")], undefined, "label"),
      p("DOMESTIC ABUSE GOVERNANCE – UPDATE ON ACTION PLAN", undefined, "title"),
      h(1, "Purpose", "1."),
      p(
        "The purpose of this report is to update the Business Coordination Board (“the Board”) on Cambridgeshire Constabulary’s (“the Constabulary”) progress against their Action Plan for tackling domestic abuse.",
        "1.1",
      ),
      h(1, "Recommendation", "2."),
      p("The Board is recommended to note the report.", "2.1"),
      h(1, "Background", "3."),
      p(
        "In November 2013, as part of a national programme, Her Majesty’s Inspectorate of Constabulary (HMIC) undertook its initial inspection on the Constabulary’s response to domestic abuse. HMIC made 15 recommendations on how to improve delivery. These ranged from reviewing capacity, training, structures and processes through to partnership working and leadership.",
        "3.1",
      ),
      p(
        "When the HMIC inspection team revisited in February 2014 they highlighted the exceptional progress that the Constabulary had made, noting substantial improvements to victims of violence.",
        "3.2",
      ),
      h(1, "Action Plan", "4."),
      p("The Cambridgeshire Action Plan set out a plan for performance improvement under 11 headings.", "4.3"),
      underNumbered(list("bullet", headings)),
      h(1, "Progress", "5."),
      p(
        [
          t("Strategic Ownership", { bold: true }),
          t(
            " – Overall ownership of Domestic Abuse sits at Chief Officer level with the Assistant Chief Constable (ACC). In the past six months, 46 tasks have been completed and 11 are in progress.",
          ),
        ],
        "5.1",
      ),
      p(
        [
          t("Get there promptly", { bold: true }),
          t(" – Significant work has been invested into looking at the range of responses to domestic abuse; see "),
          t("the HMIC report", { link: "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/everyones-business/" }),
          t(" for the national picture."),
        ],
        "5.2",
      ),
      p("It is recommended that the Board note the contents of this paper.", "10.12"),
      {
        type: "table",
        role: "layout",
        header: [cell(""), cell("")],
        rows: [
          [cell("Source Document"), cell("")],
          [cell("Contact Officers"), { paragraphs: [[t("Det Supt Chris Mead")], [t("Head of Public Protection Department, Cambridgeshire Constabulary")]] }],
        ],
      },
    ],
  };
}

/** City of London Police, committee report, 2016: header table, summary, continuous numbering. */
export function cityOfLondonDoc(appendixRows = 12): Doc {
  const style = houseStyle({
    name: "city-of-london-committee",
    numbering: { paragraphs: "continuous", headings: false },
    title: { uppercase: false, bold: true },
    listKind: "roman-paren",
    marking: { default: null, header: false, footer: false },
    pageNumbers: "Page {page} of {pages}",
  });
  const row = (a: string, b: string): TableCell[] => [cell(a), cell(b)];
  return {
    meta: meta("City of London Police Domestic Abuse Action Plan update", "2016-11-30"),
    style,
    blocks: [
      {
        type: "table",
        role: "layout",
        widths: [3, 1],
        header: [
          { paragraphs: [[t("Committee(s):", { bold: true })]] },
          { paragraphs: [[t("Date:", { bold: true })]] },
        ],
        rows: [
          row("Police: Performance and Resource Management Sub Committee – For Information", "30 November 2016"),
          row("Police", "15 December 2016"),
          [{ paragraphs: [[t("Subject:", { bold: true }), t(" City of London Police Domestic Abuse Action Plan update")]] }, cell("Public")],
          [{ paragraphs: [[t("Report of:", { bold: true }), t(" Commissioner of Police Pol 55-16")]] }, cell("For Information")],
          [{ paragraphs: [[t("Report author:", { bold: true }), t(" DCI Alex Hayman, Crime Directorate")]] }, cell("")],
        ],
      },
      h(1, "Summary"),
      p(
        "The working document contained a total of 57 tasks covering the 6 key areas identified above. In the past six months, 46 tasks have been completed and 11 are in progress and near to completion. It is a realistic expectation that all of these will be complete by April 2017.",
      ),
      p("The main areas that are still in progress are:"),
      list("roman-paren", [
        [t("Domestic Abuse training package to be "), t("fully", { italic: true }), t(" rolled out across the Force")],
        "A formalised process to regularly seek the views of victims of domestic abuse",
        "Body-worn cameras to be issued to all frontline officers including Criminal Investigation Dept and PPU.",
        "Formalising a service level agreement with criminal justice partners that details evidential standards and decision making protocols with regards to domestic abuse.",
      ]),
      h(1, "Recommendation(s)"),
      p("Members are asked to note the report."),
      h(1, "Main Report"),
      h(2, "Background"),
      p(
        "In line with the HMIC recommendation in Increasingly Everyone’s Business: Progress Report on Police Response to Domestic Abuse Dec 2015 the Force is reporting on progress against the domestic abuse action plan 2016-17 at the six month point.",
        "1.",
      ),
      h(2, "Understanding & Identifying Risk", "I"),
      p("Three main objectives were set under this area:"),
      list("roman-paren", [
        [
          t(
            "Clear and consistent guidance should be given by supervisors and Inspectors to frontline officers to support the correct assessment of risk and improve the safeguarding of victims",
            { italic: true },
          ),
        ],
      ]),
      p(
        "In terms of supervision, the Domestic Abuse, Stalking and Honour Based Violence (DASH) Risk Assessment, that is completed for every domestic abuse crime and incident, has to be supervised and signed by the Duty Inspector with their rationale noted for the risk level.",
        "9.",
      ),
      h(2, "Prioritising & allocating domestic abuse investigations", "II"),
      p("All domestic abuse cases (whether incidents or crimes) are allocated to the PPU to investigate.", "16."),
      h(1, "Work still in progress on the Action Plan"),
      p("The action plan spans 2016 – 2017. The main areas that are still in progress are:", "34."),
      underNumbered(
        list(
          "roman-paren",
          ["Domestic Abuse training package to be fully rolled out across the Force", "A formalised process to regularly seek the views of victims of domestic abuse"],
          5,
        ),
      ),
      h(1, "Appendices"),
      list("upper-alpha-paren", ["Domestic Abuse Action Plan for the City of London 2016/17", "Training Content for domestic abuse and vulnerability"]),
      h(1, "Contacts:"),
      p([t("Detective Chief Inspector Alex Hayman", { breakAfter: true }), t("Crime Investigation", { breakAfter: true }), t("City of London Police")], undefined, "small"),
      p([t("020 7601 2620 "), t("alexander.hayman@cityoflondon.pnn.police.uk", { link: "mailto:alexander.hayman@cityoflondon.pnn.police.uk" })], undefined, "small"),
      { type: "pageBreak" },
      h(1, "Appendix A: Domestic Abuse Action Plan"),
      actionTable(appendixRows),
    ],
  };
}

/** Just a table: the appendix of an action plan with `rows` actions. */
export function appendixDoc(rows: number): Doc {
  return {
    meta: meta("Action plan appendix", "2016-11-30", "OFFICIAL"),
    style: houseStyle(),
    blocks: [h(1, "Appendix A: Action plan", "1."), actionTable(rows)],
  };
}

export const UNICODE_SAMPLE = "£ – ‘single’ “double” é ŵ ŷ";
