// Doc → .docx bytes. A plain function over the document tree (DESIGN §6): Word's own numbering,
// built-in heading styles, repeating table header rows, RAG cells shaded and labelled, marking
// and page numbers in header and footer, title/author/language set — and the same bytes for the
// same Doc (no clock, no random ids, fixed zip entry times).
import { Document, Packer } from "docx";
import type { Doc } from "../../compose/doc.js";
import { documentTimestamp } from "../timestamp.js";
import { fixZipTimestamps } from "../zip-timestamps.js";
import { renderBlocks } from "./blocks.js";
import { renderFooter, renderHeader } from "./header-footer.js";
import { LinkIds } from "./hyperlink.js";
import { numberingOptions } from "./numbering-options.js";
import { planNumbering } from "./numbering.js";
import { CORE_PROPERTIES_PATH, coreProperties } from "./properties.js";
import { stylesOptions } from "./styles.js";
import { A4, cmToTwips, textWidth } from "./units.js";

/** Where header and footer sit: 1.25 cm from the page edge, Word's default. */
const HEADER_DISTANCE = 709;

export async function renderDocx(doc: Doc): Promise<Uint8Array> {
  const when = documentTimestamp(doc.meta.date);
  const numbering = planNumbering(doc);
  const { margins } = doc.style.page;
  const header = renderHeader(doc);
  const footer = renderFooter(doc);
  const file = new Document({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    keywords: doc.meta.keywords?.join("; "),
    styles: stylesOptions(doc.style),
    numbering: numberingOptions(numbering),
    // The theme's fonts too, so Word's "+Body" and "+Headings" are the house font.
    theme: { fonts: { headings: doc.style.fonts.family, body: doc.style.fonts.family } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: "portrait" },
            margin: {
              top: cmToTwips(margins.top),
              bottom: cmToTwips(margins.bottom),
              left: cmToTwips(margins.left),
              right: cmToTwips(margins.right),
              header: HEADER_DISTANCE,
              footer: HEADER_DISTANCE,
            },
          },
        },
        headers: header ? { default: header } : undefined,
        footers: footer ? { default: footer } : undefined,
        children: renderBlocks(doc.blocks, {
          links: new LinkIds(),
          numbering,
          width: textWidth(doc.style),
          fontSize: doc.style.fonts.table,
        }),
      },
    ],
  });
  const bytes = await Packer.toBuffer(file, false, [{ path: CORE_PROPERTIES_PATH, data: coreProperties(doc.meta, when) }]);
  return fixZipTimestamps(bytes, when);
}
