// Directives: HTML comments, on a line of their own, that say what Markdown cannot. Several may
// share one comment, separated by ";".
//
//   <!-- page break -->              start a new page
//   <!-- footer here -->             put the house style's closing block (contacts, source
//                                    document) here instead of at the very end
//   <!-- role: org -->               the next paragraph's role: body, org, title, label,
//                                    strapline or small
//   <!-- align: center -->           the next paragraph's alignment: left, center or right
//   <!-- unnumbered -->              the next paragraph gets no paragraph number
//   <!-- keep with next -->          the next paragraph stays on a page with the start of the
//                                    block after it ("Recommendation 1:" and its "Response:")
//   <!-- numbering: off -->          no paragraph numbers from here … until numbering: on
//   <!-- list: roman-paren -->       the next list's markers: bullet, decimal, roman-paren,
//                                    alpha-paren or upper-alpha-paren
//   <!-- table: layout -->           the next table is layout (no header styling), or data
//   <!-- widths: 30, 70 -->          the next table's relative column widths
//   <!-- lang: cy -->                the next block (paragraph, heading, list or table) is in
//                                    another language than the paper's en-GB: a BCP 47 tag
//
// Any other comment is an ordinary comment and is left out of the paper, unless it looks like a
// misspelt directive, which is reported.
import type { ListKind, ParagraphRole } from "./doc.js";
import { closestMatch } from "../diagnostics/suggest.js";

export type Directive =
  | { kind: "pageBreak" }
  | { kind: "footerHere" }
  | { kind: "role"; role: ParagraphRole }
  | { kind: "align"; align: "left" | "center" | "right" }
  | { kind: "unnumbered" }
  | { kind: "keepWithNext" }
  | { kind: "numbering"; on: boolean }
  | { kind: "list"; list: ListKind }
  | { kind: "table"; role: "data" | "layout" }
  | { kind: "widths"; widths: number[] }
  | { kind: "lang"; lang: string };

export interface DirectiveReading {
  directives: Directive[];
  /** Parts that looked like directives but were not right, each with a message. */
  problems: string[];
  /** True when the comment is an ordinary comment, not a directive at all. */
  plainComment: boolean;
}

const ROLES: ParagraphRole[] = ["body", "org", "title", "label", "strapline", "small"];
const ALIGNS = ["left", "center", "right"] as const;
const LIST_KINDS: ListKind[] = ["bullet", "decimal", "roman-paren", "alpha-paren", "upper-alpha-paren"];
const BARE = { "page break": "pageBreak", "footer here": "footerHere", unnumbered: "unnumbered", "keep with next": "keepWithNext" } as const;
const KEYED = ["role", "align", "numbering", "list", "table", "widths", "lang"] as const;
/** A BCP 47 language tag as papers need one: a language, then region or script subtags ("cy", "cy-GB"). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;
const ALL_NAMES = [...Object.keys(BARE), ...KEYED];

/** Reads `<!-- … -->`; null when the HTML is not a comment. */
export function readDirectiveComment(html: string): DirectiveReading | null {
  const match = /^<!--([\s\S]*?)-->\s*$/.exec(html.trim());
  if (!match) return null;
  const parts = match[1]!.split(";").map((p) => p.trim()).filter(Boolean);
  const reading: DirectiveReading = { directives: [], problems: [], plainComment: false };
  let recognised = 0;
  for (const part of parts) {
    const keyed = /^([a-z][a-z -]*?)\s*:\s*(.*)$/i.exec(part);
    const name = (keyed ? keyed[1]! : part).toLowerCase().replace(/\s+/g, " ");
    const value = keyed ? keyed[2]!.trim() : "";
    const bare = BARE[name as keyof typeof BARE];
    if (bare && !keyed) {
      reading.directives.push({ kind: bare });
      recognised++;
      continue;
    }
    if ((KEYED as readonly string[]).includes(name) && keyed) {
      recognised++;
      const directive = keyedDirective(name as (typeof KEYED)[number], value);
      if (typeof directive === "string") reading.problems.push(directive);
      else reading.directives.push(directive);
      continue;
    }
    // Not a directive: a misspelling of one is worth a warning; anything else is a comment.
    const near = closestMatch(name, ALL_NAMES);
    if (near && (parts.length > 1 || name.split(" ").length <= 3)) {
      reading.problems.push(`"${part}" is not a directive; did you mean "${near}"?`);
    } else if (recognised > 0 || parts.length > 1) {
      reading.problems.push(`"${part}" is not a directive`);
    }
  }
  reading.plainComment = recognised === 0 && reading.problems.length === 0;
  return reading;
}

function keyedDirective(name: (typeof KEYED)[number], value: string): Directive | string {
  const word = value.toLowerCase();
  switch (name) {
    case "role":
      return ROLES.includes(word as ParagraphRole) ? { kind: "role", role: word as ParagraphRole } : `role: "${value}" is not a paragraph role; use ${ROLES.join(", ")}`;
    case "align":
      return (ALIGNS as readonly string[]).includes(word) ? { kind: "align", align: word as (typeof ALIGNS)[number] } : `align: "${value}" is not an alignment; use left, center or right`;
    case "numbering":
      return word === "on" || word === "off" ? { kind: "numbering", on: word === "on" } : `numbering: "${value}" should be on or off`;
    case "list":
      return LIST_KINDS.includes(word as ListKind) ? { kind: "list", list: word as ListKind } : `list: "${value}" is not a list kind; use ${LIST_KINDS.join(", ")}`;
    case "table":
      return word === "layout" || word === "data" ? { kind: "table", role: word } : `table: "${value}" should be layout or data`;
    case "lang":
      return LANGUAGE_TAG.test(value) ? { kind: "lang", lang: value } : `lang: "${value}" is not a language tag; write one such as cy (Welsh) or ga (Irish)`;
    case "widths": {
      const widths = value.split(/[\s,]+/).filter(Boolean).map(Number);
      return widths.length > 0 && widths.every((w) => Number.isFinite(w) && w > 0) ? { kind: "widths", widths } : `widths: "${value}" should be numbers such as 30, 70`;
    }
  }
}
