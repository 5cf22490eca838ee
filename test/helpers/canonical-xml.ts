// XML in a canonical, readable form, so golden parts are compared as XML rather than as bytes
// (as pandoc's OOXML tests do): parsed, then written one element per line, indented, with
// attributes (namespace declarations included) sorted by name. Whitespace-only text between
// elements is layout and dropped; all other text is kept exactly (w:t xml:space="preserve").
// A part that is not well-formed XML fails here, naming the parser's complaint.
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

export function canonicalXml(xml: string, name = "part"): string {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${name}: not well-formed XML: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  const root = doc.documentElement;
  if (!root) throw new Error(`${name}: no root element`);
  const lines: string[] = [];
  writeElement(root, 0, lines);
  return `${lines.join("\n")}\n`;
}

function writeElement(element: Element, depth: number, lines: string[]): void {
  const indent = "  ".repeat(depth);
  const attributes = Array.from({ length: element.attributes.length }, (_, i) => element.attributes.item(i)!)
    .map((a) => `${a.name}="${escape(a.value, true)}"`)
    .sort();
  const open = `${indent}<${[element.tagName, ...attributes].join(" ")}`;
  const children = Array.from({ length: element.childNodes.length }, (_, i) => element.childNodes.item(i)!);
  const hasElements = children.some((c) => c.nodeType === ELEMENT_NODE);
  const kept = children.filter((c) => c.nodeType === ELEMENT_NODE || (isText(c) && (!hasElements || (c.nodeValue ?? "").trim() !== "")));
  if (kept.length === 0) {
    lines.push(`${open}/>`);
    return;
  }
  if (!hasElements) {
    lines.push(`${open}>${escape(kept.map((c) => c.nodeValue ?? "").join(""), false)}</${element.tagName}>`);
    return;
  }
  lines.push(`${open}>`);
  for (const child of kept) {
    if (child.nodeType === ELEMENT_NODE) writeElement(child as Element, depth + 1, lines);
    else lines.push(`${indent}  ${escape(child.nodeValue ?? "", false)}`);
  }
  lines.push(`${indent}</${element.tagName}>`);
}

function isText(node: Node): boolean {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

/** Markup characters as entities, and the characters parsing would change (line ends, tabs in attributes) as references. */
function escape(text: string, attribute: boolean): string {
  let out = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
  if (attribute) out = out.replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
  return out;
}
