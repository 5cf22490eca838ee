// Issue 12: `check`, `s55 --list` and the s55 paper agree on what a missing response is, count
// it the same way on one tracker, and each says what it counts: areas for improvement (no
// response required) and recommendations addressed to other bodies are not missing.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli.js";
import { csv } from "../helpers/load.js";
import { docxParts, paragraphs, part } from "../render/docx/docx-parts.js";

const REPORT = "Stalking and harassment: an inspection";
const TRACKER = csv([
  ["Report", "Published", "Type", "No.", "Recommendation", "Addressed to", "Force response"],
  [REPORT, "05/02/2024", "Recommendation", "1", "Chief constables should appoint a stalking lead.", "Chief constables", "A lead was appointed in March."],
  [REPORT, "05/02/2024", "Recommendation", "2", "All forces should train call handlers in stalking.", "All forces", ""],
  [REPORT, "05/02/2024", "Recommendation", "3", "Forces should record stalking as stalking.", "", ""],
  [REPORT, "05/02/2024", "Recommendation", "4", "The Home Office should amend the counting rules.", "To the Home Office", ""],
  [REPORT, "05/02/2024", "Recommendation", "5", "By 30 June 2024, the College of Policing should publish guidance.", "", ""],
  [REPORT, "05/02/2024", "Cause of concern", "1", "Victims are not kept informed.", "", ""],
  [REPORT, "05/02/2024", "AFI", "AFI 1", "The force should review its use of protective orders.", "", ""],
  [REPORT, "05/02/2024", "AFI", "AFI 2", "The force should gather victims' views.", "", "Survey started."],
]);
const SENTENCE = "2 recommendations and 1 cause of concern have no response; 1 area for improvement has none (section 55 does not require one); 2 recommendations addressed to other bodies are not counted";

function writeTracker(): { dir: string; tracker: string } {
  const dir = tempDir();
  const tracker = join(dir, "stalking.csv");
  writeFileSync(tracker, TRACKER);
  return { dir, tracker };
}

describe("one meaning of a missing response, in check, s55 --list and the paper", () => {
  it("all three print the same count in the same words", async () => {
    const { dir, tracker } = writeTracker();
    const check = await runCli(["check", tracker]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain(`5 recommendations, 2 areas for improvement, 1 cause of concern; ${SENTENCE}`);

    const list = await runCli(["s55", "--list", tracker, "--as-of", "01/03/2024"]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`${REPORT}\\s+05 Feb 2024\\s+31 Mar 2024\\s+30 days left\\s+3 of 4\\n`));
    expect(list.stdout).toContain(`  ${REPORT}: ${SENTENCE}.`);

    const out = join(dir, "response.docx");
    const paper = await runCli(["s55", tracker, "--draft", "--as-of", "01/03/2024", "-o", out]);
    expect(paper.code, paper.stderr).toBe(0);
    // One RESPONSE_MISSING warning per missing row, no more: the same three.
    expect(paper.stderr.match(/warning RESPONSE_MISSING/g)).toHaveLength(3);
    const text = paragraphs(part(await docxParts(readFileSync(out)), "word/document.xml")).map((p) => p.text.replace(/\u00a0/g, " ")).join("\n");
    expect(text).toContain(`Draft: ${SENTENCE.charAt(0).toUpperCase()}${SENTENCE.slice(1)}.`);
    expect(text.match(/\[response needed\]/g)).toHaveLength(3);
    expect(text).toContain("This recommendation is addressed to the Home Office. The Constabulary will await further information.");
    expect(text).toContain("This recommendation is addressed to the College of Policing. The Constabulary will await further information.");
  });

  it("the JSON of check and s55 --list carry the same numbers", async () => {
    const { tracker } = writeTracker();
    const check = JSON.parse((await runCli(["check", tracker, "--json"])).stdout) as { responses: { missing: number; needingResponse: number; otherBodies: number; areasForImprovementWithoutResponse: number; text: string }[] };
    const list = JSON.parse((await runCli(["s55", "--list", tracker, "--json", "--as-of", "01/03/2024"])).stdout) as { reports: { withoutResponse: unknown[]; needingResponse: number; otherBodies: number; areasForImprovementWithoutResponse: number; missingText: string }[] };
    expect(check.responses).toEqual([{ report: expect.any(String), needingResponse: 4, missing: 3, areasForImprovementWithoutResponse: 1, otherBodies: 2, text: SENTENCE }]);
    const r = list.reports[0]!;
    expect([r.withoutResponse.length, r.needingResponse, r.otherBodies, r.areasForImprovementWithoutResponse, r.missingText]).toEqual([3, 4, 2, 1, SENTENCE]);
  });
});
