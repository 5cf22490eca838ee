// Real clients open what the DOCX writer makes: headless LibreOffice converts it to PDF (and the
// PDF's text shows LibreOffice printing our Word numbering: "1.", "1.1", "3.3", "12."), and
// python-docx reads the paragraphs, styles, tables, header, footer and properties back. Skipped,
// saying so, where the tools are missing; required in CI (BOARDPACK_REAL_CLIENTS=required).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderDocx } from "../../../src/render/docx/render-docx.js";
import { hasPoppler, hasPythonDocx, hasSoffice, python, soffice } from "../../helpers/real-clients.js";
import { cambridgeshireDoc, cityOfLondonDoc } from "./fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "boardpack-docx-"));
const files = { cambs: join(dir, "cambridgeshire.docx"), col: join(dir, "city-of-london.docx") };

beforeAll(async () => {
  writeFileSync(files.cambs, await renderDocx(cambridgeshireDoc()));
  writeFileSync(files.col, await renderDocx(cityOfLondonDoc()));
});

describe.skipIf(!hasSoffice())("LibreOffice", () => {
  it("converts each paper to PDF, printing Word's numbers, the marking and the page numbers", { timeout: 180_000 }, () => {
    const r = soffice(["--convert-to", "pdf", "--outdir", dir, files.cambs, files.col]);
    expect(r.status, r.stderr).toBe(0);
    for (const name of ["cambridgeshire", "city-of-london"]) {
      const pdf = join(dir, `${name}.pdf`);
      expect(existsSync(pdf), `${name}.pdf`).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    }
    if (!hasPoppler()) return;
    const text = (name: string) => spawnSync("pdftotext", ["-layout", join(dir, `${name}.pdf`), "-"], { encoding: "utf8" }).stdout;
    const cambs = text("cambridgeshire");
    expect(cambs).toMatch(/^\s*1\.\s+Purpose$/m);
    expect(cambs).toMatch(/^\s*1\.1\s+The purpose of this report/m);
    expect(cambs).toMatch(/^\s*3\.4\s+This report provides further detail/m);
    expect(cambs).toMatch(/^\s*5\.1\s+It is recommended/m);
    expect(cambs).toMatch(/Page 1 of \d/);
    expect(cambs).toMatch(/OFFICIAL/);
    const col = text("city-of-london");
    expect(col).toMatch(/^\s*17\.\s+The majority of the work/m);
    expect(col).toMatch(/^\s*VI\s+Leadership and Governance/m);
    expect(col).toMatch(/^\s*viii\)\s+A service level agreement/m);
    expect(col).toMatch(/^\s*B\)\s+Training Content/m);
  });

  it.skipIf(!hasPoppler())("renders page 1 to an image", { timeout: 180_000 }, () => {
    const r = soffice(["--convert-to", "pdf", "--outdir", dir, files.cambs]);
    expect(r.status, r.stderr).toBe(0);
    const png = spawnSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", join(dir, "cambridgeshire.pdf"), join(dir, "page")], { encoding: "utf8" });
    expect(png.status, png.stderr).toBe(0);
    expect(readFileSync(join(dir, "page-1.png")).subarray(1, 4).toString()).toBe("PNG");
  });
});

describe.skipIf(!hasPythonDocx())("python-docx", () => {
  it("reads the paragraphs, styles, tables, header, footer and properties back", () => {
    const script = `
import docx, json, sys
d = docx.Document(sys.argv[1])
s = d.sections[0]
print(json.dumps({
  "paragraphs": [[p.style.name, p.text] for p in d.paragraphs],
  "tables": [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
  "header": [p.text for p in s.header.paragraphs],
  "footer": [p.text for p in s.footer.paragraphs],
  "title": d.core_properties.title,
  "author": d.core_properties.author,
  "language": d.core_properties.language,
  "created": d.core_properties.created.isoformat(),
  "page": [s.page_width, s.page_height, s.left_margin],
}))`;
    const r = python(script, [files.cambs]);
    expect(r.status, r.stderr).toBe(0);
    const read = JSON.parse(r.stdout) as {
      paragraphs: [string, string][];
      tables: string[][][];
      header: string[];
      footer: string[];
      title: string;
      author: string;
      language: string;
      created: string;
      page: number[];
    };
    expect(read.paragraphs).toContainEqual(["Heading 1", "Purpose"]);
    expect(read.paragraphs).toContainEqual(["Title", "Domestic Abuse Governance – Update on Action Plan"]);
    expect(read.paragraphs).toContainEqual(["Body Text", "The Board is recommended to note the report."]);
    expect(read.paragraphs).toContainEqual(["Organisation", "Cambridgeshire\nPolice & Crime\nCommissioner"]);
    // The numbers are Word's: no paragraph's text starts with one.
    expect(read.paragraphs.filter(([, text]) => /^\d+\.\d*\s/.test(text))).toEqual([]);
    expect(read.tables[1]?.[0]).toEqual(["Ref", "Action", "Owner", "Due", "Status", "RAG"]);
    expect(read.tables[1]?.[1]?.[5]).toBe("Red");
    expect(read.header).toEqual(["OFFICIAL"]);
    expect(read.footer[0]).toBe("OFFICIAL");
    expect(read.title).toBe("Domestic Abuse Governance – Update on Action Plan");
    expect(read.author).toBe("Chief Constable");
    expect(read.language).toBe("en-GB");
    expect(read.created).toBe("2015-06-04T00:00:00");
    // A4 (11906 × 16838 twips, in EMU) and 2.54 cm margins.
    expect(read.page).toEqual([11906 * 635, 16838 * 635, 914400]);
  });
});
