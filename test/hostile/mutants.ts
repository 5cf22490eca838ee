// Hostile variants of the sample trackers, made by our own code from a seed, so every case of the
// fuzz test can be made again: bit flips, truncations, edits to the XML inside a workbook, huge
// numbers and strings, bad dates, out-of-range indexes and references, CSV damage.
import JSZip from "jszip";
import { buildZip } from "../helpers/zip.js";

/** A small deterministic random source (mulberry32). */
export function random(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: <T>(list: readonly T[]): T => list[int(list.length)]! };
}

export interface Random {
  next(): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
}

export interface Mutant {
  /** What was done, for the failure message. */
  what: string;
  bytes: Buffer;
  extension: "xlsx" | "csv";
}

/** A workbook as its parts, to edit and zip again. */
export interface Workbook {
  name: string;
  bytes: Buffer;
  parts: Map<string, Buffer>;
}

export async function readWorkbook(name: string, bytes: Buffer): Promise<Workbook> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) parts.set(entry.name, await entry.async("nodebuffer"));
  return { name, bytes, parts };
}

// ---- bytes ----

export function flipBits(bytes: Buffer, r: Random): { bytes: Buffer; what: string } {
  const out = Buffer.from(bytes);
  const flips = 1 + r.int(8);
  for (let i = 0; i < flips; i++) out[r.int(out.length)]! ^= 1 << r.int(8);
  return { bytes: out, what: `${flips} bits flipped` };
}

export function truncate(bytes: Buffer, r: Random): { bytes: Buffer; what: string } {
  const at = r.int(bytes.length);
  return { bytes: bytes.subarray(0, at), what: `cut at byte ${at} of ${bytes.length}` };
}

// ---- XML inside a workbook ----

const HUGE_NUMBERS = ["1e308", "1e400", "-1e308", "99999999999999999999", "2958466", "2958465.9999", "-1", "-693594", "0.000000001", "1.7976931348623157e308", "4294967296"];
const BAD_DATES = ["2017-02-31", "2017-13-01", "0000-00-00", "99999-01-01", "2016-11-18T25:61:00Z", "junk", "", "2017-02-29"];
const BAD_REFS = ["XFE1", "A0", "A1048577", "XFD1048576", "ZZZZ9", "1A", "", "A-1", "AAAAAAAAAA1"];
const BAD_INDEXES = ["999999", "-1", "1.5", "", "4294967296", "1e9"];
const CONTROL_TEXT = ["\u0001\u0002", "&#0;", "&#xFFFE;", "&bogus;", "]]>", "<![CDATA[x]]>", "&amp;&lt;&gt;"];

type XmlEdit = (xml: string, r: Random) => { xml: string; what: string } | null;

/** Replaces one match of `pattern` (chosen at random) with what `replace` returns. */
function editOne(xml: string, pattern: RegExp, r: Random, replace: (match: RegExpExecArray) => string): string | null {
  const matches = [...xml.matchAll(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`))];
  if (matches.length === 0) return null;
  const m = r.pick(matches);
  return xml.slice(0, m.index) + replace(m) + xml.slice(m.index! + m[0].length);
}

const XML_EDITS: Record<string, XmlEdit> = {
  hugeNumber: (xml, r) => {
    const n = r.pick(HUGE_NUMBERS);
    const out = editOne(xml, /<v>[^<]*<\/v>/, r, () => `<v>${n}</v>`);
    return out === null ? null : { xml: out, what: `a value became ${n}` };
  },
  badCellRef: (xml, r) => {
    const ref = r.pick(BAD_REFS);
    const out = editOne(xml, /<c r="[A-Z]+\d+"/, r, () => `<c r="${ref}"`);
    return out === null ? null : { xml: out, what: `a cell reference became "${ref}"` };
  },
  noCellRefs: (xml) => (/<c r="/.test(xml) ? { xml: xml.replace(/ r="[A-Z]+\d+"/g, ""), what: "every r= removed from cells" } : null),
  badRowNumber: (xml, r) => {
    const n = r.pick(["0", "-5", "1048577", "99999999999", "x", "1.5"]);
    const out = editOne(xml, /<row r="\d+"/, r, () => `<row r="${n}"`);
    return out === null ? null : { xml: out, what: `a row number became ${n}` };
  },
  badSharedIndex: (xml, r) => {
    const n = r.pick(BAD_INDEXES);
    const out = editOne(xml, /(<c [^>]*t="s"[^>]*>)<v>\d+<\/v>/, r, (m) => `${m[1]}<v>${n}</v>`);
    return out === null ? null : { xml: out, what: `a shared-string index became "${n}"` };
  },
  badStyleIndex: (xml, r) => {
    const n = r.pick(BAD_INDEXES);
    const out = editOne(xml, / s="\d+"/, r, () => ` s="${n}"`);
    return out === null ? null : { xml: out, what: `a style index became "${n}"` };
  },
  dateCell: (xml, r) => {
    const date = r.pick(BAD_DATES);
    const out = editOne(xml, /<c r="([A-Z]+\d+)"[^>]*?(\/>|>[\s\S]*?<\/c>)/, r, (m) => `<c r="${m[1]}" t="d"><v>${date}</v></c>`);
    return out === null ? null : { xml: out, what: `a cell became the date "${date}"` };
  },
  hugeString: (xml, r) => {
    const length = r.pick([40_000, 200_000, 1_000_000]);
    const out = editOne(xml, /<t(?: [^>]*)?>[^<]*<\/t>/, r, () => `<t>${"Lorem ipsum £ é – ".repeat(Math.ceil(length / 18)).slice(0, length)}</t>`);
    return out === null ? null : { xml: out, what: `a text became ${length} characters` };
  },
  oddText: (xml, r) => {
    const text = r.pick(CONTROL_TEXT);
    const out = editOne(xml, /<t(?: [^>]*)?>([^<]*)<\/t>/, r, (m) => `<t>${m[1]}${text}</t>`);
    return out === null ? null : { xml: out, what: `a text got ${JSON.stringify(text)}` };
  },
  dropClosingTag: (xml, r) => {
    const out = editOne(xml, /<\/[a-zA-Z:]+>/, r, () => "");
    return out === null ? null : { xml: out, what: "a closing tag removed" };
  },
  duplicateRow: (xml, r) => {
    const out = editOne(xml, /<row [\s\S]*?<\/row>/, r, (m) => m[0] + m[0]);
    return out === null ? null : { xml: out, what: "a row written twice" };
  },
  manyAttributes: (xml, r) => {
    const out = editOne(xml, /<row /, r, () => `<row ${Array.from({ length: 20_000 }, (_, i) => `x${i}="1"`).join(" ")} `);
    return out === null ? null : { xml: out, what: "a row with 20,000 attributes" };
  },
  mergeEverything: (xml) =>
    xml.includes("</sheetData>") ? { xml: xml.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, "").replace("</sheetData>", '</sheetData><mergeCells count="2"><mergeCell ref="A1:XFD1048576"/><mergeCell ref="B2:C3"/></mergeCells>'), what: "a merge over the whole sheet" } : null,
  doctype: (xml) => ({ xml: xml.replace(/^(<\?xml[^>]*\?>)?/, (d) => `${d}<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`), what: "a DOCTYPE with entities" }),
  truncateXml: (xml, r) => {
    const at = r.int(xml.length);
    return { xml: xml.slice(0, at), what: `the part cut at character ${at}` };
  },
  renameSheetLong: (xml, r) => {
    const out = editOne(xml, /<sheet name="[^"]*"/, r, () => `<sheet name="${"A very long worksheet name indeed".repeat(3)}"`);
    return out === null ? null : { xml: out, what: "a sheet name over 31 characters" };
  },
  hyperlinkOnNumber: (xml, r) => {
    const out = editOne(xml, /<c r="([A-Z]+\d+)"[^>]*?(\/>|>[\s\S]*?<\/c>)/, r, (m) => `<c r="${m[1]}"><v>42</v></c>`);
    return out === null ? null : { xml: out.replace("</sheetData>", '</sheetData><hyperlinks><hyperlink ref="A2" r:id="rId99"/></hyperlinks>'), what: "a number cell given a hyperlink" };
  },
};

/** One edit to one XML part of a workbook, or a part removed; the workbook is zipped again by our own writer. */
export function editWorkbook(book: Workbook, r: Random): { bytes: Buffer; what: string } {
  const names = [...book.parts.keys()].filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
  if (r.int(12) === 0) {
    const gone = r.pick(names);
    return { bytes: zipParts(book, new Map([[gone, null]])), what: `part ${gone} removed` };
  }
  // Mostly the parts that hold the data.
  const dataParts = names.filter((n) => /worksheets\/sheet|sharedStrings|workbook\.xml$|styles/.test(n));
  const part = r.int(4) === 0 ? r.pick(names) : r.pick(dataParts);
  const xml = book.parts.get(part)!.toString("utf8");
  const editNames = Object.keys(XML_EDITS);
  for (let attempt = 0; attempt < 8; attempt++) {
    const editName = r.pick(editNames);
    const edited = XML_EDITS[editName]!(xml, r);
    if (edited) return { bytes: zipParts(book, new Map([[part, Buffer.from(edited.xml, "utf8")]])), what: `${part}: ${edited.what}` };
  }
  return { bytes: zipParts(book, new Map([[part, Buffer.from(`${xml}<extra/>`, "utf8")]])), what: `${part}: an element after the end` };
}

function zipParts(book: Workbook, changes: Map<string, Buffer | null>): Buffer {
  const entries = [...book.parts].flatMap(([name, data]) => {
    const changed = changes.get(name);
    if (changed === null) return [];
    return [{ name, data: changed ?? data }];
  });
  return buildZip(entries);
}

// ---- CSV ----

type CsvEdit = (text: string, r: Random) => { text: string; what: string };

const lines = (text: string) => text.split(/\r?\n/);

const CSV_EDITS: Record<string, CsvEdit> = {
  unclosedQuote: (text, r) => {
    const ls = lines(text);
    const i = 1 + r.int(ls.length - 1);
    ls[i] = `"${ls[i]}`;
    return { text: ls.join("\n"), what: `a quote opened on line ${i + 1} and never closed` };
  },
  hugeField: (text, r) => {
    const ls = lines(text);
    const i = 1 + r.int(ls.length - 1);
    const length = r.pick([40_000, 500_000, 2_000_000]);
    ls[i] = `${ls[i]},"${"x".repeat(length)}"`;
    return { text: ls.join("\n"), what: `a field of ${length} characters on line ${i + 1}` };
  },
  hugeNumber: (text, r) => {
    const n = r.pick(HUGE_NUMBERS);
    return { text: text.replace(/\b\d+(\.\d+)?\b/, n), what: `a number became ${n}` };
  },
  badDate: (text, r) => {
    const date = r.pick(["31/02/2017", "00/00/0000", "32/13/2017", "29/02/2017", "Q5 2016/17", "Mar-99999", "1e308", "9999999999"]);
    return { text: text.replace(/\d{1,2}\/\d{1,2}\/\d{2,4}|[A-Z][a-z]{2}-\d{2}/, date), what: `a date became "${date}"` };
  },
  blankLines: (text, r) => {
    const ls = lines(text);
    const i = 1 + r.int(ls.length - 1);
    ls.splice(i, 0, ...Array<string>(r.pick([3, 1000, 50_000])).fill(""));
    return { text: ls.join("\n"), what: `blank lines before line ${i + 1}` };
  },
  mixedLineEnds: (text) => ({ text: text.replace(/\r?\n/, "\r\n").replace(/\r\n/g, (m, offset: number) => (offset % 2 ? "\n" : m)), what: "CRLF and LF mixed" }),
  manyColumns: (text, r) => {
    const ls = lines(text);
    const n = r.pick([300, 5000, 20_000]);
    ls[0] = `${ls[0]}${Array.from({ length: n }, (_, i) => `,Extra ${i}`).join("")}`;
    return { text: ls.join("\n"), what: `${n} more header columns` };
  },
  duplicateHeader: (text) => {
    const ls = lines(text);
    ls.splice(1, 0, ls[0]!);
    return { text: ls.join("\n"), what: "the header row twice" };
  },
  semicolons: (text) => ({ text: text.replace(/,/g, ";"), what: "commas became semicolons" }),
  nulByte: (text, r) => {
    const at = r.int(text.length);
    return { text: `${text.slice(0, at)}\u0000${text.slice(at)}`, what: `a NUL at character ${at}` };
  },
  controlText: (text, r) => {
    const at = r.int(text.length);
    return { text: `${text.slice(0, at)}\u001b[2J\u001b]0;x\u0007${text.slice(at)}`, what: `terminal escapes at character ${at}` };
  },
  deleteLines: (text, r) => {
    const ls = lines(text);
    const i = r.int(ls.length);
    ls.splice(i, 1 + r.int(5));
    return { text: ls.join("\n"), what: `lines deleted from line ${i + 1}` };
  },
  protoHeader: (text) => {
    const ls = lines(text);
    ls[0] = `${ls[0]},__proto__,constructor`;
    return { text: ls.join("\n"), what: "columns headed __proto__ and constructor" };
  },
  strayByte: (text, r) => {
    const at = r.int(text.length);
    return { text: `${text.slice(0, at)}\udc80${text.slice(at)}`, what: `a lone surrogate at character ${at}` };
  },
};

export function editCsv(text: string, r: Random): { bytes: Buffer; what: string } {
  const name = r.pick(Object.keys(CSV_EDITS));
  const edited = CSV_EDITS[name]!(text, r);
  const bytes = r.int(6) === 0 ? Buffer.from(edited.text, "latin1") : Buffer.from(edited.text, "utf8");
  return { bytes, what: `${name}: ${edited.what}` };
}
