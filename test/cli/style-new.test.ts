// `boardpack style new`: a governance assistant adds their force's house style from its Word
// template in three steps (README), with no code and no hand-written YAML.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHouseStyle } from "../../src/compose/house-styles.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { docxParts, part } from "../render/docx/docx-parts.js";
import { wordTemplate } from "../helpers/word-template.js";

function templateIn(dir: string, name = "Kent PCC template.dotx", bytes = wordTemplate()): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe("boardpack style new", () => {
  it("writes a style file with the template's fonts, sizes, margins and colours, and copies the template beside it", async () => {
    const dir = tempDir();
    const from = templateIn(dir);
    const run = await runCli(["style", "new", "--from", from, "--name", "kent-pcc", "-o", dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Wrote ${join(dir, "kent-pcc.yaml")} and ${join(dir, "kent-pcc.dotx")}`);
    expect(readFileSync(join(dir, "kent-pcc.dotx")).equals(readFileSync(from))).toBe(true);
    const { style, diagnostics } = parseHouseStyle(readFileSync(join(dir, "kent-pcc.yaml"), "utf8"), "kent-pcc.yaml");
    expect(diagnostics).toEqual([]);
    expect(style).toMatchObject({
      name: "kent-pcc",
      reference: "kent-pcc.dotx",
      page: { size: "A4", margins: { top: 1.5, bottom: 1.5, left: 1.8, right: 1.8 } },
      fonts: { family: "Calibri", body: 11, title: 24, heading1: 16, heading2: 13 },
      looks: { heading1: { family: "Georgia", colour: "7A1F5C", bold: true }, title: { family: "Cambria", colour: "1F3A93" } },
      numbering: { paragraphs: "per-section", headings: true },
    });
    // The starting style's organisation block is gone: the template's letterhead names the force.
    expect(style!.header).not.toContain("Cambridgeshire");
  });

  it("makes papers on the template when the style file is given to paper --style", async () => {
    const dir = tempDir();
    await runCli(["style", "new", "--from", templateIn(dir), "--name", "kent-pcc", "-o", dir, "--like", "lancashire-scrutiny"]);
    const run = await runCli(["paper", "data/cambs-da-action-plan.csv", "--style", join(dir, "kent-pcc.yaml"), "-o", join(dir, "out"), "--as-of", "2016-11-30"]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(dir, "out"))).toEqual(["cambs-da-action-plan-kent-pcc.docx"]);
    const parts = await docxParts(readFileSync(join(dir, "out", "cambs-da-action-plan-kent-pcc.docx")));
    expect(part(parts, "word/document.xml")).toContain('<w:pgMar w:top="850" w:right="1020" w:bottom="850" w:left="1020"');
    expect(part(parts, "word/styles.xml")).toMatch(/w:styleId="Heading1">[\s\S]*?w:ascii="Georgia"/);
    expect(part(parts, "word/header1.xml")).toContain("a:blip");
  });

  it("refuses a macro-enabled template in one line, and writes nothing", async () => {
    const dir = tempDir();
    const run = await runCli(["style", "new", "--from", templateIn(dir, "kent.dotm"), "--name", "kent-pcc", "-o", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/kent\.dotm: error TEMPLATE_MACROS this Word template is macro-enabled/)]);
    expect(existsSync(join(dir, "kent-pcc.yaml"))).toBe(false);
  });

  it("says what is wrong with the words typed, exit 2", async () => {
    const dir = tempDir();
    const from = templateIn(dir);
    const cases: [string[], RegExp][] = [
      [["style", "new", "--name", "kent"], /give your force's Word template with --from/],
      [["style", "new", "--from", from], /give the new style a name with --name/],
      [["style", "new", "--from", from, "--name", "Kent PCC"], /--name Kent PCC: use small letters, digits and dashes only/],
      [["style", "new", "--from", from, "--name", "section-55"], /boardpack has a style of that name already/],
      [["style", "make", "--from", from, "--name", "kent"], /"make" is not a style command/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  it("never replaces a style file that is there already", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "kent-pcc.yaml"), "mine\n");
    const run = await runCli(["style", "new", "--from", templateIn(dir), "--name", "kent-pcc", "-o", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*kent-pcc\.yaml: it is there already/);
    expect(readFileSync(join(dir, "kent-pcc.yaml"), "utf8")).toBe("mine\n");
  });
});
