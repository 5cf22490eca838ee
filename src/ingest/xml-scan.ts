// A small, strict XML scanner for the parts of an .xlsx workbook (xlsx-direct.ts): elements,
// attributes and text, with the five named entities and character references decoded and line
// ends normalised as XML 1.0 requires. Anything it does not expect (a DTD, CDATA, an unknown
// entity, a stray "<", mismatched tags, characters XML forbids) throws NotHandled, and the
// caller hands the whole workbook to exceljs instead, which reports or reads it as it always has.

/** The part holds something the direct reader does not handle. Not an error for the user. */
export class NotHandled extends Error {
  constructor(reason: string) {
    super(`xlsx direct reader: ${reason}`);
  }
}

export interface XmlHandler {
  /** `attrs` holds the tag's attributes only until open returns (read them with attrs.get). */
  open(name: string, attrs: Attributes, selfClosing: boolean): void;
  /** Decoded character data between tags (may come in several pieces). */
  text(value: string): void;
  close(name: string): void;
}

/** The attributes of the tag being opened. */
export interface Attributes {
  /** The attribute's decoded value, or undefined when the tag does not have it. */
  get(name: string): string | undefined;
}

// Characters XML 1.0 does not allow (a strict parser such as exceljs's saxes stops at them).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;

class TagAttributes implements Attributes {
  names: string[] = [];
  values: string[] = [];
  count = 0;

  get(name: string): string | undefined {
    for (let i = 0; i < this.count; i++) {
      if (this.names[i] === name) return attributeValue(this.values[i]!);
    }
    return undefined;
  }
}

export function scanXml(xml: string, on: XmlHandler): void {
  if (FORBIDDEN.test(xml)) throw new NotHandled("a character XML does not allow");
  let at = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: string[] = [];
  const attrs = new TagAttributes();
  let rootSeen = false;
  const length = xml.length;
  while (at < length) {
    const lt = xml.indexOf("<", at);
    const textEnd = lt === -1 ? length : lt;
    if (textEnd > at) {
      const raw = xml.slice(at, textEnd);
      if (raw.includes("]]>")) throw new NotHandled("']]>' in text");
      if (stack.length > 0) on.text(decodeText(raw));
      else if (raw.trim() !== "") throw new NotHandled("text outside the root element");
    }
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end === -1) throw new NotHandled("an unfinished processing instruction");
      at = end + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (!xml.startsWith("<!--", lt)) throw new NotHandled("a DTD or CDATA section");
      const end = xml.indexOf("-->", lt + 4);
      if (end === -1) throw new NotHandled("an unfinished comment");
      at = end + 3;
      continue;
    }
    if (next === SLASH) {
      const gt = xml.indexOf(">", lt + 2);
      if (gt === -1) throw new NotHandled("an unfinished tag");
      const name = xml.slice(lt + 2, gt).trimEnd();
      if (stack.pop() !== name) throw new NotHandled("mismatched tags");
      on.close(name);
      at = gt + 1;
      continue;
    }
    // An opening tag: its name, then name="value" pairs up to ">" or "/>".
    let i = lt + 1;
    while (i < length) {
      const c = xml.charCodeAt(i);
      if (c === GT || c === SLASH || c <= 0x20) break;
      i++;
    }
    const name = xml.slice(lt + 1, i);
    checkName(name);
    attrs.count = 0;
    let selfClosing = false;
    for (;;) {
      // The usual attribute, name="value", read by one regular expression (quicker than a loop
      // over its characters until the loop is optimised); anything else by the loop below.
      ATTRIBUTE.lastIndex = i;
      const m = ATTRIBUTE.exec(xml);
      if (m !== null) {
        const attrName = m[1]!;
        checkName(attrName);
        for (let k = 0; k < attrs.count; k++) if (attrs.names[k] === attrName) throw new NotHandled("an attribute given twice");
        attrs.names[attrs.count] = attrName;
        attrs.values[attrs.count] = m[2] ?? m[3]!;
        attrs.count++;
        i = ATTRIBUTE.lastIndex;
        continue;
      }
      const spaceStart = i;
      while (i < length && xml.charCodeAt(i) <= 0x20) i++;
      const c = xml.charCodeAt(i);
      if (c === GT) break;
      if (c === SLASH && xml.charCodeAt(i + 1) === GT) {
        selfClosing = true;
        i++;
        break;
      }
      if (i === spaceStart || i >= length) throw new NotHandled("a malformed tag");
      const nameStart = i;
      while (i < length) {
        const d = xml.charCodeAt(i);
        if (d === EQUALS || d <= 0x20 || d === GT || d === SLASH) break;
        i++;
      }
      const attrName = xml.slice(nameStart, i);
      checkName(attrName);
      while (i < length && xml.charCodeAt(i) <= 0x20) i++;
      if (xml.charCodeAt(i) !== EQUALS) throw new NotHandled("a malformed attribute");
      i++;
      while (i < length && xml.charCodeAt(i) <= 0x20) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOS) throw new NotHandled("an attribute without quotes");
      const close = xml.indexOf(quote === QUOTE ? '"' : "'", i + 1);
      if (close === -1) throw new NotHandled("an unfinished attribute");
      const value = xml.slice(i + 1, close);
      if (value.includes("<")) throw new NotHandled("a '<' in an attribute");
      for (let k = 0; k < attrs.count; k++) if (attrs.names[k] === attrName) throw new NotHandled("an attribute given twice");
      attrs.names[attrs.count] = attrName;
      attrs.values[attrs.count] = value;
      attrs.count++;
      i = close + 1;
    }
    if (i >= length) throw new NotHandled("an unfinished tag");
    if (stack.length === 0) {
      if (rootSeen) throw new NotHandled("two root elements");
      rootSeen = true;
    }
    on.open(name, attrs, selfClosing);
    if (selfClosing) on.close(name);
    else stack.push(name);
    at = i + 1;
  }
  if (!rootSeen || stack.length > 0) throw new NotHandled("an unfinished document");
}

/** Space, name, "=", a quoted value with no "<": as the loop reads it (XML white space is tab, LF, CR, space). */
const ATTRIBUTE = /[\t\n\r ]+([^\t\n\r =>/]+)[\t\n\r ]*=[\t\n\r ]*(?:"([^"<]*)"|'([^'<]*)')/y;

const goodNames = new Set<string>();

/** Names as XML allows them (ASCII only here; anything else is left to exceljs). */
function checkName(name: string): void {
  if (goodNames.has(name)) return;
  if (!/^[A-Za-z_:][\w.:-]*$/.test(name)) throw new NotHandled("a malformed name");
  goodNames.add(name);
}

function attributeValue(raw: string): string {
  // Attribute-value normalisation: literal tabs and line ends become spaces (references do not).
  const text = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
  return decodeEntities(text);
}

function decodeText(raw: string): string {
  // End-of-line handling (XML 1.0 §2.11): CRLF and lone CR become LF before anything else.
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  return decodeEntities(text);
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([^;&]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(";")) throw new NotHandled("a bare '&'");
    const named = NAMED[body];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (!m) throw new NotHandled(`the entity &${body};`);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
    const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) throw new NotHandled("a character reference XML does not allow");
    return String.fromCodePoint(code);
  });
}
