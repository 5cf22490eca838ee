// Column widths. Given relative widths win, each column still at least its widest word
// (widths-at-least.ts: a date or "Amber" is never cut between letters). Otherwise from the content, as a browser lays out
// an auto table, with one twist for papers: every column gets at least its widest word (min);
// a column whose longest line (max) is within its fair share of the room is given it whole, so
// "In progress" and "31/03/2017" never wrap; the rest share what is left, each getting its min
// plus a part of (max − min) in proportion. A table fills the text width.

import { widthsAtLeast } from "../widths-at-least.js";

export interface ContentWidth {
  min: number;
  max: number;
}

export function columnWidths(available: number, measured: readonly ContentWidth[], given?: readonly number[]): number[] {
  const n = measured.length;
  if (n === 0) return [];
  // One long word (an address, a URL) must not starve the other columns: it will be cut instead.
  const cap = n === 1 ? available : Math.max(available / n, available * 0.3);
  if (given && given.length === n && given.every((w) => Number.isFinite(w) && w > 0)) {
    const total = given.reduce((a, b) => a + b, 0);
    return widthsAtLeast(
      given.map((w) => (available * w) / total),
      measured.map((m) => Math.min(m.min, cap)),
    );
  }
  const mins = measured.map((m) => Math.min(m.min, cap));
  const maxs = measured.map((m, i) => Math.max(m.max, mins[i] ?? 0, 1));
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(maxs) <= available) return maxs.map((m) => (available * m) / sum(maxs));
  if (sum(mins) >= available) return mins.map((m) => (sum(mins) === 0 ? available / n : (available * m) / sum(mins)));

  const widths: (number | null)[] = new Array<number | null>(n).fill(null);
  for (;;) {
    const open = widths.flatMap((w, i) => (w === null ? [i] : []));
    const room = available - sum(widths.map((w) => w ?? 0));
    const openMins = sum(open.map((i) => mins[i] ?? 0));
    const fair = room / open.length;
    // Give narrow columns their max while the others can still have at least their min.
    const narrow = open.filter((i) => (maxs[i] ?? 0) <= fair);
    const extra = sum(narrow.map((i) => (maxs[i] ?? 0) - (mins[i] ?? 0)));
    if (narrow.length === 0 || narrow.length === open.length || openMins + extra > room) {
      const openMaxs = sum(open.map((i) => maxs[i] ?? 0));
      const share = openMaxs > openMins ? Math.max(0, Math.min(1, (room - openMins) / (openMaxs - openMins))) : 0;
      for (const i of open) widths[i] = (mins[i] ?? 0) + ((maxs[i] ?? 0) - (mins[i] ?? 0)) * share;
      break;
    }
    for (const i of narrow) widths[i] = maxs[i] ?? 0;
  }
  // Any rounding slack (or room left when every open column reached its max) goes to the widest.
  const result = widths.map((w) => w ?? 0);
  const slack = available - sum(result);
  if (Math.abs(slack) > 1e-6) {
    const widest = result.indexOf(Math.max(...result));
    result[widest] = (result[widest] ?? 0) + slack;
  }
  return result;
}
