import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runBin, runCli, tempDir } from "../helpers/cli.js";
import { csv } from "../helpers/load.js";
import { deflatedZeros, xlsxShapedZip } from "../helpers/zip.js";

const STACK_FRAME = /^\s+at /m;

async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  ws.addRow(["Ref", "Action", "Owner", "RAG"]);
  for (let i = 1; i <= 200; i++) ws.addRow([`1.${i}`, `Action number ${i} with enough text to fill the sheet`, "DCI Crime", "G"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("boardpack --help", () => {
  it("lists every command with an example", () => {
    const r = runBin(["--help"]);
    expect(r.code).toBe(0);
    // Nothing else: a V8 flag bin/boardpack.js sets that this Node does not know would say so here.
    expect(r.stderr).toBe("");
    for (const command of ["check", "convert", "paper", "schema"]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
      // Run as `node bin/boardpack.js`, so its examples say that (invocation.test.ts).
      expect(r.stdout).toContain(`e.g. node bin/boardpack.js ${command}`);
    }
  });

  it("explains a command's options", async () => {
    const r = await runCli(["convert", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("-o, --output <file>");
    expect(r.stdout).toContain("--map <mapping.yaml>");
  });

  it("answers an unknown command or option with exit 2 and the way out", async () => {
    const unknown = await runCli(["convertt", "x.csv"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no command "convertt"');
    const badOption = await runCli(["check", "x.csv", "--frobnicate"]);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("unknown option '--frobnicate'");
    expect(badOption.stderr).toContain("usage: boardpack check");
  });
});

describe("boardpack schema", () => {
  it("prints the JSON Schema of plan.json", async () => {
    const r = await runCli(["schema"]);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.actions.items.required).toEqual(expect.arrayContaining(["ref", "theme", "title", "owner", "due", "dueText", "status", "rag", "update", "evidence", "extra", "source"]));
    expect(schema.properties.actions.items.properties.rag.anyOf ?? schema.properties.actions.items.properties.rag.oneOf).toBeDefined();
  });
});

describe("boardpack convert", () => {
  it("writes plan.json and nothing else", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), csv([["Ref", "Action", "RAG"], ["1", "Do it", "G"]]));
    const out = join(dir, "out", "plan.json");
    const r = await runCli(["convert", join(dir, "t.csv"), "-o", out]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(readFileSync(out, "utf8"));
    expect(plan.actions[0]).toMatchObject({ ref: "1", title: "Do it", rag: "green", status: "in-progress" });
    expect(plan.source.file).toBe("t.csv");
  });

  it("writes the RAG tracker as .xlsx, and its columns as .csv, refusing other extensions", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), csv([["Ref", "Action", "RAG", "Due"], ["1", "=HYPERLINK(\"http://evil.example\")", "G", "Mar-17"]]));
    const xlsx = await runCli(["convert", join(dir, "t.csv"), "-o", join(dir, "tracker.xlsx"), "--as-of", "30/11/2016", "--marking", "OFFICIAL"]);
    expect(xlsx.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "tracker.xlsx"));
    expect(book.getWorksheet("Tracker")!.getCell("D2").value).toBe('=HYPERLINK("http://evil.example")');
    const csvOut = await runCli(["convert", join(dir, "t.csv"), "-o", join(dir, "tracker.csv")]);
    expect(csvOut.code).toBe(0);
    expect(readFileSync(join(dir, "tracker.csv"), "utf8")).toContain(`'=HYPERLINK(""http://evil.example"")`);
    const other = await runCli(["convert", join(dir, "t.csv"), "-o", join(dir, "tracker.docx")]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("name the output .json (the plan), .xlsx (the RAG tracker) or .csv");
  });

  it("refuses an --as-of that is not a day", async () => {
    const r = await runCli(["convert", "data/cambs-da-action-plan.csv", "-o", join(tempDir(), "t.xlsx"), "--as-of", "31/02/2017"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--as-of 31/02/2017 is not a date: 31 February 2017 does not exist");
  });

  it("never overwrites its input", async () => {
    const dir = tempDir();
    const input = join(dir, "t.json");
    writeFileSync(input, csv([["Ref", "Action"], ["1", "a"]]));
    const r = await runCli(["convert", input, "-o", input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is the input file");
    expect(readFileSync(input, "utf8")).toContain("Ref,Action");
  });

  it("needs -o", async () => {
    const r = await runCli(["convert", "data/cambs-da-action-plan.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("say where to write the result with -o");
  });
});

/** Each bad input: a clear line, a non-zero exit, no stack trace, no output file. */
describe("bad input", () => {
  const cases: [string, string, () => Promise<Buffer> | Buffer, number, RegExp][] = [
    ["an empty file", "empty.csv", () => Buffer.alloc(0), 2, /^empty\.csv: error INPUT_EMPTY the file is empty$/m],
    ["a header-only file", "header.csv", () => Buffer.from("Ref,Action,Owner,Due\r\n"), 1, /header\.csv: error TRACKER_NO_ROWS .*row 1/],
    ["random bytes named .xlsx", "random.xlsx", () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)), 2, /^random\.xlsx: error INPUT_NOT_SPREADSHEET /m],
    ["a truncated .xlsx", "truncated.xlsx", async () => (await xlsxBytes()).subarray(0, 3000), 2, /^truncated\.xlsx: error INPUT_TRUNCATED /m],
    ["a decompression bomb", "bomb.xlsx", () => xlsxShapedZip([{ name: "xl/worksheets/sheet1.xml", deflated: deflatedZeros(3 * 1024) }]), 2, /^bomb\.xlsx: error INPUT_TOO_LARGE /m],
    ["a CSV without an action column", "noaction.csv", () => Buffer.from(csv([["Ref", "Owner", "Due"], ["1", "DCI", "31/03/2017"]])), 1, /noaction\.csv row 1: error TRACKER_NO_ACTION_COLUMN .*found|has "Ref", "Owner", "Due"; expected an action column/],
    ["an old .xls", "old.xls", () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]), 2, /^old\.xls: error INPUT_XLS /m],
  ];

  it.each(cases)("%s", async (_what, name, make, exitCode, line) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), await make());
    const out = join(dir, "plan.json");
    const r = runBin(["convert", name, "-o", out], { cwd: dir });
    expect(r.code).toBe(exitCode);
    expect(r.stderr).toMatch(line);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    if (exitCode === 2) expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it("a CSV with an impossible date and a repeated ref names both cells", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.csv"), csv([["Ref", "Action", "Due"], ["1.1", "a", "01/04/2017"], ["1.2", "b", "31/02/2017"], ["1.1", "c", ""]]));
    const r = runBin(["convert", "bad.csv", "-o", "plan.json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.csv C3: error DATE_INVALID Due "31/02/2017" is not a date: 31 February 2017 does not exist');
    expect(r.stderr).toContain('bad.csv A4: error REF_DUPLICATE ref "1.1" is used twice: it is also on row 2 (A2)');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(join(dir, "plan.json"))).toBe(false);
  });

  it("check gives the same lines and exit 1, printing the diagnostics as JSON on request", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.csv"), csv([["Ref", "Action", "Due"], ["1", "a", "32/01/2017"]]));
    const r = await runCli(["check", join(dir, "bad.csv"), "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", code: "DATE_INVALID", row: 2, column: "C", cell: "C2" }));
  });

  it("a missing file is one line, exit 2", async () => {
    const r = await runCli(["check", "no-such-tracker.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("no-such-tracker.xlsx: error INPUT_NOT_FOUND there is no such file");
  });
});

describe("--map", () => {
  it("maps a header no synonym covers, and shows it in check", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), csv([["Ref", "Description of work", "Accountable"], ["1", "Do it", "ACC"]]));
    writeFileSync(join(dir, "map.yaml"), "action: Description of work\nowner: Accountable\n");
    const r = await runCli(["check", join(dir, "t.csv"), "--map", join(dir, "map.yaml")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/B\s+Description of work\s+→ Action/);
    expect(r.stdout).toMatch(/C\s+Accountable\s+→ Owner/);
  });

  it("refuses a field that does not exist, naming the line", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), csv([["Ref", "Action"], ["1", "a"]]));
    writeFileSync(join(dir, "map.yaml"), "action: Action\nowner: Lead\nduedate: When\n");
    const r = await runCli(["check", join(dir, "t.csv"), "--map", join(dir, "map.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^map\.yaml:3: error MAP_INVALID "duedate" is not a field; (did you mean "due"\? \(the fields|the fields) are ref, theme/);
  });

  it("says when a mapped header is not in the tracker: a usage mistake, exit 2, with the closest header", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), csv([["Ref", "Action", "Accountable officers"], ["1", "a", "ACC"]]));
    writeFileSync(join(dir, "map.yaml"), "owner: Accountable officer\n");
    const r = await runCli(["check", join(dir, "t.csv"), "--map", join(dir, "map.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('map.yaml:1: error MAP_HEADER_NOT_FOUND owner: no sheet has a column headed "Accountable officer"; did you mean "Accountable officers"?');
  });

  it("suggests the field a misspelt one meant, as spec mistakes do", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), csv([["Ref", "Action"], ["1", "a"]]));
    writeFileSync(join(dir, "map.yaml"), "acton: Action\n");
    const r = await runCli(["convert", join(dir, "t.csv"), "--map", join(dir, "map.yaml"), "-o", join(dir, "p.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^map\.yaml:1: error MAP_INVALID "acton" is not a field; did you mean "action"\? \(the fields are ref, theme, .* response\)$/m);
    expect(existsSync(join(dir, "p.json"))).toBe(false);
  });
});

describe("exit codes as the README gives them", () => {
  it("an unknown --style is a usage mistake (2), found before the tracker is read", async () => {
    const r = await runCli(["paper", "data/colp-da-action-plan.xlsx", "--style", "cambridgshire-bcb", "-o", tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('boardpack paper: --style cambridgshire-bcb: there is no such house style; did you mean "cambridgeshire-bcb"?');
    expect(r.stderr).not.toContain("FORMULA_CACHED");
  });

  it("0 done, 1 the tracker has errors, 2 a usage mistake or an unreadable file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "ok.csv"), csv([["Ref", "Action"], ["1", "a"]]));
    writeFileSync(join(dir, "bad.csv"), csv([["Ref", "Action", "Due"], ["1", "a", "31/02/2017"]]));
    writeFileSync(join(dir, "junk.xlsx"), "not a workbook");
    expect((await runCli(["convert", join(dir, "ok.csv"), "-o", join(dir, "p.json")])).code).toBe(0);
    expect((await runCli(["convert", join(dir, "bad.csv"), "-o", join(dir, "p2.json")])).code).toBe(1);
    expect((await runCli(["convert", join(dir, "ok.csv"), "-o", join(dir, "p.txt")])).code).toBe(2);
    expect((await runCli(["convert", join(dir, "junk.xlsx"), "-o", join(dir, "p3.json")])).code).toBe(2);
  });
});

describe("boardpack paper", () => {
  it("writes a complete paper from a tracker with no spec, in the style asked for", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), csv([["Ref", "Area", "Task", "Lead", "RAG"], ["1.1", "Training", "Train staff", "DCI", "B"], ["1.2", "Training", "Refresh", "DS", "A"], ["2.1", "Victims", "Survey victims", "PPU", "G"]]));
    const r = await runCli(["paper", join(dir, "t.csv"), "--style", "city-of-london-committee", "-o", dir, "--format", "docx,pdf", "--as-of", "2016-11-30"]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, "t-city-of-london-committee.docx"))).toBe(true);
    expect(existsSync(join(dir, "t-city-of-london-committee.pdf"))).toBe(true);
  });

  it("names the spec file and line of a misspelt field, exits 1 and writes nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), csv([["Ref", "Action", "RAG"], ["1", "a", "G"]]));
    writeFileSync(join(dir, "paper.md"), "---\nstyle: cambridgeshire-bcb\ntracker: t.csv\nto: Business Coordination Board\nfrom: Chief Constable\ntitel: Update\n---\nText.\n");
    const r = runBin(["paper", "--spec", "paper.md", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^paper\.md:6: error SPEC_FIELD_UNKNOWN "titel" is not a spec field; did you mean "title"\?$/m);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("stops on data errors in the tracker and lists them", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), csv([["Ref", "Action", "Due"], ["1", "a", "31/02/2017"]]));
    const r = await runCli(["paper", join(dir, "t.csv"), "--style", "lancashire-scrutiny", "-o", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('C2: error DATE_INVALID Due "31/02/2017" is not a date');
    expect(r.stderr).toContain("No paper written");
    expect(readdirSync(dir)).toEqual(["t.csv"]);
  });

  it("asks for a style or a spec", async () => {
    const r = await runCli(["paper", "data/cambs-da-action-plan.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("give the house style with --style (cambridgeshire-bcb, city-of-london-committee, lancashire-scrutiny, section-55)");
  });
});

describe("boardpack s55 (the installed command)", () => {
  /** A CSV recommendations tracker: the Response column is E, so recommendation 2 (line 3) is E3. */
  function recommendationsCsv(dir: string, secondResponse: string): void {
    writeFileSync(
      join(dir, "recs.csv"),
      csv([
        ["Report", "Published", "No.", "Recommendation", "Response", "Addressed to"],
        ["Joint inspection of custody", "02/03/2021", "1", "Forces should review custody training.", "Reviewed in April 2021.", "Police"],
        ["Joint inspection of custody", "02/03/2021", "2", "Forces should record the use of force in custody.", secondResponse, "Police"],
        ["Joint inspection of custody", "02/03/2021", "3", "Liaison and diversion services should be available at all times.", "", "NHS"],
      ]),
    );
  }

  it("is listed in the help", () => {
    const r = runBin(["--help"]);
    expect(r.stdout).toMatch(/^ {2}s55 +write the section 55 response/m);
    expect(r.stdout).toContain("e.g. node bin/boardpack.js s55 --list data/inspection-recommendations.xlsx");
  });

  it("writes the response, saying to whom an NHS recommendation is addressed", async () => {
    const dir = tempDir();
    recommendationsCsv(dir, "Use of force is now recorded on the custody system.");
    const r = runBin(["s55", "recs.csv", "-o", "out", "--as-of", "2021-03-10"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("Wrote out/joint-inspection-of-custody-s55-response.docx");
    const { docxParts, paragraphs, part } = await import("../render/docx/docx-parts.js");
    const text = paragraphs(part(await docxParts(readFileSync(join(dir, "out", "joint-inspection-of-custody-s55-response.docx"))), "word/document.xml")).map((p) => p.text.replace(/\u00a0/g, " "));
    expect(text).toContain("The report was published on 02 March 2021, so a response is due by 26 April 2021.");
    expect(text).toContain("Response: This recommendation is addressed to the National Health Service. The Constabulary will await further information.");
  });

  it("names the CSV cell of a missing response, exits 1 and writes nothing", () => {
    const dir = tempDir();
    recommendationsCsv(dir, "");
    const r = runBin(["s55", "recs.csv", "-o", "out", "--as-of", "2021-03-10"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^recs\.csv E3: error RESPONSE_MISSING “Joint inspection of custody” recommendation 2 /m);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("lists the statutory clock", () => {
    const dir = tempDir();
    recommendationsCsv(dir, "");
    const r = runBin(["s55", "--list", "recs.csv", "--as-of", "2021-04-20"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Joint inspection of custody +02 Mar 2021 +26 Apr 2021 +6 days left +1 of 2$/m);
    expect(r.stdout).toContain("recs.csv E3: Joint inspection of custody, recommendation 2");
  });

  it("answers an unknown --variant with exit 2 and the variants", async () => {
    const r = await runCli(["s55", "data/inspection-recommendations.xlsx", "--variant", "pcc"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--variant pcc: the variants are chief-constable (the Chief Constable's paper to the PCC; the default) and pcc-response (the PCC's published response)");
  });
});
