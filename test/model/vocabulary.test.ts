import { describe, expect, it } from "vitest";
import { normaliseWord, ragFromText, statusFromRag, statusFromText } from "../../src/model/vocabulary.js";

describe("status words", () => {
  it.each([
    ["Complete", "complete"],
    ["Completed", "complete"],
    ["complete ", "complete"],
    ["CLOSED", "complete"],
    ["Done", "complete"],
    ["In progress", "in-progress"],
    ["In-Progress", "in-progress"],
    ["Ongoing", "in-progress"],
    ["On-going", "in-progress"],
    ["Started", "in-progress"],
    ["On track", "in-progress"],
    ["At risk", "in-progress"],
    ["Off track", "in-progress"],
    ["Not started", "not-started"],
    ["N/A", "not-applicable"],
    ["n/a", "not-applicable"],
    ["Open", "in-progress"],
    ["COMPLETE", "complete"],
    ["In progress - near completion", "in-progress"],
    ["Complete (awaiting sign-off)", "complete"],
    ["Awaiting sign-off", "in-progress"],
    ["Not started yet", "not-started"],
    ["Withdrawn", "not-applicable"],
  ])("%j is %s", (word, status) => {
    expect(statusFromText(word)).toBe(status);
  });

  it("does not guess at words it does not know", () => {
    expect(statusFromText("Parked")).toBeUndefined();
    expect(statusFromText("Not complete")).toBeUndefined();
    expect(statusFromText("Green")).toBeUndefined();
  });
});

describe("RAG words", () => {
  it.each([
    ["R", "red"],
    ["a", "amber"],
    ["G", "green"],
    ["B", "blue"],
    ["Red", "red"],
    [" AMBER ", "amber"],
    ["Green", "green"],
    ["Blue", "blue"],
    ["On track", "green"],
    ["At risk", "amber"],
    ["Off track", "red"],
    ["Green - on track", "green"],
    ["Blue (complete)", "blue"],
  ])("%j is %s", (word, rag) => {
    expect(ragFromText(word)).toEqual({ rag });
  });

  it.each([
    ["Amber/Green", "amber", ["amber", "green"]],
    ["A/G", "amber", ["amber", "green"]],
    ["Green - Amber", "amber", ["green", "amber"]],
    ["Red/Amber", "red", ["red", "amber"]],
  ])("a split rating %j takes the worse: %s", (word, rag, split) => {
    expect(ragFromText(word)).toEqual({ rag, split });
  });

  it("rejects what is not a rating", () => {
    expect(ragFromText("Purple")).toBeUndefined();
    expect(ragFromText("Amber/Purple")).toBeUndefined();
    expect(ragFromText("A review is due")).toBeUndefined();
    expect(ragFromText("")).toBeUndefined();
  });

  it("status follows RAG: blue is complete, any other colour in progress", () => {
    expect(statusFromRag("blue")).toBe("complete");
    expect(statusFromRag("red")).toBe("in-progress");
    expect(statusFromRag("green")).toBe("in-progress");
  });

  it("normalises case, spacing and punctuation", () => {
    expect(normaliseWord("  Task No. ")).toBe("task no");
    expect(normaliseWord("Update (Nov 2016)")).toBe("update nov 2016");
  });
});
