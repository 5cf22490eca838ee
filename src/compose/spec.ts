// A paper spec: a Markdown file whose YAML front matter names the house style, the tracker and
// the header fields, and whose body (Handlebars + Markdown) is the paper's text. One zod schema
// says what the front matter may hold; every problem becomes a diagnostic naming the spec file
// and the line, with the closest known field suggested for a misspelt one.
import { dirname, resolve } from "node:path";
import { LineCounter, parseDocument, visit, type Document } from "yaml";
import { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { FILE_LIMITS } from "../files/limits.js";
import { readUserFile } from "../files/read-user-file.js";
import { parseDateText } from "../model/dates.js";
import { isAllowedLinkAddress, refusedLinkMessage } from "./link-address.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { yamlLineFinder } from "./yaml-lines.js";
import { shippedParse } from "./shipped-parses.js";

/** Text a user typed; blank values are removed before this is checked, so it is never empty. */
const Text = z.string().trim().min(1);

/** A day, typed the UK way (04/06/2015) or as 2015-06-04; becomes YYYY-MM-DD. */
const UkDay = z.string().transform((text, ctx) => {
  const read = parseDateText(text);
  if (read.kind === "date" && !read.partial) return read.iso;
  const why =
    read.kind === "invalid" ? read.reason
    : read.kind === "date" ? "it names a period, not a day"
    : "it is not a date";
  ctx.addIssue({ code: "custom", message: `"${text}" is not a day (${why}); write it as 04/06/2015` });
  return z.NEVER;
});

export const Committee = z.strictObject({
  name: Text,
  /** The meeting's date; the paper's date when not given. */
  date: UkDay.optional(),
});

export const Contact = z.strictObject({
  name: Text,
  role: Text.optional(),
  unit: Text.optional(),
  force: Text.optional(),
  phone: Text.optional(),
  email: Text.optional(),
});

/** What the spec says about one theme: its narrative (Markdown), or the narrative and the theme's lead. */
export const ThemeNote = z.union([
  Text,
  z.strictObject({ narrative: Text.optional(), lead: Text.optional() }),
]);

export const PaperSpec = z.strictObject({
  /** House style name: cambridgeshire-bcb, lancashire-scrutiny, city-of-london-committee, section-55. */
  style: Text.optional(),
  /** The tracker, relative to the spec file. */
  tracker: Text.optional(),
  /** The paper's title; the tracker's title when not given. */
  title: Text.optional(),
  /** The paper's date; the --as-of date (today) when not given. */
  date: UkDay.optional(),
  to: Text.optional(),
  from: Text.optional(),
  committees: z.array(Committee).optional(),
  subject: Text.optional(),
  agendaItem: Text.optional(),
  reportOf: Text.optional(),
  /** The report's reference number ("Pol 55-16"); a Word file named here is the paper's template instead (referenceDoc). */
  reference: Text.optional(),
  /** The force's own Word template (.docx/.dotx), relative to the spec: its styles, page set-up, headers and footers. */
  referenceDoc: Text.optional(),
  reportAuthor: Text.optional(),
  /** Who may read it, in the City of London header: "Public" or "Non-Public". */
  access: Text.optional(),
  /** What the committee is asked to do, in the City of London header: "For Information", "For Decision". */
  purpose: Text.optional(),
  /** Protective marking ("OFFICIAL"); `classification` is the same field under another name. */
  marking: Text.optional(),
  classification: Text.optional(),
  strapline: Text.optional(),
  contacts: z.array(Contact).optional(),
  sourceDocument: Text.optional(),
  referenceDocument: Text.optional(),
  keywords: z.array(Text).optional(),
  /** Who leads each theme (work stream), keyed by its title: beats the tracker's owners. */
  leads: z.record(z.string(), Text).optional(),
  /** The organisation whose paper it is, printed where the house style names it ("Cambridgeshire Police & Crime Commissioner"). */
  organisation: Text.optional(),
  /** The organisation's logo or crest (PNG or JPEG), relative to the spec: drawn at the top of the first page. */
  logo: Text.optional(),
  /** Narrative per theme, keyed by the theme's title (or id) in the tracker. */
  themes: z.record(z.string(), ThemeNote).optional(),

  // Section 55 responses (boardpack s55): see src/compose/s55/.
  /** The inspection report responded to: its id or part of its title in the tracker. */
  report: Text.optional(),
  /** Which paper the spec's text is: the Chief Constable's paper to the PCC, or the PCC's published response. */
  variant: z.enum(["chief-constable", "pcc-response"], { error: "write chief-constable (the Chief Constable's paper to the PCC) or pcc-response (the PCC's published response)" }).optional(),
  /** Who the report is from, as the title names it ("Criminal Justice Joint Inspection"); HMICFRS when not given. */
  inspection: Text.optional(),
  /** Who published the report, in full, as the purpose names it; the inspectorate's name at the publication date when not given. */
  publishedBy: Text.optional(),
  /** The Police and Crime Commissioner's comments (Markdown). */
  pccComments: Text.optional(),
  /** The Chief Constable's comments (Markdown). */
  chiefConstableComments: Text.optional(),
  /** The PCC's comments on the Chief Constable's comments (Markdown). */
  pccCommentsOnChiefConstable: Text.optional(),
});
export type PaperSpec = z.infer<typeof PaperSpec>;
export type Committee = z.infer<typeof Committee>;
export type Contact = z.infer<typeof Contact>;
export type ThemeNote = z.infer<typeof ThemeNote>;

export const SPEC_FIELDS = Object.keys(PaperSpec.shape) as (keyof PaperSpec)[];

export interface LoadedSpec {
  /** The spec's name in messages (the path as the user gave it). */
  file: string;
  /** Where it is on disk; the tracker is found relative to it. */
  path: string;
  /** The front matter, checked; null when it has errors. */
  spec: PaperSpec | null;
  /** The Markdown + Handlebars after the front matter. */
  body: string;
  /** The file line on which the body starts, for mapping template lines back to the file. */
  bodyStartLine: number;
  /** The line of the front matter's opening `---` (1), where a missing field is reported. */
  frontMatterLine: number;
  /** The file line of a front matter field (`["committees", 0, "name"]`); `key` for the key's own line. */
  lineOf(path: readonly PropertyKey[], options?: { key?: boolean }): number;
  /** The file line where a text field's own text starts (the line after `|` for a block of text). */
  textLineOf(path: readonly PropertyKey[]): number;
  diagnostics: Diagnostic[];
}

export function loadSpec(path: string, options: { displayName?: string } = {}): LoadedSpec {
  const file = options.displayName ?? path;
  const read = readUserFile(path, FILE_LIMITS.maxTextFileBytes);
  if (!read.ok) {
    const message = read.reason === "missing" ? "the paper spec cannot be read (does the file exist?)" : `the paper spec cannot be read: ${read.message}`;
    return { ...emptySpec(file, path), diagnostics: [{ severity: "error", code: "SPEC_NOT_FOUND", message, file }] };
  }
  return parseSpec(read.bytes.toString("utf8"), file, path);
}

/** The tracker a spec names, as a path relative to the current folder's view (resolved from the spec's folder). */
export function resolveTrackerPath(loaded: LoadedSpec): string | null {
  const tracker = loaded.spec?.tracker;
  return tracker ? resolve(dirname(loaded.path), tracker) : null;
}

/** What a shipped spec's file gave when boardpack was built (shipped-parses.ts); its lines are found only when asked for. */
export interface ParsedSpec {
  spec: PaperSpec;
  body: string;
  bodyStartLine: number;
}

export function parseSpec(text: string, file: string, path = file): LoadedSpec {
  const shipped = shippedParse("spec", text) as ParsedSpec | undefined;
  if (!shipped) return readSpec(text, file, path);
  // Lines are asked for only to point at a field in a message: then the YAML is read after all.
  let read: LoadedSpec | undefined;
  const lines = (): LoadedSpec => (read ??= readSpec(text, file, path));
  return {
    file,
    path,
    spec: shipped.spec,
    body: shipped.body,
    bodyStartLine: shipped.bodyStartLine,
    frontMatterLine: 1,
    lineOf: (at, options) => lines().lineOf(at, options),
    textLineOf: (at) => lines().textLineOf(at),
    diagnostics: [],
  };
}

/** The spec in a file's text, read afresh: its front matter parsed and checked. */
export function readSpec(text: string, file: string, path = file): LoadedSpec {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = source.split("\n");
  const error = (code: string, message: string, line: number): Diagnostic => ({ severity: "error", code, message, file, line });

  if (lines[0]?.trimEnd() !== "---") {
    // No front matter: the whole file is the body; the style must then come from --style.
    return { ...emptySpec(file, path), spec: {}, body: source, bodyStartLine: 1 };
  }
  const closing = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (closing === -1) {
    return {
      ...emptySpec(file, path),
      diagnostics: [error("SPEC_FRONT_MATTER", "the front matter that starts with --- on line 1 is never closed: add a line with just --- after the last field", 1)],
    };
  }
  const yamlText = lines.slice(1, closing).join("\n");
  const body = lines.slice(closing + 1).join("\n");
  const bodyStartLine = closing + 2;

  const counter = new LineCounter();
  // failsafe: every value stays the text the user typed (a phone number keeps its leading 0,
  // "2015-06-04" is not turned into a timestamp, "no" is not turned into false).
  // logLevel "error": the parser's warnings would otherwise print straight to the terminal.
  const doc = parseDocument(yamlText, { lineCounter: counter, schema: "failsafe", prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  const finder = yamlLineFinder(doc, counter, 2);
  const base: LoadedSpec = { file, path, spec: null, body, bodyStartLine, frontMatterLine: 1, lineOf: finder.lineOf, textLineOf: finder.textStartLine, diagnostics: [] };

  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = counter.linePos(yamlError.pos[0]).line + 1;
    return { ...base, diagnostics: [error("SPEC_YAML", yamlMessage(yamlError, lines[line - 1] ?? ""), line)] };
  }
  const js = frontMatterValues(doc);
  if (!js.ok) {
    const line = js.offset === undefined ? 2 : counter.linePos(js.offset).line + 1;
    return { ...base, diagnostics: [error("SPEC_YAML", "the front matter repeats `*name` references so often that it would expand without end; write the values out instead", line)] };
  }
  const raw = withoutBlanks(js.value ?? {});
  if (!isPlainObject(raw)) {
    return { ...base, diagnostics: [error("SPEC_FRONT_MATTER", "the front matter should be fields, one per line, such as `title: Domestic abuse action plan update`", 2)] };
  }
  // One small object, checked once: zod's compiled checker (jitless: false) costs more to build than it saves.
  const parsed = PaperSpec.safeParse(lenientShapes(raw), { jitless: true });
  const diagnostics = parsed.success ? [] : parsed.error.issues.flatMap((issue) => issueDiagnostics(issue, raw, file, finder.lineOf));
  if (parsed.success && parsed.data.marking && parsed.data.classification && parsed.data.marking !== parsed.data.classification) {
    diagnostics.push(error("SPEC_FIELD_INVALID", `marking: "${parsed.data.marking}" and classification: "${parsed.data.classification}" are the same field; give the marking once`, finder.lineOf(["classification"], { key: true })));
  }
  if (parsed.success) diagnostics.push(...refusedAddresses(parsed.data, file, finder.lineOf));
  // zod's copy of `themes` drops a "__proto__" key (it would set the copy's prototype): say so rather than lose the narrative.
  if (isPlainObject(raw.themes) && Object.hasOwn(raw.themes, "__proto__")) {
    diagnostics.push(error("SPEC_FIELD_UNKNOWN", 'themes: "__proto__" cannot be a theme\'s name here; give the theme\'s title as the tracker writes it', finder.lineOf(["themes", "__proto__"], { key: true })));
  }
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...base, spec: !diagnostics.some((d) => d.severity === "error") && parsed.success ? parsed.data : null, diagnostics };
}

/**
 * The front matter as plain values. An alias expanding into aliases (a "billion laughs") is
 * refused by the parser's alias budget; the first alias is where it is reported.
 */
function frontMatterValues(doc: Document): { ok: true; value: unknown } | { ok: false; offset: number | undefined } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let offset: number | undefined;
    visit(doc, { Alias: (_, node) => ((offset = node.range?.[0]), visit.BREAK) });
    return { ok: false, offset };
  }
}

/**
 * The document addresses a paper links to: one that is an address, but not a web or mail one
 * (javascript:, file:, \\server\share, C:\…), is printed as plain text; the user hears why here.
 */
function refusedAddresses(spec: PaperSpec, file: string, lineOf: LoadedSpec["lineOf"]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const field of ["referenceDocument", "sourceDocument"] as const) {
    const value = spec[field];
    if (value && /^([a-z][a-z0-9+.-]*:|\\\\|\/\/)/i.test(value) && !isAllowedLinkAddress(value)) {
      out.push({ severity: "warning", code: "LINK_REFUSED", message: `${field}: ${refusedLinkMessage(value)}`, file, line: lineOf([field]) });
    }
  }
  return out;
}

/** The YAML parser's complaint, in a user's terms. */
function yamlMessage(yamlError: { code: string; message: string }, lineText: string): string {
  if (yamlError.code === "DUPLICATE_KEY") {
    const key = /^\s*([^:#]+?)\s*:/.exec(lineText)?.[1];
    return `${key ? `"${key}"` : "a field"} is given twice; keep one of them`;
  }
  const why = yamlError.message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "");
  return `the front matter cannot be read here (${why}). Write one field per line as \`name: value\`; put a value in double quotes when it contains ": " or starts with a quote, [, {, &, * or #`;
}

function emptySpec(file: string, path: string): LoadedSpec {
  return { file, path, spec: null, body: "", bodyStartLine: 1, frontMatterLine: 1, lineOf: () => 1, textLineOf: () => 1, diagnostics: [] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A field left blank (`subject:`), or written as ~ or null, is as if it were not there. */
function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBlanks).filter((v) => v !== undefined);
  if (isPlainObject(value)) {
    // fromEntries, not out[k] = v: a `__proto__:` line must stay a field (and be reported as unknown), not become the object's prototype.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutBlanks(v)] as const).filter(([, v]) => v !== undefined));
  }
  if (value === null || (typeof value === "string" && /^(|~|null)$/i.test(value.trim()))) return undefined;
  return value;
}

/** Shapes that mean one thing only are accepted: `committees: Police` is one committee; `keywords: a, b` a list. */
function lenientShapes(raw: Record<string, unknown>): Record<string, unknown> {
  const out = { ...raw };
  for (const field of ["committees", "contacts"] as const) {
    const value = out[field];
    if (typeof value === "string") out[field] = [{ name: value }];
    else if (Array.isArray(value)) out[field] = value.map((item) => (typeof item === "string" ? { name: item } : item));
  }
  if (typeof out.keywords === "string") out.keywords = out.keywords.split(",").map((k) => k.trim()).filter(Boolean);
  return out;
}

const NESTED_FIELDS: Record<string, { noun: string; fields: string[] }> = {
  committees: { noun: "committee", fields: Object.keys(Committee.shape) },
  contacts: { noun: "contact", fields: Object.keys(Contact.shape) },
  themes: { noun: "theme", fields: ["narrative", "lead"] },
};

/** One zod issue → diagnostics a user can act on, at the line of the field concerned. */
function issueDiagnostics(
  issue: z.core.$ZodIssue,
  raw: Record<string, unknown>,
  file: string,
  lineOf: LoadedSpec["lineOf"],
): Diagnostic[] {
  const path = issue.path;
  const top = String(path[0] ?? "");
  const at = (line: number, code: string, message: string): Diagnostic => ({ severity: "error", code, message, file, line });

  if (issue.code === "unrecognized_keys") {
    const nested = path.length > 0 ? NESTED_FIELDS[top] : undefined;
    return issue.keys.map((key) => {
      const known = nested ? nested.fields : SPEC_FIELDS;
      const suggestion = didYouMean(key, known);
      const what = nested ? `${top}: "${key}" is not a ${nested.noun} field` : `"${key}" is not a spec field`;
      const list = suggestion || `; the ${nested ? `${nested.noun} fields` : "fields"} are ${known.join(", ")}`;
      return at(lineOf([...path, key], { key: true }), "SPEC_FIELD_UNKNOWN", `${what}${list}`);
    });
  }

  const line = lineOf(path);
  const where = describePath(path);
  if (issue.code === "custom") return [at(line, "SPEC_FIELD_INVALID", `${where}: ${issue.message}`)];
  if (issue.code === "invalid_union" && top === "themes") {
    return [at(line, "SPEC_FIELD_INVALID", `${where}: write the theme's narrative as text, or as \`narrative:\` and \`lead:\` lines under it`)];
  }
  if (issue.code === "invalid_type") {
    const given = valueAt(raw, path);
    if (given === undefined) {
      const field = String(path[path.length - 1]);
      const owner = NESTED_FIELDS[top]?.noun ?? "paper";
      return [at(lineOf(path.slice(0, -1)), "SPEC_FIELD_MISSING", `${describePath(path.slice(0, -1))}: each ${owner} needs a ${field}`)];
    }
    return [at(line, "SPEC_FIELD_INVALID", `${where}: ${expectedShape(issue.expected, path)}, not ${shapeOf(given)}`)];
  }
  return [at(line, "SPEC_FIELD_INVALID", `${where}: ${issue.message}`)];
}

/** ["committees", 0, "date"] → `committees (entry 1) date`; ["themes", "Training"] → `themes "Training"`. */
function describePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += ` (entry ${p + 1})`;
    else if (out === "") out = String(p);
    else out += path[0] === "themes" && out === "themes" ? ` "${String(p)}"` : ` ${String(p)}`;
  }
  return out || "front matter";
}

function expectedShape(expected: string, path: readonly PropertyKey[]): string {
  const top = String(path[0] ?? "");
  if (expected === "array") return `give a list, one \`- \` line per ${NESTED_FIELDS[top]?.noun ?? "item"}`;
  if (expected === "object") return `give the ${NESTED_FIELDS[top]?.noun ?? "entry"}'s fields, one per line (such as \`name: …\`)`;
  if (expected === "record") return "give one line per theme, `Theme title: narrative`";
  return "give a line of text";
}

function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (isPlainObject(value)) return "a set of fields";
  return `"${String(value)}"`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = lenientShapes(root as Record<string, unknown>);
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}
