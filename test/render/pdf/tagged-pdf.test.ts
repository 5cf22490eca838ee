// Tagged PDF (PDF/UA-1) read back as a screen reader and a checker would: every sample paper,
// each house style's standard paper, both section 55 variants and the writer's own fixtures are
// rendered, then read with pikepdf (read-structure.py: the structure tree with each element's
// text decoded through the fonts' ToUnicode maps, the page contents, the Matterhorn Protocol
// conditions that apply) and with poppler (pdfinfo -struct-text), and compared with the Doc:
// the tree's text in reading order is the paper's text, nothing lost or repeated; its headings
// are the Doc's at their levels; its tables have header cells with a scope; the running header
// and footer are artifacts; and the file is byte-identical when written again.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { composePaper } from "../../../src/compose/compose-paper.js";
import type { Block, Doc, Run, TableCell } from "../../../src/compose/doc.js";
import { composeSection55 } from "../../../src/compose/s55/compose-s55.js";
import { findReport } from "../../../src/compose/s55/find-report.js";
import { isSection55Spec } from "../../../src/compose/compose-paper.js";
import { loadSpec, resolveTrackerPath } from "../../../src/compose/spec.js";
import { loadTracker } from "../../../src/ingest/load-tracker.js";
import { recommendationCells } from "../../../src/ingest/recommendation-cells.js";
import { listMarker } from "../../../src/render/pdf/layout-blocks.js";
import { renderPdf } from "../../../src/render/pdf/render-pdf.js";
import { styleFromTemplate } from "../../../src/compose/template-house-style.js";
import { readWordTemplate } from "../../../src/ingest/word-template/read-word-template.js";
import { wordTemplate } from "../../helpers/word-template.js";
import { hasPikepdf, hasPoppler, hasQpdf } from "../../helpers/real-clients.js";
import { appendixDoc, cambridgeshireDoc, cityOfLondonDoc, h, houseStyle, list, p, t } from "./fixtures.js";
import { pdfinfo, qpdfCheck, writePdf } from "./pdf-tools.js";

const DATA = join(import.meta.dirname, "..", "..", "..", "data");
const READER = join(import.meta.dirname, "read-structure.py");
const AS_OF = "2016-11-30";

interface Structure {
  facts: { marked: boolean; suspects: boolean; lang: string; displayDocTitle: boolean; infoTitle: string; pages: number; pdfuaPart: string | null; dcTitle: string | null };
  problems: string[];
  text: string[];
  headings: { level: number; text: string }[];
  tables: { type: string; scope: string | null; text: string; head: boolean }[][][];
  types: string[];
  langs: { type: string; lang: string; text: string }[];
  artifacts: Record<string, string[]>[];
}

function readStructure(path: string): Structure {
  const r = spawnSync("/usr/bin/python3", [READER, path], { encoding: "utf8", timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`read-structure.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Structure;
}

/** poppler's reading of the tree: the text of every element, in order. */
function popplerStructText(path: string): string {
  const r = spawnSync("pdfinfo", ["-struct-text", path], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdfinfo -struct-text failed: ${r.stderr}`);
  return [...r.stdout.matchAll(/^\s*"(.*)"\s*$/gm)].map((m) => m[1]).join("");
}

// ---------------------------------------------------------------- the Doc's own text

/** A line break inside a paragraph is heard as a space. */
const runsText = (runs: readonly Run[]) => runs.map((r) => (r.breakAfter ? `${r.text} ` : r.text)).join("");

/** The paper's text in reading order, one entry per element that holds text, as the Doc says it. */
function docReadingText(doc: Doc): string[] {
  const out: string[] = [];
  const hasText = (cell: TableCell) => cell.paragraphs.some((runs) => runsText(runs).trim() !== "");
  const visit = (blocks: readonly Block[], depth: number) => {
    for (const block of blocks) {
      switch (block.type) {
        case "heading":
          out.push(`${block.number ? `${block.number} ` : ""}${runsText(block.runs)}`);
          break;
        case "paragraph": {
          const upper = block.role === "title" && doc.style.title.uppercase;
          const text = upper ? runsText(block.runs).toLocaleUpperCase("en-GB") : runsText(block.runs);
          out.push(`${block.number ? `${block.number} ` : ""}${text}`);
          break;
        }
        case "list":
          block.items.forEach((item, i) => {
            out.push(listMarker(block.kind, block.start + i, depth));
            visit(item.blocks, depth + 1);
          });
          break;
        case "table":
          if (block.header.some(hasText)) for (const cell of block.header) out.push(cell.paragraphs.map(runsText).join(" "));
          for (const row of block.rows) for (const cell of row) out.push(cell.paragraphs.map(runsText).join(" "));
          break;
        case "pageBreak":
          break;
      }
    }
  };
  visit(doc.blocks, 0);
  return out;
}

/** Words, as a listener hears them: whitespace of any kind between, none at the ends. */
const words = (lines: readonly string[]) => lines.join(" ").normalize("NFC").split(/\s+/u).filter((w) => w !== "");
const squashed = (s: string) => s.replace(/\s+/gu, "");

function docHeadings(doc: Doc): { level: number; text: string }[] {
  const out: { level: number; text: string }[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === "heading") out.push({ level: b.level, text: `${b.number ? `${b.number} ` : ""}${runsText(b.runs)}`.replace(/\s+/gu, " ").trim() });
      if (b.type === "list") for (const item of b.items) visit(item.blocks);
    }
  };
  visit(doc.blocks);
  return out;
}

function docTables(doc: Doc): Extract<Block, { type: "table" }>[] {
  const out: Extract<Block, { type: "table" }>[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === "table") out.push(b);
      if (b.type === "list") for (const item of b.items) visit(item.blocks);
    }
  };
  visit(doc.blocks);
  return out;
}

// ---------------------------------------------------------------- the papers

async function samplePapers(): Promise<[string, Doc][]> {
  const out: [string, Doc][] = [];
  // Every sample spec, as boardpack paper / boardpack s55 builds it.
  for (const name of readdirSync(DATA).filter((f) => f.endsWith(".md") && f !== "README.md").sort()) {
    const spec = loadSpec(join(DATA, name));
    const tracker = resolveTrackerPath(spec);
    if (!spec.spec || !tracker) throw new Error(`${name}: no spec or tracker`);
    const loaded = await loadTracker(tracker);
    if (isSection55Spec(spec.spec)) {
      const choice = findReport(loaded.plan!, String(spec.spec.report));
      if (!choice.ok) throw new Error(`${name}: no report`);
      for (const variant of ["chief-constable", "pcc-response"] as const) {
        const composed = composeSection55({ plan: loaded.plan!, cells: recommendationCells(loaded.tables, tracker), report: choice.report, variant, asOf: AS_OF, draft: false, spec });
        out.push([`${name} (${variant})`, composed.doc!]);
      }
    } else {
      out.push([name, composePaper({ plan: loaded.plan!, spec, asOf: AS_OF, sourceFile: "tracker" }).doc!]);
    }
  }
  // Each style's standard paper, with no spec.
  const standard: [string, string][] = [
    ["cambridgeshire-bcb", "cambs-da-action-plan.csv"],
    ["lancashire-scrutiny", "lancs-da-action-plan.xlsx"],
    ["city-of-london-committee", "colp-da-action-plan.xlsx"],
    ["section-55", "inspection-recommendations.xlsx"],
  ];
  for (const [style, tracker] of standard) {
    const loaded = await loadTracker(join(DATA, tracker));
    out.push([`${style} standard paper`, composePaper({ plan: loaded.plan!, styleName: style, asOf: AS_OF, sourceFile: tracker, marking: "OFFICIAL" }).doc!]);
  }
  return out;
}

const fixtures = (): [string, Doc][] => [
  ["Cambridgeshire fixture", cambridgeshireDoc()],
  ["City of London fixture", cityOfLondonDoc(40)],
  // A table across many pages: its header row repeated on each, as an artifact there.
  ["long appendix", appendixDoc(120)],
  // A force's template: its crest and letterhead are page furniture too.
  ["on a force's Word template", onWordTemplate()],
  [
    "links, looks and Welsh",
    {
      meta: { title: "Links and languages", language: "en-GB", date: "2016-11-30" },
      style: houseStyle(),
      blocks: [
        h(1, "Contacts", "1."),
        p([t("Read "), t("the report", { link: "https://www.justiceinspectorates.gov.uk/hmicfrs/" }), t(" or write to "), t("foi@example.police.uk", { link: "mailto:foi@example.police.uk" }), t(".")], "1.1"),
        p([t("Strategic", { bold: true }), t(" "), t("ownership", { italic: true }), t(" – with "), t("a long link that wraps over the end of the line and onto the next one, as links in papers do", { link: "https://example.org/a-long-address" })]),
        { ...p("Croeso i Gomisiynydd yr Heddlu a Throseddu."), lang: "cy" },
        list("decimal", ["First", [p("Second"), list("bullet", ["Inner"])]]),
      ],
    },
  ],
];

function onWordTemplate(): Doc {
  const base = cambridgeshireDoc();
  const { template } = readWordTemplate(wordTemplate(), "kent.dotx");
  return { ...base, meta: { ...base.meta, marking: "OFFICIAL" }, style: styleFromTemplate(base.style, template), template };
}

const poppler = hasPoppler();
const qpdf = hasQpdf();
const pikepdf = hasPikepdf();

interface Case {
  name: string;
  doc: Doc;
  path: string;
  bytes: Buffer;
  structure: Structure;
}
const cases: Case[] = [];

beforeAll(async () => {
  if (!pikepdf) return;
  for (const [name, doc] of [...(await samplePapers()), ...fixtures()]) {
    const bytes = Buffer.from(await renderPdf(doc));
    const path = writePdf(bytes);
    cases.push({ name, doc, path, bytes, structure: readStructure(path) });
  }
}, 300_000);

describe.skipIf(!pikepdf)("tagged PDF, read back", () => {
  it("reads every kind of paper", () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it("meets the machine-checkable Matterhorn conditions that apply to our papers", () => {
    for (const c of cases) expect(c.structure.problems, c.name).toEqual([]);
  });

  it("is marked, in en-GB, shows its title, and says it is PDF/UA-1 in its XMP metadata", () => {
    for (const { name, doc, structure } of cases) {
      expect(structure.facts, name).toMatchObject({ marked: true, suspects: false, lang: "en-GB", displayDocTitle: true, pdfuaPart: "1" });
      expect(structure.facts.dcTitle, name).toBe(doc.meta.title);
      expect(structure.facts.infoTitle, name).toBe(doc.meta.title);
    }
  });

  it("says the paper's words in reading order: nothing lost, run together or repeated", () => {
    for (const { name, doc, structure } of cases) expect(words(structure.text), name).toEqual(words(docReadingText(doc)));
  });

  it("has the Doc's headings, at their levels", () => {
    for (const { name, doc, structure } of cases) {
      expect(structure.headings.map((hd) => ({ level: hd.level, text: hd.text.replace(/\s+/gu, " ").trim() })), name).toEqual(docHeadings(doc));
    }
  });

  it("tags every table with its rows and cells, its header row as TH with /Scope /Column", () => {
    for (const { name, doc, structure } of cases) {
      const tables = docTables(doc);
      expect(structure.tables.length, name).toBe(tables.length);
      tables.forEach((table, i) => {
        const rows = structure.tables[i]!;
        const header = table.header.some((cell) => cell.paragraphs.some((r) => runsText(r).trim() !== ""));
        expect(rows.length, `${name} table ${i + 1}`).toBe(table.rows.length + (header ? 1 : 0));
        if (header) {
          expect(rows[0]!.map((cell) => [cell.type, cell.scope, cell.head]), name).toEqual(table.header.map(() => ["TH", "Column", true]));
          expect(rows.slice(1).flat().every((cell) => cell.type === "TD"), name).toBe(true);
        } else if (rows[0]!.length >= 2) {
          // A layout table's first column labels its row.
          for (const row of rows) expect([row[0]!.type, row[0]!.scope], name).toEqual(["TH", "Row"]);
        }
      });
    }
  });

  it("marks the running header, footer and page numbers as pagination artifacts", () => {
    for (const { name, doc, structure } of cases) {
      structure.artifacts.forEach((page, i) => {
        const footer = (page.Footer ?? []).join(" ");
        if (doc.style.pageNumbers) {
          expect(footer, `${name} page ${i + 1}`).toContain(doc.style.pageNumbers.replaceAll("{page}", String(i + 1)).replaceAll("{pages}", String(structure.facts.pages)));
        }
        if (doc.meta.marking && doc.style.marking.header) expect(page.Header, `${name} page ${i + 1}`).toContain(doc.meta.marking);
      });
      // Nothing of the header or footer is in the tree.
      if (doc.meta.marking) expect(structure.text, name).not.toContain(doc.meta.marking);
    }
  });

  it("repeats a long table's header row on each page as an artifact, not as content", () => {
    const { structure } = cases.find((c) => c.name === "long appendix")!;
    expect(structure.facts.pages).toBeGreaterThan(3);
    // Pagination artifacts with no subtype: the header row again, on every page after the first.
    for (const page of structure.artifacts.slice(1)) expect(page.Pagination).toEqual(["Ref", "Action", "Owner", "Due", "Status", "RAG"]);
    expect(structure.text.filter((line) => line === "Ref")).toHaveLength(1);
  });

  it("puts each link in a Link element with its annotation, and Welsh text in /Lang cy", () => {
    const { structure } = cases.find((c) => c.name === "links, looks and Welsh")!;
    expect(structure.types).toContain("Link");
    expect(structure.langs).toEqual([{ type: "P", lang: "cy", text: "Croeso i Gomisiynydd yr Heddlu a Throseddu." }]);
    // The paragraph's number, then its text with the links run in.
    expect(structure.text.join("\n")).toContain("1.1 \nRead the report or write to foi@example.police.uk.");
  });

  it.skipIf(!poppler)("reads the same to poppler (pdfinfo says Tagged: yes; -struct-text has the same text)", () => {
    for (const { name, path, structure } of cases) {
      expect(pdfinfo(path).Tagged, name).toBe("yes");
      expect(squashed(popplerStructText(path)), name).toBe(squashed(structure.text.join("")));
    }
  });

  it.skipIf(!qpdf)("passes qpdf --check", () => {
    for (const { name, path } of cases) {
      const r = qpdfCheck(path);
      expect(r.status, `${name}: ${r.output}`).toBe(0);
      expect(r.output, name).toContain("No syntax or stream encoding errors");
    }
  });

  it("is byte-identical when written again", async () => {
    for (const { name, doc, bytes } of cases) expect(Buffer.from(await renderPdf(doc)).equals(bytes), name).toBe(true);
  });
});
