// Characters XML 1.0 cannot hold: C0 controls other than tab, line feed and carriage return,
// lone surrogates, U+FFFE and U+FFFF. Text from trackers can carry them (Excel's _x000B_ vertical
// tabs, a pasted bell or form feed); written into a .docx or .xlsx they would make Word or Excel
// refuse the whole file, so both writers remove them.

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Any character FORBIDDEN could match (surrogates even in valid pairs): a quick test that spares almost every text the slow one. */
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export interface CleanText {
  text: string;
  /** The removed characters as U+XXXX codes, empty when nothing was removed. */
  removed: readonly string[];
}

const NOTHING_REMOVED: readonly string[] = [];

/** The text without them, and which were removed (for a message naming the cell). */
export function removeForbiddenXmlCharacters(text: string): CleanText {
  if (!MAYBE_FORBIDDEN.test(text)) return { text, removed: NOTHING_REMOVED };
  const removed: string[] = [];
  const cleaned = text.replace(FORBIDDEN, (ch) => {
    removed.push(`U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
    return "";
  });
  return { text: cleaned, removed };
}

/** The text without them, where nobody is told (the Word paper's text, already checked on the way in). */
export function withoutForbiddenXmlCharacters(text: string): string {
  return MAYBE_FORBIDDEN.test(text) ? text.replace(FORBIDDEN, "") : text;
}
