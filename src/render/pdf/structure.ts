// The logical structure of a paper (tagged PDF, PDF 32000-1 §14.7–14.8), as plain data the
// layout builds while it lays blocks out: Document → Sect per section → H1–H3, P (with Lbl for
// a paragraph's number), L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD. Text items point at the
// element they belong to; drawing a page gives each stretch of an element's text a marked-content
// id (MCID) and records it here, and link annotations their OBJR. struct-tree.ts writes it out.
// Anything drawn without an element (rules, shading, header, footer) is an artifact.

export type StructType =
  | "Document"
  | "Sect"
  | "H1"
  | "H2"
  | "H3"
  | "P"
  | "Lbl"
  | "L"
  | "LI"
  | "LBody"
  | "Table"
  | "THead"
  | "TBody"
  | "TR"
  | "TH"
  | "TD"
  | "Link"
  /** A picture that says something (the organisation's logo), with its text alternative in `alt`. */
  | "Figure";

/** PDF 32000-1 Table 347 (ListNumbering) names for our list markers. */
export type ListNumbering = "Disc" | "Decimal" | "LowerRoman" | "LowerAlpha" | "UpperAlpha";

/** A stretch of content: marked content `mcid` on page `page` (0-based). */
export interface MarkedRef {
  kind: "mcid";
  page: number;
  mcid: number;
}

/** A link annotation (the `annot`-th added to the PDF) on page `page`. */
export interface AnnotRef {
  kind: "annot";
  page: number;
  annot: number;
}

export interface StructNode {
  kind: "node";
  type: StructType;
  kids: StructKid[];
  /** TH: the cells it heads. */
  scope?: "Column" | "Row";
  /** L: how its items are numbered. */
  numbering?: ListNumbering;
  /** A language other than the document's (BCP 47, e.g. "cy" for Welsh). */
  lang?: string;
  /** Figure: what the picture shows, for a screen reader (PDF/UA-1 §7.3). */
  alt?: string;
}

export type StructKid = StructNode | MarkedRef | AnnotRef;

type Extra = Partial<Pick<StructNode, "scope" | "numbering" | "lang" | "alt">>;

export function structNode(type: StructType, extra?: Extra): StructNode {
  const node: StructNode = { kind: "node", type, kids: [] };
  if (extra?.scope) node.scope = extra.scope;
  if (extra?.numbering) node.numbering = extra.numbering;
  if (extra?.lang) node.lang = extra.lang;
  if (extra?.alt !== undefined) node.alt = extra.alt;
  return node;
}

/** A new element, the last child of `parent`. */
export function addElement(parent: StructNode, type: StructType, extra?: Extra): StructNode {
  const node = structNode(type, extra);
  parent.kids.push(node);
  return node;
}

/** A heading's element type for its level. */
export function headingType(level: 1 | 2 | 3): StructType {
  return level === 1 ? "H1" : level === 2 ? "H2" : "H3";
}

/**
 * The elements worth writing: those with content, and table cells (a table's rows keep every
 * cell, empty or not, so the cells line up with their headers); each with how many elements
 * worth writing its subtree holds, itself included. One pass, leaves first.
 */
export function elementsWithContent(root: StructNode): Map<StructNode, number> {
  const kept = new Map<StructNode, number>();
  const visit = (node: StructNode): number => {
    let content = node.type === "TH" || node.type === "TD";
    let below = 0;
    for (const kid of node.kids) {
      if (kid.kind !== "node") content = true;
      else {
        const size = visit(kid);
        below += size;
        if (size > 0) content = true;
      }
    }
    if (!content) return 0;
    kept.set(node, below + 1);
    return below + 1;
  };
  visit(root);
  return kept;
}
