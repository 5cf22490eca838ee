// Refs identify actions in papers and trackers: missing ones are made up (and said so),
// and a ref used twice is an error naming both rows.
import { cellName, diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { TableLayout } from "./layout.js";
import type { RawRow } from "./raw-table.js";
import type { Action } from "../model/schema.js";
import type { ThemeRegistry } from "../model/themes.js";

export interface RefSlot {
  file: string;
  action: Action;
  table: TableLayout;
  raw: RawRow;
  hadRefColumn: boolean;
}

/** Give every action without a ref one: "<theme number>.<n>", or "<n>" with no themes, never reusing a ref. */
export function assignMissingRefs(slots: RefSlot[], themes: ThemeRegistry, out: Diagnostic[]): void {
  const used = new Set(slots.map((s) => s.action.ref).filter((r) => r !== ""));
  const themeNumber = new Map(themes.list().map((t, i) => [t.id, i + 1]));
  const countInTheme = new Map<string, number>();
  const generatedByTable = new Map<TableLayout, { file: string; refs: string[] }>();

  for (const slot of slots) {
    const key = slot.action.theme ?? "";
    const n = (countInTheme.get(key) ?? 0) + 1;
    countInTheme.set(key, n);
    if (slot.action.ref !== "") continue;

    const prefix = slot.action.theme ? `${themeNumber.get(slot.action.theme)}.` : "";
    let k = n;
    let ref = `${prefix}${k}`;
    while (used.has(ref)) ref = `${prefix}${++k}`;
    used.add(ref);
    slot.action.ref = ref;

    if (slot.hadRefColumn) {
      const col = slot.table.header.columns.find((c) => c.field === "ref")!;
      out.push(diagnostic("warning", "REF_MISSING", `${col.header} is empty; the action was given the ref "${ref}"`, { file: slot.file, sheet: slot.table.sheet.name, row: slot.raw.row, col: col.col }));
    } else {
      const entry = generatedByTable.get(slot.table) ?? { file: slot.file, refs: [] };
      entry.refs.push(ref);
      generatedByTable.set(slot.table, entry);
    }
  }

  for (const [table, { file, refs }] of generatedByTable) {
    const range = refs.length === 1 ? `"${refs[0]}"` : `"${refs[0]}" to "${refs[refs.length - 1]}"`;
    out.push(diagnostic("warning", "REF_GENERATED", `there is no Ref column, so the ${refs.length} actions were given refs ${range} in row order`, { file, sheet: table.sheet.name }));
  }
}

/** A ref used twice: error at the second use, naming the first. */
export function reportDuplicateRefs(slots: RefSlot[], out: Diagnostic[]): void {
  const first = new Map<string, RefSlot>();
  for (const slot of slots) {
    const ref = slot.action.ref;
    const earlier = first.get(ref);
    if (!earlier) {
      first.set(ref, slot);
      continue;
    }
    const refCol = slot.table.header.columns.find((c) => c.field === "ref");
    const earlierCol = earlier.table.header.columns.find((c) => c.field === "ref")?.col ?? 0;
    const there = cellName(earlier.table.sheet.name, earlierCol, earlier.raw.row);
    const here = earlier.table === slot.table ? `row ${earlier.raw.row} (${there})` : there;
    out.push(diagnostic("error", "REF_DUPLICATE", `ref "${ref}" is used twice: it is also on ${here}; each action needs its own ref`, {
      file: slot.file,
      sheet: slot.table.sheet.name,
      row: slot.raw.row,
      ...(refCol ? { col: refCol.col } : {}),
    }));
  }
}
