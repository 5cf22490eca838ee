import { describe, expect, it } from "vitest";
import { readWordTemplate } from "../../../src/ingest/word-template/read-word-template.js";
import { InputRefused } from "../../../src/ingest/refused.js";
import { logoPng, wordTemplate } from "../../helpers/word-template.js";

const read = (bytes: Buffer, file = "kent.dotx") => readWordTemplate(bytes, file);

function refusal(bytes: Buffer, file = "kent.docx") {
  try {
    readWordTemplate(bytes, file);
  } catch (err) {
    if (err instanceof InputRefused) return err.diagnostic;
    throw err;
  }
  throw new Error("not refused");
}

describe("reading a force's Word template", () => {
  it("takes the page set-up: size, narrow margins, a different first page", () => {
    const { template } = read(wordTemplate({ margins: { top: 567, right: 680, bottom: 567, left: 680 } }));
    expect(template.page).toEqual({ width: 11906, height: 16838, landscape: false, margins: { top: 567, right: 680, bottom: 567, left: 680, header: 567, footer: 567, gutter: 0 } });
    expect(template.titlePage).toBe(true);
    expect(read(wordTemplate({ firstPageHeader: false })).template.titlePage).toBe(false);
    expect(read(wordTemplate({ page: { width: 16838, height: 11906, landscape: true } })).template.page.landscape).toBe(true);
    expect(read(wordTemplate({ evenAndOdd: true })).template.evenAndOddHeaders).toBe(true);
  });

  it("keeps the headers with their logo, the first-page header with the force's name, and the footer's text", () => {
    const { template } = read(wordTemplate());
    expect(template.media).toEqual([{ name: "template-image1.png", format: "png", base64: logoPng().toString("base64") }]);
    const header = template.headers.default!;
    expect(header.relationships).toEqual([{ id: "rId1", media: "template-image1.png" }]);
    expect(header.lines).toEqual([{ align: "right", text: "", drawings: [{ media: "template-image1.png", width: 60, height: 20 }] }]);
    expect(template.headers.first!.lines).toEqual([{ align: "center", text: "Kent Police and Crime Commissioner", drawings: [{ media: "template-image1.png", width: 120, height: 40 }] }]);
    expect(template.footers.default!.lines.map((l) => l.text)).toEqual(["Kent PCC – Protecting the public", "www.kent-pcc.example"]);
  });

  it("leaves behind embedded objects, external links and custom XML, and says so", () => {
    const { template, diagnostics } = read(wordTemplate());
    const footer = template.footers.default!.xml;
    expect(footer).not.toMatch(/oleObject|OLEObject|w:object|w:hyperlink|r:id=/);
    expect(footer).toContain("www.kent-pcc.example");
    expect(template.footers.default!.relationships).toEqual([]);
    expect(template.media.map((m) => m.name)).toEqual(["template-image1.png"]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: "info", code: "TEMPLATE_CONTENT_LEFT_OUT", file: "kent.dotx" }));
    expect(JSON.stringify(template)).not.toContain("custom XML we must never copy");
  });

  it("keeps the theme's fonts and colours but nothing that points at a part it does not carry", () => {
    const plain = read(wordTemplate()).template.theme!;
    const withPicture = plain.replace("<a:bgFillStyleLst>", '<a:bgFillStyleLst><a:blipFill><a:blip r:embed="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></a:blipFill>');
    const { template } = read(wordTemplate({ replace: { "word/theme/theme1.xml": withPicture } }));
    expect(template.theme).toContain('<a:latin typeface="Cambria"/>');
    expect(template.theme).toContain("<a:blipFill");
    expect(template.theme).not.toContain("r:embed");
  });

  it("says its body text is not used", () => {
    const { diagnostics } = read(wordTemplate());
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "TEMPLATE_BODY_IGNORED", message: expect.stringContaining("own text (1 paragraph) is not used") }));
  });

  it("finds built-in styles by their built-in names, whatever ids a localised Word gave them", () => {
    const { template } = read(wordTemplate({ heading1Id: "berschrift1" }));
    expect(template.styles).toMatch(/w:styleId="Heading1"><w:name w:val="heading 1"\/>/);
    expect(template.styles).not.toContain("berschrift1\"");
    // References to the renamed style follow it.
    expect(template.styles).toMatch(/w:styleId="Heading2"><w:name w:val="heading 2"\/><w:basedOn w:val="Heading1"\/>/);
    expect(template.looks.heading1).toEqual({ family: "Georgia", size: 16, bold: true, italic: false, colour: "7A1F5C", caps: false });
    expect(template.looks.heading2).toEqual({ family: "Georgia", size: 13, bold: true, italic: false, colour: "7A1F5C", caps: false });
  });

  it("resolves the looks the PDF follows: theme fonts, sizes and colours", () => {
    const { template } = read(wordTemplate());
    expect(template.looks.body).toEqual({ family: "Calibri", size: 11, bold: false, italic: false, colour: null, caps: false });
    expect(template.looks.title).toEqual({ family: "Cambria", size: 24, bold: false, italic: false, colour: "1F3A93", caps: false });
    expect(template.looks.heading3).toBeNull();
  });

  it("sets the language to en-GB and drops list styles' links to the template's numbering", () => {
    const { template } = read(wordTemplate());
    expect(template.styles).toContain('<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>');
    expect(template.styles).not.toContain('w:val="en-US"/>');
    expect(template.styles).not.toContain("w:numPr");
  });

  it("warns once for each style the paper needs that the template lacks", () => {
    const { diagnostics } = read(wordTemplate({ withoutStyles: ["Title"] }));
    const missing = diagnostics.filter((d) => d.code === "TEMPLATE_STYLE_MISSING").map((d) => d.message);
    expect(missing).toEqual([expect.stringContaining('no "Title" style'), expect.stringContaining('no "Heading 3" style')]);
  });

  it("refuses macro-enabled templates, by name or by content", () => {
    expect(refusal(wordTemplate(), "kent.dotm")).toMatchObject({ code: "TEMPLATE_MACROS", file: "kent.dotm", message: expect.stringContaining("macro-enabled") });
    expect(refusal(wordTemplate(), "kent.DOCM").code).toBe("TEMPLATE_MACROS");
    expect(refusal(wordTemplate({ macros: true })).code).toBe("TEMPLATE_MACROS");
  });

  it("refuses what is not a Word template, each in words a Word user can act on", () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(refusal(Buffer.concat([ole, Buffer.from("EncryptionInfo", "utf16le")]))).toMatchObject({ code: "TEMPLATE_ENCRYPTED", message: expect.stringContaining("password") });
    expect(refusal(ole)).toMatchObject({ code: "TEMPLATE_NOT_DOCX", message: expect.stringContaining("old-style Word document (.doc)") });
    expect(refusal(Buffer.from("To: the board\n"))).toMatchObject({ code: "TEMPLATE_NOT_DOCX" });
    expect(refusal(Buffer.alloc(0))).toMatchObject({ code: "TEMPLATE_NOT_DOCX", message: "the Word template is empty" });
    expect(refusal(wordTemplate().subarray(0, 900))).toMatchObject({ code: "TEMPLATE_DAMAGED" });
    expect(refusal(wordTemplate({ replace: { "word/styles.xml": "<w:styles" } }))).toMatchObject({ code: "TEMPLATE_DAMAGED", message: expect.stringContaining("word/styles.xml") });
    expect(refusal(wordTemplate({ replace: { "word/header1.xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:hdr/>' } }))).toMatchObject({ code: "TEMPLATE_DAMAGED", message: expect.stringContaining("DOCTYPE") });
  });
});
