// Bookmarks from the headings: an outline tree nested by heading level, each entry pointing at
// its page and position. pdf-lib has no outline API, so the dictionaries are built by hand
// (PDF 32000-1 §12.3.3): every item knows its Parent, Prev/Next siblings and First/Last child.
import type * as PdfLib from "pdf-lib";
import type { PDFDocument, PDFRef } from "pdf-lib";
import { pdfLib } from "./libraries.js";

const { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber } = pdfLib;
type PDFDict = PdfLib.PDFDict;

export interface OutlineEntry {
  title: string;
  level: number;
  pageRef: PDFRef;
  /** Destination in PDF coordinates (from the bottom of the page). */
  left: number;
  top: number;
}

interface Node {
  entry: OutlineEntry | null;
  children: Node[];
  ref: PDFRef;
}

/** Nest entries by level: an entry belongs under the nearest earlier entry of a lower level. */
function buildTree(pdf: PDFDocument, entries: readonly OutlineEntry[]): Node {
  const root: Node = { entry: null, children: [], ref: pdf.context.nextRef() };
  const stack: { level: number; node: Node }[] = [{ level: 0, node: root }];
  for (const entry of entries) {
    while ((stack.at(-1)?.level ?? 0) >= entry.level && stack.length > 1) stack.pop();
    const node: Node = { entry, children: [], ref: pdf.context.nextRef() };
    stack.at(-1)?.node.children.push(node);
    stack.push({ level: entry.level, node });
  }
  return root;
}

function descendants(node: Node): number {
  return node.children.reduce((n, c) => n + 1 + descendants(c), 0);
}

export function addOutline(pdf: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const { context } = pdf;
  const root = buildTree(pdf, entries);

  const link = (dict: PDFDict, node: Node) => {
    const first = node.children[0];
    const last = node.children.at(-1);
    if (first && last) {
      dict.set(PDFName.of("First"), first.ref);
      dict.set(PDFName.of("Last"), last.ref);
      // Positive: open, showing all its descendants.
      dict.set(PDFName.of("Count"), PDFNumber.of(descendants(node)));
    }
  };

  const write = (node: Node, parent: Node) => {
    const entry = node.entry;
    if (!entry) return;
    const siblings = parent.children;
    const at = siblings.indexOf(node);
    const dest = PDFArray.withContext(context);
    dest.push(entry.pageRef);
    dest.push(PDFName.of("XYZ"));
    dest.push(PDFNumber.of(round(entry.left)));
    dest.push(PDFNumber.of(round(entry.top)));
    dest.push(PDFNull);
    const dict = PDFDict.withContext(context);
    dict.set(PDFName.of("Title"), PDFHexString.fromText(entry.title));
    dict.set(PDFName.of("Parent"), parent.ref);
    const prev = siblings[at - 1];
    const next = siblings[at + 1];
    if (prev) dict.set(PDFName.of("Prev"), prev.ref);
    if (next) dict.set(PDFName.of("Next"), next.ref);
    dict.set(PDFName.of("Dest"), dest);
    link(dict, node);
    context.assign(node.ref, dict);
    for (const child of node.children) write(child, node);
  };

  const outlines = PDFDict.withContext(context);
  outlines.set(PDFName.of("Type"), PDFName.of("Outlines"));
  link(outlines, root);
  context.assign(root.ref, outlines);
  for (const child of root.children) write(child, root);
  pdf.catalog.set(PDFName.of("Outlines"), root.ref);
  pdf.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
