// The PDF draws each Word font a force's template may name in an embedded face of the same
// measurements — Arimo for Arial, Carlito for Calibri, Caladea for Cambria, Tinos for Times New
// Roman — and a heading font or colour of the template's own; the text still prints whole.
import { describe, expect, it } from "vitest";
import type { Doc } from "../../../src/compose/doc.js";
import { embeddedFamily } from "../../../src/render/pdf/fonts.js";
import { renderPdf } from "../../../src/render/pdf/render-pdf.js";
import { hasPoppler } from "../../helpers/real-clients.js";
import { cambridgeshireDoc, h, p, t, UNICODE_SAMPLE } from "./fixtures.js";
import { pdffonts, pdftotext, writePdf } from "./pdf-tools.js";

function docIn(family: string, heading?: string): Doc {
  const base = cambridgeshireDoc();
  return {
    ...base,
    style: { ...base.style, fonts: { ...base.style.fonts, family }, ...(heading ? { looks: { heading1: { family: heading, colour: "7A1F5C" } } } : {}) },
    blocks: [h(1, "Purpose"), p([t(`${UNICODE_SAMPLE} Review the DASH process`)])],
  };
}

describe("the PDF's fonts for a Word template's fonts", () => {
  it("maps Word's fonts to faces of the same measurements, and others to the nearest kind", () => {
    expect(embeddedFamily("Calibri")).toEqual({ family: "carlito", exact: true, name: "Carlito" });
    expect(embeddedFamily("Cambria")).toEqual({ family: "caladea", exact: true, name: "Caladea" });
    expect(embeddedFamily("Times New Roman")).toEqual({ family: "tinos", exact: true, name: "Tinos" });
    expect(embeddedFamily("Arial MT")).toEqual({ family: "arimo", exact: true, name: "Arimo" });
    expect(embeddedFamily("Georgia")).toEqual({ family: "tinos", exact: false, name: "Tinos" });
    expect(embeddedFamily("Segoe UI")).toEqual({ family: "arimo", exact: false, name: "Arimo" });
  });

  it.skipIf(!hasPoppler())("embeds each family and prints curly quotes, en dash, £, é, ŵ and ŷ in it", async () => {
    for (const [family, font] of [["Calibri", "Carlito"], ["Cambria", "Caladea"], ["Times New Roman", "Tinos"]] as const) {
      const path = writePdf(await renderPdf(docIn(family, "Georgia")), `family-${font}.pdf`);
      const fonts = pdffonts(path).map((row) => row.name.replace(/^[A-Z]{6}\+/, "")).sort();
      expect(fonts, family).toContain(`${font}-Regular`);
      expect(fonts, family).toContain("Tinos-Bold");
      expect(pdftotext(path).replace(/\s+/g, " "), family).toContain(`${UNICODE_SAMPLE} Review the DASH process`);
    }
  });

  it("gives the same bytes for the same paper", async () => {
    expect(Buffer.from(await renderPdf(docIn("Calibri", "Georgia"))).equals(Buffer.from(await renderPdf(docIn("Calibri", "Georgia"))))).toBe(true);
  });
});
