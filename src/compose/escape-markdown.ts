// Tracker data goes into Markdown, so it is escaped for Markdown (not HTML): a task called
// "*Urgent* | 1. Review <draft>" must print exactly that, not turn into emphasis, a table
// column, a numbered list or raw HTML. Every `{{value}}` a template prints passes through
// escapeMarkdown; `{{{value}}}` and helpers that return a SafeString (our own Markdown, such
// as a RAG cell marker or a partial's output) are left as they are.

/**
 * Every ASCII punctuation character CommonMark or GFM tables could read as syntax. A backslash
 * before any of them is always read as the plain character, so over-escaping is harmless.
 * `{` and `}` are included so user text can never forge a `{rag:red}` cell marker.
 */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]<>()#+\-.!|~&=]/g;

const LINE_BREAK = /[\r\n]/;

/** Handlebars marks already-safe output with a toHTML method (SafeString). */
function isSafeString(value: unknown): value is { toHTML(): string } {
  return typeof value === "object" && value !== null && typeof (value as { toHTML?: unknown }).toHTML === "function";
}

export function escapeMarkdown(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (isSafeString(value)) return value.toHTML();
  const text = Array.isArray(value) ? value.map(String).join(", ") : String(value);
  // A line break inside a value would end a table row or a list item: one space instead.
  const oneLine = LINE_BREAK.test(text) ? text.replace(/\s*[\r\n]+\s*/g, " ") : text;
  return oneLine.trim().replace(MARKDOWN_SYNTAX, "\\$&");
}
