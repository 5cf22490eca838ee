// Every sample paper spec in data/ built end to end as a user would (boardpack paper --spec …,
// or boardpack s55 --spec … for a section 55 response, whose goldens are under golden/s55/):
// its Word XML and its PDF text against golden files, the figures a reader checks, Word's own
// numbering, and the real clients: LibreOffice, python-docx, poppler and qpdf.
// Regenerate the goldens after a deliberate change: UPDATE_GOLDEN=1 npx vitest run test/papers.test.ts
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { isSection55Spec } from "../src/compose/compose-paper.js";
import { loadSpec } from "../src/compose/spec.js";
import { runCli, tempDir } from "./helpers/cli.js";
import { canonicalXml } from "./helpers/canonical-xml.js";
import { COLP_AREAS } from "./helpers/tracker.js";
import { hasPoppler, hasPythonDocx, hasQpdf, hasSoffice, python, soffice } from "./helpers/real-clients.js";
import { docxParts, paragraphs, part } from "./render/docx/docx-parts.js";
import { readNumbering, simulate } from "./render/docx/word-numbering.js";
import { pdffonts, pdfinfo, pdftotext, qpdfCheck } from "./render/pdf/pdf-tools.js";

const DATA = join(import.meta.dirname, "..", "data");
const GOLDEN_ROOT = join(import.meta.dirname, "fixtures", "golden");
const AS_OF = "2016-11-30";
const update = process.env.UPDATE_GOLDEN === "1";
const SPECS = readdirSync(DATA).filter((f) => f.endsWith(".md") && f !== "README.md").sort();
/** A spec that names a report is a section 55 response: `boardpack s55` builds it. */
const isS55 = (spec: string): boolean => isSection55Spec(loadSpec(join(DATA, spec)).spec);

interface Built {
  docx: Buffer;
  pdf: Buffer;
  pdfPath: string;
  docxPath: string;
}
const built = new Map<string, Built>();
const out = tempDir();

async function build(spec: string, dir = out): Promise<Built> {
  const r = await runCli([isS55(spec) ? "s55" : "paper", "--spec", join(DATA, spec), "--format", "docx,pdf", "-o", dir, "--as-of", AS_OF]);
  expect(r.code, r.stderr).toBe(0);
  const stem = basename(spec, ".md");
  const docxPath = join(dir, `${stem}.docx`);
  const pdfPath = join(dir, `${stem}.pdf`);
  return { docx: readFileSync(docxPath), pdf: readFileSync(pdfPath), docxPath, pdfPath };
}

beforeAll(async () => {
  for (const spec of SPECS) built.set(spec, await build(spec));
}, 180_000);

/** Compares text with a golden file; XML parts after parsing both (canonicalXml), never as bytes. */
function golden(spec: string, file: string, actual: string, xml = false): void {
  const folder = join(GOLDEN_ROOT, isS55(spec) ? "s55" : "papers");
  const path = join(folder, file);
  const form = (text: string) => (xml ? canonicalXml(text, file) : text);
  if (update) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path, form(actual));
  }
  if (!existsSync(path)) throw new Error(`no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run test/papers.test.ts`);
  expect(form(actual)).toBe(form(readFileSync(path, "utf8")));
}

describe.each(SPECS)("paper %s", (spec) => {
  const stem = basename(spec, ".md");

  it("matches its golden Word parts (document, numbering, styles)", async () => {
    const parts = await docxParts(built.get(spec)!.docx);
    for (const name of ["word/document.xml", "word/numbering.xml", "word/styles.xml"]) {
      golden(spec, `${stem}.${basename(name)}`, part(parts, name), true);
    }
  });

  it("numbers its paragraphs with Word's own numbering, never typed text", async () => {
    const parts = await docxParts(built.get(spec)!.docx);
    const body = paragraphs(part(parts, "word/document.xml"));
    const labels = simulate(readNumbering(part(parts, "word/numbering.xml")), body);
    for (const { paragraph, label } of labels) expect(paragraph.text.startsWith(label)).toBe(false);
    expect(body.some((p) => /^\d+\.\d+\s/.test(p.text))).toBe(false);
  });

  it("is byte-identical when built twice", async () => {
    const again = await build(spec, tempDir());
    expect(again.docx.equals(built.get(spec)!.docx)).toBe(true);
    expect(again.pdf.equals(built.get(spec)!.pdf)).toBe(true);
  }, 60_000);

  describe.skipIf(!hasPoppler() || !hasQpdf())("PDF", () => {
    it("matches its golden text, is clean to qpdf, embeds every font, and carries title, language and outline", async () => {
      const { pdfPath } = built.get(spec)!;
      golden(spec, `${stem}.pdf.txt`, pdftotext(pdfPath));
      expect(qpdfCheck(pdfPath).status).toBe(0);
      const fonts = pdffonts(pdfPath);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect([font.name, font.emb, font.sub]).toEqual([font.name, "yes", "yes"]);
      const info = pdfinfo(pdfPath);
      expect(info.Title).toBeTruthy();
      const pdf = await PDFDocument.load(built.get(spec)!.pdf);
      expect(pdf.catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("en-GB");
      expect(pdf.catalog.lookup(PDFName.of("Outlines"), PDFDict).get(PDFName.of("First"))).toBeDefined();
    });
  });

  describe.skipIf(!hasSoffice())("LibreOffice", () => {
    it("opens the Word paper and converts it to PDF", () => {
      const dir = tempDir();
      const r = soffice(["--convert-to", "pdf", "--outdir", dir, built.get(spec)!.docxPath]);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(dir, `${stem}.pdf`))).toBe(true);
    }, 180_000);
  });

  describe.skipIf(!hasPythonDocx())("python-docx", () => {
    it("opens the Word paper, with Heading styles and title, language and author set", () => {
      const r = python(
        `
import json, sys, docx
d = docx.Document(sys.argv[1])
print(json.dumps({
  "headings": [p.style.name for p in d.paragraphs if p.style.name.startswith("Heading")][:3],
  "title": d.core_properties.title,
  "language": d.core_properties.language,
  "tables": [t.rows[0].cells[0].text for t in d.tables][:1],
}))
`,
        [built.get(spec)!.docxPath],
      );
      expect(r.status, r.stderr).toBe(0);
      const seen = JSON.parse(r.stdout);
      expect(seen.headings.length).toBeGreaterThan(0);
      expect(seen.headings.every((h: string) => /^Heading [1-3]$/.test(h))).toBe(true);
      expect(seen.title).toBeTruthy();
      expect(seen.language).toBe("en-GB");
    });
  });
});

describe("what a reader checks", () => {
  it("the City of London paper states 57 tasks in 6 key areas, 46 completed and 11 in progress, names every area and lists the 11 open tasks", async () => {
    const parts = await docxParts(built.get("colp-committee-paper.md")!.docx);
    const text = paragraphs(part(parts, "word/document.xml")).map((p) => p.text).join("\n");
    expect(text).toContain("57 tasks covering the 6 key areas");
    expect(text).toMatch(/46 tasks have been completed and 11 are in progress/);
    for (const area of COLP_AREAS) {
      expect(text).toContain(area);
    }
    const open = ["Body-worn cameras to be issued to all frontline officers", "Domestic Abuse training package to be fully rolled out", "formalised process to regularly seek the views of victims", "service level agreement with criminal justice partners"];
    for (const task of open) expect(text).toContain(task);
  });

  it("the Cambridgeshire paper numbers its paragraphs 1.1, 1.2, 2.1 through Word numbering under Heading 1 sections", async () => {
    const parts = await docxParts(built.get("cambs-bcb-paper.md")!.docx);
    const body = paragraphs(part(parts, "word/document.xml"));
    const labels = simulate(readNumbering(part(parts, "word/numbering.xml")), body);
    const printed = labels.map((l) => l.label);
    expect(printed.slice(0, 4)).toEqual(["1.", "1.1", "2.", "2.1"]);
    expect(printed).toContain("3.5");
    const purpose = labels.find((l) => l.label === "1.")!;
    expect(purpose.paragraph.style).toBe("Heading1");
    expect(purpose.paragraph.text).toBe("Purpose");
  });

  it.skipIf(!hasPoppler())("the PDF says what the Word paper says", async () => {
    const parts = await docxParts(built.get("colp-committee-paper.md")!.docx);
    const words = (s: string) => s.replace(/\s+/g, " ").trim();
    const pdf = words(pdftotext(built.get("colp-committee-paper.md")!.pdfPath));
    for (const p of paragraphs(part(parts, "word/document.xml")).filter((p) => p.text.length > 40).slice(0, 25)) {
      expect(pdf).toContain(words(p.text).slice(0, 40));
    }
  });
});
