// How a Markdown table cell says it is a RAG cell: its text starts with `{rag:amber}`, then the
// label a reader sees ("Amber"; the colour's name when no label follows). The Markdown → Doc
// step turns such a cell into TableCell.rag, which writers shade and label. A marker counts
// only when it was written as Markdown (by a template or the ragCell helper): escapeMarkdown
// turns "{" in tracker data into "\{", so data can never forge one.
import type { Rag } from "../model/schema.js";
import { RAG_LABELS } from "../model/vocabulary.js";

const MARKER = /^\{rag:\s*([a-z]+)\s*\}/i;

/** The Markdown for a RAG cell: `{rag:amber}Amber`. Empty for no rating. */
export function ragCellMarkdown(rag: Rag | null, label?: string): string {
  if (rag === null) return "";
  return `{rag:${rag}}${label ?? RAG_LABELS[rag]}`;
}

export type RagMarker =
  | { kind: "rag"; rag: Rag; length: number }
  | { kind: "unknown"; word: string; length: number };

/**
 * Reads a marker at the start of a cell's Markdown source (not its parsed text: the source
 * still shows the backslash that makes "\{rag:red}" from tracker data plain text).
 */
export function readRagMarker(source: string): RagMarker | null {
  const match = MARKER.exec(source);
  if (!match) return null;
  const word = match[1]!.toLowerCase();
  if (word === "red" || word === "amber" || word === "green" || word === "blue") {
    return { kind: "rag", rag: word, length: match[0].length };
  }
  return { kind: "unknown", word: match[1]!, length: match[0].length };
}
