// The coverage check: section 55 asks the response to say, for every recommendation, what action
// has been or will be taken, or why none is proposed. A recommendation (or cause of concern)
// addressed to the force with no response is an error naming its cell, so no paper goes out with
// a gap — unless the user asks for a draft, which marks each gap "[response needed]".
// Areas for improvement need no response; one addressed only to another body is covered by the
// line that says so.
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { CellLocator } from "../../model/cell-locator.js";
import type { Recommendation, Report } from "../../model/schema.js";
import { hasResponse, isMissing } from "../../model/responses.js";
import { itemLabel, KIND_WORDS } from "./labels.js";

export function recommendationsOf(plan: { recommendations: Recommendation[] }, report: Report): Recommendation[] {
  return plan.recommendations.filter((r) => r.report === report.id);
}

export function checkCoverage(recs: readonly Recommendation[], report: Report, cells: CellLocator, options: { draft: boolean }): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rec of recs) {
    const at = cells.responseCell(rec);
    const what = `“${report.title}” ${itemLabel(rec).replace(/^\w/, (c) => c.toLowerCase())}${excerpt(rec.text)}`;
    if (isMissing(rec)) {
      const column = cells.responseHeader(rec);
      const fill = column ? `fill in its ${column} cell` : "add a Force response column to the tracker";
      out.push(
        options.draft
          ? diagnostic("warning", "RESPONSE_MISSING", `${what} has no response; the draft says [response needed] in its place`, at)
          : diagnostic("error", "RESPONSE_MISSING", `${what} has no response; section 55 needs one for every ${KIND_WORDS[rec.kind].one} (the action taken or proposed, or why none is proposed): ${fill}, or add --draft for a draft marked [response needed]`, at),
      );
    } else if (rec.kind === "afi" && !hasResponse(rec)) {
      out.push(diagnostic("info", "AFI_NO_RESPONSE", `${what} has no response; section 55 does not require one, so the paper leaves it out`, at));
    }
  }
  if (!recs.some((r) => r.kind !== "afi")) {
    out.push({ severity: "warning", code: "REPORT_NO_RECOMMENDATIONS", message: `the tracker lists no recommendations for “${report.title}”; the paper says the report makes none`, file: cells.file });
  }
  return out;
}

/** ` ("The force should review its …")`: enough of the text to recognise the row. */
function excerpt(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t === "") return "";
  return ` (“${t.length > 60 ? `${t.slice(0, 57).replace(/\s+\S*$/, "")} …` : t}”)`;
}
