// The structure tree written out (PDF 32000-1 §14.7): a StructElem per element with content, its
// kids in reading order — marked-content ids (an integer on the element's own page, an MCR
// dictionary on another), child elements, OBJRs for link annotations — and the ParentTree that
// leads back from each page's MCIDs and each annotation to its element. An appendix of 1,000
// actions has some 15,000 elements, so each is written as its bytes (RawObject) rather than as
// pdf-lib dictionaries, which cost several times as much to build and to save; the root and the
// catalog entries go through pdf-lib's object API.
import type { PDFDocument, PDFRef } from "pdf-lib";
import { pdfLib } from "./libraries.js";
import { RawObject } from "./pdf-objects.js";
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

/** Writes the tree under `root` (the Document element) and points the catalog at it. */
export function writeStructTree(pdf: PDFDocument, root: StructNode, links: TreeLinks): void {
  const { context } = pdf;
  const refs = new Map<StructNode, string>();
  const pageRefs = links.pages.map(refText);
  const pageOf = (page: number) => {
    const ref = pageRefs[page];
    if (ref === undefined) throw new Error(`struct-tree: page ${page + 1} was not added`);
    return ref;
  };
  const treeRootRef = context.nextRef();
  const kept = elementsWithContent(root);

  // Elements in document order, each allocated its object before its kids, which name it as /P.
  const write = (node: StructNode, parentRef: string): string => {
    const ref = context.nextRef();
    const own = refText(ref);
    refs.set(node, own);
    // The element's page: its first content's (an integer MCID refers to it).
    let page: number | undefined;
    for (const kid of node.kids) {
      if (kid.kind !== "node") {
        page = kid.page;
        break;
      }
    }
    let kids = "";
    let count = 0;
    for (const kid of node.kids) {
      if (kid.kind === "node" && !kept.has(kid)) continue;
      kids += `${count++ === 0 ? "" : " "}${kid.kind === "node" ? write(kid, own) : contentKid(kid, page, pageOf, links)}`;
    }
    let dict = `<</Type/StructElem/S/${node.type}/P ${parentRef}`;
    if (page !== undefined) dict += `/Pg ${pageOf(page)}`;
    // A BCP 47 tag (letters, digits, hyphens: markdown-to-doc checks it), safe in a literal string.
    if (node.lang) dict += `/Lang(${node.lang})`;
    // A text string in UTF-16BE hex: any character of an organisation's name, nothing to escape.
    if (node.alt !== undefined) dict += `/Alt<FEFF${Buffer.from(node.alt, "utf16le").swap16().toString("hex").toUpperCase()}>`;
    // Standard attributes (§14.8.5): a header cell's scope, a list's numbering.
    if (node.scope) dict += `/A<</O/Table/Scope/${node.scope}>>`;
    else if (node.numbering) dict += `/A<</O/List/ListNumbering/${node.numbering}>>`;
    dict += count === 1 ? `/K ${kids}>>` : `/K[${kids}]>>`;
    context.assign(ref, RawObject.of(dict));
    return own;
  };
  const documentRef = write(root, refText(treeRootRef));

  // A flat number tree: one /Nums array, keys in order.
  const elementRef = (element: StructNode): string => {
    const ref = refs.get(element);
    if (ref === undefined) throw new Error(`struct-tree: a ${element.type} with content was not written`);
    return ref;
  };
  const nums: string[] = [];
  links.parents.forEach((entry, key) => {
    nums.push(entry.kind === "annot" ? `${key} ${elementRef(entry.element)}` : `${key}[${entry.marked.map(elementRef).join(" ")}]`);
  });
  const parentTree = context.register(RawObject.of(`<</Nums[${nums.join(" ")}]>>`));
  context.assign(
    treeRootRef,
    RawObject.of(`<</Type/StructTreeRoot/K ${documentRef}/ParentTree ${refText(parentTree)}/ParentTreeNextKey ${links.parents.length}>>`),
  );
  pdf.catalog.set(PDFName.of("StructTreeRoot"), treeRootRef);
  pdf.catalog.set(PDFName.of("MarkInfo"), context.obj({ Marked: true }));
}

function contentKid(kid: Exclude<StructKid, StructNode>, page: number | undefined, pageOf: (page: number) => string, links: TreeLinks): string {
  if (kid.kind === "mcid") return kid.page === page ? String(kid.mcid) : `<</Type/MCR/Pg ${pageOf(kid.page)}/MCID ${kid.mcid}>>`;
  const annot = links.annots[kid.annot];
  if (!annot) throw new Error(`struct-tree: annotation ${kid.annot} was not added`);
  return `<</Type/OBJR/Obj ${refText(annot)}/Pg ${pageOf(kid.page)}>>`;
}
