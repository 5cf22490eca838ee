// The logo at the top of the first page: a right-aligned paragraph holding the picture inline
// (DrawingML, ECMA-376 §20.4.2.8), its alt text in docPr/@descr as Word writes it. The picture
// itself goes into word/media/ beside a Word template's pictures (render-docx.ts mediaParts).
import type { Logo } from "../../compose/doc.js";
import { escapeXml } from "./xml-escape.js";

/** The document relationship that points at the logo's picture. */
export const LOGO_RELATIONSHIP_ID = "rIdLogo";

const EMU_PER_POINT = 12_700;
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture";
/** Ids of drawings in a Word template's headers are small numbers; ours stays clear of them. */
const DRAWING_ID = 4096;

export function logoParagraphXml(logo: Logo): string {
  const cx = Math.round(logo.width * EMU_PER_POINT);
  const cy = Math.round(logo.height * EMU_PER_POINT);
  const alt = escapeXml(logo.alt);
  return (
    `<w:p><w:pPr><w:spacing w:before="0" w:after="240"/><w:jc w:val="right"/></w:pPr><w:r><w:drawing>` +
    `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${DRAWING_ID}" name="Logo" descr="${alt}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="${PIC}"><pic:pic xmlns:pic="${PIC}">` +
    `<pic:nvPicPr><pic:cNvPr id="${DRAWING_ID}" name="${escapeXml(logo.media.name)}" descr="${alt}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${LOGO_RELATIONSHIP_ID}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  );
}
