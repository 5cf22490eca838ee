// Doc → .docx bytes. A plain function over the document tree (DESIGN §6): Word's own numbering,
// built-in heading styles, repeating table header rows, RAG cells shaded and labelled, marking
// and page numbers in header and footer, title/author/language set — and the same bytes for the
// same Doc (no clock, no random ids, fixed zip entry times).
import { Document, type FileChild, Packer } from "docx";
import { zipSync } from "fflate";
import type { Doc } from "../../compose/doc.js";
import { documentTimestamp } from "../timestamp.js";
import { fixZipTimestamps } from "../zip-timestamps.js";
import { type BlockContext, renderBlocks } from "./blocks.js";
import { BodyXml } from "./body-xml.js";
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
  let body: BodyXml | undefined;
  const { file, when, overrides } = documentOf(doc, (blocks, ctx) => [(body = new BodyXml(blocks, ctx))]);
  // docx's own Packer.toBuffer, step by step (compile the parts, zip them), with the body's bytes
  // put into document.xml between the two.
  const parts = compiler().compile(file, undefined, overrides);
  const documentXml = parts.get(DOCUMENT_PATH);
  if (typeof documentXml !== "string" || !body) throw new Error("docx: no document.xml");
  parts.set(DOCUMENT_PATH, body.documentXml(documentXml));
  return fixZipTimestamps(zipParts(parts), when);
}

/**
 * The same file with the body built from docx's own components (blocks.ts) and packed by docx:
 * the reference the body's XML (body-xml.ts) and the packing here are tested against, byte for byte.
 */
export async function renderDocxFromComponents(doc: Doc): Promise<Uint8Array> {
  const { file, when, overrides } = documentOf(doc, renderBlocks);
  return fixZipTimestamps(await Packer.toBuffer(file, false, overrides), when);
}

const DOCUMENT_PATH = "word/document.xml";

function documentOf(doc: Doc, body: (blocks: Doc["blocks"], ctx: BlockContext) => FileChild[]) {
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
        children: body(doc.blocks, {
          links: new LinkIds(),
          numbering,
          width: textWidth(doc.style),
          fontSize: doc.style.fonts.table,
        }),
      },
    ],
  });
  return { file, when, overrides: [{ path: CORE_PROPERTIES_PATH, data: coreProperties(doc.meta, when) }] };
}

/** The compiler docx's Packer uses: the package's parts, by path, in the order they are zipped. */
function compiler(): { compile(file: Document, prettify: undefined, overrides: { path: string; data: string }[]): Map<string, string | Uint8Array> } {
  return (Packer as unknown as { compiler: ReturnType<typeof compiler> }).compiler;
}

/** docx's zipFiles and "nodebuffer" output: each part deflated by fflate, in the order given. */
function zipParts(parts: Map<string, string | Uint8Array>): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const [path, data] of parts) files[path] = typeof data === "string" ? new TextEncoder().encode(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const zipped = zipSync(files);
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
