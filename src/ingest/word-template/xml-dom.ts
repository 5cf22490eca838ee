// The template's XML parts as DOM trees (@xmldom/xmldom): we read styles, sections and
// headers, change a few attributes and write the parts back, which a DOM does plainly.
// A part that is not well-formed, or that declares a DOCTYPE (entity tricks), refuses the
// template in one line; nothing the parser says reaches the user.
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { refuse } from "../refused.js";

export const NS = {
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  wp: "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  v: "urn:schemas-microsoft-com:vml",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

/** Thrown by parseXml, turned into one refusal line by the caller who knows the file. */
export function parseXml(text: string, file: string, part: string): Document {
  const damaged = () => refuse(file, "TEMPLATE_DAMAGED", `the Word template is damaged (its part ${part} is not valid XML); open it in Word and save it again`);
  if (/<!DOCTYPE/i.test(text.slice(0, 4096))) {
    throw refuse(file, "TEMPLATE_DAMAGED", `the Word template's part ${part} declares a DOCTYPE, which Word never writes; boardpack refuses it`);
  }
  try {
    const doc = new DOMParser({
      onError: (level) => {
        if (level !== "warning") throw new Error("not well-formed");
      },
    }).parseFromString(text, "application/xml");
    if (!doc.documentElement) throw damaged();
    return doc;
  } catch {
    throw damaged();
  }
}

export function serializeXml(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc);
  // Keep Word's declaration (the serializer keeps a processing instruction, but not its case of standalone).
  return text.startsWith("<?xml") ? text : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`;
}

/** Element children of `parent` with this namespace and local name. */
export function children(parent: Node, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && node.namespaceURI === ns && node.localName === local) out.push(node);
  }
  return out;
}

export function child(parent: Node, ns: string, local: string): Element | undefined {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && node.namespaceURI === ns && node.localName === local) return node;
  }
  return undefined;
}

/** Every descendant element with this namespace and local name, in document order. */
export function descendants(root: Node, ns: string, local: string): Element[] {
  return Array.from((root as Element | Document).getElementsByTagNameNS(ns, local));
}

/** Every descendant element, in document order. */
export function allElements(root: Node): Element[] {
  return Array.from((root as Element | Document).getElementsByTagName("*"));
}

export function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** A `w:` attribute's value (`w:val` by default). */
export function wAttr(element: Element | undefined, local = "val"): string | undefined {
  if (!element) return undefined;
  const value = element.getAttributeNS(NS.w, local);
  return value === null || value === "" ? undefined : value;
}

/** A toggle property (`<w:b/>`, `<w:b w:val="false"/>`): undefined when absent. */
export function toggleValue(element: Element | undefined): boolean | undefined {
  if (!element) return undefined;
  const value = wAttr(element);
  return value === undefined || !["false", "0", "off"].includes(value.toLowerCase());
}

/** An integer attribute, or undefined when absent or not a number. */
export function intAttr(element: Element | undefined, local: string, ns: string = NS.w): number | undefined {
  if (!element) return undefined;
  const raw = element.getAttributeNS(ns, local) ?? element.getAttribute(local);
  if (raw === null || raw === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? Math.round(value) : undefined;
}
