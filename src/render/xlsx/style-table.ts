// The workbook's styles (xl/styles.xml): each distinct cell style gets an index (a cell's s="n"),
// with its font, fill, border and number format listed once. Indexes are handed out in order of
// first use, as exceljs did, so the same workbook gets the same numbers.
import { escapeXml } from "./xml-text.js";

export interface Font {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  /** ARGB, such as "FFFFFFFF". */
  color?: string;
}

export interface CellStyle {
  /** An Excel number format, such as "dd/mm/yyyy" or "0%". */
  numFmt?: string;
  font?: Font;
  /** A solid fill of this ARGB colour. */
  fill?: string;
  /** A thin line of this ARGB colour under the cell. */
  bottomBorder?: string;
  alignment?: { vertical?: "top" | "center" | "bottom"; wrapText?: boolean };
}

/** The look a conditional format gives a cell (a "dxf"). */
export interface DifferentialStyle {
  font: Font;
  /** A solid fill of this ARGB colour. */
  fill: string;
}

/** Formats every reader knows by number; any other is listed in the part, numbered from 164. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "# ?/?": 12, "# ??/??": 13,
  "mm-dd-yy": 14, "d-mmm-yy": 15, "d-mmm": 16, "mmm-yy": 17, "h:mm AM/PM": 18, "h:mm:ss AM/PM": 19, "h:mm": 20, "h:mm:ss": 21, 'm/d/yy "h":mm': 22,
};
const FIRST_CUSTOM_FORMAT = 164;

const DEFAULT_FONT = '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';
const NO_FILL = '<fill><patternFill patternType="none"/></fill>';
const GREY_125_FILL = '<fill><patternFill patternType="gray125"/></fill>';
const NO_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>";

/** A list whose items are numbered in order of first appearance. */
class Numbered {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(...initial: string[]) {
    for (const item of initial) this.id(item);
  }

  id(item: string): number {
    let id = this.index.get(item);
    if (id === undefined) {
      id = this.items.length;
      this.index.set(item, id);
      this.items.push(item);
    }
    return id;
  }
}

export class StyleTable {
  private readonly fonts = new Numbered(DEFAULT_FONT);
  private readonly fills = new Numbered(NO_FILL, GREY_125_FILL);
  private readonly borders = new Numbered(NO_BORDER);
  private readonly cellFormats = new Numbered('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  private readonly customFormats = new Map<string, number>();
  private readonly dxfs: string[] = [];
  /** Cells share style objects, so a style is usually worked out once. */
  private readonly known = new Map<CellStyle, number>();

  /** The index of the style, 0 being the default look. */
  id(style: CellStyle): number {
    let id = this.known.get(style);
    if (id === undefined) {
      id = this.cellFormats.id(this.cellFormatXml(style));
      this.known.set(style, id);
    }
    return id;
  }

  /** The index of a conditional format's look; each call adds one, as each rule has its own. */
  dxfId(style: DifferentialStyle): number {
    this.dxfs.push(`<dxf>${fontXml(style.font)}<fill><patternFill patternType="solid"><bgColor rgb="${style.fill}"/></patternFill></fill></dxf>`);
    return this.dxfs.length - 1;
  }

  /** xl/styles.xml, with every style handed out so far. */
  xml(): string {
    const list = (tag: string, items: string[], extra = "") => `<${tag} count="${items.length}"${extra}>${items.join("")}</${tag}>`;
    const numFmts = [...this.customFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">' +
      (numFmts.length > 0 ? list("numFmts", numFmts) : "") +
      list("fonts", this.fonts.items, ' x14ac:knownFonts="1"') +
      list("fills", this.fills.items) +
      list("borders", this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.cellFormats.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.dxfs) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext>' +
      '<ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst>' +
      "</styleSheet>"
    );
  }

  private cellFormatXml(style: CellStyle): string {
    const numFmtId = style.numFmt ? this.formatId(style.numFmt) : 0;
    const fontId = style.font ? this.fonts.id(fontXml(style.font)) : 0;
    const fillId = style.fill ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/></patternFill></fill>`) : 0;
    const borderId = style.bottomBorder ? this.borders.id(`<border><left/><right/><top/><bottom style="thin"><color rgb="${style.bottomBorder}"/></bottom><diagonal/></border>`) : 0;
    const alignment = style.alignment ? alignmentXml(style.alignment) : "";
    return (
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (style.alignment ? ' applyAlignment="1"' : "") +
      (alignment ? `>${alignment}</xf>` : "/>")
    );
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.customFormats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.customFormats.size;
      this.customFormats.set(code, id);
    }
    return id;
  }
}

/** Children in the order the schema fixes (b, i, color, sz). */
function fontXml(font: Font): string {
  return (
    "<font>" +
    (font.bold ? "<b/>" : "") +
    (font.italic ? "<i/>" : "") +
    (font.color ? `<color rgb="${font.color}"/>` : "") +
    (font.size ? `<sz val="${font.size}"/>` : "") +
    "</font>"
  );
}

function alignmentXml(alignment: NonNullable<CellStyle["alignment"]>): string {
  const attributes = (alignment.vertical ? ` vertical="${alignment.vertical}"` : "") + (alignment.wrapText ? ' wrapText="1"' : "");
  return attributes ? `<alignment${attributes}/>` : "";
}
