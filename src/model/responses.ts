// What "missing response" means, once, for `check`, `s55 --list`, the web page and the s55
// paper: section 55 asks for a response to every recommendation (and cause of concern)
// addressed to the force. Areas for improvement need none, and a row addressed only to other
// bodies (the CPS, the Home Office) gets the line naming them instead: neither is "missing",
// and the sentence every output prints says so.
import { addresseeOf } from "./addressee.js";
import type { Recommendation, RecommendationKind } from "./schema.js";

/** What section 55 asks of one row: a response of the force's own, nothing, or the line naming the body addressed. */
export type ResponseDuty = "required" | "optional" | "other-body";

export function responseDuty(rec: Recommendation): ResponseDuty {
  if (rec.kind === "afi") return "optional";
  return addresseeOf(rec).force ? "required" : "other-body";
}

export function hasResponse(rec: Pick<Recommendation, "response">): boolean {
  return rec.response !== null && rec.response.trim() !== "";
}

/** A required response that the tracker does not have. */
export function isMissing(rec: Recommendation): boolean {
  return responseDuty(rec) === "required" && !hasResponse(rec);
}

export interface ResponseSummary {
  /** Recommendations and causes of concern addressed to the force: the rows that need a response. */
  required: Recommendation[];
  /** Of those, the ones with no response: what every output calls missing. */
  missing: Recommendation[];
  /** Areas for improvement with no response (section 55 needs none): not missing. */
  optionalWithout: Recommendation[];
  /** Recommendations and causes of concern addressed only to other bodies: not counted. */
  otherBodies: Recommendation[];
}

export function summariseResponses(recs: readonly Recommendation[]): ResponseSummary {
  const summary: ResponseSummary = { required: [], missing: [], optionalWithout: [], otherBodies: [] };
  for (const rec of recs) {
    const duty = responseDuty(rec);
    if (duty === "required") {
      summary.required.push(rec);
      if (!hasResponse(rec)) summary.missing.push(rec);
    } else if (duty === "optional") {
      if (!hasResponse(rec)) summary.optionalWithout.push(rec);
    } else {
      summary.otherBodies.push(rec);
    }
  }
  return summary;
}

const WORDS: Record<RecommendationKind, [string, string]> = {
  recommendation: ["recommendation", "recommendations"],
  afi: ["area for improvement", "areas for improvement"],
  "cause-of-concern": ["cause of concern", "causes of concern"],
};

/**
 * The one sentence that says what is counted: "3 recommendations and 1 cause of concern have no
 * response; 1 area for improvement has none (section 55 does not require one); 2
 * recommendations addressed to other bodies are not counted".
 */
export function missingResponsesText(summary: ResponseSummary): string {
  const parts: string[] = [];
  if (summary.missing.length > 0) {
    parts.push(`${kindCounts(summary.missing)} ${summary.missing.length === 1 ? "has" : "have"} no response`);
  } else if (summary.required.length > 0) {
    parts.push(everyOneAnswered(summary.required));
  } else {
    parts.push("none is addressed to the force");
  }
  if (summary.optionalWithout.length > 0) {
    const n = summary.optionalWithout.length;
    parts.push(`${kindCounts(summary.optionalWithout)} ${n === 1 ? "has" : "have"} none (section 55 does not require one)`);
  }
  if (summary.otherBodies.length > 0) {
    parts.push(`${kindCounts(summary.otherBodies)} addressed to other bodies ${summary.otherBodies.length === 1 ? "is" : "are"} not counted`);
  }
  return parts.join("; ");
}

/** "the recommendation … has a response", "both recommendations …", "all 6 …", "the 2 recommendations and 1 cause of concern … all have". */
function everyOneAnswered(required: readonly Recommendation[]): string {
  const what = kindCounts(required);
  const where = "addressed to the force";
  if (required.length === 1) return `the ${what.replace(/^1 /, "")} ${where} has a response`;
  if (new Set(required.map((r) => r.kind)).size > 1) return `the ${what} ${where} all have a response`;
  return `${required.length === 2 ? what.replace(/^2 /, "both ") : `all ${what}`} ${where} have a response`;
}

/** "3 recommendations and 1 cause of concern", in the order recommendations, causes of concern, areas for improvement. */
function kindCounts(recs: readonly Recommendation[]): string {
  const order: RecommendationKind[] = ["recommendation", "cause-of-concern", "afi"];
  const parts = order
    .map((kind) => [kind, recs.filter((r) => r.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${WORDS[kind][n === 1 ? 0 : 1]}`);
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
