// Builders for documents made by hand in the writers' tests: a house style with overrides,
// and short constructors for runs, paragraphs, headings, lists and table cells.
import type { Block, ListBlock, ListKind, ParagraphBlock, Run, TableCell } from "../../src/compose/doc.js";
import { HouseStyle } from "../../src/compose/house-style.js";
import type { Rag } from "../../src/model/schema.js";

type StylePatch = { [K in keyof HouseStyle]?: HouseStyle[K] extends object ? Partial<HouseStyle[K]> : HouseStyle[K] };

export function houseStyle(patch: StylePatch = {}): HouseStyle {
  const base: HouseStyle = {
    name: "test-style",
    description: "A house style for tests",
    page: { size: "A4", margins: { top: 2.54, bottom: 2.54, left: 2.54, right: 2.54 } },
    fonts: { family: "Arial", body: 12, title: 14, org: 16, heading1: 12, heading2: 12, heading3: 12, small: 9, table: 10 },
    numbering: { paragraphs: "per-section", headings: true },
    dateForm: "day-month-year",
    title: { uppercase: true, bold: true },
    listKind: "decimal",
    marking: { default: "OFFICIAL", header: true, footer: true },
    pageNumbers: "Page {page} of {pages}",
    strapline: null,
    defaultSpec: "test.md",
    header: "",
    footer: "",
  };
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    merged[key] = value && typeof value === "object" && current && typeof current === "object" ? { ...current, ...value } : value;
  }
  return HouseStyle.parse(merged);
}

export const t = (text: string, extra: Omit<Run, "text"> = {}): Run => ({ text, ...extra });
export const p = (text: string | Run[], number?: string, role: ParagraphBlock["role"] = "body", align?: ParagraphBlock["align"]): ParagraphBlock => ({
  type: "paragraph",
  role,
  runs: typeof text === "string" ? [t(text)] : text,
  ...(number !== undefined ? { number } : {}),
  ...(align ? { align } : {}),
});
export const h = (level: 1 | 2 | 3, text: string, number?: string): Block => ({
  type: "heading",
  level,
  runs: [t(text)],
  ...(number !== undefined ? { number } : {}),
});
export const list = (kind: ListKind, items: (string | Run[] | Block[])[], start = 1): ListBlock => ({
  type: "list",
  kind,
  start,
  items: items.map((item) => ({
    blocks: typeof item === "string" ? [p(item)] : isRuns(item) ? [p(item)] : item,
  })),
});
/** A list indented under the numbered paragraphs' text, as compose marks one after a numbered paragraph. */
export const underNumbered = (block: ListBlock): ListBlock => ({ ...block, underNumberedText: true });
function isRuns(x: Run[] | Block[]): x is Run[] {
  return x.length > 0 && "text" in (x[0] as object);
}
export const cell = (text: string, rag?: Rag): TableCell => ({ paragraphs: [[t(text)]], ...(rag ? { rag } : {}) });

export const RAG_WORD: Record<Rag, string> = { red: "Red", amber: "Amber", green: "Green", blue: "Blue" };
