// A shared spec's links: only web (http, https) and mail (mailto) addresses become links, in
// the document tree every writer walks; anything else (a script, a local file, a Windows share)
// stays plain text with a warning at the spec's line.
import JSZip from "jszip";
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { Block, Run } from "../../src/compose/doc.js";
import { isAllowedLinkAddress } from "../../src/compose/link-address.js";
import { parseSpec } from "../../src/compose/spec.js";
import { renderDocx } from "../../src/render/docx/render-docx.js";
import { renderPdf } from "../../src/render/pdf/render-pdf.js";
import { compose, samplePlan } from "../compose/fixtures.js";

const SPEC = [
  "---", // 1
  "style: cambridgeshire-bcb", // 2
  "to: Business Coordination Board", // 3
  "from: Chief Constable", // 4
  "---", // 5
  "# Purpose", // 6
  "Read [the report](https://www.justiceinspectorates.gov.uk/report.pdf) or [write to us](mailto:governance@example.police.uk).", // 7
  "", // 8
  "Do not [click here](javascript:alert(document.cookie)) today.", // 9
  "", // 10
  "See <file:///etc/passwd> and [the share](\\\\\\\\fileserver\\\\boardpack\\\\paper.docx) too.", // 11
  "", // 12
  "Also [the note][note] and [upper case](JAVASCRIPT:void(0)) and [data](data:text/html;base64,PHNjcmlwdD4=).", // 13
  "", // 14
  "[note]: vbscript:msgbox", // 15
].join("\n");

function runsOf(blocks: readonly Block[]): Run[] {
  const out: Run[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      if ("text" in value && typeof (value as Run).text === "string") out.push(value as Run);
      else Object.values(value).forEach(walk);
    }
  };
  walk(blocks);
  return out;
}

async function composed() {
  const plan = await samplePlan("cambs-da-action-plan.csv");
  const result = compose(plan, { spec: parseSpec(SPEC, "paper.md") });
  expect(result.doc).not.toBeNull();
  return result;
}

describe("links in a spec", () => {
  it("keeps web and mail links, and turns every other address into plain text", async () => {
    const { doc } = await composed();
    const links = runsOf(doc!.blocks).filter((r) => r.link).map((r) => [r.text, r.link]);
    expect(links).toEqual([
      ["the report", "https://www.justiceinspectorates.gov.uk/report.pdf"],
      ["write to us", "mailto:governance@example.police.uk"],
    ]);
    const text = runsOf(doc!.blocks).map((r) => r.text).join("");
    for (const words of ["click here", "file:///etc/passwd", "the share", "the note", "upper case", "data"]) expect(text).toContain(words);
  });

  it("warns at the spec line of each refused link", async () => {
    const { messages } = await composed();
    const refused = messages.filter((m) => m.includes("LINK_REFUSED"));
    expect(refused).toEqual([
      expect.stringMatching(/^paper\.md:9: warning LINK_REFUSED the link to "javascript:alert\(document\.cookie\)" is kept as plain text/),
      expect.stringMatching(/^paper\.md:11: warning LINK_REFUSED the link to "file:\/\/\/etc\/passwd"/),
      expect.stringMatching(/^paper\.md:11: warning LINK_REFUSED the link to "\\\\fileserver\\boardpack\\paper\.docx"/),
      expect.stringMatching(/^paper\.md:13: warning LINK_REFUSED the link to "vbscript:msgbox"/),
      expect.stringMatching(/^paper\.md:13: warning LINK_REFUSED the link to "JAVASCRIPT:void\(0\)"/),
      expect.stringMatching(/^paper\.md:13: warning LINK_REFUSED the link to "data:text\/html;base64,PHNjcmlwdD4="/),
    ]);
  });

  it("gives the Word file hyperlinks to the web and mail addresses only", async () => {
    const { doc } = await composed();
    const zip = await JSZip.loadAsync(await renderDocx(doc!));
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    const targets = [...rels.matchAll(/Type="[^"]*\/hyperlink" Target="([^"]*)"/g)].map((m) => m[1]);
    expect(targets.sort()).toEqual(["https://www.justiceinspectorates.gov.uk/report.pdf", "mailto:governance@example.police.uk"]);
  });

  it("gives the PDF link annotations to the web and mail addresses only", async () => {
    const { doc } = await composed();
    const pdf = await PDFDocument.load(await renderPdf(doc!));
    const uris: string[] = [];
    for (const page of pdf.getPages()) {
      const annots = page.node.Annots();
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const action = annots!.lookup(i, PDFDict).lookupMaybe(PDFName.of("A"), PDFDict);
        const uri = action?.lookup(PDFName.of("URI"));
        if (uri instanceof PDFString || uri instanceof PDFHexString) uris.push(uri.decodeText());
      }
    }
    expect([...new Set(uris)].sort()).toEqual(["https://www.justiceinspectorates.gov.uk/report.pdf", "mailto:governance@example.police.uk"]);
  });

  it("warns about a referenceDocument or sourceDocument that is an address a paper may not link to", () => {
    const spec = parseSpec("---\nstyle: section-55\nreferenceDocument: \\\\fileserver\\reports\\peel.pdf\nsourceDocument: javascript:alert(1)\n---\n", "response.md");
    expect(spec.spec).not.toBeNull();
    expect(spec.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([["warning", "LINK_REFUSED", 3], ["warning", "LINK_REFUSED", 4]]);
    expect(spec.diagnostics[0]!.message).toContain('referenceDocument: the link to "\\\\fileserver\\reports\\peel.pdf" is kept as plain text');
    // Words, not an address: nothing to say.
    expect(parseSpec("---\nstyle: section-55\nreferenceDocument: HMICFRS PEEL report 2019\n---\n", "r.md").diagnostics).toEqual([]);
  });

  it.each([
    ["https://example.org/a?b=c#d", true],
    ["HTTP://EXAMPLE.ORG", true],
    ["mailto:someone@example.police.uk", true],
    ["https://", false],
    ["https:///etc/passwd", false],
    ["javascript:alert(1)", false],
    [" javascript:alert(1)", false],
    ["file:///C:/Windows", false],
    ["\\\\host\\share", false],
    ["//host/share", false],
    ["C:\\Users\\paper.docx", false],
    ["report.pdf", false],
    ["mailto:", false],
  ])("%s may be a link: %s", (address, allowed) => {
    expect(isAllowedLinkAddress(address)).toBe(allowed);
  });
});
