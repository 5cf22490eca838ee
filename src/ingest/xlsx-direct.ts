// Reads a workbook's cells straight from its XML parts, which sniff.ts has already inflated (and
// size-checked) on the way in. It gives exactly what exceljs gives for the same file — the same
// values, date conversions, shared and rich strings, fills, merges and hyperlinks, quirks
// included (see the notes below) — at a fraction of the time and memory, and without loading
// exceljs. It handles the parts an ordinary workbook has; anything else (comments, drawings,
// tables, pictures, odd part names, malformed XML) throws NotHandled and xlsx.ts reads the file
// with exceljs as before. test/ingest/xlsx-direct.test.ts compares the two readers.
import type { CellFill, FillColour } from "./fill-colour.js";
import { NotHandled, scanXml, type Attributes, type XmlHandler } from "./xml-scan.js";

/** A cell as the sheet reader sees it (exceljs merge slaves and valueless, styleless cells are absent). */
export type SourceCell =
  | { formula: true; result: unknown; fill: CellFill | undefined }
  | { formula: false; value: unknown; fill: CellFill | undefined };

export interface SourceSheet {
  name: string;
  state: string | undefined;
  /** Keys (row * 16384 + 0-based column) of merge masters spanning 3 or more columns. */
  wideMergeMasters: Set<number>;
  /** Rows in ascending order; each row's cells by 0-based column. */
  eachRow(visit: (rowNumber: number, cells: readonly (SourceCell | undefined)[]) => void): void;
}

export interface SourceBook {
  date1904: boolean;
  title: string | undefined;
  /** The theme parts' XML, in zip order, by name ("theme1"). */
  themes: Map<string, string>;
  sheets: SourceSheet[];
}

const MAX_COLUMNS = 16_384;
/** Parts exceljs reads (and could fail on) that this reader does not: such workbooks go to exceljs. */
const NOT_HANDLED_PART = /xl\/media\/|xl\/drawings\/|xl\/(comments\d+)[.]xml|xl\/tables\/(table\d+)[.]xml/;
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_RELS_PART = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;
const THEME_PART = /xl\/theme\/([a-zA-Z0-9]+)[.]xml/;
const CELL_REF = /^([A-Z]{1,3})([1-9][0-9]*)$/;

/**
 * The workbook from its inflated parts (zip entry name → bytes, in zip order), or NotHandled.
 * Mirrors exceljs 4.4 (lib/xlsx/xlsx.js load and reconcile) for the parts it reads.
 */
export function readWorkbookParts(parts: ReadonlyMap<string, Buffer>): SourceBook {
  // exceljs drops one leading "/" from entry names and skips folders.
  const byName = new Map<string, Buffer>();
  for (const [raw, bytes] of parts) {
    if (raw.endsWith("/")) continue;
    if (!/^[\x20-\x7e]+$/.test(raw)) throw new NotHandled("a part name that is not plain ASCII");
    const name = raw.startsWith("/") ? raw.slice(1) : raw;
    if (byName.has(name)) throw new NotHandled("two parts with one name");
    if (NOT_HANDLED_PART.test(name) || /xl\/drawings\/(vmlDrawing\d+)[.]vml/.test(name)) throw new NotHandled(`the part ${name}`);
    byName.set(name, bytes);
  }
  const text = (name: string): string | undefined => {
    const bytes = byName.get(name);
    if (!bytes) return undefined;
    const xml = bytes.toString("utf8");
    // A part that is not valid UTF-8 decodes differently in different readers.
    if (xml.includes("\uFFFD")) throw new NotHandled("a part that is not UTF-8");
    return xml;
  };

  // Parts exceljs parses but we need nothing from: they must still be well formed.
  for (const name of ["_rels/.rels", "docProps/app.xml"]) {
    const xml = text(name);
    if (xml !== undefined) scanXml(xml, IGNORE);
  }
  const workbookXml = text("xl/workbook.xml");
  if (workbookXml === undefined) throw new NotHandled("no xl/workbook.xml");
  const workbook = readWorkbookXml(workbookXml);
  const workbookRels = readRels(text("xl/_rels/workbook.xml.rels"));
  const styles = readStyles(text("xl/styles.xml"));
  const strings = readSharedStrings(text("xl/sharedStrings.xml"));
  const title = readTitle(text("docProps/core.xml"));

  const themes = new Map<string, string>();
  const worksheetParts = new Map<string, string>();
  const sheetRels = new Map<string, Map<string, Rel>>();
  const sheetNumbers = new Set<string>();
  for (const name of byName.keys()) {
    if (name === "xl/workbook.xml" || name === "xl/styles.xml" || name === "xl/sharedStrings.xml" || name === "docProps/core.xml") continue;
    let m = WORKSHEET_PART.exec(name);
    if (m) {
      if (sheetNumbers.has(m[1]!)) throw new NotHandled("two worksheet parts with one number");
      sheetNumbers.add(m[1]!);
      worksheetParts.set(name, m[1]!);
      continue;
    }
    m = WORKSHEET_RELS_PART.exec(name);
    if (m) {
      sheetRels.set(m[1]!, readRels(text(name)));
      continue;
    }
    m = THEME_PART.exec(name);
    if (m) themes.set(m[1]!, byName.get(name)!.toString("utf8"));
  }

  // Sheets in workbook order whose relationship leads to a worksheet part (exceljs skips the rest).
  const seenIds = new Set<number>();
  const sheets: SourceSheet[] = [];
  for (const def of workbook.sheets) {
    if (!Number.isInteger(def.id) || def.id < 1 || seenIds.has(def.id)) throw new NotHandled("an unusual sheetId");
    seenIds.add(def.id);
    const rel = def.rId === undefined ? undefined : workbookRels.get(def.rId);
    if (!rel) continue;
    if (rel.target === undefined) throw new NotHandled("a sheet relationship without a target");
    const partName = `xl/${rel.target.replace(/^(\s|\/xl\/)+/, "")}`;
    const sheetNo = worksheetParts.get(partName);
    if (sheetNo === undefined) {
      if (byName.has(partName)) throw new NotHandled("a sheet that is not a worksheet part");
      continue;
    }
    checkSheetName(def.name, sheets);
    sheets.push(readWorksheet(text(partName)!, def, { styles, strings, date1904: workbook.date1904, rels: sheetRels.get(sheetNo) }));
  }
  return { date1904: workbook.date1904, title, themes, sheets };
}

const IGNORE: XmlHandler = { open() {}, text() {}, close() {} };

// ---- xl/workbook.xml ----

interface SheetDef {
  name: string;
  id: number;
  state: string | undefined;
  rId: string | undefined;
}

function readWorkbookXml(xml: string): { sheets: SheetDef[]; date1904: boolean } {
  const sheets: SheetDef[] = [];
  let date1904 = false;
  let depth = 0;
  scanXml(xml, {
    open(name, attrs) {
      depth++;
      if (depth === 1 && name !== "workbook") throw new NotHandled("an unusual workbook part");
      if (name === "sheet" && depth === 3) {
        const sheetName = attrs.get("name");
        if (sheetName === undefined) throw new NotHandled("a sheet without a name");
        // exceljs decodes the already decoded name once more.
        sheets.push({ name: xmlDecodeAgain(sheetName), id: parseInt(attrs.get("sheetId") ?? "", 10), state: attrs.get("state"), rId: attrs.get("r:id") });
      } else if (name === "workbookPr" && depth === 2) {
        date1904 = attrs.get("date1904") === "1";
      }
    },
    text() {},
    close() {
      depth--;
    },
  });
  return { sheets, date1904 };
}

/** Names exceljs refuses (the load fails) or truncates with a console warning: left to exceljs. */
function checkSheetName(name: string, before: readonly SourceSheet[]): void {
  const refused = name === "" || name === "History" || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name) || name.length > 31;
  if (refused || before.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new NotHandled("a sheet name exceljs does not take as it is");
}

/** exceljs's utils.xmlDecode, applied to text saxes has already decoded. */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[c] ?? c);
}

// ---- relationships ----

interface Rel {
  target: string | undefined;
}

function readRels(xml: string | undefined): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  if (xml === undefined) return rels;
  scanXml(xml, {
    open(name, attrs) {
      if (name === "Relationship") {
        const id = attrs.get("Id");
        if (id !== undefined) rels.set(id, { target: attrs.get("Target") });
      }
    },
    text() {},
    close() {},
  });
  return rels;
}

// ---- docProps/core.xml ----

function readTitle(xml: string | undefined): string | undefined {
  if (xml === undefined) return undefined;
  let title: string | undefined;
  let inTitle = false;
  scanXml(xml, {
    open(name) {
      if (name === "dc:title") {
        inTitle = true;
        title = undefined;
      }
    },
    text(value) {
      if (inTitle) title = (title ?? "") + value;
    },
    close(name) {
      if (name === "dc:title") inTitle = false;
    },
  });
  return title;
}

// ---- xl/styles.xml ----

/** What a cell's style id brings: its number format's date-ness and its fill (exceljs getStyleModel). */
interface CellStyle {
  isDate: boolean;
  fill: CellFill | undefined;
}

interface Styles {
  /** By style id; null where exceljs finds no style. */
  get(id: number): CellStyle | null;
}

/** The built-in number formats exceljs knows (lib/xlsx/defaultnumformats.js) that are dates or times. */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** exceljs utils.isDateFmt. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

interface Xf {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
}

function readStyles(xml: string | undefined): Styles | null {
  if (xml === undefined) return null;
  const numFmts = new Map<number, string>();
  const fills: CellFill[] = [];
  const xfs: Xf[] = [];
  let fontCount = 0;
  let borderCount = 0;
  const path: string[] = [];
  let fill: CellFill | undefined;
  scanXml(xml, {
    open(name, attrs) {
      path.push(name);
      const parent = path[path.length - 2];
      const depth = path.length;
      if (depth === 1 && name !== "styleSheet") throw new NotHandled("an unusual styles part");
      if (depth === 3 && parent === "numFmts" && name === "numFmt") {
        const code = attrs.get("formatCode");
        if (code === undefined) throw new NotHandled("a number format without a code");
        numFmts.set(parseInt(attrs.get("numFmtId") ?? "", 10), code.replace(/[\\](.)/g, "$1"));
      } else if (depth === 3 && parent === "fonts" && name === "font") fontCount++;
      else if (depth === 3 && parent === "borders" && name === "border") borderCount++;
      else if (depth === 3 && parent === "fills" && name === "fill") {
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
        } else throw new NotHandled(`a fill of type ${name}`);
      } else if (depth === 5 && path[1] === "fills" && parent === "patternFill" && (name === "fgColor" || name === "bgColor")) {
        const colour = readColour(attrs);
        if (colour && fill) fill[name] = colour;
      } else if (depth === 3 && parent === "cellXfs" && name === "xf") {
        const int = (key: string) => parseInt(attrs.get(key) ?? "", 10);
        xfs.push({ numFmtId: int("numFmtId"), fontId: int("fontId"), fillId: int("fillId"), borderId: int("borderId") });
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
        // exceljs fails to load a workbook whose style points at a font, border or fill list that is not there.
        const points = (n: number) => !!n || n === 0;
        if ((points(xf.fontId) && fontCount === 0) || (points(xf.borderId) && borderCount === 0) || (points(xf.fillId) && fills.length === 0)) {
          throw new NotHandled("a style without its font, border or fill list");
        }
        const format = xf.numFmtId ? numFmts.get(xf.numFmtId) || BUILT_IN_FORMATS[xf.numFmtId] : undefined;
        style = { isDate: isDateFormat(format), fill: points(xf.fillId) ? fills[xf.fillId] : undefined };
      }
      cache.set(id, style);
      return style;
    },
    ...(xfs.length === 0 ? { empty: true } : {}),
  } as Styles & { empty?: true };
}

/** exceljs ColorXform: rgb, else theme (+ tint), else indexed, else nothing. */
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

type RichText = { richText: { text: string | undefined }[] };
type SharedString = string | RichText | Record<string, never>;

/** exceljs TextXform: Excel's _xHHHH_ escapes (upper-case hex only) decoded. */
function textModel(pieces: string): string {
  return pieces.includes("_x") ? pieces.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : pieces;
}

function readSharedStrings(xml: string | undefined): SharedString[] | null {
  if (xml === undefined) return null;
  const values: SharedString[] = [];
  // Within <si>: a <t> (the string), <r> runs (rich text, each with its <t>) or <rPh> (ignored).
  let depth = 0;
  let model: SharedString | undefined;
  let where: "si" | "t" | "r" | "rt" | "rPr" | "rPh" = "si";
  let buffer = "";
  let run: { text: string | undefined } | undefined;
  let runTexts = 0;
  let skipDepth = 0;
  scanXml(xml, {
    open(name) {
      depth++;
      if (depth === 1) {
        if (name !== "sst") throw new NotHandled("an unusual shared strings part");
        return;
      }
      if (skipDepth > 0) return;
      if (depth === 2) {
        if (name !== "si") throw new NotHandled("an unusual shared string");
        model = {};
        where = "si";
        return;
      }
      if (depth === 3) {
        if (name === "t") {
          if (typeof model !== "object" || Object.keys(model).length > 0) throw new NotHandled("a shared string in two forms");
          where = "t";
          buffer = "";
        } else if (name === "r") {
          if (typeof model === "string") throw new NotHandled("a shared string in two forms");
          where = "r";
          run = { text: undefined };
          runTexts = 0;
        } else if (name === "rPh" || name === "phoneticPr") {
          skipDepth = depth;
        } else throw new NotHandled(`<${name}> in a shared string`);
        return;
      }
      if (depth === 4 && where === "r") {
        if (name === "t") {
          if (++runTexts > 1) throw new NotHandled("a rich text run with two texts");
          where = "rt";
          buffer = "";
        } else if (name === "rPr") {
          skipDepth = depth;
        } else throw new NotHandled(`<${name}> in a rich text run`);
        return;
      }
      throw new NotHandled("an unusual shared string");
    },
    text(value) {
      if (skipDepth === 0 && (where === "t" || where === "rt")) buffer += value;
    },
    close() {
      if (skipDepth > 0) {
        if (depth === skipDepth) skipDepth = 0;
        depth--;
        return;
      }
      if (depth === 2) values.push(model as SharedString);
      else if (depth === 3 && where === "t") {
        model = textModel(buffer);
        where = "si";
      } else if (depth === 3 && where === "r") {
        const rich = model as Partial<RichText>;
        (rich.richText ??= []).push(run!);
        where = "si";
      } else if (depth === 4 && where === "rt") {
        run!.text = textModel(buffer);
        where = "r";
      }
      depth--;
    },
  });
  return values;
}

// ---- a worksheet ----

interface SheetContext {
  styles: Styles | null;
  strings: SharedString[] | null;
  date1904: boolean;
  rels: Map<string, Rel> | undefined;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** exceljs utils.excelToDate, with its JavaScript coercions (a string or boolean result included). */
function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

function decodeRef(ref: string): { row: number; col: number } {
  const m = CELL_REF.exec(ref);
  if (!m) throw new NotHandled(`the cell reference ${ref}`);
  const col = columnNumber(m[1]!);
  if (col > MAX_COLUMNS) throw new NotHandled(`the cell reference ${ref}`);
  return { row: Number(m[2]), col };
}

interface RawCellXml {
  ref: string | undefined;
  col: number;
  styleId: number | undefined;
  t: string | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  value: string | undefined;
  rich: { text: string | undefined }[] | undefined;
}

function readWorksheet(xml: string, def: SheetDef, ctx: SheetContext): SourceSheet {
  type Row = { number: number; cells: (SourceCell | undefined)[] };
  const rows = new Map<number, Row>();
  const merges: Merge[] = [];
  const links: { ref: string; rId: string | undefined }[] = [];
  const pending: { row: Row; cell: RawCellXml }[] = [];

  let depth = 0;
  let row: Row | undefined;
  let previousCol = 0;
  let cell: RawCellXml | undefined;
  let node: "f" | "v" | "t" | undefined;
  let run: { text: string | undefined } | undefined;
  let runDepth = 0;
  let runText = "";
  let runTexts = 0;
  let inRunText = false;
  scanXml(xml, {
    open(name, attrs) {
      depth++;
      if (depth === 1) {
        if (name !== "worksheet") throw new NotHandled("an unusual worksheet part");
        return;
      }
      if (cell) {
        if (run) {
          // Inside <r>: its <t> is the run's text; <rPr> is formatting.
          if (name === "t" && depth === runDepth + 1) {
            if (++runTexts > 1) throw new NotHandled("a rich text run with two texts");
            inRunText = true;
            runText = "";
          }
          return;
        }
        switch (name) {
          case "f":
            node = "f";
            cell.shareType = attrs.get("t");
            return;
          case "v":
          case "t":
            node = name;
            return;
          case "r":
            if (cell.value !== undefined) throw new NotHandled("an inline string in two forms");
            run = { text: undefined };
            runDepth = depth;
            runTexts = 0;
            return;
          default:
            return; // <is>, <rPh>, <extLst>: exceljs looks only at the elements above
        }
      }
      if (depth === 3 && name === "row") {
        const r = attrs.get("r");
        const number = r === undefined ? NaN : Number(r);
        if (!Number.isInteger(number) || number < 1 || String(number) !== r) throw new NotHandled("a row without a plain number");
        row = { number, cells: [] };
        rows.set(number, row); // a repeated row number replaces the earlier row, as in exceljs
        previousCol = 0;
        return;
      }
      if (depth === 4 && name === "c" && row) {
        const ref = attrs.get("r");
        let col: number;
        if (ref === undefined) {
          // exceljs puts a cell without a reference in the column after the previous one.
          if (previousCol === 0) throw new NotHandled("a first cell without a reference");
          col = previousCol + 1;
        } else {
          const at = decodeRef(ref);
          if (at.row !== row.number) throw new NotHandled("a cell outside its row");
          col = at.col;
        }
        const s = attrs.get("s");
        cell = { ref, col, styleId: s ? parseInt(s, 10) : undefined, t: attrs.get("t"), formula: undefined, shareType: undefined, value: undefined, rich: undefined };
        node = undefined;
        return;
      }
      if (depth === 3 && name === "mergeCell") {
        const ref = attrs.get("ref") ?? "";
        const [a, b] = ref.split(":");
        if (a === undefined || ref.split(":").length > 2) throw new NotHandled(`the merge ${ref}`);
        const tl = decodeRef(a);
        const br = b === undefined ? tl : decodeRef(b);
        merges.push({ top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.max(tl.row, br.row), right: Math.max(tl.col, br.col) });
        return;
      }
      if (depth === 3 && name === "hyperlink") {
        const ref = attrs.get("ref");
        if (ref !== undefined) links.push({ ref, rId: attrs.get("r:id") });
      }
    },
    text(value) {
      if (!cell) return;
      if (run) {
        if (inRunText) runText += value;
        return;
      }
      if (node === "f") cell.formula = (cell.formula ?? "") + value;
      else if (node === "v" || node === "t") {
        if (cell.rich) throw new NotHandled("an inline string in two forms");
        cell.value = (cell.value ?? "") + value;
      }
    },
    close(name) {
      if (cell) {
        if (run) {
          if (inRunText && name === "t" && depth === runDepth + 1) {
            run.text = textModel(runText);
            inRunText = false;
          } else if (depth === runDepth) {
            (cell.rich ??= []).push(run);
            run = undefined;
          }
        } else if (name === "c" && depth === 4) {
          pending.push({ row: row!, cell });
          previousCol = cell.col;
          cell = undefined;
        } else if (name === "f" || name === "v" || name === "t" || name === "is") node = undefined;
      } else if (name === "row" && depth === 3) row = undefined;
      depth--;
    },
  });

  // Hyperlinks first (they decide a cell's type), then every cell as exceljs reconciles it.
  const hyperlinks = new Map<string, string>();
  for (const link of links) {
    if (link.rId === undefined) continue;
    const rel = ctx.rels?.get(link.rId);
    if (!rel) throw new NotHandled("a hyperlink without its relationship");
    hyperlinks.set(link.ref, rel.target as string);
  }
  for (const { row, cell } of pending) {
    const source = reconcile(cell, ctx, hyperlinks);
    // Later cells in the same column replace earlier ones, as in exceljs.
    if (source === undefined) delete row.cells[cell.col - 1];
    else row.cells[cell.col - 1] = source;
  }

  const wideMergeMasters = new Set<number>();
  if (merges.length > 0) applyMerges(merges, rows, wideMergeMasters);
  const sorted = [...rows.values()].sort((a, b) => a.number - b.number);
  return {
    name: def.name,
    state: def.state,
    wideMergeMasters,
    eachRow(visit) {
      for (const r of sorted) visit(r.number, r.cells);
    },
  };
}

/** exceljs CellXform.parseClose + reconcile: the cell's type and value, or undefined for a "Merge"-typed empty cell. */
function reconcile(cell: RawCellXml, ctx: SheetContext, hyperlinks: Map<string, string>): SourceCell | undefined {
  const style = cell.styleId ? styleOf(ctx, cell.styleId) : null;
  const fill = style?.fill;
  const isDate = style?.isDate === true;
  let value: unknown;
  let kind: "formula" | "value" | "merge";
  let result: unknown;
  const raw = cell.rich ? { richText: cell.rich } : cell.value;
  if (cell.formula || cell.shareType) {
    kind = "formula";
    if (cell.rich) throw new NotHandled("a formula with rich text");
    const v = cell.value;
    if (v) {
      if (cell.t === "str") result = xmlDecodeAgain(v);
      else if (cell.t === "b") result = parseInt(v, 10) !== 0;
      else if (cell.t === "e") result = { error: v };
      else result = parseFloat(v);
    }
    if (result !== undefined && isDate) result = excelToDate(result, ctx.date1904);
  } else if (raw !== undefined) {
    kind = "value";
    if (typeof raw === "object") {
      if (cell.t !== "inlineStr") throw new NotHandled("rich text in a cell that is not an inline string");
      value = raw;
    } else {
      switch (cell.t) {
        case "s": {
          const index = parseInt(raw, 10);
          if (ctx.strings === null) value = index;
          else {
            value = ctx.strings[index];
            if (value === undefined) throw new NotHandled("a shared string that is not there");
          }
          break;
        }
        case "str":
          value = xmlDecodeAgain(raw);
          break;
        case "inlineStr":
          value = raw;
          break;
        case "b":
          value = parseInt(raw, 10) !== 0;
          break;
        case "e":
          value = { error: raw };
          break;
        default:
          value = parseFloat(raw);
          if (isDate) value = excelToDate(value, ctx.date1904);
      }
    }
  } else if (cell.styleId) {
    kind = "value";
    value = null;
  } else {
    kind = "merge";
  }

  const link = cell.ref === undefined ? undefined : hyperlinks.get(cell.ref);
  if (link !== undefined) {
    const text = kind === "formula" ? result : kind === "value" ? value : undefined;
    return { formula: false, value: { text, hyperlink: link }, fill };
  }
  if (kind === "merge") return undefined;
  // exceljs's formula value keeps only a truthy result: a cached 0, FALSE or "" reads as none.
  if (kind === "formula") return { formula: true, result: result || undefined, fill };
  return { formula: false, value, fill };
}

function styleOf(ctx: SheetContext, id: number): CellStyle | null {
  if (!ctx.styles) return null;
  if ((ctx.styles as { empty?: true }).empty) throw new NotHandled("a style id with no cell styles");
  return ctx.styles.get(id);
}

/** exceljs mergeCellsWithoutStyle: every cell of a range but its top-left becomes a merge slave (skipped). */
function applyMerges(merges: Merge[], rows: Map<number, { cells: (SourceCell | undefined)[] }>, masters: Set<number>): void {
  // exceljs refuses a merge that overlaps an earlier one (the load fails): left to exceljs.
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  let active: Merge[] = [];
  for (const m of byTop) {
    active = active.filter((a) => a.bottom >= m.top);
    if (active.some((a) => !(a.right < m.left || a.left > m.right))) throw new NotHandled("overlapping merges");
    active.push(m);
    if (m.right - m.left + 1 >= 3) masters.add(m.top * MAX_COLUMNS + m.left - 1);
  }
  const clear = (number: number, row: { cells: (SourceCell | undefined)[] }, m: Merge) => {
    for (let col = m.left; col <= m.right && col - 1 < row.cells.length; col++) {
      if (number === m.top && col === m.left) continue;
      delete row.cells[col - 1];
    }
  };
  for (const m of merges) {
    if (m.bottom - m.top < rows.size) {
      for (let number = m.top; number <= m.bottom; number++) {
        const row = rows.get(number);
        if (row) clear(number, row, m);
      }
    } else {
      for (const [number, row] of rows) if (number >= m.top && number <= m.bottom) clear(number, row, m);
    }
  }
}
