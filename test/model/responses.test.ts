// One meaning of "missing response" (model/responses.ts): a recommendation or cause of concern
// addressed to the force with no response. Areas for improvement need none; rows addressed
// only to other bodies get the line naming them. The sentence says what it counts.
import { describe, expect, it } from "vitest";
import { addresseeOf } from "../../src/model/addressee.js";
import { missingResponsesText, summariseResponses } from "../../src/model/responses.js";
import type { Recommendation } from "../../src/model/schema.js";

function rec(over: Partial<Recommendation>): Recommendation {
  return { report: "r", number: "1", kind: "recommendation", text: "Forces should act.", addressee: null, response: null, owner: null, due: null, dueText: null, status: null, rag: null, extra: {}, source: { sheet: "Recs", row: 2 }, ...over };
}

describe("who a recommendation is addressed to", () => {
  it.each([
    ["To the Home Office", false],
    ["to chief constables", true],
    ["To all forces", true],
    ["For: the College of Policing", false],
    ["National Police Chiefs' Council", false],
    ["NPCC and chief constables", true],
  ])("the Addressed to cell %j: the force %s", (addressee, force) => {
    expect(addresseeOf(rec({ addressee })).force).toBe(force);
  });

  it("reads a row with no Addressed to cell from its text, as HMICFRS words recommendations", () => {
    expect(addresseeOf(rec({ text: "By 31 March 2020, the Home Office should publish guidance on …" }))).toEqual({ force: false, otherBodies: ["the Home Office"] });
    expect(addresseeOf(rec({ text: "The College of Policing, working with the NPCC, should revise the APP." }))).toEqual({ force: false, otherBodies: ["the College of Policing"] });
    expect(addresseeOf(rec({ text: "By June 2020, chief constables should ensure that …" })).force).toBe(true);
    expect(addresseeOf(rec({ text: "The Home Office and chief constables should …" })).force).toBe(true);
    // A subject we do not know is read as the force: a response is asked for, never silently not.
    expect(addresseeOf(rec({ text: "Neighbourhood teams should …" })).force).toBe(true);
  });
});

describe("missing responses", () => {
  const recs = [
    rec({ number: "1", response: "Done." }),
    rec({ number: "2" }),
    rec({ number: "3", addressee: "All forces" }),
    rec({ number: "4", addressee: "CPS" }),
    rec({ number: "5", text: "By March 2021, the Home Office should …" }),
    rec({ number: "1", kind: "cause-of-concern" }),
    rec({ number: "AFI 1", kind: "afi" }),
    rec({ number: "AFI 2", kind: "afi", response: "In hand." }),
  ];

  it("counts recommendations and causes of concern addressed to the force with no response, and says what it leaves out", () => {
    const summary = summariseResponses(recs);
    expect(summary.required.map((r) => r.number)).toEqual(["1", "2", "3", "1"]);
    expect(summary.missing.map((r) => `${r.kind} ${r.number}`)).toEqual(["recommendation 2", "recommendation 3", "cause-of-concern 1"]);
    expect(missingResponsesText(summary)).toBe(
      "2 recommendations and 1 cause of concern have no response; 1 area for improvement has none (section 55 does not require one); 2 recommendations addressed to other bodies are not counted",
    );
  });

  it("says when every response the force owes is there", () => {
    expect(missingResponsesText(summariseResponses([rec({ response: "Done." })]))).toBe("the recommendation addressed to the force has a response");
    expect(missingResponsesText(summariseResponses([rec({ response: "a" }), rec({ number: "2", response: "b" })]))).toBe("both recommendations addressed to the force have a response");
    expect(missingResponsesText(summariseResponses([rec({ addressee: "CPS" })]))).toBe("none is addressed to the force; 1 recommendation addressed to other bodies is not counted");
  });
});
