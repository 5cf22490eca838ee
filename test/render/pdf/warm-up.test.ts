// The PDF thread renders a sample paper while it waits (warm-up.ts). That must change nothing of
// the real paper, stop when the paper comes, and never fail the paper itself.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { Doc } from "../../../src/compose/doc.js";
import { renderPdf } from "../../../src/render/pdf/render-pdf.js";
import { WARM_UP_FILE, warmUp } from "../../../src/render/pdf/warm-up.js";
import { appendixDoc, cambridgeshireDoc, cityOfLondonDoc } from "./fixtures.js";

/** A folder holding `pieces` as the build writes the sample beside the PDF thread. */
function sampleDir(pieces: unknown[]): URL {
  const dir = mkdtempSync(join(tmpdir(), "boardpack-warm-up-"));
  writeFileSync(join(dir, WARM_UP_FILE), JSON.stringify(pieces));
  return pathToFileURL(`${dir}/`);
}

describe("warmUp: the PDF thread's sample paper", () => {
  it("leaves the real paper's bytes as they are without it", async () => {
    const before = await renderPdf(cityOfLondonDoc(30));
    await warmUp(sampleDir([cambridgeshireDoc(), appendixDoc(25)]), () => false);
    const after = await renderPdf(cityOfLondonDoc(30));
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });

  it("stops at the next piece once the paper has come", async () => {
    const pieces = [cambridgeshireDoc(), cambridgeshireDoc(), cambridgeshireDoc()];
    let asked = 0;
    await warmUp(sampleDir(pieces), () => ++asked === 2);
    // Asked before the first piece (rendered) and before the second (the paper had come).
    expect(asked).toBe(2);
  });

  it("does nothing, and fails nothing, without a sample or with one that does not render", async () => {
    const empty = pathToFileURL(`${mkdtempSync(join(tmpdir(), "boardpack-warm-up-"))}/`);
    await expect(warmUp(empty, () => false)).resolves.toBeUndefined();
    const broken = { ...cambridgeshireDoc(), blocks: [{ type: "table", rows: null }] };
    let asked = 0;
    await expect(warmUp(sampleDir([broken, cambridgeshireDoc()]), () => (asked++, false))).resolves.toBeUndefined();
    // The broken piece ends the warm-up: the code stays cold, the paper is written as ever.
    expect(asked).toBe(1);
  });

  const built = join(import.meta.dirname, "..", "..", "..", "dist", "bundle", WARM_UP_FILE);
  it.skipIf(!existsSync(built))("is built from the shipped City of London paper, in small pieces that cover the writer", async () => {
    const pieces = JSON.parse(readFileSync(built, "utf8")) as Doc[];
    expect(pieces.length).toBeGreaterThanOrEqual(5);
    const kinds = new Set(pieces.flatMap((d) => d.blocks.map((b) => (b.type === "list" ? `list:${b.kind}` : b.type))));
    for (const kind of ["heading", "paragraph", "list:bullet", "list:roman-paren", "table"]) expect(kinds, kind).toContain(kind);
    for (const piece of pieces) {
      expect(JSON.stringify(piece.blocks).length, "a piece is a few tens of milliseconds of work").toBeLessThan(8_000);
      const pdf = Buffer.from(await renderPdf(piece)).toString("latin1");
      expect(pdf.startsWith("%PDF-")).toBe(true);
    }
  });
});
