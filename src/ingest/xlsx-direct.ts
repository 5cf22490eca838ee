// Reads a workbook's cells straight from its XML parts, which sniff.ts has already inflated (and
// size-checked) on the way in: values, shared and rich strings, date formats, fills, merges and
// hyperlinks. It is boardpack's one xlsx reader. It follows the package's own map (the
// relationships from xl/workbook.xml to each sheet's part, whatever the part is called),
// reads elements with or without a namespace prefix, rows and cells with or without their
// `r=` reference, and passes over what a tracker never needs (drawings, comments, tables,
// pictures). A part that does not hold together is refused as damaged in one line naming the
// part, and the cell or line where that can be known.
import { isUtf8 } from "node:buffer";
import { type Diagnostic } from "../diagnostics/diagnostic.js";
import type { CellFill, FillColour } from "./fill-colour.js";
import { LIMITS } from "./limits.js";
import { InputRefused } from "./refused.js";
import { DUPLICATE_PART } from "./zip-directory.js";
import { detached, lineAt, scanXml, XmlMalformed, type Attributes, type XmlHandler } from "./xml-scan.js";

/** A cell's value as read: text, number, boolean, date-formatted number (its serial), error, rich text, or an ISO date (`t="d"`). */
export type SourceValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | { error: string }
  | { isoDate: string }
  | { dateSerial: number };

/**
 * Makes the reader's own cells as each `<c>` is read, so a sheet's cells are built once, in
 * their final form, rather than held as read and converted after.
 */
export interface CellMaker<C> {
  /**
   * The cell a `<c>` becomes, or undefined when it shows nothing. `value` is a formula's cached
   * result when `formula` (undefined: it has none); `row` is 1-based, `col` 0-based.
   */
  cell(formula: boolean, value: SourceValue, fill: CellFill | undefined, row: number, col: number): C | undefined;
  /** The cell a hyperlink to `target` makes of the one at its place (undefined: a `<c>` that shows nothing). */
  linked(cell: C | undefined, target: string): C | undefined;
}

/** A sheet's rows in ascending order, each with its cells by 0-based column (merge slaves and cells that show nothing absent). */
export interface SheetCells<C> {
  rows: { row: number; cells: (C | undefined)[] }[];
  /** Keys (row * 16384 + 0-based column) of merge masters spanning 3 or more columns. */
  wideMergeMasters: Set<number>;
}

export interface SourceSheet {
  name: string;
  state: string | undefined;
  /** Reads the sheet's cells (once): its part's bytes and text are let go as soon as they are read. */
  read<C>(maker: CellMaker<C>): SheetCells<C>;
}

export interface SourceBook {
  date1904: boolean;
  title: string | undefined;
  /** The theme parts' XML, in zip order, by name ("theme1"). */
  themes: Map<string, string>;
  sheets: SourceSheet[];
  /** Notes about the workbook as a whole (sheets that are charts, not tables). */
  notes: Diagnostic[];
}

const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;
const THEME_PART = /^xl\/theme\/([^/]+)[.]xml$/;
const REL_WORKSHEET = /\/worksheet$/;
const AGAIN = "; open it in Excel and save it again";

/** Where a damaged workbook's fault lies, for the one line that refuses it. */
interface Fault {
  part?: string;
  sheet?: string;
  line?: number;
  cell?: string;
}

/** Refuses the workbook: `the workbook is damaged: xl/worksheets/sheet1.xml, line 2, has …`. */
function damaged(file: string, where: Fault, reason: string): InputRefused {
  const place = [where.part, where.line === undefined ? undefined : `line ${where.line}`].filter(Boolean).join(", ");
  const d: Diagnostic = {
    severity: "error",
    code: "INPUT_UNREADABLE",
    message: `the workbook is damaged and cannot be read: ${reason}${place ? ` (in its part ${place})` : ""}${AGAIN}`,
    file,
  };
  if (where.sheet !== undefined) d.sheet = where.sheet;
  if (where.cell !== undefined) d.cell = where.cell;
  return new InputRefused(d);
}

/**
 * The workbook from its inflated parts (zip entry name → bytes, in zip order). Each part's bytes
 * are removed from `parts` once read (a worksheet's when the sheet is read), so a large part is
 * held once, as bytes or as text, never both for longer than it takes to decode it.
 */
export function readWorkbookParts(parts: ReadonlyMap<string, Buffer>, file = "workbook.xlsx"): SourceBook {
  const byName = new Map<string, Buffer>();
  if (parts.has(DUPLICATE_PART)) throw damaged(file, {}, "two of its parts have the same name");
  for (const [raw, bytes] of parts) {
    if (raw.endsWith("/")) continue;
    const name = raw.startsWith("/") ? raw.slice(1) : raw;
    if (byName.has(name)) throw damaged(file, { part: partLabel(name) }, "two parts have the same name");
    byName.set(name, bytes);
  }
  const text = (name: string): string | undefined => {
    const bytes = byName.get(name);
    return bytes === undefined ? undefined : partText(bytes, name, file);
  };
  /** A large part's bytes, taken out of the maps so that only its reader holds them. */
  const take = (name: string): Buffer | undefined => {
    const bytes = byName.get(name);
    byName.delete(name);
    if (parts instanceof Map) {
      parts.delete(name);
      parts.delete(`/${name}`);
    }
    return bytes;
  };
  /** Scans a part, refusing the workbook at the line where its XML breaks. */
  const scan = (name: string, xml: string, handler: XmlHandler, sheet?: string): void => {
    try {
      scanXml(xml, handler);
    } catch (err) {
      if (err instanceof XmlMalformed) {
        throw damaged(file, { part: partLabel(name), line: lineAt(xml, err.offset), ...(sheet === undefined ? {} : { sheet }) }, `the XML has ${err.reason}`);
      }
      throw err;
    }
  };

  const workbookXml = text("xl/workbook.xml");
  if (workbookXml === undefined) throw damaged(file, { part: "xl/workbook.xml" }, "the workbook part is missing");
  const workbook = readWorkbookXml(workbookXml, (h) => scan("xl/workbook.xml", workbookXml, h), file);
  const workbookRels = readRels("xl/_rels/workbook.xml.rels", text("xl/_rels/workbook.xml.rels"), scan);
  const styles = readStyles(text("xl/styles.xml"), scan);
  const stringsPart = sharedStringsPart(workbookRels, byName);
  const stringsBytes = stringsPart === undefined ? undefined : take(stringsPart);
  const strings = stringsPart === undefined ? null : readSharedStrings(stringsPart, partText(stringsBytes!, stringsPart, file), scan, file);
  const coreXml = text("docProps/core.xml");
  const title = coreXml === undefined ? undefined : readTitle(coreXml, (h) => scan("docProps/core.xml", coreXml, h));

  const themes = new Map<string, string>();
  for (const name of byName.keys()) {
    const m = THEME_PART.exec(name);
    if (m) themes.set(m[1]!, text(name)!);
  }

  const notes: Diagnostic[] = [];
  const sheets: SourceSheet[] = [];
  const used = new Set<string>();
  for (const def of workbook.sheets) {
    const rel = def.rId === undefined ? undefined : workbookRels.get(def.rId);
    const where = { part: "xl/workbook.xml", sheet: def.name };
    if (!rel || rel.target === undefined) throw damaged(file, where, `the sheet "${clip(def.name)}" has no part`);
    if (rel.external) throw damaged(file, where, `the sheet "${clip(def.name)}" lies outside the file`);
    const partName = resolveTarget("xl/workbook.xml", rel.target);
    const isWorksheet = rel.type === undefined ? true : REL_WORKSHEET.test(rel.type);
    if (!isWorksheet) {
      // Chart sheets, dialog sheets and Excel 4 macro sheets hold no table to read.
      notes.push({ severity: "info", code: "SHEET_NOT_TABLE", message: `the sheet "${def.name}" is a ${sheetKind(rel.type!)}, not a table of cells; passed over`, file, sheet: def.name });
      continue;
    }
    if (used.has(partName)) throw damaged(file, where, "two sheets share one part");
    let bytes = take(partName);
    if (bytes === undefined) throw damaged(file, { ...where, part: partLabel(partName) }, `the part of the sheet "${clip(def.name)}" is missing`);
    used.add(partName);
    const relsName = relsPartOf(partName);
    const rels = readRels(relsName, text(relsName), scan);
    sheets.push({
      name: def.name,
      state: def.state,
      read(maker) {
        if (bytes === undefined) throw new Error(`the sheet "${def.name}" has been read already`);
        const xml = partText(bytes, partName, file);
        bytes = undefined;
        return readWorksheet(xml, def, { styles, strings, rels, file, part: partName, scan: (h) => scan(partName, xml, h, def.name) }, maker);
      },
    });
  }
  return { date1904: workbook.date1904, title, themes, sheets, notes };
}

/** A part's text: UTF-8 (with or without BOM) or UTF-16 with its BOM, as XML allows. */
function partText(bytes: Buffer, name: string, file: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes);
  }
  // Checked, then decoded by Buffer, which gives a compact one-byte string for ASCII XML (half
  // the memory of TextDecoder's for a 150 MB sheet).
  if (!isUtf8(bytes)) throw damaged(file, { part: partLabel(name) }, "the part is not UTF-8 text, as XML in a workbook must be");
  return bytes.toString("utf8");
}

function sheetKind(type: string): string {
  if (/chartsheet$/i.test(type)) return "chart";
  if (/dialogsheet$/i.test(type)) return "dialog sheet";
  if (/macrosheet$/i.test(type)) return "macro sheet";
  return "sheet of another kind";
}

/** A part name fit for a one-line message, whatever the zip holds. */
function partLabel(name: string): string {
  return clip(name, 80);
}

function clip(text: string, max = 40): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
  return clean.length > max ? `${clean.slice(0, max - 3)}...` : clean;
}

/** The part a relationship's target names, from the part that holds the relationship (OPC: relative, or absolute from the package root). */
function resolveTarget(source: string, target: string): string {
  const trimmed = target.trim().replace(/\\/g, "/");
  const base = trimmed.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of trimmed.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(decodeURIComponentSafe(segment));
  }
  return base.join("/");
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels */
function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

type Scan = (name: string, xml: string, handler: XmlHandler) => void;

// ---- xl/workbook.xml ----

interface SheetDef {
  name: string;
  state: string | undefined;
  rId: string | undefined;
}

function readWorkbookXml(xml: string, scan: (h: XmlHandler) => void, file: string): { sheets: SheetDef[]; date1904: boolean } {
  const sheets: SheetDef[] = [];
  let date1904 = false;
  let depth = 0;
  let root = "";
  scan({
    open(name, attrs) {
      depth++;
      if (depth === 1) root = name;
      if (name === "sheet" && depth === 3) {
        sheets.push({ name: attrs.get("name") ?? "", state: attrs.get("state"), rId: attrs.getPrefixed("id") });
      } else if (name === "workbookPr" && depth === 2) {
        const flag = attrs.get("date1904");
        date1904 = flag === "1" || flag === "true";
      }
    },
    text() {},
    close() {
      depth--;
    },
  });
  if (root !== "workbook") throw damaged(file, { part: "xl/workbook.xml" }, "the workbook part is not a workbook");
  // A sheet with no name is shown by its place, as a user would count the tabs.
  sheets.forEach((s, i) => {
    if (s.name.trim() === "") s.name = `Sheet${i + 1}`;
  });
  return { sheets, date1904 };
}

// ---- relationships ----

interface Rel {
  target: string | undefined;
  type: string | undefined;
  external: boolean;
}

function readRels(name: string, xml: string | undefined, scan: Scan): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  if (xml === undefined) return rels;
  scan(name, xml, {
    open(element, attrs) {
      if (element === "Relationship") {
        const id = attrs.get("Id");
        if (id !== undefined && !rels.has(id)) rels.set(id, { target: attrs.get("Target"), type: attrs.get("Type"), external: attrs.get("TargetMode") === "External" });
      }
    },
    text() {},
    close() {},
  });
  return rels;
}

/** The shared strings part, found through the workbook's relationships (xl/sharedStrings.xml when they do not say). */
function sharedStringsPart(rels: Map<string, Rel>, byName: Map<string, Buffer>): string | undefined {
  for (const rel of rels.values()) {
    if (rel.type?.endsWith("/sharedStrings") && rel.target !== undefined && !rel.external) {
      const name = resolveTarget("xl/workbook.xml", rel.target);
      if (byName.has(name)) return name;
    }
  }
  return byName.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : undefined;
}

// ---- docProps/core.xml ----

function readTitle(xml: string, scan: (h: XmlHandler) => void): string | undefined {
  let title: string | undefined;
  let depth = 0;
  let inTitle = 0;
  scan({
    open(name) {
      depth++;
      if (name === "title" && depth === 2) {
        inTitle = depth;
        title = undefined;
      }
    },
    text(value) {
      if (inTitle) title = (title ?? "") + value;
    },
    close() {
      if (depth === inTitle) inTitle = 0;
      depth--;
    },
  });
  return title;
}

// ---- xl/styles.xml ----

/** What a cell's style id brings: whether its number format shows a date, and its fill. */
interface CellStyle {
  isDate: boolean;
  fill: CellFill | undefined;
}

interface Styles {
  /** By style id; null where the workbook has no such style. */
  get(id: number): CellStyle | null;
}

/** Excel's built-in number formats (ECMA-376 §18.8.30) that show a date or a time. */
const BUILT_IN_FORMATS: Record<number, string> = {
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
};

/** A format code shows a date or time when, outside quotes and brackets, it has y, m, d, h, s or b. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

interface Xf {
  numFmtId: number;
  fillId: number;
}

const NO_STYLES: Styles = { get: () => null };

function readStyles(xml: string | undefined, scan: Scan): Styles {
  if (xml === undefined) return NO_STYLES;
  const numFmts = new Map<number, string>();
  const fills: CellFill[] = [];
  const xfs: Xf[] = [];
  const path: string[] = [];
  let fill: CellFill | undefined;
  scan("xl/styles.xml", xml, {
    open(name, attrs) {
      path.push(name);
      const parent = path[path.length - 2];
      const depth = path.length;
      if (depth === 3 && parent === "numFmts" && name === "numFmt") {
        const code = attrs.get("formatCode");
        if (code !== undefined) numFmts.set(parseInt(attrs.get("numFmtId") ?? "", 10), code.replace(/[\\](.)/g, "$1"));
      } else if (depth === 3 && parent === "fills" && name === "fill") {
        fill = {};
        fills.push(fill);
      } else if (depth === 4 && path[1] === "fills" && parent === "fill") {
        if (name === "patternFill") {
          const f: CellFill = { type: "pattern" };
          const pattern = attrs.get("patternType");
          if (pattern !== undefined) f.pattern = pattern;
          fills[fills.length - 1] = fill = f;
        } else if (name === "gradientFill") {
          fills[fills.length - 1] = fill = { type: "gradient" };
        }
      } else if (depth === 5 && path[1] === "fills" && parent === "patternFill" && (name === "fgColor" || name === "bgColor")) {
        const colour = readColour(attrs);
        if (colour && fill) fill[name] = colour;
      } else if (depth === 3 && parent === "cellXfs" && name === "xf") {
        const int = (key: string) => parseInt(attrs.get(key) ?? "", 10);
        xfs.push({ numFmtId: int("numFmtId"), fillId: int("fillId") });
      }
    },
    text() {},
    close() {
      path.pop();
    },
  });
  const cache = new Map<number, CellStyle | null>();
  return {
    get(id) {
      let style = cache.get(id);
      if (style !== undefined) return style;
      const xf = xfs[id];
      if (!xf) style = null;
      else {
        const format = xf.numFmtId ? numFmts.get(xf.numFmtId) || BUILT_IN_FORMATS[xf.numFmtId] : undefined;
        style = { isDate: isDateFormat(format), fill: Number.isInteger(xf.fillId) ? fills[xf.fillId] : undefined };
      }
      cache.set(id, style);
      return style;
    },
  };
}

/** A colour as styles.xml gives it: rgb, else theme (+ tint), else indexed, else nothing. */
function readColour(attrs: Attributes): FillColour | undefined {
  const rgb = attrs.get("rgb");
  if (rgb) return { argb: rgb };
  const theme = attrs.get("theme");
  if (theme) {
    const colour: FillColour = { theme: parseInt(theme, 10) };
    const tint = attrs.get("tint");
    if (tint) colour.tint = parseFloat(tint);
    return colour;
  }
  const indexed = attrs.get("indexed");
  if (indexed) return { indexed: parseInt(indexed, 10) };
  return undefined;
}

// ---- xl/sharedStrings.xml ----

/** Excel's _xHHHH_ escapes (upper-case hex only), decoded. */
function textModel(pieces: string): string {
  return pieces.includes("_x") ? pieces.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : pieces;
}

/** Each shared string's text: its `<t>`, or its rich text runs' `<t>`s joined (phonetic guides left out). */
function readSharedStrings(name: string, xml: string, scan: Scan, file: string): string[] {
  const values: string[] = [];
  let depth = 0;
  let root = "";
  let buffer = "";
  let inText = 0;
  let skipDepth = 0;
  scan(name, xml, {
    open(element) {
      depth++;
      if (depth === 1) root = element;
      if (skipDepth > 0) return;
      if (depth === 2 && element === "si") buffer = "";
      else if (depth >= 3 && (element === "rPh" || element === "phoneticPr")) skipDepth = depth;
      else if (depth >= 3 && element === "t") inText = depth;
    },
    text(value) {
      if (inText && skipDepth === 0) buffer += value;
    },
    close(element) {
      if (skipDepth === depth) skipDepth = 0;
      else if (inText === depth) {
        inText = 0;
      } else if (depth === 2 && element === "si") values.push(detached(textModel(buffer)));
      depth--;
    },
  });
  if (root !== "sst") throw damaged(file, { part: partLabel(name) }, "the shared strings part is not a list of strings");
  return values;
}

// ---- a worksheet ----

interface SheetContext {
  styles: Styles;
  strings: string[] | null;
  rels: Map<string, Rel>;
  file: string;
  part: string;
  scan: (h: XmlHandler) => void;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A reference's row and column in one number: row * REF_ROW + column (1-based); ZZZ, the most three letters say, is 18,278. */
const REF_ROW = 32_768;
const DOLLAR = 0x24;

/**
 * A cell reference (`B12`, `$B$12`, `b12`: one to three letters, one to seven digits) as
 * row * REF_ROW + column, or -1 when it is not one. Read character by character, as it is for
 * every cell: a regular expression's match and substrings for each cost more than the rest of
 * the cell's reading.
 */
function cellAt(ref: string): number {
  const length = ref.length;
  let i = ref.charCodeAt(0) === DOLLAR ? 1 : 0;
  const lettersStart = i;
  let col = 0;
  for (; i < length; i++) {
    const lower = ref.charCodeAt(i) | 0x20; // A–Z onto a–z; nothing else lands in a–z
    if (lower < 0x61 || lower > 0x7a) break;
    col = col * 26 + lower - 0x60;
  }
  if (i === lettersStart || i - lettersStart > 3) return -1;
  if (ref.charCodeAt(i) === DOLLAR) i++;
  const digitsStart = i;
  let row = 0;
  for (; i < length; i++) {
    const digit = ref.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) break;
    row = row * 10 + digit;
  }
  if (i !== length || i === digitsStart || i - digitsStart > 7) return -1;
  return row * REF_ROW + col;
}

/** The `<c>` being read: its place, style, type and the text of its `<v>` or `<is>`. */
interface CellXml {
  col: number;
  styleId: number | undefined;
  t: string | undefined;
  formula: boolean;
  value: string | undefined;
  rich: string | undefined;
}

/** Marks a `<c>` that shows nothing, while its sheet is read: a hyperlink may yet sit on it, and a second `<c>` at its place is a fault. */
const SHOWS_NOTHING: unique symbol = Symbol("a cell that shows nothing");
type Row<C> = { row: number; cells: (C | typeof SHOWS_NOTHING | undefined)[] };

function readWorksheet<C>(xml: string, def: SheetDef, ctx: SheetContext, maker: CellMaker<C>): SheetCells<C> {
  const rows: Row<C>[] = [];
  const seenRows = new Set<number>();
  const merges: Merge[] = [];
  const links: { ref: string; rId: string }[] = [];
  const fault = (reason: string, cell?: { row: number; col: number }): InputRefused =>
    damaged(ctx.file, { part: partLabel(ctx.part), sheet: def.name, ...(cell ? { cell: cellRef(def.name, cell.row, cell.col) } : {}) }, reason);
  const decodeRef = (ref: string): { row: number; col: number } => {
    const at = cellAt(ref);
    if (at < 0) throw fault(`the cell reference "${clip(ref)}" is not a cell`);
    const col = at % REF_ROW;
    const row = (at - col) / REF_ROW;
    if (col > MAX_COLUMNS) throw fault(`the cell reference ${clip(ref)} lies beyond column XFD, Excel's last`);
    if (row < 1 || row > MAX_ROWS) throw fault(`the cell reference ${clip(ref)} lies beyond row 1,048,576, Excel's last`);
    return { row, col };
  };

  let depth = 0;
  let root = "";
  let row: Row<C> | undefined;
  let previousRow = 0;
  let previousCol = 0;
  // One record, reset for each <c>: a sheet of a million cells makes a million final cells, not two million objects.
  const cell: CellXml = { col: 0, styleId: undefined, t: undefined, formula: false, value: undefined, rich: undefined };
  let inCell = false;
  let node: "f" | "v" | "t" | undefined;
  let inRich = 0;
  let skipDepth = 0;
  ctx.scan({
    open(name, attrs) {
      depth++;
      if (depth === 1) {
        root = name;
        return;
      }
      if (inCell) {
        if (skipDepth > 0) return;
        if (inRich) {
          // Inside <is>: every <t> but a phonetic guide's is the cell's text.
          if (name === "rPh") skipDepth = depth;
          else if (name === "t") node = "t";
          return;
        }
        switch (name) {
          case "f":
            node = "f";
            cell.formula = true;
            return;
          case "v":
            node = "v";
            return;
          case "is":
            inRich = depth;
            cell.rich ??= "";
            return;
          default:
            skipDepth = depth; // <extLst> and the like: nothing a user sees
            return;
        }
      }
      if (depth === 3 && name === "row") {
        const r = attrs.get("r");
        let number: number;
        if (r === undefined) number = previousRow + 1; // rows without r= follow one another
        else {
          number = /^[0-9]{1,7}$/.test(r.trim()) ? Number(r.trim()) : NaN;
          if (!(number >= 1 && number <= MAX_ROWS)) throw fault(`the row number "${clip(r)}" is not a row of a sheet`);
        }
        if (number > MAX_ROWS) throw fault("the sheet has more than 1,048,576 rows");
        if (seenRows.has(number)) throw fault(`row ${number} appears twice`);
        seenRows.add(number);
        row = { row: number, cells: [] };
        rows.push(row);
        previousRow = number;
        previousCol = 0;
        return;
      }
      if (depth === 4 && name === "c" && row) {
        const ref = attrs.get("r");
        let col: number;
        if (ref === undefined) {
          col = previousCol + 1; // a cell without a reference is in the column after the previous one
          if (col > MAX_COLUMNS) throw fault(`row ${row.row} has more than 16,384 cells`);
        } else {
          const at = cellAt(ref);
          col = at % REF_ROW;
          if (at < 0 || col > MAX_COLUMNS || at - col !== row.row * REF_ROW) {
            decodeRef(ref); // refuses a reference that is no cell, or lies beyond the sheet
            throw fault(`the cell ${clip(ref)} is written inside row ${row.row}`);
          }
        }
        if (row.cells[col - 1] !== undefined) throw fault("a cell appears twice", { row: row.row, col });
        const s = attrs.get("s");
        cell.col = col;
        cell.styleId = s ? parseInt(s, 10) : undefined;
        cell.t = attrs.get("t");
        cell.formula = false;
        cell.value = undefined;
        cell.rich = undefined;
        inCell = true;
        node = undefined;
        return;
      }
      if (depth === 3 && name === "mergeCell") {
        if (merges.length >= LIMITS.maxMergedRanges) throw fault(`the sheet has more than ${LIMITS.maxMergedRanges.toLocaleString("en-GB")} merged ranges`);
        const ref = attrs.get("ref") ?? "";
        const ends = ref.split(":");
        if (ends.length > 2 || ends[0] === "") throw fault(`the merged range "${clip(ref)}" is not a range`);
        const tl = decodeRef(ends[0]!);
        const br = ends[1] === undefined ? tl : decodeRef(ends[1]);
        merges.push({ top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.max(tl.row, br.row), right: Math.max(tl.col, br.col) });
        return;
      }
      if (depth === 3 && name === "hyperlink") {
        const ref = attrs.get("ref");
        const rId = attrs.getPrefixed("id");
        if (ref !== undefined && rId !== undefined) links.push({ ref, rId });
      }
    },
    text(value) {
      if (!inCell || skipDepth > 0) return;
      if (node === "v") cell.value = (cell.value ?? "") + value;
      else if (node === "t" && inRich) cell.rich += value;
    },
    close(name) {
      if (inCell) {
        if (skipDepth > 0) {
          if (depth === skipDepth) skipDepth = 0;
        } else if (inRich) {
          if (depth === inRich) inRich = 0;
          else if (name === "t") node = undefined;
        } else if (name === "c" && depth === 4) {
          // Made into the reader's cell at once, so no second copy of the sheet's cells is ever held.
          row!.cells[cell.col - 1] = reconcile(cell, ctx, fault, row!.row, maker) ?? SHOWS_NOTHING;
          previousCol = cell.col;
          inCell = false;
        } else if (name === "f" || name === "v") node = undefined;
      } else if (name === "row" && depth === 3) row = undefined;
      depth--;
    },
  });
  if (root !== "worksheet") throw fault("the sheet's part is not a worksheet");

  // Hyperlinks (written after the cells): the cell shows its value, the address kept beside it.
  if (links.length > 0) {
    const byNumber = new Map(rows.map((r) => [r.row, r]));
    for (const link of links) {
      const rel = ctx.rels.get(link.rId);
      if (!rel || rel.target === undefined) continue; // a link with nowhere to go: the cell's text stands
      const first = link.ref.split(":")[0]!;
      if (cellAt(first) < 0) continue;
      const at = decodeRef(first);
      const row = byNumber.get(at.row);
      const slot = row?.cells[at.col - 1];
      if (!row || slot === undefined) continue; // no <c> there: nothing to show the link on
      row.cells[at.col - 1] = maker.linked(slot === SHOWS_NOTHING ? undefined : slot, rel.target) ?? SHOWS_NOTHING;
    }
  }

  const wideMergeMasters = new Set<number>();
  if (merges.length > 0) applyMerges(merges, rows, wideMergeMasters, (a, b) => fault(`the merged ranges ${rangeText(a)} and ${rangeText(b)} overlap`));
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.row < rows[i - 1]!.row) {
      rows.sort((a, b) => a.row - b.row);
      break;
    }
  }
  for (const r of rows) dropShowsNothing(r.cells);
  return { rows: rows as SheetCells<C>["rows"], wideMergeMasters };
}

/** The row's cells without the marks of `<c>`s that show nothing; the row ends at its last cell. */
function dropShowsNothing(cells: unknown[]): void {
  let end = 0;
  if (cells.length <= 256) {
    for (let col = 0; col < cells.length; col++) {
      const cell = cells[col];
      if (cell === SHOWS_NOTHING) delete cells[col];
      else if (cell !== undefined) end = col + 1;
    }
  } else {
    // A sparse row (a cell in column XFD): only its present entries, in ascending order.
    for (const key in cells) {
      const col = Number(key);
      if (cells[col] === SHOWS_NOTHING) delete cells[col];
      else if (cells[col] !== undefined) end = col + 1;
    }
  }
  cells.length = end;
}

function cellRef(sheet: string, row: number, col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  const prefix = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${prefix}!${letters}${row}`;
}

function rangeText(m: Merge): string {
  const letters = (col: number) => cellRef("x", 1, col).slice(2, -1);
  return `${letters(m.left)}${m.top}:${letters(m.right)}${m.bottom}`;
}

/** The reader's cell for a `<c>`, or undefined for one that shows nothing (an empty, unstyled cell: a merge's covered cell). Hyperlinks are added after. */
function reconcile<C>(
  cell: CellXml,
  ctx: SheetContext,
  fault: (reason: string, at?: { row: number; col: number }) => InputRefused,
  rowNumber: number,
  maker: CellMaker<C>,
): C | undefined {
  const style = cell.styleId ? ctx.styles.get(cell.styleId) : null;
  const fill = style?.fill;
  const isDate = style?.isDate === true;
  let value: SourceValue;
  let result: SourceValue;
  let kind: "formula" | "value" | "empty";
  const raw = cell.rich ?? cell.value;
  if (cell.formula) {
    kind = "formula";
    const v = cell.value;
    // No <v> at all: no cached result. <v></v> on a text formula: the empty string.
    if (v !== undefined && (cell.t === "str" || v.trim() !== "")) {
      if (cell.t === "str") result = v;
      else if (cell.t === "b") result = parseInt(v, 10) !== 0;
      else if (cell.t === "e") result = { error: v };
      else if (cell.t === "d") result = { isoDate: v };
      else result = Number.isNaN(Number(v)) ? v : Number(v);
    }
    if (typeof result === "number" && isDate) result = { dateSerial: result };
  } else if (raw !== undefined) {
    kind = "value";
    if (cell.rich !== undefined) value = textModel(cell.rich);
    else {
      switch (cell.t) {
        case "s": {
          const index = Number(raw.trim());
          if (ctx.strings === null || !Number.isInteger(index) || ctx.strings[index] === undefined) {
            throw fault(`the cell refers to shared string ${clip(raw.trim())}, which the workbook does not have`, { row: rowNumber, col: cell.col });
          }
          value = ctx.strings[index];
          break;
        }
        case "str":
        case "inlineStr":
          value = raw;
          break;
        case "b":
          value = parseInt(raw, 10) !== 0;
          break;
        case "e":
          value = { error: raw };
          break;
        case "d":
          value = { isoDate: raw.trim() };
          break;
        default: {
          const n = raw.trim() === "" ? NaN : Number(raw);
          if (Number.isNaN(n)) value = raw.trim() === "" ? null : raw;
          else value = isDate ? { dateSerial: n } : n;
        }
      }
    }
  } else if (cell.styleId) {
    kind = "value";
    value = null;
  } else {
    kind = "empty";
  }

  if (kind === "empty") return undefined;
  return maker.cell(kind === "formula", kind === "formula" ? result : value, fill, rowNumber, cell.col - 1);
}

/**
 * Every cell of a merged range but its top-left is covered: left out. Ranges may not overlap
 * (Excel calls such a file damaged). Work is bounded by the rows and cells the sheet has, not by
 * the ranges' area, so `A1:XFD1048576` costs no more than `A1:C1`.
 */
function applyMerges(
  merges: Merge[],
  rows: { row: number; cells: unknown[] }[],
  masters: Set<number>,
  overlap: (a: Merge, b: Merge) => InputRefused,
): void {
  for (const m of merges) if (m.right - m.left + 1 >= 3) masters.add(m.top * MAX_COLUMNS + m.left - 1);
  const byTop = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  const sortedRows = [...rows].sort((a, b) => a.row - b.row);
  let next = 0;
  let active: Merge[] = [];
  let changed = false;
  for (const row of sortedRows) {
    while (next < byTop.length && byTop[next]!.top <= row.row) {
      active.push(byTop[next++]!);
      changed = true;
    }
    const before = active.length;
    active = active.filter((m) => m.bottom >= row.row);
    if (active.length !== before) changed = true;
    if (active.length === 0) continue;
    if (changed) {
      active.sort((a, b) => a.left - b.left);
      for (let i = 1; i < active.length; i++) if (active[i]!.left <= active[i - 1]!.right) throw overlap(active[i - 1]!, active[i]!);
      changed = false;
    }
    // Each cell the row holds: inside an active range (found by halving), and not its top-left?
    const cells = row.cells;
    for (const key in cells) {
      const col = Number(key) + 1;
      let lo = 0;
      let hi = active.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const m = active[mid]!;
        if (col < m.left) hi = mid - 1;
        else if (col > m.right) lo = mid + 1;
        else {
          if (!(row.row === m.top && col === m.left)) delete cells[col - 1];
          break;
        }
      }
    }
  }
}
