// The template's headers and footers, cleaned for our package: pictures are the only thing
// they may carry in (each copied once under a name of ours); any other relationship — an
// embedded object, an external link, an ActiveX control, custom XML — is left behind with
// the run that used it. Also what the PDF needs to draw them: each paragraph's text and
// alignment, and where each picture sits.
import { posix } from "node:path";
import type { Document, Element } from "@xmldom/xmldom";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { MarginDrawing, MarginLine, MarginPart, TemplateMedia } from "../../model/word-template.js";
import type { DocxPackage } from "./open-docx.js";
import { relationshipsOf } from "./relationships.js";
import { allElements, child, descendants, intAttr, NS, parseXml, serializeXml, wAttr } from "./xml-dom.js";

const FORMATS: Record<string, TemplateMedia["format"]> = {
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  gif: "gif",
  bmp: "bmp",
  emf: "emf",
  wmf: "wmf",
  tif: "tiff",
  tiff: "tiff",
  svg: "svg",
};

/** Elements that only ever carry what we do not copy: embedded objects, controls, linked content. */
const DROPPED_ELEMENTS = new Set(["object", "control", "altChunk", "subDoc", "dataBinding"]);
/** Fields that pull content from elsewhere (a file, a web address, another program). */
const EXTERNAL_FIELD = /^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|HYPERLINK)\b/i;
const EMU_PER_POINT = 12700;

/** Pictures collected across all the template's margin parts: each source part copied once. */
export class MediaCollector {
  readonly media: TemplateMedia[] = [];
  private readonly names = new Map<string, string>();

  constructor(private readonly pkg: DocxPackage) {}

  /** Our name for the picture at `part`, or undefined when it is not a picture we carry. */
  add(part: string): string | undefined {
    const known = this.names.get(part);
    if (known) return known;
    const format = FORMATS[posix.extname(part).slice(1).toLowerCase()];
    const bytes = format ? this.pkg.read(part) : undefined;
    if (!format || !bytes) return undefined;
    const name = `template-image${this.media.length + 1}.${format === "jpeg" ? "jpeg" : format}`;
    this.media.push({ name, format, base64: bytes.toString("base64") });
    this.names.set(part, name);
    return name;
  }
}

export function readMarginPart(pkg: DocxPackage, part: string, file: string, media: MediaCollector, diagnostics: Diagnostic[]): MarginPart | undefined {
  const text = pkg.text(part);
  if (text === undefined) return undefined;
  const doc = parseXml(text, file, part);
  const rels = relationshipsOf(pkg, part, file);
  const kept = new Map<string, { id: string; media: string }>();
  let dropped = 0;
  for (const element of allElements(doc)) {
    if (!element.parentNode) continue; // removed with an ancestor already
    if (element.namespaceURI === NS.w && DROPPED_ELEMENTS.has(element.localName ?? "")) {
      dropped += removeWithRun(element);
      continue;
    }
    if (element.namespaceURI === NS.w && element.localName === "customXml") {
      unwrap(element);
      continue;
    }
    if (element.namespaceURI === NS.w && element.localName === "instrText" && EXTERNAL_FIELD.test(element.textContent ?? "")) {
      dropped += removeWithRun(element);
      continue;
    }
    if (element.namespaceURI === NS.w && element.localName === "fldSimple" && EXTERNAL_FIELD.test(wAttr(element, "instr") ?? "")) {
      unwrap(element);
      continue;
    }
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.namespaceURI !== NS.r) continue;
      const rel = rels.get(attribute.value);
      const name = rel && rel.type === "image" && !rel.external ? media.add(rel.target) : undefined;
      if (!name) {
        if (element.localName === "hyperlink") unwrap(element);
        else dropped += removeWithRun(element);
        break;
      }
      const id = kept.get(attribute.value)?.id ?? `rId${kept.size + 1}`;
      kept.set(attribute.value, { id, media: name });
      element.setAttributeNS(NS.r, attribute.name, id);
    }
  }
  if (dropped > 0) {
    diagnostics.push({
      severity: "info",
      code: "TEMPLATE_CONTENT_LEFT_OUT",
      message: `the Word template's ${part.replace(/^word\//, "")} holds ${dropped === 1 ? "an item" : `${dropped} items`} other than text and pictures (an embedded object, control or link); the paper leaves ${dropped === 1 ? "it" : "them"} out`,
      file,
    });
  }
  const { lines, floating } = marginLayout(doc, kept);
  return { xml: serializeXml(doc), relationships: [...kept.values()], lines, floating };
}

/** Removes the run holding `element` (or the element itself outside a run); counts 1. */
function removeWithRun(element: Element): number {
  let target: Element = element;
  for (let at = element.parentNode as Element | null; at && at.nodeType === 1; at = at.parentNode as Element | null) {
    if (at.namespaceURI === NS.w && at.localName === "r") {
      target = at;
      break;
    }
  }
  target.parentNode?.removeChild(target);
  return 1;
}

/** Replaces `element` with its children. */
function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

function marginLayout(doc: Document, kept: Map<string, { id: string; media: string }>): { lines: MarginLine[]; floating: MarginDrawing[] } {
  const mediaOf = (blip: Element | undefined) => {
    const id = blip?.getAttributeNS(NS.r, "embed") || blip?.getAttributeNS(NS.r, "id");
    return id ? [...kept.values()].find((k) => k.id === id)?.media : undefined;
  };
  const lines: MarginLine[] = [];
  const floating: MarginDrawing[] = [];
  for (const paragraph of descendants(doc, NS.w, "p")) {
    const jc = wAttr(child(child(paragraph, NS.w, "pPr") ?? paragraph, NS.w, "jc"));
    const align = jc === "center" ? "center" : jc === "right" || jc === "end" ? "right" : "left";
    let text = "";
    let inFieldResult = false;
    const drawings: MarginDrawing[] = [];
    for (const element of allElements(paragraph)) {
      if (element.namespaceURI === NS.w) {
        if (element.localName === "fldChar") {
          const type = wAttr(element, "fldCharType");
          inFieldResult = type === "separate" ? true : type === "end" ? false : inFieldResult;
        } else if (element.localName === "t" && !inFieldResult) text += element.textContent ?? "";
        else if (element.localName === "tab" && element.parentNode && (element.parentNode as Element).localName === "r") text += " ";
      } else if (element.namespaceURI === NS.wp && (element.localName === "inline" || element.localName === "anchor")) {
        const media = mediaOf(descendants(element, NS.a, "blip")[0]);
        const extent = child(element, NS.wp, "extent");
        if (!media || !extent) continue;
        const size = { width: (intAttr(extent, "cx", "") ?? 0) / EMU_PER_POINT, height: (intAttr(extent, "cy", "") ?? 0) / EMU_PER_POINT };
        if (element.localName === "inline") drawings.push({ media, ...size });
        else floating.push({ media, ...size, anchor: anchorOf(element) });
      } else if (element.namespaceURI === NS.v && element.localName === "imagedata") {
        const media = mediaOf(element);
        const shape = element.parentNode as Element | null;
        const style = shape?.getAttribute("style") ?? "";
        const points = (key: string) => Number(new RegExp(`(?:^|;)\\s*${key}\\s*:\\s*([\\d.]+)pt`).exec(style)?.[1] ?? 0);
        if (media) drawings.push({ media, width: points("width"), height: points("height") });
      }
    }
    if (text.trim() !== "" || drawings.length > 0) lines.push({ align, text: text.replace(/\s+/g, " ").trim(), drawings });
  }
  return { lines, floating };
}

function anchorOf(anchor: Element): NonNullable<MarginDrawing["anchor"]> {
  const position = (local: "positionH" | "positionV") => {
    const element = child(anchor, NS.wp, local);
    const relative = element?.getAttribute("relativeFrom") ?? "margin";
    const offset = element ? child(element, NS.wp, "posOffset")?.textContent : undefined;
    const align = element ? child(element, NS.wp, "align")?.textContent?.trim() : undefined;
    return { fromPage: relative === "page", offset: offset !== undefined && offset !== null ? Number(offset) / EMU_PER_POINT : undefined, align };
  };
  const h = position("positionH");
  const v = position("positionV");
  const x = h.offset ?? (h.align === "center" ? "center" : h.align === "right" || h.align === "outside" ? "right" : "left");
  return { x: typeof x === "number" && !Number.isFinite(x) ? 0 : x, y: v.offset !== undefined && Number.isFinite(v.offset) ? v.offset : 0, fromPage: { x: h.fromPage, y: v.fromPage } };
}
