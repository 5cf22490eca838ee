// How a paper names a tracker row: "Recommendation 3", "Area for improvement 2",
// "Cause of concern 1" — whatever the tracker's No. column says ("AFI 2", "CoC 1", "3").
import type { Recommendation, RecommendationKind } from "../../model/schema.js";

export const KIND_WORDS: Record<RecommendationKind, { one: string; many: string }> = {
  recommendation: { one: "recommendation", many: "recommendations" },
  afi: { one: "area for improvement", many: "areas for improvement" },
  "cause-of-concern": { one: "cause of concern", many: "causes of concern" },
};

/** "AFI 2" → "2", "CoC 1" → "1", "R3" → "3"; other numbers as written. */
export function plainNumber(number: string): string {
  const rest = number.replace(/^(afi|areas? for improvement|coc|causes? (of|for) concern|rec(ommendation)?|r)\s*[.:-]?\s*/i, "");
  return rest !== "" && rest !== number ? rest : number;
}

/** "Recommendation 3", "Area for improvement 2". */
export function itemLabel(rec: Pick<Recommendation, "kind" | "number">): string {
  const word = KIND_WORDS[rec.kind].one;
  return `${word[0]!.toUpperCase()}${word.slice(1)} ${plainNumber(rec.number)}`;
}
