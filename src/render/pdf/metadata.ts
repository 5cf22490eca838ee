// Document properties and reader hints: title (shown in the window's title bar, as the
// accessibility regulations expect), author, subject, keywords, language en-GB, fixed creator
// and producer, dates from documentTimestamp, and a trailer /ID derived from the content; the
// same again as XMP (xmp.ts), marked as PDF/UA-1.
import type { PDFDocument } from "pdf-lib";
import { pdfLib } from "./libraries.js";
import type { DocMeta } from "../../compose/doc.js";
import { documentTimestamp } from "../timestamp.js";
import { xmpPacket } from "./xmp.js";

const { PDFArray, PDFHexString, PDFName } = pdfLib;

export const CREATOR = "boardpack";
export const PRODUCER = "boardpack PDF writer (pdf-lib)";

export function setMetadata(pdf: PDFDocument, meta: DocMeta, digest: Uint8Array): void {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) pdf.setAuthor(meta.author);
  if (meta.subject) pdf.setSubject(meta.subject);
  if (meta.keywords && meta.keywords.length > 0) pdf.setKeywords(meta.keywords);
  pdf.setCreator(CREATOR);
  pdf.setProducer(PRODUCER);
  const when = documentTimestamp(meta.date);
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);
  pdf.setLanguage(meta.language);
  // Uncompressed, so tools that look for the PDF/UA identifier without parsing the file find it.
  const xmp = xmpPacket({ meta, creator: CREATOR, producer: PRODUCER, when });
  const stream = pdf.context.stream(Buffer.from(xmp, "utf8"), { Type: "Metadata", Subtype: "XML" });
  pdf.catalog.set(PDFName.of("Metadata"), pdf.context.register(stream));
  // Two identical halves: "this file, never modified". From the Doc, so identical Docs agree.
  const id = Buffer.from(digest.subarray(0, 16)).toString("hex").toUpperCase();
  const ids = PDFArray.withContext(pdf.context);
  ids.push(PDFHexString.of(id));
  ids.push(PDFHexString.of(id));
  pdf.context.trailerInfo.ID = ids;
}
