// A small, strict XML scanner for the parts of an .xlsx workbook (xlsx-direct.ts): elements,
// attributes and text, with the five named entities and character references decoded and line
// ends normalised as XML 1.0 requires. Elements are reported by their local name, so a part
// written with a namespace prefix (`<x:row>`, as some programs do) reads like any other.
// Anything that is not well-formed XML, a DTD (the route of entity tricks), an unknown entity,
// throws XmlMalformed with the offset where it was found; the caller names the part and line.

/** The part is not well-formed XML (or holds a DTD); `offset` is where in the text. */
export class XmlMalformed extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
    this.name = "XmlMalformed";
  }
}

/** The 1-based line of an offset in the text, for a message a user can follow in an editor. */
export function lineAt(xml: string, offset: number): number {
  let line = 1;
  for (let at = xml.indexOf("\n"); at !== -1 && at < offset; at = xml.indexOf("\n", at + 1)) line++;
  return line;
}

export interface XmlHandler {
  /** `name` is the element's local name (no prefix); `attrs` holds its attributes only until open returns. */
  open(name: string, attrs: Attributes, selfClosing: boolean): void;
  /** Decoded character data between tags (may come in several pieces). */
  text(value: string): void;
  close(name: string): void;
}

/** The attributes of the tag being opened. */
export interface Attributes {
  /** The attribute's decoded value, or undefined when the tag does not have it. */
  get(name: string): string | undefined;
  /** The value of a prefixed attribute by its local name, whatever the prefix (`r:id`, `ns1:id`). */
  getPrefixed(localName: string): string | undefined;
}

// Characters XML 1.0 does not allow.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;
const COLON = 0x3a;
/** Beyond this many attributes on one tag, duplicates are found with a set rather than a scan. */
const FEW_ATTRIBUTES = 16;

class TagAttributes implements Attributes {
  names: string[] = [];
  values: string[] = [];
  /** Whether each value is as read: no tab, line end or "&", so nothing to normalise or decode. */
  plain: boolean[] = [];
  count = 0;
  /** Where the tag starts in the part, for a message about a value. */
  offset = 0;
  private seen = new Set<string>();

  get(name: string): string | undefined {
    for (let i = 0; i < this.count; i++) {
      if (this.names[i] === name) return this.plain[i] ? this.values[i] : attributeValue(this.values[i]!, this.offset);
    }
    return undefined;
  }

  getPrefixed(localName: string): string | undefined {
    const suffix = `:${localName}`;
    for (let i = 0; i < this.count; i++) {
      const name = this.names[i]!;
      if (name.endsWith(suffix) && name.length > suffix.length && !name.startsWith("xmlns:")) return attributeValue(this.values[i]!, this.offset);
    }
    return undefined;
  }

  clear(): void {
    this.count = 0;
    // Only a tag with many attributes used the set. Set.clear() would allocate a new table for
    // every tag, each linked from the one before: once one of them is promoted, the scavenger
    // keeps the whole chain, hundreds of megabytes for a large sheet, until a full collection.
    if (this.seen.size > 0) this.seen = new Set();
  }

  /** Adds an attribute; false when the tag already has one of that name. */
  add(name: string, value: string, plain: boolean): boolean {
    if (this.count < FEW_ATTRIBUTES) {
      for (let k = 0; k < this.count; k++) if (this.names[k] === name) return false;
    } else {
      if (this.count === FEW_ATTRIBUTES) for (let k = 0; k < this.count; k++) this.seen.add(this.names[k]!);
      if (this.seen.has(name)) return false;
      this.seen.add(name);
    }
    this.names[this.count] = name;
    this.values[this.count] = value;
    this.plain[this.count] = plain;
    this.count++;
    return true;
  }
}

/**
 * What each ASCII character may be in an XML name: 1 its first character or any, 2 any but the
 * first, 0 neither. An ASCII name is checked by this table as it is scanned, which spares the
 * look-up of every element name in a set (hashing a fresh slice each time) and the regular
 * expression for every new one. With the local names found as the name is scanned, closing tags
 * compared in place and plain attribute values left undecoded, reading the 1,000-action tracker
 * 20 times in one process takes 4.69 G instructions instead of 5.15 G (cell references: cellAt).
 */
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_NAME[c] = /[A-Za-z_:]/.test(ch) ? 1 : /[\w.\-]/.test(ch) ? 2 : 0;
}

export function scanXml(xml: string, on: XmlHandler): void {
  const forbidden = FORBIDDEN.exec(xml);
  if (forbidden) throw new XmlMalformed("a control character XML does not allow", forbidden.index);
  let at = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: string[] = [];
  /** Each open element's local name, beside `stack`: a closing tag reports it without slicing its name again. */
  const locals: string[] = [];
  const attrs = new TagAttributes();
  let rootSeen = false;
  const length = xml.length;
  while (at < length) {
    const lt = xml.indexOf("<", at);
    const textEnd = lt === -1 ? length : lt;
    if (textEnd > at) {
      const raw = xml.slice(at, textEnd);
      if (raw.includes("]]>")) throw new XmlMalformed("']]>' in text", at);
      if (stack.length > 0) on.text(decodeText(raw, at));
      else if (raw.trim() !== "") throw new XmlMalformed("text outside the root element", at);
    }
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end === -1) throw new XmlMalformed("an unfinished processing instruction", lt);
      at = end + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith("<![CDATA[", lt) && stack.length > 0) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end === -1) throw new XmlMalformed("an unfinished CDATA section", lt);
        on.text(xml.slice(lt + 9, end).replace(/\r\n?/g, "\n"));
        at = end + 3;
        continue;
      }
      if (!xml.startsWith("<!--", lt)) throw new XmlMalformed("a document type declaration (DTD), which a workbook never needs", lt);
      const end = xml.indexOf("-->", lt + 4);
      if (end === -1) throw new XmlMalformed("an unfinished comment", lt);
      at = end + 3;
      continue;
    }
    if (next === SLASH) {
      const gt = xml.indexOf(">", lt + 2);
      if (gt === -1) throw new XmlMalformed("an unfinished tag", lt);
      const open = stack.pop();
      // The usual closing tag, `</name>` exactly, is compared in place; only another (a space
      // before ">", or a mismatch) is cut out of the part and trimmed to compare.
      if (open === undefined || gt !== lt + 2 + open.length || !xml.startsWith(open, lt + 2)) {
        const name = xml.slice(lt + 2, gt).trimEnd();
        if (open !== name) throw new XmlMalformed(open === undefined ? `a closing tag </${clip(name)}> with no opening tag` : `<${clip(open)}> closed by </${clip(name)}>`, lt);
      }
      on.close(locals.pop()!);
      at = gt + 1;
      continue;
    }
    // An opening tag: its name, then name="value" pairs up to ">" or "/>".
    let i = lt + 1;
    let colon = -1;
    // Whether the name is ASCII and well formed, seen as it is scanned (ASCII_NAME).
    let asciiName = i < length && xml.charCodeAt(i) < 128 && ASCII_NAME[xml.charCodeAt(i)] === 1;
    while (i < length) {
      const c = xml.charCodeAt(i);
      if (c === GT || c === SLASH || c <= 0x20) break;
      if (c === COLON && colon === -1) colon = i;
      if (c >= 128 || ASCII_NAME[c] === 0) asciiName = false;
      i++;
    }
    const name = xml.slice(lt + 1, i);
    if (!asciiName) checkName(name, lt);
    // The local name (`x:row` → `row`), found while the name was scanned.
    const local = colon === -1 ? name : xml.slice(colon + 1, i);
    attrs.clear();
    attrs.offset = lt;
    let selfClosing = false;
    for (;;) {
      // The usual attribute, name="value", read by one regular expression (quicker than a loop
      // over its characters until the loop is optimised); anything else by the loop below.
      ATTRIBUTE.lastIndex = i;
      const m = ATTRIBUTE.exec(xml);
      if (m !== null) {
        // The name is ASCII and well formed (the expression says so): no check to make.
        const attrName = m[1]!;
        const plain = m[2] ?? m[3];
        if (!attrs.add(attrName, plain ?? m[4] ?? m[5]!, plain !== undefined)) throw new XmlMalformed(`the attribute ${clip(attrName)} given twice`, i);
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
      if (i === spaceStart || i >= length) throw new XmlMalformed("a malformed tag", lt);
      const nameStart = i;
      while (i < length) {
        const d = xml.charCodeAt(i);
        if (d === EQUALS || d <= 0x20 || d === GT || d === SLASH) break;
        i++;
      }
      const attrName = xml.slice(nameStart, i);
      checkName(attrName, nameStart);
      while (i < length && xml.charCodeAt(i) <= 0x20) i++;
      if (xml.charCodeAt(i) !== EQUALS) throw new XmlMalformed("a malformed attribute", nameStart);
      i++;
      while (i < length && xml.charCodeAt(i) <= 0x20) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOS) throw new XmlMalformed("an attribute value without quotes", nameStart);
      const close = xml.indexOf(quote === QUOTE ? '"' : "'", i + 1);
      if (close === -1) throw new XmlMalformed("an unfinished attribute value", nameStart);
      const value = xml.slice(i + 1, close);
      if (value.includes("<")) throw new XmlMalformed("a '<' in an attribute value", nameStart);
      if (!attrs.add(attrName, value, false)) throw new XmlMalformed(`the attribute ${clip(attrName)} given twice`, nameStart);
      i = close + 1;
    }
    if (i >= length) throw new XmlMalformed("an unfinished tag", lt);
    if (stack.length === 0) {
      if (rootSeen) throw new XmlMalformed("a second root element", lt);
      rootSeen = true;
    }
    on.open(local, attrs, selfClosing);
    if (selfClosing) on.close(local);
    else {
      stack.push(name);
      locals.push(local);
    }
    at = i + 1;
  }
  if (!rootSeen) throw new XmlMalformed("no root element", length);
  if (stack.length > 0) throw new XmlMalformed(`the element <${clip(stack[stack.length - 1]!)}> is never closed (the part is cut short)`, length);
}

/**
 * Space, an ASCII name, "=", a quoted value with no "<": as the loop reads it (XML white space is
 * tab, LF, CR, space); a name with other characters is left to the loop and checkName. A value
 * with no tab, line end or "&" (groups 2 and 3) needs no decoding when it is read.
 */
const ATTRIBUTE = /[\t\n\r ]+([A-Za-z_:][\w.:\-]*)[\t\n\r ]*=[\t\n\r ]*(?:"([^"<&\t\n\r]*)"|'([^'<&\t\n\r]*)'|"([^"<]*)"|'([^'<]*)')/y;

const goodNames = new Set<string>();
const NAME = /^[A-Za-z_:\u00C0-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD][\w.:\-\u00B7\u00C0-\u02FF\u0300-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]*$/;

/** Names as XML 1.0 allows them (the Basic Multilingual Plane). */
function checkName(name: string, offset: number): void {
  if (goodNames.has(name)) return;
  if (!NAME.test(name)) throw new XmlMalformed(`the malformed name "${clip(name)}"`, offset);
  // A copy: the name as read is a slice of the part's text (V8 shares the characters), and a
  // cache that outlives the part would keep the whole part, a 150 MB sheet, for good.
  if (goodNames.size < 10_000) goodNames.add(detached(name));
}

/** The same text in a string of its own, sharing no characters with the string it was cut from. */
export function detached(text: string): string {
  // Through JSON, which copies in the engine alone: Buffer.from(…).toString() did the same through
  // Node's JavaScript, which V8 then compiled on every cold read of a workbook's shared strings
  // (12 M instructions more for the 1,000-action tracker's 2,503).
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Text from the file, short enough for a one-line message. */
function clip(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
  return clean.length > 40 ? `${clean.slice(0, 37)}...` : clean;
}

function attributeValue(raw: string, offset: number): string {
  // Attribute-value normalisation: literal tabs and line ends become spaces (references do not).
  const text = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
  return decodeEntities(text, offset, false);
}

function decodeText(raw: string, offset: number): string {
  // End-of-line handling (XML 1.0 §2.11): CRLF and lone CR become LF before anything else.
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  return decodeEntities(text, offset, true);
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** `offset` is where the text starts in the part (`exact`) or the tag it belongs to. */
function decodeEntities(text: string, offset: number, exact: boolean): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([^;&<]{0,40});?/g, (whole, body: string, index: number) => {
    const where = exact ? offset + index : offset;
    if (!whole.endsWith(";")) throw new XmlMalformed("a bare '&' (written &amp; in XML)", where);
    const named = NAMED[body];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
    if (!m) throw new XmlMalformed(`the undefined entity &${clip(body)};`, where);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
    const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) throw new XmlMalformed(`the character reference &${body}; to a character XML does not allow`, where);
    return String.fromCodePoint(code);
  });
}
