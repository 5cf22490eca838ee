// Text as Excel's XML parts hold it. (Characters XML forbids are removed, and reported, before
// this: ../xml-characters.ts.)

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
