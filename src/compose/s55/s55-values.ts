// What a section 55 template sees as `s55`: the report with its publication date and deadline,
// and its causes of concern, recommendations and areas for improvement in tracker order, each
// with a label ("Recommendation 3"), its response, and to whom it is addressed when that is
// another body. Every field is present (null when not known), so a misspelt one is an error.
import type { Recommendation, RecommendationKind, Report, Status } from "../../model/schema.js";
import { section55Deadline } from "../../model/section55.js";
import { STATUS_LABELS } from "../../model/vocabulary.js";
import type { PaperSpec } from "../spec.js";
import { joinList } from "../text-forms.js";
import { addresseeOf } from "../../model/addressee.js";
import { hasResponse, isMissing, missingResponsesText, summariseResponses } from "../../model/responses.js";
import { reportInspectorate } from "./inspectorate.js";
import { itemLabel, KIND_WORDS } from "./labels.js";
import type { Variant } from "./variants.js";

export interface Section55Item {
  /** As the tracker has it: "3", "AFI 2". */
  number: string;
  /** "Recommendation 3", "Area for improvement 2". */
  label: string;
  kind: RecommendationKind;
  /** "recommendation", "area for improvement", "cause of concern", for "This recommendation is addressed to …". */
  kindWord: string;
  text: string;
  /** The tracker's "Addressed to", as written. */
  addressee: string | null;
  /** When only other bodies are addressed, who, as a paper names them: "the Crown Prosecution Service"; else null. */
  otherBodies: string | null;
  /** The force's response from the tracker, or null. */
  response: string | null;
  /** The response split at its line breaks, one paragraph each (empty when there is none). */
  responseParagraphs: string[];
  /** No response where one is required: a draft prints "[response needed]". */
  responseNeeded: boolean;
  owner: string | null;
  due: string | null;
  dueText: string | null;
  status: Status | null;
  statusLabel: string;
}

export interface Section55Report {
  id: string;
  title: string;
  /** YYYY-MM-DD, or null when the tracker gives none. */
  published: string | null;
  /** The last day of the 56 days beginning with publication (YYYY-MM-DD), or null. */
  deadline: string | null;
  /** `Criminal Justice Joint Inspection “Evidence led domestic abuse prosecutions” report` (write "the" before it); just `“…” report` when the title names the inspectorate itself. */
  name: string;
  /** Who published it, short, each body of a joint inspection: "HMICFRS" (or "HMIC" before July 2017), "HMICFRS and HMI Probation". */
  inspectorate: string;
  /** Who published it, in full: the spec's publishedBy, else the inspectorate's full name. */
  publishedBy: string;
  /** The report's address (the spec's referenceDocument), or null. */
  address: string | null;
}

export interface Section55Values {
  variant: Variant;
  draft: boolean;
  report: Section55Report;
  causesOfConcern: Section55Item[];
  recommendations: Section55Item[];
  /** Only those with a response: section 55 does not require one, so the rest are left out. */
  areasForImprovement: Section55Item[];
  counts: {
    causesOfConcern: number;
    recommendations: number;
    /** Every area for improvement of the report, shown or not. */
    areasForImprovement: number;
    /** Recommendations and causes of concern addressed only to other bodies (not counted as missing). */
    otherBodies: number;
    /** Recommendations and causes of concern addressed to the force with no response: what `check` and `s55 --list` call missing. */
    missing: number;
    /** Areas for improvement with no response (not required, not missing). */
    areasWithoutResponse: number;
  };
  /** "2 recommendations have no response; 1 area for improvement has none (…); 2 recommendations addressed to other bodies are not counted": the words of `check` and `s55 --list`. */
  missingText: string;
  /** Markdown from the spec, rendered; null when not given. */
  pccComments: string | null;
  chiefConstableComments: string | null;
  pccCommentsOnChiefConstable: string | null;
}

export function section55Values(input: { report: Report; recs: readonly Recommendation[]; spec: PaperSpec; variant: Variant; draft: boolean }): Section55Values {
  const { report, recs, spec } = input;
  const items = recs.map(item);
  const ofKind = (kind: RecommendationKind) => items.filter((i) => i.kind === kind);
  const recommendations = ofKind("recommendation");
  const responses = summariseResponses(recs);
  return {
    variant: input.variant,
    draft: input.draft,
    report: section55Report(report, recs, spec),
    causesOfConcern: ofKind("cause-of-concern"),
    recommendations,
    areasForImprovement: ofKind("afi").filter((i) => i.response !== null || i.otherBodies !== null),
    counts: {
      causesOfConcern: ofKind("cause-of-concern").length,
      recommendations: recommendations.length,
      areasForImprovement: ofKind("afi").length,
      otherBodies: responses.otherBodies.length,
      missing: responses.missing.length,
      areasWithoutResponse: responses.optionalWithout.length,
    },
    missingText: missingResponsesText(responses),
    pccComments: spec.pccComments ?? null,
    chiefConstableComments: spec.chiefConstableComments ?? null,
    pccCommentsOnChiefConstable: spec.pccCommentsOnChiefConstable ?? null,
  };
}

export function section55Report(report: Report, recs: readonly Recommendation[], spec: Pick<PaperSpec, "inspection" | "publishedBy" | "referenceDocument">): Section55Report {
  const inspectorate = reportInspectorate(report, recs, spec);
  return {
    id: report.id,
    title: report.title,
    published: report.published,
    deadline: report.published ? section55Deadline(report.published) : null,
    name: `${inspectorate.naming === "" ? "" : `${inspectorate.naming} `}“${report.title}” report`,
    inspectorate: inspectorate.short,
    publishedBy: spec.publishedBy ?? inspectorate.full,
    address: spec.referenceDocument ?? null,
  };
}

function item(rec: Recommendation): Section55Item {
  const addressee = addresseeOf(rec);
  const response = hasResponse(rec) ? rec.response!.trim() : null;
  return {
    number: rec.number,
    label: itemLabel(rec),
    kind: rec.kind,
    kindWord: KIND_WORDS[rec.kind].one,
    text: rec.text,
    addressee: rec.addressee,
    otherBodies: addressee.force ? null : joinList(addressee.otherBodies, "and"),
    response,
    // A cell's line breaks (Alt+Enter in Excel) are the writer's paragraphs.
    responseParagraphs: response === null ? [] : response.split(/\s*\n\s*/).filter((p) => p !== ""),
    responseNeeded: isMissing(rec),
    owner: rec.owner,
    due: rec.due,
    dueText: rec.dueText,
    status: rec.status,
    statusLabel: rec.status ? STATUS_LABELS[rec.status] : "",
  };
}
