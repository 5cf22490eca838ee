// Excel's files are XML, and XML cannot hold most control characters (a pasted bell or
// form feed). They are removed, and the removal is reported, rather than corrupting the file.

// Tab, line feed and carriage return are allowed; lone surrogates and U+FFFE/U+FFFF are not.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface CleanText {
  text: string;
  /** The removed characters as U+XXXX codes, empty when nothing was removed. */
  removed: string[];
}

export function removeForbiddenXmlCharacters(text: string): CleanText {
  const removed: string[] = [];
  const cleaned = text.replace(FORBIDDEN, (ch) => {
    removed.push(`U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
    return "";
  });
  return { text: cleaned, removed };
}
