// A paper built on a force's own Word template (--reference-doc, a spec's `referenceDoc:`):
// it takes the template's styles, page set-up and headers/footers (logo included), keeps our
// content, numbering and marking, carries nothing but pictures from the template, and opens in
// LibreOffice and python-docx as the template's paper.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli.js";
import { docxParts, part } from "../render/docx/docx-parts.js";
import { hasPoppler, hasPythonDocx, hasSoffice, python, soffice } from "../helpers/real-clients.js";
import { wordTemplate } from "../helpers/word-template.js";

const TRACKER = "data/cambs-da-action-plan.csv";

async function buildPaper(template: Buffer, name = "kent.dotx", extra: string[] = []) {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, template);
  const run = await runCli(["paper", TRACKER, "--style", "cambridgeshire-bcb", "--reference-doc", path, "-o", join(dir, "out"), "--as-of", "2016-11-30", "--marking", "OFFICIAL", ...extra]);
  return { dir, run, out: join(dir, "out") };
}

describe("paper --reference-doc", () => {
  let parts: Map<string, string>;
  let bytes: Buffer;
  let docx: string;
  beforeAll(async () => {
    const { run, out } = await buildPaper(wordTemplate({ heading1Id: "berschrift1" }), "kent.dotx", ["--format", "docx,pdf"]);
    expect(run.code, run.stderr).toBe(0);
    docx = join(out, "cambs-da-action-plan-cambridgeshire-bcb.docx");
    bytes = readFileSync(docx);
    parts = await docxParts(bytes);
  });

  it("uses the template's styles, with ours added for what it lacks", () => {
    const styles = part(parts, "word/styles.xml");
    expect(styles).toMatch(/w:styleId="Heading1"><w:name w:val="heading 1"\/>[\s\S]*?w:ascii="Georgia"[\s\S]*?<w:color w:val="7A1F5C"\/>/);
    expect(styles).toMatch(/w:styleId="Organisation"/);
    expect(styles).toMatch(/w:styleId="Heading3"/);
    expect(part(parts, "word/theme/theme1.xml")).toContain('<a:latin typeface="Cambria"/>');
    expect(part(parts, "word/document.xml")).toContain('<w:pStyle w:val="Heading1"/>');
  });

  it("takes the page set-up and the different first page", () => {
    const section = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(part(parts, "word/document.xml"))![0];
    expect(section).toContain('<w:pgMar w:top="850" w:right="1020" w:bottom="850" w:left="1020" w:header="567" w:footer="567" w:gutter="0"/>');
    expect(section).toContain("<w:titlePg/>");
    expect(section).toMatch(/<w:headerReference w:type="default" r:id="rId6"\/><w:headerReference w:type="first" r:id="rId7"\/>/);
  });

  it("keeps the crest in the headers and puts the marking and page numbers on every page", () => {
    for (const header of ["word/header1.xml", "word/header2.xml"]) {
      expect(part(parts, header)).toMatch(/<a:blip r:embed="rId\d+"\/>/);
      expect(part(parts, header)).toContain(">OFFICIAL<");
    }
    expect(part(parts, "word/_rels/header1.xml.rels")).toContain('Target="media/template-image1.png"');
    expect(part(parts, "word/footer1.xml")).toContain("Kent PCC – Protecting the public");
    expect(part(parts, "word/footer1.xml")).toContain("NUMPAGES");
    expect(Buffer.from(parts.get("word/media/template-image1.png")!, "binary").length).toBeGreaterThan(0);
  });

  it("carries no part of the template but its pictures, and none of its body text", () => {
    const names = [...parts.keys()];
    expect(names.filter((n) => /embeddings|customXml|vbaProject|oleObject/i.test(n))).toEqual([]);
    expect(names.filter((n) => n.startsWith("word/media/"))).toEqual(["word/media/template-image1.png"]);
    expect(part(parts, "word/document.xml")).not.toContain("Template body text");
    expect([...parts.values()].join("")).not.toMatch(/oleObject|TargetMode="External"[^>]*kent-pcc/);
  });

  it("writes the same bytes every time", async () => {
    const again = await buildPaper(wordTemplate({ heading1Id: "berschrift1" }));
    expect(readFileSync(join(again.out, "cambs-da-action-plan-cambridgeshire-bcb.docx")).equals(bytes)).toBe(true);
  });

  it.skipIf(!hasPythonDocx())("opens in python-docx with the template's styles, margins and header image", () => {
    const r = python(
      `import docx, sys
d = docx.Document(sys.argv[1])
s = d.sections[0]
h1 = d.styles['Heading 1']
print(round(s.left_margin.cm, 2), round(s.top_margin.cm, 2), s.different_first_page_header_footer)
print(h1.font.name, h1.font.color.rgb)
print(sorted(r.reltype.split('/')[-1] for r in s.header.part.rels.values()))
print(any(p.style.name == 'Heading 1' for p in d.paragraphs))`,
      [docx],
    );
    expect(r.stderr).toBe("");
    expect(r.stdout.trim().split("\n")).toEqual(["1.8 1.5 True", "Georgia 7A1F5C", "['image']", "True"]);
  });

  it.skipIf(!hasSoffice() || !hasPoppler())("converts in LibreOffice with the logo, the template's footer and our marking", { timeout: 180_000 }, () => {
    const dir = tempDir();
    expect(soffice(["--convert-to", "pdf", "--outdir", dir, docx]).status).toBe(0);
    const pdf = join(dir, "cambs-da-action-plan-cambridgeshire-bcb.pdf");
    const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
    expect(text).toContain("Kent Police and Crime Commissioner");
    expect(text).toContain("Kent PCC – Protecting the public");
    expect(text).toContain("OFFICIAL");
    const images = spawnSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).stdout.trim().split("\n").slice(2);
    expect(images.length).toBeGreaterThanOrEqual(2);
  });
});

describe.skipIf(!hasPoppler())("the PDF of a paper on a force's template", () => {
  let pdf: string;
  beforeAll(async () => {
    const { run, out } = await buildPaper(wordTemplate(), "kent.dotx", ["--format", "pdf"]);
    expect(run.code, run.stderr).toBe(0);
    pdf = join(out, "cambs-da-action-plan-cambridgeshire-bcb.pdf");
  });
  const tool = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: "utf8" }).stdout;

  it("draws the crest on every page, and the first page's own header only there", () => {
    const images = tool("pdfimages", ["-list", pdf]).trim().split("\n").slice(2).map((line) => line.trim().split(/\s+/));
    const pages = Number(/Pages:\s+(\d+)/.exec(tool("pdfinfo", [pdf]))![1]);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(images.map((cols) => cols[0])).size).toBe(pages);
    expect(images.map((cols) => `${cols[3]}x${cols[4]}`)).toContain("60x20");
    expect(tool("pdftotext", ["-f", "1", "-l", "1", pdf, "-"])).toContain("Kent Police and Crime Commissioner");
    expect(tool("pdftotext", ["-f", "2", "-l", "2", pdf, "-"])).not.toContain("Kent Police and Crime Commissioner");
    for (const page of [1, 2]) expect(tool("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"])).toContain("OFFICIAL");
    expect(tool("pdftotext", ["-f", "2", "-l", "2", pdf, "-"])).toContain("Kent PCC – Protecting the public");
  });

  it("uses the template's fonts, and says which one it cannot embed", async () => {
    const fonts = tool("pdffonts", [pdf]);
    expect(fonts).toMatch(/\+Carlito-Regular/);
    expect(fonts).toMatch(/\+Tinos-Bold/);
    const { run } = await buildPaper(wordTemplate(), "kent.dotx", ["--format", "pdf"]);
    expect(run.stderr).toMatch(/kent\.dotx: warning TEMPLATE_FONT_SUBSTITUTED the PDF cannot embed the template's font "Georgia".*drawn in Tinos/);
  });

  it("starts the text at the template's narrow margin, below a header taller than the top margin", () => {
    const words = [...tool("pdftotext", ["-bbox", "-f", "2", "-l", "2", pdf, "-"]).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    const left = Math.min(...words.map((w) => w.x));
    // 1020 twips is 51 pt; the house style's own 2.54 cm would be 72 pt.
    expect(left).toBeGreaterThan(50);
    expect(left).toBeLessThan(56);
  });

  it("takes the template's page size and orientation", async () => {
    const { run, out } = await buildPaper(wordTemplate({ page: { width: 15840, height: 12240, landscape: true } }), "letter.dotx", ["--format", "pdf"]);
    expect(run.code, run.stderr).toBe(0);
    expect(tool("pdfinfo", [join(out, "cambs-da-action-plan-cambridgeshire-bcb.pdf")])).toMatch(/Page size:\s+792 x 612 pts/);
  });
});

describe("s55 --reference-doc", () => {
  it("writes the section 55 paper on the force's template", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "kent.dotx"), wordTemplate());
    const run = await runCli(["s55", "data/inspection-recommendations.xlsx", "--report", "evidence led", "--reference-doc", join(dir, "kent.dotx"), "-o", dir, "--as-of", "2020-03-26"]);
    expect(run.code, run.stderr).toBe(0);
    const docx = readdirSync(dir).find((name) => name.endsWith(".docx"))!;
    const parts = await docxParts(readFileSync(join(dir, docx)));
    expect(part(parts, "word/header1.xml")).toContain("a:blip");
    expect(part(parts, "word/document.xml")).toContain("<w:titlePg/>");
    expect(part(parts, "word/document.xml")).toContain("Recommendation 1");
  });
});

describe("a template that must not or cannot be used", () => {
  it("refuses a macro-enabled template in one line, exit 2, and writes nothing", async () => {
    const { run, out } = await buildPaper(wordTemplate(), "kent.dotm");
    expect(run.code).toBe(2);
    // The default spec's placeholders ("[Organisation]") are warned about too; the refusal is one line.
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/kent\.dotm: error TEMPLATE_MACROS this Word template is macro-enabled/)]);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it("names the spec line when a spec's template is not there", async () => {
    const dir = tempDir();
    const spec = join(dir, "paper.md");
    writeFileSync(spec, `---\nstyle: cambridgeshire-bcb\ntracker: ${join(process.cwd(), TRACKER)}\nto: Board\nfrom: Chief Constable\nreferenceDoc: missing.dotx\n---\n`);
    const run = await runCli(["paper", "--spec", spec, "-o", join(dir, "out"), "--as-of", "2016-11-30"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/paper\.md:6: error TEMPLATE_NOT_FOUND there is no Word template "missing\.dotx"/);
  });

  it("warns once, naming the style, when the template lacks one the paper needs", async () => {
    const { run } = await buildPaper(wordTemplate({ withoutStyles: ["Title"] }));
    expect(run.code).toBe(0);
    expect(run.stderr.match(/TEMPLATE_STYLE_MISSING the Word template has no "Title" style/g)).toHaveLength(1);
  });
});


