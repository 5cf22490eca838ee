// Word templates of real-world shape, built by our own code for the tests: a logo in the header,
// a different first-page header with the force's name, a footer with text, a heading font and
// colour of the force's own, narrow margins — and, to prove they are left behind, an embedded
// object, an external link and custom XML. Options make the hostile and odd variants.
import { crc32, deflateSync } from "node:zlib";
import { buildZip } from "./zip.js";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture";
const REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface TemplateOptions {
  /** The id Word gave Heading 1 (a German Word writes "berschrift1"); its name stays "heading 1". */
  heading1Id?: string;
  headingFont?: string;
  headingColour?: string;
  bodyFont?: string;
  /** Margins in twips. */
  margins?: { top: number; right: number; bottom: number; left: number };
  /** Page size in twips (A4 portrait by default). */
  page?: { width: number; height: number; landscape?: boolean };
  firstPageHeader?: boolean;
  evenAndOdd?: boolean;
  /** Leave these style ids out of styles.xml. */
  withoutStyles?: string[];
  /** The logo as JPEG rather than PNG. */
  jpegLogo?: boolean;
  /** Add a VBA project (as a macro-enabled template would carry). */
  macros?: boolean;
  /** Replace a part's text (to damage it). */
  replace?: Record<string, string>;
}

/** A 60×20 blue-on-white PNG, made here. */
export function logoPng(): Buffer {
  const w = 60;
  const h = 20;
  const raw = Buffer.alloc((w * 3 + 1) * h, 255);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 10; x < 50; x++) raw.set([0x1f, 0x3a, 0x93], y * (w * 3 + 1) + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "latin1");
    data.copy(out, 8);
    out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, "latin1"), data])), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** A minimal baseline JPEG is more than a test needs; the bytes only have to be carried over. */
const FAKE_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

const drawing = (rid: string, cx: number, cy: number) =>
  `<w:r><w:drawing><wp:inline><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="1" name="Logo"/>` +
  `<a:graphic xmlns:a="${A}"><a:graphicData uri="${PIC}"><pic:pic xmlns:pic="${PIC}"><pic:nvPicPr><pic:cNvPr id="0" name="logo"/><pic:cNvPicPr/></pic:nvPicPr>` +
  `<pic:blipFill><a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;

const ROOT_NS = `xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="${WP}"`;

export function wordTemplate(options: TemplateOptions = {}): Buffer {
  const h1 = options.heading1Id ?? "Heading1";
  const margins = options.margins ?? { top: 850, right: 1020, bottom: 850, left: 1020 };
  const page = options.page ?? { width: 11906, height: 16838 };
  const first = options.firstPageHeader ?? true;
  const logo = options.jpegLogo ? "image1.jpeg" : "image1.png";
  const styles = [
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr><w:rFonts w:ascii="${options.bodyFont ?? "Calibri"}" w:hAnsi="${options.bodyFont ?? "Calibri"}"/><w:sz w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:style>`,
    `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:color w:val="1F3A93"/><w:sz w:val="48"/></w:rPr></w:style>`,
    `<w:style w:type="paragraph" w:styleId="${h1}"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="${h1}Char"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="${options.headingFont ?? "Georgia"}" w:hAnsi="${options.headingFont ?? "Georgia"}"/><w:b/><w:color w:val="${options.headingColour ?? "7A1F5C"}"/><w:sz w:val="32"/></w:rPr></w:style>`,
    `<w:style w:type="character" w:customStyle="1" w:styleId="${h1}Char"><w:name w:val="Heading 1 Char"/><w:link w:val="${h1}"/><w:rPr><w:b/></w:rPr></w:style>`,
    `<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="${h1}"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:sz w:val="26"/></w:rPr></w:style>`,
    `<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`,
  ].filter((s) => !(options.withoutStyles ?? []).some((id) => s.includes(`w:styleId="${id}"`)));
  const parts: Record<string, string | Buffer> = {
    "[Content_Types].xml":
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>` +
      `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${options.macros ? "document.macroEnabled.main+xml" : "template.main+xml"}"/></Types>`,
    "_rels/.rels": `${DECL}<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/_rels/document.xml.rels":
      `${DECL}<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${R}/settings" Target="settings.xml"/>` +
      `<Relationship Id="rId3" Type="${R}/theme" Target="theme/theme1.xml"/><Relationship Id="rId4" Type="${R}/header" Target="header1.xml"/><Relationship Id="rId5" Type="${R}/header" Target="header2.xml"/>` +
      `<Relationship Id="rId6" Type="${R}/footer" Target="footer1.xml"/><Relationship Id="rId7" Type="${R}/customXml" Target="../customXml/item1.xml"/></Relationships>`,
    "word/document.xml":
      `${DECL}<w:document ${ROOT_NS}><w:body><w:p><w:r><w:t>Template body text that the paper must not carry.</w:t></w:r></w:p>` +
      `<w:sectPr><w:headerReference w:type="default" r:id="rId4"/>${first ? '<w:headerReference w:type="first" r:id="rId5"/>' : ""}<w:footerReference w:type="default" r:id="rId6"/>` +
      `<w:pgSz w:w="${page.width}" w:h="${page.height}"${page.landscape ? ' w:orient="landscape"' : ""}/><w:pgMar w:top="${margins.top}" w:right="${margins.right}" w:bottom="${margins.bottom}" w:left="${margins.left}" w:header="567" w:footer="567" w:gutter="0"/>` +
      `${first ? "<w:titlePg/>" : ""}</w:sectPr></w:body></w:document>`,
    "word/styles.xml": `${DECL}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>${styles.join("")}</w:styles>`,
    "word/settings.xml": `${DECL}<w:settings xmlns:w="${W}">${options.evenAndOdd ? "<w:evenAndOddHeaders/>" : ""}<w:defaultTabStop w:val="720"/></w:settings>`,
    "word/theme/theme1.xml":
      `${DECL}<a:theme xmlns:a="${A}" name="Force"><a:themeElements><a:clrScheme name="Force"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F3A93"/></a:dk2><a:lt2><a:srgbClr val="EEEEEE"/></a:lt2>` +
      `<a:accent1><a:srgbClr val="7A1F5C"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4><a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink><a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme>` +
      `<a:fontScheme name="Force"><a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
      `<a:fmtScheme name="Force"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`,
    "word/header1.xml": `${DECL}<w:hdr ${ROOT_NS}><w:p><w:pPr><w:jc w:val="right"/></w:pPr>${drawing("rId1", 762000, 254000)}</w:p></w:hdr>`,
    "word/_rels/header1.xml.rels": `${DECL}<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/image" Target="media/${logo}"/></Relationships>`,
    "word/header2.xml": `${DECL}<w:hdr ${ROOT_NS}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${drawing("rId7", 1524000, 508000)}<w:r><w:t xml:space="preserve"> Kent Police and Crime Commissioner</w:t></w:r></w:p></w:hdr>`,
    "word/_rels/header2.xml.rels": `${DECL}<Relationships xmlns="${REL}"><Relationship Id="rId7" Type="${R}/image" Target="media/${logo}"/></Relationships>`,
    "word/footer1.xml":
      `${DECL}<w:ftr ${ROOT_NS}><w:p><w:r><w:t>Kent PCC – Protecting the public</w:t></w:r></w:p>` +
      `<w:p><w:hyperlink r:id="rId2"><w:r><w:t>www.kent-pcc.example</w:t></w:r></w:hyperlink><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" r:id="rId3"/></w:object></w:r></w:p></w:ftr>`,
    "word/_rels/footer1.xml.rels":
      `${DECL}<Relationships xmlns="${REL}"><Relationship Id="rId2" Type="${R}/hyperlink" Target="https://www.kent-pcc.example/" TargetMode="External"/><Relationship Id="rId3" Type="${R}/oleObject" Target="embeddings/oleObject1.bin"/></Relationships>`,
    "word/embeddings/oleObject1.bin": Buffer.from("not an image: an embedded object we must never copy"),
    "customXml/item1.xml": `${DECL}<secret>custom XML we must never copy</secret>`,
    [`word/media/${logo}`]: options.jpegLogo ? FAKE_JPEG : logoPng(),
  };
  if (options.macros) parts["word/vbaProject.bin"] = Buffer.from("VBA macros");
  for (const [name, text] of Object.entries(options.replace ?? {})) parts[name] = text;
  return buildZip(Object.entries(parts).map(([name, data]) => ({ name, data })));
}
