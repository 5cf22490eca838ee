// Every part of the Word package, for the writer's fixture papers, against golden files compared
// as XML after parsing (as pandoc's OOXML tests compare theirs): the document, numbering, styles,
// header and footer, relationships, content types, properties, settings and theme. The sample
// papers' main parts have goldens of their own (test/papers.test.ts, test/s55.test.ts).
// Regenerate after a deliberate change: UPDATE_GOLDEN=1 npx vitest run test/render/docx/golden-parts.test.ts
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { Doc } from "../../../src/compose/doc.js";
import { renderDocx } from "../../../src/render/docx/render-docx.js";
import { canonicalXml } from "../../helpers/canonical-xml.js";
import { actionTable, cambridgeshireDoc, cityOfLondonDoc } from "./fixtures.js";

const GOLDEN = join(import.meta.dirname, "..", "..", "fixtures", "golden", "docx");
const update = process.env.UPDATE_GOLDEN === "1";

const PAPERS: Record<string, () => Doc> = {
  cambridgeshire: cambridgeshireDoc,
  "city-of-london": cityOfLondonDoc,
  "action-table": () => ({ ...cambridgeshireDoc(), blocks: [actionTable(12)] }),
};

/** The package's parts, by name, as text. */
async function parts(doc: Doc): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await renderDocx(doc));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) out.set(name, await zip.file(name)!.async("string"));
  return out;
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(folder, f)).isFile())
    .map((f) => relative(folder, join(folder, f)).split("\\").join("/"))
    .sort();
}

describe.each(Object.keys(PAPERS))("the %s paper's Word package", (name) => {
  const folder = join(GOLDEN, name);

  it("has the golden parts, each the same XML after parsing", async () => {
    const written = await parts(PAPERS[name]!());
    if (update) {
      for (const [part, xml] of written) {
        mkdirSync(dirname(join(folder, part)), { recursive: true });
        writeFileSync(join(folder, part), canonicalXml(xml, part));
      }
    }
    if (!existsSync(folder)) throw new Error(`no golden parts for ${name}: run UPDATE_GOLDEN=1 npx vitest run test/render/docx/golden-parts.test.ts`);
    expect([...written.keys()]).toEqual(filesUnder(folder));
    for (const [part, xml] of written) {
      expect(canonicalXml(xml, part), part).toBe(canonicalXml(readFileSync(join(folder, part), "utf8"), part));
    }
  });

  it("declares every part as UTF-8 XML, as Word expects", async () => {
    for (const [part, xml] of await parts(PAPERS[name]!())) expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"'), part).toBe(true);
  });
});
