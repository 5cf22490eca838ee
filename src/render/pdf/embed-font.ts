// One face embedded in the PDF as a subset (a Type 0 font over a CIDFontType2, Identity-H, with
// a ToUnicode map so text can be searched and copied), made from the font file directly
// (truetype.ts) with our subset of it as the font program (font-subset.ts). The dictionaries,
// glyph codes, widths and ToUnicode map are the ones pdf-lib's CustomFontSubsetEmbedder writes;
// test/render/pdf/embed-font.test.ts compares them with pdf-lib's.
import type { PDFDocument, PDFRef } from "pdf-lib";
import { FontSubset } from "./font-subset.js";
import { pdfLib } from "./libraries.js";
import { flateStream } from "./pdf-objects.js";
import { viewOf, type TrueTypeFont } from "./truetype.js";

const { PDFString } = pdfLib;

/** Characters Unicode says to draw as nothing, which fontkit's shaping treats apart (below). */
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

export class EmbeddedFont {
  /** The font's object, allocated now (pages refer to it); written by write(). */
  readonly ref: PDFRef;
  private readonly subset: FontSubset;
  /** Original glyph ids in subset order, from subset id 1: the glyphs drawn. */
  private readonly drawn: number[] = [];
  /** For each glyph looked up, the first code point it was looked up by (fontkit's glyph cache). */
  private readonly codePointOf = new Map<number, number>();
  /** Each code point's glyph id in the subset, once asked for. */
  private readonly ids = new Map<number, number>();
  /** The subset's glyph id of each code point of the Basic Multilingual Plane once asked for (-1: not yet), by index. */
  private readonly bmpIds = new Int32Array(0x10000).fill(-1);
  /** Where encode writes a text's bytes before making them one string (grown as needed). */
  private scratch = Buffer.allocUnsafe(1024);

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: TrueTypeFont,
    private readonly baseFontName: string,
  ) {
    this.ref = pdf.context.nextRef();
    this.subset = new FontSubset(font);
  }

  /**
   * Text as the body of a PDF literal string, "(…)": two bytes a glyph (Identity-H), adding its
   * glyphs to the subset. Bytes rather than pdf-lib's four hex digits a glyph: a page's content
   * is then a third smaller, and so quicker to build and to compress.
   */
  encode(text: string): string {
    // The hottest loop of a long paper (every character drawn). The bytes go into a buffer and
    // become one flat string: built a code at a time with +=, each text was a chain of small
    // strings that the page's join then walked, some 1,000,000 of them for 1,000 actions
    // (three renders of 1,000 actions: 11.54 → 11.32 G instructions).
    if (this.scratch.length < text.length * 4) this.scratch = Buffer.allocUnsafe(text.length * 8);
    const out = this.scratch;
    const bmp = this.bmpIds;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      let id: number;
      if (cp >= 0xd800 && cp <= 0xdbff) {
        // By code point, as `for (const ch of text)` goes: a surrogate pair is one, a lone surrogate one too.
        cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        id = this.glyphId(cp);
      } else {
        id = bmp[cp]!;
        if (id < 0) bmp[cp] = id = this.glyphId(cp);
      }
      n = writeLiteralByte(out, n, id >> 8);
      n = writeLiteralByte(out, n, id & 0xff);
    }
    return out.toString("latin1", 0, n);
  }

  /** The glyph code of one code point in hex, four digits, as pdf-lib writes it; adds its glyph to the subset. */
  glyphCode(codePoint: number): string {
    return this.glyphId(codePoint).toString(16).padStart(4, "0").toUpperCase();
  }

  /** The subset's glyph id for a code point, adding the glyph to the subset the first time. */
  private glyphId(codePoint: number): number {
    const known = this.ids.get(codePoint);
    if (known !== undefined) return known;
    const glyph = DEFAULT_IGNORABLE.test(String.fromCodePoint(codePoint)) ? this.shapedIgnorable(codePoint) : this.lookUp(codePoint);
    const id = this.subset.includeGlyph(glyph);
    if (id > 0) this.drawn[id - 1] = glyph;
    // Asked for once a character: the first answer stands, as pdf-lib's would for a string it had shaped.
    this.ids.set(codePoint, id);
    return id;
  }

  /** Registers the font's objects, as pdf-lib does for a subset font when the document is saved. */
  write(): void {
    const { context } = this.pdf;
    const { font } = this;
    const scale = 1000 / font.unitsPerEm;
    const fontFile = context.register(flateStream(this.pdf, this.subset.encode(), { Subtype: undefined }));
    const head = viewOf(font.tables.get("head")!);
    const os2 = font.tables.get("OS/2");
    const os2View = os2 && viewOf(os2);
    // OS/2 version 2 and later have the cap and x heights.
    const heights = os2View && os2View.getUint16(0) >= 2;
    const capHeight = heights ? os2View.getInt16(88) : os2 ? undefined : font.ascent;
    const xHeight = heights ? os2View.getInt16(86) : os2 ? undefined : 0;
    const post = font.tables.get("post");
    const italicAngle = post ? viewOf(post).getInt32(4) / 65536 : 0;
    const descriptor = context.register(
      context.obj({
        Type: "FontDescriptor",
        FontName: this.baseFontName,
        Flags: fontFlags(font),
        FontBBox: [head.getInt16(36) * scale, head.getInt16(38) * scale, head.getInt16(40) * scale, head.getInt16(42) * scale],
        ItalicAngle: italicAngle,
        Ascent: font.ascent * scale,
        Descent: font.descent * scale,
        CapHeight: (capHeight || font.ascent) * scale,
        XHeight: (xHeight || 0) * scale,
        StemV: 0,
        FontFile2: fontFile,
      }),
    );
    const cidFont = context.register(
      context.obj({
        Type: "Font",
        Subtype: "CIDFontType2",
        CIDToGIDMap: "Identity",
        BaseFont: this.baseFontName,
        CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("Identity"), Supplement: 0 },
        FontDescriptor: descriptor,
        W: this.widths(scale),
      }),
    );
    const toUnicode = context.register(flateStream(this.pdf, this.toUnicode()));
    const fontDict = context.obj({
      Type: "Font",
      Subtype: "Type0",
      BaseFont: this.baseFontName,
      Encoding: "Identity-H",
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    });
    context.assign(this.ref, fontDict);
  }

  private lookUp(codePoint: number): number {
    const glyph = this.font.glyphFor(codePoint);
    if (!this.codePointOf.has(glyph)) this.codePointOf.set(glyph, codePoint);
    return glyph;
  }

  /**
   * What fontkit's shaping makes of a default-ignorable character (pdf-lib shapes each string it
   * encodes): the space glyph, drawn with no advance — judged by the code point its glyph was
   * first looked up by (soft hyphen shares the hyphen's glyph, and a hyphen drawn first wins).
   */
  private shapedIgnorable(codePoint: number): number {
    const glyph = this.lookUp(codePoint);
    const space = this.lookUp(0x20);
    return hiddenByFontkit(this.codePointOf.get(glyph) ?? codePoint) ? space : glyph;
  }

  /** /W: the advance of every drawn glyph, from subset id 1 (consecutive ids make one run). */
  private widths(scale: number): (number | number[])[] {
    const widths: (number | number[])[] = this.drawn.length > 0 ? [1] : [];
    widths.push(this.drawn.map((glyph) => this.font.advanceWidth(glyph) * scale));
    return widths;
  }

  /** The ToUnicode CMap, as pdf-lib writes it: each drawn glyph and the code point it stands for. */
  private toUnicode(): string {
    const hex = (n: number) => `<${n.toString(16).padStart(4, "0").toUpperCase()}>`;
    const unicode = (cp: number) =>
      cp <= 0xffff ? hex(cp) : `<${[Math.floor((cp - 0x10000) / 0x400) + 0xd800, ((cp - 0x10000) % 0x400) + 0xdc00].map((n) => n.toString(16).padStart(4, "0").toUpperCase()).join("")}>`;
    const chars = this.drawn.map((glyph, i) => `${hex(i + 1)} ${unicode(this.codePointOf.get(glyph) ?? 0)}`);
    return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${chars.length} beginbfchar
${chars.join("\n")}
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
  }
}

/** The descriptor's /Flags as pdf-lib derives them: symbolic, fixed pitch, serif, script, italic. */
function fontFlags(font: TrueTypeFont): number {
  const os2 = font.tables.get("OS/2");
  const familyClass = os2 ? viewOf(os2).getInt16(30) : 0;
  const post = font.tables.get("post");
  const fixedPitch = post ? viewOf(post).getUint32(12) !== 0 : false;
  const italic = (viewOf(font.tables.get("head")!).getUint16(44) & 0x02) !== 0;
  let flags = 1 << 2; // symbolic
  if (fixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (italic) flags |= 1 << 6;
  return flags;
}

/** fontkit's list of default-ignorable characters (Unicode's, less four Hangul fillers), which its shaping hides. */
function hiddenByFontkit(ch: number): boolean {
  const plane = ch >> 16;
  if (plane === 0) {
    switch (ch >> 8) {
      case 0x00:
        return ch === 0x00ad;
      case 0x03:
        return ch === 0x034f;
      case 0x06:
        return ch === 0x061c;
      case 0x17:
        return ch >= 0x17b4 && ch <= 0x17b5;
      case 0x18:
        return ch >= 0x180b && ch <= 0x180e;
      case 0x20:
        return (ch >= 0x200b && ch <= 0x200f) || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2060 && ch <= 0x206f);
      case 0xfe:
        return (ch >= 0xfe00 && ch <= 0xfe0f) || ch === 0xfeff;
      case 0xff:
        return ch >= 0xfff0 && ch <= 0xfff8;
      default:
        return false;
    }
  }
  if (plane === 0x01) return (ch >= 0x1bca0 && ch <= 0x1bca3) || (ch >= 0x1d173 && ch <= 0x1d17a);
  if (plane === 0x0e) return ch >= 0xe0000 && ch <= 0xe0fff;
  return false;
}

/**
 * One byte of a glyph id (high byte first) as it goes in a literal string, written at `at`; the
 * three bytes that would end or escape the string — ( ) \ — escaped, and carriage return too (a
 * reader would take it for a line end and read a line feed). Returns where the next byte goes.
 */
function writeLiteralByte(out: Buffer, at: number, b: number): number {
  if (b === 0x28 || b === 0x29 || b === 0x5c) {
    out[at] = 0x5c;
    out[at + 1] = b;
    return at + 2;
  }
  if (b === 0x0d) {
    out[at] = 0x5c;
    out[at + 1] = 0x72; // "r"
    return at + 2;
  }
  out[at] = b;
  return at + 1;
}
