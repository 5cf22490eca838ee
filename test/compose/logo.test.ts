// Issue 12: branding is data. A spec or house style names a logo (PNG or JPEG, relative to the
// file that names it); the paper carries it at the top of the first page: a picture part in the
// Word file with the organisation's name as its alt text, drawn in the PDF as a tagged Figure,
// an <img> in the web page. A logo that is missing or not a picture is one line naming the file
// and the field, and nothing is written.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readLogoFile } from "../../src/files/logo-file.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { hasPikepdf, hasPoppler, python } from "../helpers/real-clients.js";
import { logoPng } from "../helpers/word-template.js";
import { docxParts, part } from "../render/docx/docx-parts.js";
import { DATA } from "./fixtures.js";

const ORGANISATION = "Northshire Police & Crime Commissioner";

function spec(logoLine: string): string {
  return `---\nstyle: cambridgeshire-bcb\ntracker: tracker.csv\norganisation: ${ORGANISATION}\n${logoLine}to: Business Coordination Board\nfrom: Chief Constable\ndate: 04/06/2015\nsourceDocument: Northshire DA Action Plan\ncontacts: [{ name: A Officer }]\n---\n# Purpose\n\nTo update the Board.\n`;
}

/** A folder holding a tracker, the spec and `files`. */
function folder(specText: string, files: Record<string, Buffer | string> = {}): string {
  const dir = tempDir();
  copyFileSync(join(DATA, "cambs-da-action-plan.csv"), join(dir, "tracker.csv"));
  writeFileSync(join(dir, "paper.md"), specText);
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

/** A JPEG's markers as a reader meets them: start, frame header (40×30), scan, end. Not a picture to look at. */
function jpegHeaders(): Buffer {
  const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x1e, 0x00, 0x28, 0x01, 0x01, 0x11, 0x00];
  const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00];
  return Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, ...sof, ...sos, 0x00, 0x00, 0xff, 0xd9]);
}

describe("a logo named by the spec", () => {
  it("is a picture part of the Word paper with the organisation as its alt text, a tagged Figure in the PDF, an <img> in the web page", async () => {
    const dir = folder(spec("logo: art/crest.png\n"), { "art/crest.png": logoPng() });
    const r = await runCli(["paper", "--spec", join(dir, "paper.md"), "--format", "docx,pdf,html", "-o", join(dir, "out")]);
    expect(r.code, r.stderr).toBe(0);

    const zip = await JSZip.loadAsync(readFileSync(join(dir, "out", "paper.docx")));
    expect(Buffer.from(await zip.file("word/media/logo.png")!.async("uint8array")).equals(logoPng())).toBe(true);
    const parts = await docxParts(readFileSync(join(dir, "out", "paper.docx")));
    expect(part(parts, "word/_rels/document.xml.rels")).toContain('<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png"/>');
    const body = part(parts, "word/document.xml");
    // The first paragraph of the body: the picture, right-aligned, 60×20 px at 96 per inch (45×15 pt).
    const first = /<w:body><w:p>(.*?)<\/w:p>/.exec(body)![1]!;
    expect(first).toContain('<w:jc w:val="right"/>');
    expect(first).toContain('<a:blip r:embed="rIdLogo"/>');
    expect(first).toContain('<wp:extent cx="571500" cy="190500"/>');
    expect(first).toContain('descr="Northshire Police &amp; Crime Commissioner"');

    const html = readFileSync(join(dir, "out", "paper.html"), "utf8");
    expect(html).toContain(`<img src="data:image/png;base64,${logoPng().toString("base64")}" alt="Northshire Police &amp; Crime Commissioner"`);

    const pdf = join(dir, "out", "paper.pdf");
    if (hasPoppler()) {
      const images = spawnSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).stdout.trim().split("\n").slice(2).map((l) => l.trim().split(/\s+/));
      expect(images.map((row) => [row[0], row[2], row[3], row[4]])).toEqual([["1", "image", "60", "20"]]);
    }
    if (hasPikepdf()) {
      const figures = python(
        `import sys, pikepdf\npdf = pikepdf.open(sys.argv[1])\nout = []\ndef walk(e):\n  if isinstance(e, pikepdf.Array):\n    for k in e: walk(k)\n  elif isinstance(e, pikepdf.Dictionary) and e.get('/Type') != '/MCR' and '/S' in e:\n    if e.S == '/Figure': out.append(str(e.get('/Alt')))\n    if '/K' in e: walk(e.K)\nwalk(pdf.Root.StructTreeRoot.K)\nprint('\\n'.join(out))`,
        [pdf],
      );
      expect(figures.status, figures.stderr).toBe(0);
      expect(figures.stdout.trim()).toBe(ORGANISATION);
    }
  });

  it("comes from the house style when the spec names none, relative to the style file; the spec's wins", async () => {
    const style = readFileSync(join(DATA, "..", "templates", "styles", "cambridgeshire-bcb.yaml"), "utf8").replace(/^name: .*$/m, "name: northshire").replace(/^organisation: null$/m, "organisation: Northshire Police\nlogo: crest.png");
    const dir = folder(spec("").replace("style: cambridgeshire-bcb", "style: styles/northshire.yaml"), { "styles/northshire.yaml": style, "styles/crest.png": logoPng(), "spec-crest.jpg": jpegHeaders() });
    const r = await runCli(["paper", "--spec", join(dir, "paper.md"), "-o", join(dir, "from-style.docx")]);
    expect(r.code, r.stderr).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "from-style.docx")));
    expect(Object.keys(zip.files).filter((n) => n.startsWith("word/media/"))).toEqual(["word/media/logo.png"]);

    writeFileSync(join(dir, "paper.md"), spec("logo: spec-crest.jpg\n").replace("style: cambridgeshire-bcb", "style: styles/northshire.yaml"));
    const own = await runCli(["paper", "--spec", join(dir, "paper.md"), "-o", join(dir, "from-spec.docx")]);
    expect(own.code, own.stderr).toBe(0);
    const zip2 = await JSZip.loadAsync(readFileSync(join(dir, "from-spec.docx")));
    expect(Object.keys(zip2.files).filter((n) => n.startsWith("word/media/"))).toEqual(["word/media/logo.jpeg"]);
    expect(await zip2.file("word/document.xml")!.async("string")).toContain('<wp:extent cx="381000" cy="285750"/>');
  });
});

describe("a logo that cannot be used", () => {
  const truncated = logoPng().subarray(0, 50);
  it.each([
    ["missing", "logo: crest.png\n", {}, /there is no such file/],
    ["not a picture", "logo: crest.png\n", { "crest.png": "this is text, not a picture" }, /is not a PNG or JPEG picture/],
    ["a GIF", "logo: crest.gif\n", { "crest.gif": Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1") }, /is not a PNG or JPEG picture/],
    ["cut short", "logo: crest.png\n", { "crest.png": truncated }, /is damaged or cut short/],
  ] as const)("%s: one line naming the spec's line and field, exit 1, nothing written", async (_, logoLine, files, reason) => {
    const dir = folder(spec(logoLine), files as Record<string, Buffer | string>);
    const r = await runCli(["paper", "--spec", join(dir, "paper.md"), "--format", "docx,pdf", "-o", join(dir, "out")]);
    expect(r.code).toBe(1);
    const errors = r.stderr.split("\n").filter((l) => l.includes(" error "));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`paper\\.md:5: error LOGO_UNREADABLE logo: "${logoLine.slice(6).trim().replace(".", "\\.")}" cannot be used: `));
    expect(errors[0]).toMatch(reason);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+|TypeError|Error:/);
    expect(existsSync(join(dir, "out")) ? readdirSync(join(dir, "out")) : []).toEqual([]);
  });

  it("reads a JPEG's size from its frame header, and refuses one with no scan", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.jpg"), jpegHeaders());
    expect(readLogoFile(join(dir, "a.jpg"))).toMatchObject({ ok: true, format: "jpeg", widthPx: 40, heightPx: 30 });
    writeFileSync(join(dir, "b.jpg"), jpegHeaders().subarray(0, 33));
    expect(readLogoFile(join(dir, "b.jpg"))).toMatchObject({ ok: false });
  });
});
