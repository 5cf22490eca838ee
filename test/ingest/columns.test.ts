import { describe, expect, it } from "vitest";
import { fieldForHeader } from "../../src/ingest/columns.js";
import { findHeaderRow } from "../../src/ingest/header.js";
import type { RawSheet } from "../../src/ingest/raw-table.js";

describe("header synonyms", () => {
  it.each([
    ["Ref", "ref"],
    ["No.", "ref"],
    ["Task No.", "ref"],
    ["Action No.", "ref"],
    ["ID", "ref"],
    ["Action", "action"],
    ["Task", "action"],
    ["Activity", "action"],
    ["Owner", "owner"],
    ["Lead", "owner"],
    ["Responsible", "owner"],
    ["Due", "due"],
    ["Target date", "due"],
    ["Timescale", "due"],
    ["Deadline", "due"],
    ["Status", "status"],
    ["RAG", "rag"],
    ["RAG status", "rag"],
    ["BRAG", "rag"],
    ["Rating", "rag"],
    ["Update", "update"],
    ["Progress", "update"],
    ["Progress update", "update"],
    ["Update (Nov 2016)", "update"],
    ["Latest update", "update"],
    ["Comments", "update"],
    ["Theme", "theme"],
    ["Heading", "theme"],
    ["Area", "theme"],
    ["Workstream", "theme"],
    ["Section", "theme"],
    ["Recommendation", "recommendation"],
    ["AFI", "recommendation"],
    ["Evidence", "evidence"],
    ["Report", "report"],
    ["Published", "published"],
    ["Type", "type"],
    ["Addressed to", "addressee"],
    ["Force response", "response"],
    ["  TARGET   DATE ", "due"],
    ["Status at 30/11/2016", "status"],
  ])("%j feeds %s", (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it("leaves other headers unmapped", () => {
    expect(fieldForHeader("Partner agency")).toBeUndefined();
    expect(fieldForHeader("Status report")).toBeUndefined();
    expect(fieldForHeader("")).toBeUndefined();
  });
});

function sheet(rows: string[][]): RawSheet {
  return {
    name: "Plan",
    rows: rows.map((cells, i) => ({ row: i + 1, cells: cells.map((text) => (text ? { kind: "string" as const, text } : undefined)) })),
  };
}

describe("finding the header row", () => {
  it("skips title rows above the header", () => {
    const found = findHeaderRow(sheet([["City of London Police"], ["Action plan 2016-17"], [], ["Task No.", "Task", "Lead", "RAG"], ["1.1", "Do it", "DCI", ""]]));
    expect(found?.row).toBe(4);
    expect(found?.columns.map((c) => c.field)).toEqual(["ref", "action", "owner", "rag"]);
  });

  it("finds no header in a dashboard of figures", () => {
    expect(findHeaderRow(sheet([["Dashboard"], ["Tasks", "57"], ["Complete", "46"]]))).toBeUndefined();
  });

  it("keeps the first column for a field and marks a second as extra", () => {
    const found = findHeaderRow(sheet([["Ref", "Action", "Update (Oct 2016)", "Update (Nov 2016)"]]));
    expect(found?.columns.map((c) => c.field)).toEqual(["ref", "action", "update", null]);
    expect(found?.columns[3]?.note).toContain("Update (Oct 2016)");
  });

  it("makes repeated header texts unique so no extra value is lost", () => {
    const found = findHeaderRow(sheet([["Ref", "Action", "Notes", "Notes"]]));
    expect(found?.columns.map((c) => c.header)).toEqual(["Ref", "Action", "Notes", "Notes (2)"]);
  });

  it("lets a mapping override the synonyms", () => {
    const found = findHeaderRow(sheet([["Ref", "Task", "Description of work", "Owner"]]), { action: "Description of work" });
    expect(found?.columns.map((c) => c.field)).toEqual(["ref", null, "action", "owner"]);
  });
});
