// Issue 12's layout faults in the Word paper, built from the sample specs as `boardpack paper`
// builds them: Lancashire's raised "th", the appendix rows Word may not split, "Mar-17" held by
// a non-breaking hyphen, City of London's objectives at one indent in every area, the chain
// heading → lead-in → objective → paragraph kept together, and a body paragraph's space after
// a list's last item.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Doc } from "../../../src/compose/doc.js";
import { renderDocx } from "../../../src/render/docx/render-docx.js";
import { measure } from "../../../src/render/docx/text-width.js";
import { compose, DATA, samplePlan } from "../../compose/fixtures.js";
import { type BodyParagraph, docxParts, paragraphs, part } from "./docx-parts.js";

interface Built {
  body: BodyParagraph[];
  document: string;
  numbering: string;
  styles: string;
}

async function build(tracker: string, spec: string): Promise<Built> {
  const doc: Doc = compose(await samplePlan(tracker), { specPath: join(DATA, spec) }).doc!;
  const parts = await docxParts(await renderDocx(doc));
  const document = part(parts, "word/document.xml");
  return { body: paragraphs(document), document, numbering: part(parts, "word/numbering.xml"), styles: part(parts, "word/styles.xml") };
}

let colp: Built;
let lancs: Built;
beforeAll(async () => {
  colp = await build("colp-da-action-plan.xlsx", "colp-committee-paper.md");
  lancs = await build("lancs-da-action-plan.xlsx", "lancs-scrutiny-paper.md");
}, 60_000);

const find = (built: Built, start: string) => {
  const found = built.body.find((p) => p.text.startsWith(start));
  if (!found) throw new Error(`no paragraph starting "${start}"`);
  return found;
};

/** The text indent (w:ind w:left) Word gives a list paragraph, from its numbering definition. */
function listIndent(built: Built, paragraph: BodyParagraph): number {
  const num = built.numbering.match(new RegExp(`<w:num w:numId="${paragraph.numId}"[^>]*>[\\s\\S]*?<w:abstractNumId w:val="(\\d+)"/>`));
  const abstract = built.numbering.match(new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${num![1]}"[^>]*>[\\s\\S]*?</w:abstractNum>`))![0];
  return Number(abstract.match(/<w:ind [^>]*w:left="(\d+)"/)![1]);
}

describe("the Word paper's layout", () => {
  it("raises the th of Lancashire's date in a superscript run, the paragraph reading 12th January 2015", () => {
    const date = find(lancs, "DATE:");
    expect(date.text).toBe("DATE: 12th\u00a0January\u00a02015");
    const runs = [...date.xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!);
    const raised = runs.filter((r) => r.includes('<w:vertAlign w:val="superscript"/>'));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toContain(">th</w:t>");
  });

  it("marks every row of the appendix action table w:cantSplit, its header row repeated", () => {
    const tables = [...colp.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const appendix = tables.find((t) => t.includes(">Action</w:t>") && t.includes(">RAG</w:t>"))!;
    const rows = [...appendix.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) expect(row).toMatch(/<w:trPr><w:cantSplit\/>/);
    expect(rows[0]).toContain("<w:tblHeader/>");
    expect(rows.slice(1).some((r) => r.includes("<w:tblHeader/>"))).toBe(false);
  });

  it("gives the appendix's Due and RAG columns room for their longest word, so no date or RAG word is cut", () => {
    const tables = [...colp.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const appendix = tables.find((t) => t.includes(">Action</w:t>") && t.includes(">RAG</w:t>"))!;
    const grid = [...appendix.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(6);
    // Table text is 11 pt; a cell has 108 twips of padding either side.
    const needs = (text: string, bold = false) => (measure(text, bold).word / 1000) * 11 * 20 + 216;
    expect(grid[3]).toBeGreaterThanOrEqual(needs("30\u00a0Sep\u00a02016"));
    expect(grid[4]).toBeGreaterThanOrEqual(needs("Complete"));
    expect(grid[5]).toBeGreaterThanOrEqual(needs("Amber", true));
    // The Action column still has the most room.
    expect(Math.max(...grid)).toBe(grid[1]);
  });

  it("writes Mar-17 with a non-breaking hyphen, so it never breaks at the hyphen, and it reads back as Mar-17", () => {
    const cells = colp.body.filter((p) => p.inTable && p.text === "Mar-17");
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.xml).toContain("<w:t xml:space=\"preserve\">Mar</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">17</w:t>");
      expect(cell.xml).not.toContain(">Mar-17<");
    }
  });

  it("indents City of London's objectives i), ii), iii) alike in every area: under the numbered paragraphs' text", () => {
    const main = colp.body.findIndex((p) => p.text === "Main Report");
    const objectives = colp.body.slice(main).filter((p) => p.style === "ListParagraph" && p.xml.includes("<w:i/>"));
    expect(objectives).toHaveLength(12); // six areas: 3 + 1 + 2 + 1 + 2 + 3
    const indents = new Set(objectives.map((p) => listIndent(colp, p)));
    expect([...indents]).toEqual([1440]); // numbered text at 720 twips (1.27 cm), the objective's text a step further
  });

  it("keeps a roman area heading, its lead-in, its objective and the first paragraph together (keepNext along the chain)", () => {
    expect(colp.styles).toMatch(/w:styleId="Heading3">[\s\S]*?<w:keepNext\/>[\s\S]*?<\/w:style>/);
    const heading = colp.body.findIndex((p) => p.text === "Understanding & Identifying Risk" && p.style === "Heading3");
    const [leadIn, objective, answer] = colp.body.slice(heading + 1, heading + 4);
    expect(leadIn!.text).toBe("Three main objectives were set under this area:");
    expect(leadIn!.xml).toContain("<w:keepNext/>");
    expect(objective!.text).toMatch(/^Clear and consistent guidance/);
    expect(objective!.xml).toContain("<w:keepNext/>");
    expect(answer!.text).toMatch(/^In terms of supervision/);
    // ii) and iii), after a paragraph, hold on to theirs too.
    expect(find(colp, "The force should make more effective use").xml).toContain("<w:keepNext/>");
  });

  it("gives a list's last item a body paragraph's space after (10 pt), its other items the list's own", () => {
    const items = ["Leadership and Governance", "Performance Management", "Initial Contact", "Investigation", "Managing Victims and Offenders", "Organisational Learning"].map((t) =>
      lancs.body.find((p) => p.text === t && p.style === "ListParagraph")!,
    );
    expect(items.at(-1)!.xml).toContain('<w:spacing w:after="200"/>');
    for (const item of items.slice(0, -1)) expect(item.xml).not.toContain("<w:spacing");
    expect(lancs.styles).toMatch(/w:styleId="BodyText">[\s\S]*?<w:spacing w:after="200"\/>/);
  });
});
