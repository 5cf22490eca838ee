// The PDF as the tools people use read it: poppler's pdftotext, pdffonts, pdfinfo and pdftoppm,
// and qpdf. Skipped with a message when they are missing; BOARDPACK_REAL_CLIENTS=required
// (CI) makes a missing tool a failure.
import { readFileSync } from "node:fs";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Block, Doc } from "../../../src/compose/doc.js";
import { renderPdf } from "../../../src/render/pdf/render-pdf.js";
import { hasPoppler, hasQpdf } from "../../helpers/real-clients.js";
import { appendixDoc, cambridgeshireDoc, cityOfLondonDoc, h, houseStyle, p, t, UNICODE_SAMPLE } from "./fixtures.js";
import { pageGrey, pageImage, pdffonts, pdfinfo, pdftotext, qpdfCheck, writePdf } from "./pdf-tools.js";

const poppler = hasPoppler();
const qpdf = hasQpdf();

/** Where each needle first appears in the haystack, in order; fails naming the first missing one. */
function expectInOrder(text: string, needles: string[]): void {
  let at = 0;
  for (const needle of needles) {
    const found = text.indexOf(needle, at);
    expect(found, `"${needle}" after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + needle.length;
  }
}
const squash = (s: string) => s.replace(/\s+/g, " ");

describe("renderPdf: in-process checks", () => {
  it("gives byte-identical PDFs for the same Doc", async () => {
    const a = await renderPdf(cityOfLondonDoc(30));
    const b = await renderPdf(cityOfLondonDoc(30));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const text = Buffer.from(a).toString("latin1");
    expect(text).not.toContain("pdf-lib (https://github.com/Hopding/pdf-lib)");
    expect(text).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/);
  });

  it("sets language, title in the title bar, and timestamps from the paper's date or SOURCE_DATE_EPOCH", async () => {
    const pdf = await PDFDocument.load(await renderPdf(cambridgeshireDoc()), { updateMetadata: false });
    expect(pdf.catalog.lookup(PDFName.of("Lang"), PDFString).asString()).toBe("en-GB");
    const prefs = pdf.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict);
    expect(String(prefs.get(PDFName.of("DisplayDocTitle")))).toBe("true");
    expect(pdf.getTitle()).toBe("Domestic abuse governance – update on action plan");
    expect(pdf.getCreationDate()?.toISOString()).toBe("2015-06-04T00:00:00.000Z");
    expect(pdf.getCreator()).toBe("boardpack");

    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = "1700000000";
    try {
      const again = await PDFDocument.load(await renderPdf(cambridgeshireDoc()), { updateMetadata: false });
      expect(again.getModificationDate()?.toISOString()).toBe("2023-11-14T22:13:20.000Z");
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it("has bookmarks from the headings, nested by level, pointing at their pages", async () => {
    const pdf = await PDFDocument.load(await renderPdf(cityOfLondonDoc(30)), { updateMetadata: false });
    const pages = pdf.getPages().map((pg) => pg.ref.toString());
    interface Mark {
      title: string;
      page: number;
      children: Mark[];
    }
    const read = (parent: PDFDict): Mark[] => {
      const out: Mark[] = [];
      let ref = parent.get(PDFName.of("First"));
      while (ref instanceof PDFRef) {
        const item = pdf.context.lookup(ref, PDFDict);
        const dest = item.lookup(PDFName.of("Dest"), PDFArray);
        expect(item.get(PDFName.of("Parent"))).toBeInstanceOf(PDFRef);
        expect(dest.lookup(1, PDFName).asString()).toBe("/XYZ");
        expect(dest.lookup(3, PDFNumber).asNumber()).toBeGreaterThan(0);
        out.push({
          title: item.lookup(PDFName.of("Title"), PDFHexString).decodeText(),
          page: pages.indexOf(String(dest.get(0))) + 1,
          children: read(item),
        });
        ref = item.get(PDFName.of("Next"));
      }
      return out;
    };
    const outlines = pdf.catalog.lookup(PDFName.of("Outlines"), PDFDict);
    const marks = read(outlines);
    expect(marks.map((m) => m.title)).toEqual([
      "Summary",
      "Recommendation(s)",
      "Main Report",
      "Work still in progress on the Action Plan",
      "Appendices",
      "Contacts:",
      "Appendix A: Domestic Abuse Action Plan",
    ]);
    const main = marks[2]!;
    expect(main.children.map((m) => m.title)).toEqual([
      "Background",
      "I Understanding & Identifying Risk",
      "II Prioritising & allocating domestic abuse investigations",
    ]);
    expect(marks[0]!.page).toBe(1);
    expect(marks.at(-1)!.page).toBeGreaterThan(1);
    expect(outlines.lookup(PDFName.of("Count"), PDFNumber).asNumber()).toBe(10);
  });

  it("makes links clickable with their addresses, and only safe ones", async () => {
    const doc = cambridgeshireDoc();
    doc.blocks.push(p([t("click me", { link: "javascript:alert(1)" }), t(" and "), t("Welsh", { link: "https://example.org/ŵ (test)" })]));
    const pdf = await PDFDocument.load(await renderPdf(doc), { updateMetadata: false });
    const uris: string[] = [];
    for (const page of pdf.getPages()) {
      const annots = page.node.Annots();
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const annot = annots!.lookup(i, PDFDict);
        expect(annot.lookup(PDFName.of("Subtype"), PDFName).asString()).toBe("/Link");
        const action = annot.lookup(PDFName.of("A"), PDFDict);
        uris.push(action.lookup(PDFName.of("URI"), PDFHexString).decodeText());
      }
    }
    expect(uris).toEqual([
      "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/everyones-business/",
      "https://example.org/%C5%B5%20(test)",
    ]);
  });
});

describe.skipIf(!poppler || !qpdf)("renderPdf: read back by poppler and qpdf", () => {
  let cambs: string;
  let colp: string;
  beforeAll(async () => {
    cambs = writePdf(await renderPdf(cambridgeshireDoc()), "cambridgeshire.pdf");
    colp = writePdf(await renderPdf(cityOfLondonDoc(60)), "city-of-london.pdf");
  });

  it("passes qpdf --check", () => {
    for (const path of [cambs, colp]) {
      const r = qpdfCheck(path);
      expect(r.output).toContain("No syntax or stream encoding errors");
      expect(r.status).toBe(0);
    }
  });

  it("embeds every font, as a subset with a Unicode map", () => {
    for (const path of [cambs, colp]) {
      const fonts = pdffonts(path);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f).toMatchObject({ emb: "yes", sub: "yes", uni: "yes" });
        expect(f.name).toMatch(/^[A-Z]{6}\+Arimo-/);
      }
    }
    expect(pdffonts(colp).map((f) => f.name.split("+")[1]).sort()).toEqual(["Arimo-Bold", "Arimo-Italic", "Arimo-Regular"]);
  });

  it("shows title, author, subject, keywords and the page count to pdfinfo", () => {
    const info = pdfinfo(colp);
    expect(info.Title).toBe("City of London Police Domestic Abuse Action Plan update");
    expect(info.Author).toBe("Chief Constable");
    expect(info.Subject).toBe("Domestic abuse action plan");
    expect(info.Keywords).toBe("domestic abuse action plan");
    expect(info["Page size"]).toContain("(A4)");
    expect(Number(info.Pages)).toBeGreaterThan(2);
  });

  it("reads back the Cambridgeshire paper's sentences, numbers and labels in order", () => {
    const text = squash(pdftotext(cambs));
    expectInOrder(text, [
      "OFFICIAL",
      "Cambridgeshire",
      "Police & Crime",
      "To: Business Coordination Board",
      "Date: 04 June 2015",
      "DOMESTIC ABUSE GOVERNANCE – UPDATE ON ACTION PLAN",
      "1. Purpose",
      "1.1 The purpose of this report is to update the Business Coordination Board (“the Board”)",
      "2. Recommendation",
      "2.1 The Board is recommended to note the report.",
      "3.1 In November 2013",
      "HMIC made 15 recommendations",
      "4.3 The Cambridgeshire Action Plan set out a plan for performance improvement under 11 headings.",
      "• Strategic Ownership",
      "• Gather evidence effectively",
      "5.1 Strategic Ownership – Overall ownership",
      "46 tasks have been completed and 11 are in progress",
      "10.12 It is recommended that the Board note the contents of this paper.",
      "Contact Officers Det Supt Chris Mead",
      "Page 2 of 2",
    ]);
  });

  it("reads back the City of London paper: header table, areas, lettered lists, RAG words", () => {
    const text = squash(pdftotext(colp));
    expectInOrder(text, [
      "Committee(s): Date:",
      "Police: Performance and Resource Management Sub Committee",
      "30 November 2016",
      "Report of: Commissioner of Police Pol 55-16 For Information",
      "Summary",
      "57 tasks covering the 6 key areas",
      "46 tasks have been completed and 11 are in progress",
      "i) Domestic Abuse training package to be fully rolled out",
      "iv) Formalising a service level agreement",
      "Members are asked to note the report.",
      "1. In line with the HMIC recommendation",
      "I Understanding & Identifying Risk",
      "9. In terms of supervision",
      "II Prioritising & allocating domestic abuse investigations",
      "34. The action plan spans 2016 – 2017.",
      "v) Domestic Abuse training package",
      "A) Domestic Abuse Action Plan for the City of London 2016/17",
      "B) Training Content",
      "Ref Action Owner Due Status RAG",
      "1.1 Review the domestic abuse",
      "Red",
      "1.2",
      "Amber",
    ]);
    expect(text.match(/\bRed\b/g)?.length).toBe(15);
    expect(text.match(/\bBlue\b/g)?.length).toBe(15);
  });

  it("round-trips “£ – ‘single’ “double” é ŵ ŷ” in every face, in headings and tables", async () => {
    const doc: Doc = {
      meta: { title: `Unicode ${UNICODE_SAMPLE}`, language: "en-GB", date: "2020-03-26" },
      style: houseStyle({ marking: { default: null, header: false, footer: false }, pageNumbers: null }),
      blocks: [
        h(1, UNICODE_SAMPLE, "1."),
        p(UNICODE_SAMPLE),
        p([t(UNICODE_SAMPLE, { bold: true })]),
        p([t(UNICODE_SAMPLE, { italic: true })]),
        p([t(UNICODE_SAMPLE, { bold: true, italic: true })]),
        { type: "table", header: [{ paragraphs: [[t("Text")]] }], rows: [[{ paragraphs: [[t(UNICODE_SAMPLE)]] }]] },
      ],
    };
    const path = writePdf(await renderPdf(doc), "unicode.pdf");
    const lines = pdftotext(path)
      .split("\n")
      .map((l) => squash(l).trim())
      .filter((l) => l !== "");
    expect(lines).toEqual([`1. ${UNICODE_SAMPLE}`, UNICODE_SAMPLE, UNICODE_SAMPLE, UNICODE_SAMPLE, UNICODE_SAMPLE, "Text", UNICODE_SAMPLE]);
    expect(pdfinfo(path).Title).toBe(`Unicode ${UNICODE_SAMPLE}`);
    expect(pdffonts(path)).toHaveLength(4);
  });

  it("runs a long table onto several pages with its header repeated on each", async () => {
    const path = writePdf(await renderPdf(appendixDoc(120)), "appendix.pdf");
    const pages = Number(pdfinfo(path).Pages);
    expect(pages).toBeGreaterThanOrEqual(5);
    for (let page = 1; page <= pages; page++) {
      const lines = pdftotext(path, page)
        .split("\n")
        .map((l) => squash(l).trim())
        .filter((l) => l !== "");
      // Marking, then (on page 1) the heading, then the header row.
      const header = lines.findIndex((l) => l === "Ref Action Owner Due Status RAG");
      expect(header, `page ${page}`).toBe(page === 1 ? 2 : 1);
      expect(lines.at(-1)).toBe(`Page ${page} of ${pages}`);
    }
    const all = squash(pdftotext(path));
    for (let i = 1; i <= 120; i++) expect(all).toContain(`(task ${i})`);
  });

  it("moves a heading near the foot of a page to the next page with its paragraph", async () => {
    const filler = (n: number): Block[] => Array.from({ length: n }, (_, i) => p(`Filler paragraph ${i + 1}.`));
    const para = "The working document contained a total of 57 tasks covering the 6 key areas identified above, and 46 of them are complete.";
    let moved = 0;
    for (let n = 24; n <= 32; n++) {
      const doc: Doc = { ...appendixDoc(0), blocks: [...filler(n), h(1, "Progress", "5."), p(para, "5.1")] };
      const path = writePdf(await renderPdf(doc), `keep-${n}.pdf`);
      const pages = Number(pdfinfo(path).Pages);
      if (pages === 1) continue;
      const first = squash(pdftotext(path, 1));
      const second = squash(pdftotext(path, 2));
      expect(first, `${n} fillers`).not.toContain("5. Progress");
      expect(second).toContain("5. Progress 5.1 The working document");
      if (first.includes(`Filler paragraph ${n}.`)) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("puts the marking at head and foot, page numbers and the strapline in the footer, as the style says", async () => {
    const base = cambridgeshireDoc();
    const style = houseStyle({ strapline: "Creating a safer Cambridgeshire", marking: { default: null, header: true, footer: false } });
    const path = writePdf(await renderPdf({ ...base, style, meta: { ...base.meta, marking: "OFFICIAL-SENSITIVE" } }), "furniture.pdf");
    const lines = pdftotext(path, 1)
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    expect(lines[0]).toBe("OFFICIAL-SENSITIVE");
    expect(lines.slice(-2)).toEqual(["Creating a safer Cambridgeshire", "Page 1 of 2"]);
    expect(lines.filter((l) => l === "OFFICIAL-SENSITIVE")).toHaveLength(1);

    // A paper that prints its strapline as a paragraph does not get it twice.
    const inBody = { ...base, style, blocks: [p("Creating a safer Cambridgeshire", undefined, "strapline"), ...base.blocks] };
    const twice = squash(pdftotext(writePdf(await renderPdf(inBody), "strapline.pdf")));
    expect(twice.match(/Creating a safer Cambridgeshire/g)).toHaveLength(1);

    const bare = houseStyle({ marking: { default: null, header: false, footer: false }, pageNumbers: null });
    const plain = pdftotext(writePdf(await renderPdf({ ...base, style: bare }), "bare.pdf"), 1);
    expect(plain).not.toContain("OFFICIAL");
    expect(plain).not.toContain("Page 1");
  });

  it("writes a valid one-page PDF for an empty paper, and copes with ragged tables", async () => {
    const empty = writePdf(await renderPdf({ ...appendixDoc(0), blocks: [] }), "empty.pdf");
    expect(qpdfCheck(empty).status).toBe(0);
    expect(pdfinfo(empty).Pages).toBe("1");
    const ragged: Doc = {
      ...appendixDoc(0),
      blocks: [
        { type: "table", header: [{ paragraphs: [[t("Ref")]] }], rows: [[{ paragraphs: [[t("1.1")]] }, { paragraphs: [[t("Extra cell")]] }], []] },
        { type: "table", header: [], rows: [] },
      ],
    };
    const path = writePdf(await renderPdf(ragged), "ragged.pdf");
    expect(qpdfCheck(path).status).toBe(0);
    expect(squash(pdftotext(path))).toContain("1.1 Extra cell");
  });

  it("prints page 1 with ink where the text is (the subset glyphs are whole)", () => {
    for (const path of [cambs, colp]) expect(readFileSync(pageImage(path)).subarray(1, 4).toString("latin1")).toBe("PNG");
    const { width, height, pixels } = pageGrey(cambs);
    let dark = 0;
    for (const v of pixels) if (v < 128) dark++;
    const ratio = dark / (width * height);
    // A text page at 50 dpi is a few per cent ink; blank glyphs would leave a fraction of that.
    expect(ratio).toBeGreaterThan(0.02);
    expect(ratio).toBeLessThan(0.2);
  });
});
