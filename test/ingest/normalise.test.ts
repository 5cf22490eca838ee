import { describe, expect, it } from "vitest";
import { csv, loadCsvText } from "../helpers/load.js";

const HEADER = ["Ref", "Theme", "Action", "Owner", "Due", "Status", "RAG", "Update"];

describe("normalising an action tracker", () => {
  it("reads themes in order, owners, dates and vocabulary", async () => {
    const { plan, lines } = await loadCsvText(csv([
      HEADER,
      ["1.1", "Leadership", "Appoint a DA lead", "ACC", "31/03/2017", "Complete", "B", "Done in March"],
      ["1.2", "Leadership", "Board oversight", "ACC", "Mar-17", "on track", "", ""],
      ["2.1", "Training", "Train frontline staff", "Training Manager", "Q4 2016/17", "In progress", "Amber", "Half trained"],
      ["2.2", "Training", "Refresher course", "", "Ongoing", "Not started", "R", ""],
    ]));
    expect(lines.filter((l) => !l.includes(": info "))).toEqual([]);
    expect(plan?.themes).toEqual([
      { id: "leadership", title: "Leadership" },
      { id: "training", title: "Training" },
    ]);
    expect(plan?.actions.map((a) => [a.ref, a.theme, a.owner, a.due, a.dueText, a.status, a.rag])).toEqual([
      ["1.1", "leadership", "ACC", "2017-03-31", null, "complete", "blue"],
      ["1.2", "leadership", "ACC", "2017-03-31", "Mar-17", "in-progress", "green"],
      ["2.1", "training", "Training Manager", "2017-03-31", "Q4 2016/17", "in-progress", "amber"],
      ["2.2", "training", null, null, "Ongoing", "not-started", "red"],
    ]);
    expect(plan?.actions[0]?.source).toEqual({ sheet: null, row: 2 });
  });

  it("derives status from RAG when there is no status column", async () => {
    const { plan } = await loadCsvText(csv([["Ref", "Action", "RAG"], ["1", "a", "B"], ["2", "b", "G"], ["3", "c", "Red"]]));
    expect(plan?.actions.map((a) => a.status)).toEqual(["complete", "in-progress", "in-progress"]);
  });

  it("keeps an unknown status or RAG word as written and warns at its cell", async () => {
    const { plan, lines } = await loadCsvText(csv([HEADER, ["1", "T", "Act", "Me", "", "Parked", "Purple", ""]]));
    expect(lines).toContain('tracker.csv F2: warning STATUS_UNKNOWN Status "Parked" is not a status boardpack knows (Not started, In progress, Complete, N/A); kept as written, with no status');
    expect(lines).toContain('tracker.csv G2: warning RAG_UNKNOWN RAG "Purple" is not a RAG rating (Red, Amber, Green, Blue); kept as written, with no rating');
    expect(plan?.actions[0]).toMatchObject({ status: null, statusAsWritten: "Parked", rag: null, ragAsWritten: "Purple", extra: {} });
  });

  it("keeps the force's own status and RAG words beside the standard ones, with no warning for the obvious", async () => {
    const rows = [
      ["1", "T", "a", "", "", "On track", "", ""],
      ["2", "T", "b", "", "", "Closed", "B", ""],
      ["3", "T", "c", "", "", "Open", "Amber", ""],
      ["4", "T", "d", "", "", "In progress - near completion", "A/G", ""],
      ["5", "T", "e", "", "", "COMPLETE", "Blue", ""],
      ["6", "T", "f", "", "", "At risk", "At risk", ""],
      ["7", "T", "g", "", "", "In progress", "Green", ""],
    ];
    const { plan, lines } = await loadCsvText(csv([HEADER, ...rows]));
    expect(lines.filter((l) => l.includes(" warning "))).toEqual([]);
    expect(plan?.actions.map((a) => [a.status, a.statusAsWritten, a.rag, a.ragAsWritten])).toEqual([
      ["in-progress", "On track", "green", undefined],
      ["complete", "Closed", "blue", "B"],
      ["in-progress", "Open", "amber", undefined],
      ["in-progress", "In progress - near completion", "amber", "A/G"],
      ["complete", "COMPLETE", "blue", undefined],
      ["in-progress", "At risk", "amber", "At risk"],
      ["in-progress", undefined, "green", undefined],
    ]);
    // The standard word is not repeated: the plan carries the field only where the words differ.
    expect(Object.keys(plan!.actions[6]!)).not.toContain("statusAsWritten");
  });

  it("tells apart a second column named like one of boardpack's", async () => {
    const { plan } = await loadCsvText(csv([["Ref", "Action", "Status", "Status", "Notes", "Notes"], ["1", "a", "Complete", "Signed off by board", "n1", "n2"]]));
    expect(plan?.actions[0]?.status).toBe("complete");
    expect(plan?.actions[0]?.extra).toEqual({ "Status (original)": "Signed off by board", Notes: "n1", "Notes (2)": "n2" });
  });

  it("takes the worse of a split rating and says so", async () => {
    const { plan, lines } = await loadCsvText(csv([["Ref", "Action", "RAG"], ["1", "a", "Amber/Green"]]));
    expect(plan?.actions[0]?.rag).toBe("amber");
    expect(lines).toContain('tracker.csv C2: info RAG_SPLIT RAG "Amber/Green" is a split rating (Amber/Green); the worse, Amber, is used');
  });

  it("keeps unmapped columns verbatim in extra", async () => {
    const { plan } = await loadCsvText(csv([["Ref", "Action", "Partner agency", "Budget"], ["1", "a", "Refuge", "£25,000"]]));
    expect(plan?.actions[0]?.extra).toEqual({ "Partner agency": "Refuge", Budget: "£25,000" });
  });

  it("reports an impossible date as an error naming the cell", async () => {
    const { lines } = await loadCsvText(csv([HEADER, ["1", "T", "Act", "Me", "31/02/2017", "", "", ""]]));
    expect(lines).toContain('tracker.csv E2: error DATE_INVALID Due "31/02/2017" is not a date: 31 February 2017 does not exist');
  });

  it("reports a repeated ref as an error naming both rows", async () => {
    const { lines } = await loadCsvText(csv([["Ref", "Action"], ["1.1", "a"], ["1.2", "b"], ["1.1", "c"]]));
    expect(lines).toContain('tracker.csv A4: error REF_DUPLICATE ref "1.1" is used twice: it is also on row 2 (A2); each action needs its own ref');
  });

  it("makes up refs when the tracker has none, and says so", async () => {
    const { plan, lines } = await loadCsvText(csv([["Theme", "Action"], ["Leadership", "a"], ["Leadership", "b"], ["Training", "c"]]));
    expect(plan?.actions.map((a) => a.ref)).toEqual(["1.1", "1.2", "2.1"]);
    expect(lines).toContain('tracker.csv: warning REF_GENERATED there is no Ref column, so the 3 actions were given refs "1.1" to "2.1" in row order');
  });

  it("gives an empty ref cell a new ref without reusing one", async () => {
    const { plan, lines } = await loadCsvText(csv([["Ref", "Action"], ["2", "a"], ["", "b"]]));
    expect(plan?.actions.map((a) => a.ref)).toEqual(["2", "3"]);
    expect(lines).toContain('tracker.csv A3: warning REF_MISSING Ref is empty; the action was given the ref "3"');
  });

  it("reads theme banners between rows and drops the numbering", async () => {
    const { plan } = await loadCsvText(csv([
      ["Task No.", "Task", "Lead"],
      ["I   Understanding & Identifying Risk"],
      ["1.1", "a", "x"],
      ["II  Training"],
      ["2.1", "b", "y"],
    ]));
    expect(plan?.themes.map((t) => t.title)).toEqual(["Understanding & Identifying Risk", "Training"]);
    expect(plan?.actions.map((a) => a.theme)).toEqual(["understanding-identifying-risk", "training"]);
  });

  it("names legend and blank rows instead of dropping them silently", async () => {
    const { plan, lines } = await loadCsvText(csv([["Ref", "Action"], ["1", "a"], [""], ["2", "b"], ["Key: B = complete, G = on track"]]));
    expect(plan?.actions).toHaveLength(2);
    expect(lines).toContain("tracker.csv row 3: info BLANK_ROWS row 3 is blank; not an action");
    expect(lines.some((l) => l.startsWith("tracker.csv row 5: info LEGEND_ROW"))).toBe(true);
  });

  it("does not mistake a quoted multi-line cell for blank rows", async () => {
    const { lines } = await loadCsvText(`Ref,Action,Update\r\n1,a,"first\r\nsecond\r\nthird"\r\n2,b,c\r\n`);
    expect(lines.filter((l) => l.includes("BLANK_ROWS"))).toEqual([]);
  });

  it("refuses a tracker with no action column, listing what it found and what it expects", async () => {
    const { plan, lines } = await loadCsvText(csv([["Ref", "Owner", "Due"], ["1", "a", "b"]]));
    expect(plan).toBeNull();
    expect(lines).toEqual(['tracker.csv row 1: error TRACKER_NO_ACTION_COLUMN no action or recommendation column: the header on row 1 has "Ref", "Owner", "Due"; expected an action column (Action, Task or Activity) or a recommendation column, usually with Ref, Owner, Due, Status, RAG and Update']);
  });

  it("refuses a header with no rows under it", async () => {
    const { plan, lines } = await loadCsvText(csv([HEADER]));
    expect(plan).toBeNull();
    expect(lines.at(-1)).toBe("tracker.csv: error TRACKER_NO_ROWS the tracker has a header row (row 1) but no actions below it; is this the right file or sheet?");
  });

  it("keeps an action with no text, with a warning", async () => {
    const { plan, lines } = await loadCsvText(csv([["Ref", "Action", "Owner"], ["1", "", "DCI"]]));
    expect(plan?.actions[0]).toMatchObject({ ref: "1", title: "", owner: "DCI" });
    expect(lines).toContain("tracker.csv B2: warning ACTION_NO_TEXT this row has no Action text; it is kept as an action with an empty title");
  });
});

describe("normalising an inspection tracker", () => {
  const HEAD = ["Report", "Published", "Type", "No.", "Recommendation", "Addressed to", "Force response", "Status"];
  it("fills reports and recommendations, continuing the report down empty cells", async () => {
    const { plan, lines } = await loadCsvText(csv([
      HEAD,
      ["Evidence led domestic abuse prosecutions", "23/01/2020", "Recommendation", "1", "Share good work", "Police and CPS", "We will", "In progress"],
      ["", "", "Recommendation", "7", "Prosecutors should…", "CPS", "", ""],
      ["PEEL 2019", "02/05/2019", "AFI", "1", "Improve X", "Police", "Done", "Complete"],
    ]));
    expect(lines.filter((l) => !l.includes(": info "))).toEqual([]);
    expect(plan?.actions).toEqual([]);
    expect(plan?.reports).toEqual([
      { id: "evidence-led-domestic-abuse-prosecutions", title: "Evidence led domestic abuse prosecutions", published: "2020-01-23" },
      { id: "peel-2019", title: "PEEL 2019", published: "2019-05-02" },
    ]);
    expect(plan?.recommendations.map((r) => [r.report, r.number, r.kind, r.addressee, r.response, r.status])).toEqual([
      ["evidence-led-domestic-abuse-prosecutions", "1", "recommendation", "Police and CPS", "We will", "in-progress"],
      ["evidence-led-domestic-abuse-prosecutions", "7", "recommendation", "CPS", null, null],
      ["peel-2019", "1", "afi", "Police", "Done", "complete"],
    ]);
  });

  it("reports a recommendation number used twice in one report", async () => {
    const { lines } = await loadCsvText(csv([HEAD, ["R1", "", "", "1", "a", "", "", ""], ["R1", "", "", "1", "b", "", "", ""]]));
    expect(lines).toContain('tracker.csv D3: error NUMBER_DUPLICATE recommendation 1 of "R1" is listed twice: it is also on row 2');
  });
});

describe("rows that are not actions", () => {
  it("names a totals row and a note below the table instead of reading them as an action or a theme", async () => {
    const { plan, lines } = await loadCsvText(csv([
      ["Ref", "Action", "Owner"],
      ["1", "a", "DCI"],
      ["2", "b", "DS"],
      ["Total", "", "2"],
      ["Note: this plan is reviewed monthly by the Vulnerability Working Group"],
    ]));
    expect(plan?.actions.map((a) => a.ref)).toEqual(["1", "2"]);
    expect(plan?.themes).toEqual([]);
    expect(lines).toContain('tracker.csv row 4: info TOTAL_ROW not an action: a totals row ("Total | 2")');
    expect(lines).toContain('tracker.csv row 5: info NOTE_ROW not an action: a note below the last action ("Note: this plan is reviewed monthly by the Vulnerability …")');
  });
});

describe("text in a column with no header", () => {
  it("is kept as an extra column named by its letter, with one warning per column", async () => {
    const { plan, lines } = await loadCsvText("Ref,Action\n1,Do,stray,\n2,Then,more,\n3,Last,,far\n");
    expect(plan?.actions.map((a) => a.extra)).toEqual([{ "Column C": "stray" }, { "Column C": "more" }, { "Column D": "far" }]);
    expect(lines).toEqual([
      'tracker.csv C2: warning COLUMN_NO_HEADER this cell has text but its column has no header; kept as the extra column "Column C" (give the column a header to name it)',
      'tracker.csv D4: warning COLUMN_NO_HEADER this cell has text but its column has no header; kept as the extra column "Column D" (give the column a header to name it)',
    ]);
  });
});

describe("a cell longer than Excel holds", () => {
  it("is read whole, with a warning at its cell", async () => {
    const long = "x".repeat(40_000);
    const { plan, lines } = await loadCsvText(`Ref,Action\n1,${long}\n`);
    expect(plan?.actions[0]?.title).toBe(long);
    expect(lines).toEqual([
      "tracker.csv B2: warning CELL_TOO_LONG_FOR_EXCEL the cell holds 40,000 characters, more than the 32,767 an Excel cell can hold; plan.json and CSV keep it whole, an .xlsx tracker keeps its first 32,767",
    ]);
  });
});
