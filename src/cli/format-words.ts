// The words of a --format value, read by the paper commands and, before they load, by main.ts
// (to start the PDF writer's thread early): its own module, so main.ts loads nothing else for it.

/** "DOCX, pdf" → ["docx", "pdf"]. */
export function formatWords(value: string): string[] {
  return value.split(",").map((f) => f.trim().toLowerCase()).filter(Boolean);
}
