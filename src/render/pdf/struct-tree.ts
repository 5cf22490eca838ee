// The structure tree written out (PDF 32000-1 §14.7): a StructElem per element with content, its
// kids in reading order — marked-content ids (an integer on the element's own page, an MCR
// dictionary on another), child elements, OBJRs for link annotations — and the ParentTree that
// leads back from each page's MCIDs and each annotation to its element. An appendix of 1,000
// actions has some 14,000 elements, so they are written as bytes, numbered in a block reserved in
// pdf-lib's context and packed into object streams as they are written (PackedObjects), rather
// than as pdf-lib objects, which cost several times as much to make, to sort and to save; the
// root and the catalog entries go through pdf-lib's object API.
import type { PDFDocument, PDFRef } from "pdf-lib";
import { pdfLib } from "./libraries.js";
import { PackedObjects, RawObject } from "./pdf-objects.js";
import { elementsWithContent, type StructKid, type StructNode } from "./structure.js";

const { PDFName } = pdfLib;

/** What the pages gave the tree: each page's ref and MCIDs, and each link annotation's. */
export interface TreeLinks {
  pages: PDFRef[];
  /** ParentTree keys, in order: a page's /StructParents, or an annotation's /StructParent. */
  parents: ({ kind: "page"; marked: StructNode[] } | { kind: "annot"; element: StructNode })[];
  /** Each link annotation's ref, in the order they were added. */
  annots: PDFRef[];
}

/** "12 0 R" */
const refText = (ref: PDFRef) => `${ref.objectNumber} ${ref.generationNumber} R`;

/**
 * Writes the tree under `root` (the Document element) and points the catalog at it. The elements
 * are returned as packed objects for the writer (stream-writer.ts) to place in object streams of
 * their own; only the tree's root and ParentTree go into pdf-lib's context.
 */
export function writeStructTree(pdf: PDFDocument, root: StructNode, links: TreeLinks): PackedObjects {
  const { context } = pdf;
  const pageRefs = links.pages.map(refText);
  const pageOf = (page: number) => {
    const ref = pageRefs[page];
    if (ref === undefined) throw new Error(`struct-tree: page ${page + 1} was not added`);
    return ref;
  };
  const treeRootRef = context.nextRef();
  const sizes = elementsWithContent(root);
  // The Document element is written even when the paper has no content.
  const packed = PackedObjects.reserve(context, sizes.get(root) ?? 1);
  const numbers = new Map<StructNode, number>();
  const elementRef = (element: StructNode): string => {
    const number = numbers.get(element);
    if (number === undefined) throw new Error(`struct-tree: a ${element.type} with content was not written`);
    return `${number} 0 R`;
  };

  // Elements numbered leaves first, in document order: an element's kids take the numbers before
  // its own (its subtree's size says which), so each is written as soon as it is made, in number
  // order, and packed into object streams as it goes; a kid knows its parent's number (/P) from
  // the sizes alone.
  const write = (node: StructNode, first: number, parent: string): void => {
    const own = first + (sizes.get(node) ?? 1) - 1;
    const ownRef = `${own} 0 R`;
    // The element's page: its first content's (an integer MCID refers to it).
    let page: number | undefined;
    let kids = "";
    let count = 0;
    let next = first;
    for (const kid of node.kids) {
      let text: string;
      if (kid.kind === "node") {
        const size = sizes.get(kid);
        if (size === undefined) continue;
        write(kid, next, ownRef);
        next += size;
        text = `${next - 1} 0 R`;
      } else {
        page ??= kid.page;
        text = contentKid(kid, page, pageOf, links);
      }
      kids += count++ === 0 ? text : ` ${text}`;
    }
    // No /Type: optional for a structure element (PDF 32000-1 Table 323), and 15 of its ~70
    // bytes, built, copied and deflated 14,000 times for 1,000 actions (0.09 G instructions of
    // three renders, 11.63 → 11.54 G).
    let dict = `<</S/${node.type}/P ${parent}`;
    if (page !== undefined) dict += `/Pg ${pageOf(page)}`;
    // A BCP 47 tag (letters, digits, hyphens: markdown-to-doc checks it), safe in a literal string.
    if (node.lang) dict += `/Lang(${node.lang})`;
    // A text string in UTF-16BE hex: any character of an organisation's name, nothing to escape.
    if (node.alt !== undefined) dict += `/Alt<FEFF${Buffer.from(node.alt, "utf16le").swap16().toString("hex").toUpperCase()}>`;
    // Standard attributes (§14.8.5): a header cell's scope, a list's numbering.
    if (node.scope) dict += `/A<</O/Table/Scope/${node.scope}>>`;
    else if (node.numbering) dict += `/A<</O/List/ListNumbering/${node.numbering}>>`;
    dict += count === 1 ? `/K ${kids}>>` : `/K[${kids}]>>`;
    numbers.set(node, own);
    packed.put(own, dict);
  };
  write(root, packed.first, refText(treeRootRef));

  // A flat number tree: one /Nums array, keys in order.
  const nums: string[] = [];
  links.parents.forEach((entry, key) => {
    nums.push(entry.kind === "annot" ? `${key} ${elementRef(entry.element)}` : `${key}[${entry.marked.map(elementRef).join(" ")}]`);
  });
  const parentTree = context.register(RawObject.of(`<</Nums[${nums.join(" ")}]>>`));
  context.assign(
    treeRootRef,
    RawObject.of(`<</Type/StructTreeRoot/K ${elementRef(root)}/ParentTree ${refText(parentTree)}/ParentTreeNextKey ${links.parents.length}>>`),
  );
  pdf.catalog.set(PDFName.of("StructTreeRoot"), treeRootRef);
  pdf.catalog.set(PDFName.of("MarkInfo"), context.obj({ Marked: true }));
  return packed;
}

function contentKid(kid: Exclude<StructKid, StructNode>, page: number | undefined, pageOf: (page: number) => string, links: TreeLinks): string {
  if (kid.kind === "mcid") return kid.page === page ? String(kid.mcid) : `<</Type/MCR/Pg ${pageOf(kid.page)}/MCID ${kid.mcid}>>`;
  const annot = links.annots[kid.annot];
  if (!annot) throw new Error(`struct-tree: annotation ${kid.annot} was not added`);
  return `<</Type/OBJR/Obj ${refText(annot)}/Pg ${pageOf(kid.page)}>>`;
}
