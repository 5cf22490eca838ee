// How a row's origin is written in boardpack's own trackers ("Tactical Plan, row 15"), and
// read back, so a converted tracker can be converted again without the column becoming data.
import type { SourcePosition } from "./schema.js";

export function describeSource(source: SourcePosition): string {
  return source.sheet === null ? `row ${source.row}` : `${source.sheet}, row ${source.row}`;
}

export function parseSourceText(text: string): SourcePosition | null {
  const match = /^(?:(.+), )?row (\d+)$/.exec(text.trim());
  if (!match) return null;
  return { sheet: match[1] ?? null, row: Number(match[2]) };
}
