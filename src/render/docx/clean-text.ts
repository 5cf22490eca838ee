// Text from trackers can carry characters XML 1.0 forbids (Excel's _x000B_ vertical tabs, stray
// controls); those would make Word refuse the whole file, so they go.

// Not allowed in XML 1.0: C0 controls other than tab, newline and return; lone surrogates; FFFE/FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Any character that might be forbidden: a quick test that spares almost every text the slow one. */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function cleanText(text: string): string {
  return SUSPECT.test(text) ? text.replace(FORBIDDEN, "") : text;
}
