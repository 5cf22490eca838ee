// The structure tree written out (PDF 32000-1 §14.7): a StructElem per element with content, its
// kids in reading order — marked-content ids (an integer on the element's own page, an MCR
// dictionary on another), child elements, OBJRs for link annotations — and the ParentTree that
// leads back from each page's MCIDs and each annotation to its element. Built with pdf-lib's
// public object API (context.obj/register/nextRef/assign).
import type * as PdfLib from "pdf-lib";
import type { PDFDocument, PDFObject, PDFRef } from "pdf-lib";
import { pdfLib } from "./libraries.js";
import { hasContent, type StructNode } from "./structure.js";

const { PDFArray, PDFDict, PDFName, PDFNumber, PDFString } = pdfLib;
type PDFArray = PdfLib.PDFArray;

/** What the pages gave the tree: each page's ref and MCIDs, and each link annotation's. */
export interface TreeLinks {
  pages: PDFRef[];
  /** ParentTree keys, in order: a page's /StructParents, or an annotation's /StructParent. */
  parents: ({ kind: "page"; marked: StructNode[] } | { kind: "annot"; element: StructNode })[];
  /** Each link annotation's ref, in the order they were added. */
  annots: PDFRef[];
}

const name = (n: string) => PDFName.of(n);

/** Writes the tree under `root` (the Document element) and points the catalog at it. */
export function writeStructTree(pdf: PDFDocument, root: StructNode, links: TreeLinks): void {
  const { context } = pdf;
  const refs = new Map<StructNode, PDFRef>();
  const treeRootRef = context.nextRef();

  const write = (node: StructNode, parentRef: PDFRef): PDFRef => {
    const ref = context.nextRef();
    refs.set(node, ref);
    const kids = PDFArray.withContext(context);
    // The element's page: its first content's (an integer MCID needs it).
    const first = node.kids.find((k) => k.kind !== "node");
    const page = first ? first.page : undefined;
    for (const kid of node.kids) {
      if (kid.kind === "node") {
        if (hasContent(kid)) kids.push(write(kid, ref));
      } else if (kid.kind === "mcid") {
        kids.push(kid.page === page ? PDFNumber.of(kid.mcid) : context.obj({ Type: "MCR", Pg: pageRef(links, kid.page), MCID: kid.mcid }));
      } else {
        const annot = links.annots[kid.annot];
        if (!annot) throw new Error(`struct-tree: annotation ${kid.annot} was not added`);
        kids.push(context.obj({ Type: "OBJR", Obj: annot, Pg: pageRef(links, kid.page) }));
      }
    }
    const dict = PDFDict.withContext(context);
    dict.set(name("Type"), name("StructElem"));
    dict.set(name("S"), name(node.type));
    dict.set(name("P"), parentRef);
    if (page !== undefined) dict.set(name("Pg"), pageRef(links, page));
    if (node.lang) dict.set(name("Lang"), PDFString.of(node.lang));
    // Standard attributes (§14.8.5): a header cell's scope, a list's numbering.
    if (node.scope) dict.set(name("A"), context.obj({ O: "Table", Scope: node.scope }));
    else if (node.numbering) dict.set(name("A"), context.obj({ O: "List", ListNumbering: node.numbering }));
    dict.set(name("K"), kids);
    context.assign(ref, dict);
    return ref;
  };
  const documentRef = write(root, treeRootRef);

  // A flat number tree: one /Nums array, keys in order.
  const nums: PDFObject[] = [];
  links.parents.forEach((entry, key) => {
    nums.push(PDFNumber.of(key));
    if (entry.kind === "annot") nums.push(elementRef(refs, entry.element));
    else {
      const array = PDFArray.withContext(context);
      for (const element of entry.marked) array.push(elementRef(refs, element));
      nums.push(array);
    }
  });
  const parentTree = context.register(context.obj({ Nums: nums }));
  context.assign(
    treeRootRef,
    context.obj({ Type: "StructTreeRoot", K: documentRef, ParentTree: parentTree, ParentTreeNextKey: links.parents.length }),
  );
  pdf.catalog.set(name("StructTreeRoot"), treeRootRef);
  pdf.catalog.set(name("MarkInfo"), context.obj({ Marked: true }));
}

function pageRef(links: TreeLinks, page: number): PDFRef {
  const ref = links.pages[page];
  if (!ref) throw new Error(`struct-tree: page ${page + 1} was not added`);
  return ref;
}

function elementRef(refs: Map<StructNode, PDFRef>, element: StructNode): PDFRef {
  const ref = refs.get(element);
  if (!ref) throw new Error(`struct-tree: a ${element.type} with content was not written`);
  return ref;
}
