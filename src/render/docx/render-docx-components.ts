// The same .docx built the other way: the body from docx's own components (blocks.ts), the whole
// package written and zipped by docx. render-docx.ts writes every part itself; this is the
// reference its parts are tested against, byte for byte (test/render/docx/same-as-docx.test.ts), so
// any difference from what docx would write shows. Not used when a paper is written.
import { Document, Packer } from "docx";
import type { Doc } from "../../compose/doc.js";
import { documentTimestamp } from "../timestamp.js";
import { fixZipTimestamps } from "../zip-timestamps.js";
import { renderBlocks } from "./blocks.js";
import { renderFooter, renderHeader } from "./header-footer.js";
import { LinkIds } from "./link-ids.js";
import { numberingOptions } from "./numbering-options.js";
import { planNumbering } from "./numbering.js";
import { CORE_PROPERTIES_PATH, coreProperties } from "./properties.js";
import { stylesOptions } from "./styles.js";
import { A4, cmToTwips, HEADER_DISTANCE, textWidth } from "./units.js";

export async function renderDocxFromComponents(doc: Doc): Promise<Uint8Array> {
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
  // docx stamps docProps/core.xml with the clock: ours instead.
  const overrides = [{ path: CORE_PROPERTIES_PATH, data: coreProperties(doc.meta, when) }];
  return fixZipTimestamps(await Packer.toBuffer(file, false, overrides), when);
}
