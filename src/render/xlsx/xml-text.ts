// Excel's files are XML, and XML cannot hold most control characters (a pasted bell or
// form feed). They are removed, and the removal is reported, rather than corrupting the file.

// Tab, line feed and carriage return are allowed; lone surrogates and U+FFFE/U+FFFF are not.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface CleanText {
  text: string;
  /** The removed characters as U+XXXX codes, empty when nothing was removed. */
  removed: readonly string[];
}

/** Any character FORBIDDEN could match (surrogates even in valid pairs): most text has none. */
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NOTHING_REMOVED: readonly string[] = [];

export function removeForbiddenXmlCharacters(text: string): CleanText {
  if (!MAYBE_FORBIDDEN.test(text)) return { text, removed: NOTHING_REMOVED };
  const removed: string[] = [];
  const cleaned = text.replace(FORBIDDEN, (ch) => {
    removed.push(`U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
    return "";
  });
  return { text: cleaned, removed };
}

const XML_SPECIAL = /[<>&'"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const XML_SPECIAL_ALL = new RegExp(XML_SPECIAL.source, "g");
const ENTITY: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };

/**
 * Text as XML element content or attribute value. As exceljs wrote it (so our files read back
 * as before): the five specials as entities, and control characters other than tab, line feed
 * and carriage return, and DEL, dropped silently (removeForbiddenXmlCharacters reports them
 * first where the text is the user's).
 */
export function escapeXml(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL_ALL, (ch) => ENTITY[ch] ?? "") : text;
}
