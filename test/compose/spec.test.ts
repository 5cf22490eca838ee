// Paper specs: what a governance assistant types in the front matter, and the one line they
// read when something in it is wrong — always the spec's name and the line to look at.
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadSpec, parseSpec, resolveTrackerPath } from "../../src/compose/spec.js";
import { writeSpec } from "./fixtures.js";

const messages = (text: string) => parseSpec(text, "paper.md").diagnostics.map(formatDiagnostic);

describe("reading a spec", () => {
  it("reads the front matter, the body and where the body starts", () => {
    const loaded = parseSpec(
      [
        "---",
        "style: city-of-london-committee",
        "tracker: colp.xlsx",
        "date: 30/11/2016",
        "committees:",
        "  - name: Police",
        "    date: 15/12/2016",
        "  - Police Authority Board",
        "contacts:",
        "  - name: DCI Alex Hayman",
        "    phone: 020 7601 2620",
        "subject:",
        "themes:",
        "  Training: The training package is ready.",
        "  Views of victims:",
        "    lead: DCI Crime",
        "---",
        "# Summary",
      ].join("\n"),
      "paper.md",
    );
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.spec).toEqual({
      style: "city-of-london-committee",
      tracker: "colp.xlsx",
      date: "2016-11-30",
      committees: [{ name: "Police", date: "2016-12-15" }, { name: "Police Authority Board" }],
      // the phone number keeps its leading 0; the blank subject is as if not given
      contacts: [{ name: "DCI Alex Hayman", phone: "020 7601 2620" }],
      themes: { Training: "The training package is ready.", "Views of victims": { lead: "DCI Crime" } },
    });
    expect(loaded.body).toBe("# Summary");
    expect(loaded.bodyStartLine).toBe(18);
    expect(loaded.lineOf(["committees", 1])).toBe(8);
  });

  it("accepts Windows line endings and a byte order mark", () => {
    const loaded = parseSpec("\uFEFF---\r\nstyle: cambridgeshire-bcb\r\n---\r\nBody\r\n", "paper.md");
    expect(loaded.spec).toEqual({ style: "cambridgeshire-bcb" });
    expect(loaded.bodyStartLine).toBe(4);
  });

  it("takes a file without front matter as all body", () => {
    const loaded = parseSpec("# Purpose\n\nText", "paper.md");
    expect(loaded.spec).toEqual({});
    expect(loaded.bodyStartLine).toBe(1);
  });

  it("finds the tracker relative to the spec, not to where boardpack is run", () => {
    const path = writeSpec("---\ntracker: ../trackers/colp.xlsx\n---\n");
    const tracker = resolveTrackerPath(loadSpec(path))!;
    expect(tracker.endsWith("trackers/colp.xlsx")).toBe(true);
    expect(tracker.startsWith("/")).toBe(true);
  });
});

describe("mistakes in a spec: one line each, naming the file and the line", () => {
  it("suggests the field a misspelt one meant", () => {
    expect(messages("---\nstyle: city-of-london-committee\ncommitee: Police\n---\n")).toEqual([
      'paper.md:3: error SPEC_FIELD_UNKNOWN "commitee" is not a spec field; did you mean "committees"?',
    ]);
  });

  it("suggests across case and spacing", () => {
    expect(messages("---\nReport Author: DCI Hayman\n---\n")).toEqual([
      'paper.md:2: error SPEC_FIELD_UNKNOWN "Report Author" is not a spec field; did you mean "reportAuthor"?',
    ]);
  });

  it("lists the fields when nothing is close", () => {
    const [message] = messages("---\nbanana: yes\n---\n");
    expect(message).toMatch(/^paper\.md:2: error SPEC_FIELD_UNKNOWN "banana" is not a spec field; the fields are style, tracker, title, date, /);
  });

  it("finds misspellings inside a committee or a contact", () => {
    expect(messages("---\ncontacts:\n  - name: DCI Hayman\n    emial: a@b.uk\n---\n")).toEqual([
      'paper.md:4: error SPEC_FIELD_UNKNOWN contacts: "emial" is not a contact field; did you mean "email"?',
    ]);
  });

  it("says why a date is not a date", () => {
    expect(messages("---\ndate: 31/02/2017\n---\n")).toEqual([
      'paper.md:2: error SPEC_FIELD_INVALID date: "31/02/2017" is not a day (31 February 2017 does not exist); write it as 04/06/2015',
    ]);
    expect(messages("---\ndate: June 2015\n---\n")[0]).toContain("it names a period, not a day");
  });

  it("says a committee needs a name, at the committee's line", () => {
    expect(messages("---\ncommittees:\n  - date: 15/12/2016\n---\n")).toEqual([
      "paper.md:3: error SPEC_FIELD_MISSING committees (entry 1): each committee needs a name",
    ]);
  });

  it("says what shape a field takes", () => {
    expect(messages("---\nto:\n  - Board\n---\n")).toEqual(["paper.md:3: error SPEC_FIELD_INVALID to: give a line of text, not a list"]);
  });

  it("explains YAML it cannot read in a user's terms", () => {
    const [message] = messages("---\ntitle: Update\nsubject: Police: Performance: Sub Committee\n---\n");
    expect(message).toMatch(/^paper\.md:3: error SPEC_YAML the front matter cannot be read here .*put a value in double quotes when it contains ": "/);
  });

  it("reports a field given twice", () => {
    expect(messages("---\ntitle: A\ntitle: B\n---\n")).toEqual(['paper.md:3: error SPEC_YAML "title" is given twice; keep one of them']);
  });

  it("reports front matter that is never closed", () => {
    expect(messages("---\ntitle: A\n# Summary\n")).toEqual([
      "paper.md:1: error SPEC_FRONT_MATTER the front matter that starts with --- on line 1 is never closed: add a line with just --- after the last field",
    ]);
  });

  it("reports a spec that cannot be read", () => {
    const loaded = loadSpec("/no/such/paper.md", { displayName: "paper.md" });
    expect(loaded.spec).toBeNull();
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual(["paper.md: error SPEC_NOT_FOUND the paper spec cannot be read (does the file exist?)"]);
  });
});
