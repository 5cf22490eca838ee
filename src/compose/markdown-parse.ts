// Markdown → mdast, as `fromMarkdown` with GFM tables gives it, but quick for the long, plain
// Markdown that tracker data makes (a paper of 50,000 actions is tens of megabytes of escaped
// table rows, list items and update paragraphs, which micromark reads at about 1 MB/s).
//
// The document is cut at blank lines where no construct can carry over (see segments()). A piece
// made only of the plainest forms — a heading, a paragraph, a tight one-line-per-item list, a pipe
// table, an HTML comment line — whose text has no inline syntax but backslash escapes, is built
// here directly; any other piece is parsed by micromark on its own and its positions shifted.
// Either way the tree is the one micromark builds for the whole document, positions included;
// test/compose/markdown-parse.test.ts compares the two on generated and real papers.
import type { Heading, Html, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from "mdast";
import type { Point, Position } from "unist";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";

const OPTIONS = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };

/** The reference parse: micromark with GFM tables. */
export function parseMarkdownSlowly(markdown: string): Root {
  return fromMarkdown(markdown, OPTIONS);
}

interface Line {
  text: string;
  /** Offset of the line's first character in the document. */
  offset: number;
  /** 1-based line number. */
  line: number;
}

export function parseMarkdown(markdown: string): Root {
  const nodes = topLevelNodes(markdown);
  if (Array.isArray(nodes)) return parseMarkdownSlowly(markdown);
  const lastBreak = markdown.lastIndexOf("\n");
  let lineCount = 1;
  for (let at = markdown.indexOf("\n"); at !== -1; at = markdown.indexOf("\n", at + 1)) lineCount++;
  return {
    type: "root",
    children: [...nodes],
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lineCount, column: markdown.length - lastBreak, offset: markdown.length } },
  };
}

/**
 * The root's children, as parseMarkdown gives them. A document micromark must read whole comes
 * as an array (it may hold link reference definitions, which apply document-wide); any other
 * is given a piece at a time, so that a long paper's tree need never be held all at once.
 */
export function topLevelNodes(markdown: string): RootContent[] | Iterable<RootContent> {
  // Tabs (tab stops), CR line ends, NUL (replaced), link reference definitions (document-wide),
  // fenced code and raw HTML blocks that run past blank lines: the whole document to micromark.
  if (
    /[\t\r\0]/.test(markdown) ||
    markdown.includes("]:") ||
    someLineStartsWith(markdown, "```") ||
    someLineStartsWith(markdown, "~~~") ||
    someLineStartsWith(markdown, "<", /<(?:script|pre|style|textarea|\?|![A-Za-z[])/iy)
  ) {
    return parseMarkdownSlowly(markdown).children;
  }
  for (let at = markdown.indexOf("<!--"); at !== -1; at = markdown.indexOf("<!--", at + 4)) {
    const close = markdown.indexOf("-->", at + 4);
    const lineEnd = markdown.indexOf("\n", at);
    if (close === -1 || (lineEnd !== -1 && close > lineEnd)) return parseMarkdownSlowly(markdown).children;
  }

  const lines: Line[] = [];
  for (let offset = 0, line = 1; ; line++) {
    const end = markdown.indexOf("\n", offset);
    lines.push({ text: markdown.slice(offset, end === -1 ? markdown.length : end), offset, line });
    if (end === -1) break;
    offset = end + 1;
  }
  return pieces(markdown, lines);
}

/**
 * Whether some line begins, after at most three spaces, with `marker` (and then a match of
 * `sticky`, when given) — as /^ {0,3}…/m.test would say, but looked for only where `marker`
 * occurs: a multiline ^ is tried at every character, 16 ms over a 1,000-action paper.
 */
export function someLineStartsWith(text: string, marker: string, sticky?: RegExp): boolean {
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
    let start = at;
    while (start > 0 && at - start < 3 && text[start - 1] === " ") start--;
    if (start === 0 || isLineTerminator(text.charCodeAt(start - 1))) {
      if (!sticky) return true;
      sticky.lastIndex = at;
      if (sticky.test(text)) return true;
    }
  }
  return false;
}

/** What ends a line for a JavaScript regular expression's ^ (with the m flag). */
function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

function* pieces(markdown: string, lines: readonly Line[]): Generator<RootContent> {
  for (const [start, end] of segments(lines)) {
    yield* parseSegment(lines, start, end) ?? parseSegmentSlowly(markdown, lines, start, end);
  }
}

const BLANK = /^ *$/;
const LIST_MARKER = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?: |$)/;

/**
 * Runs of non-blank lines as [first, end) line indexes. A run joins the one before when it could
 * continue it: it starts indented (list or code continuation), it starts with a list marker after
 * a run that has list items (a loose list), or the run before has indented lines (an indented code
 * block, after which micromark reads the next block as if it were interrupting). Everything else
 * ends at a blank line.
 */
function segments(lines: readonly Line[]): [number, number][] {
  const out: [number, number][] = [];
  let hasListItem = false;
  let hasIndent = false;
  for (let i = 0; i < lines.length; ) {
    if (BLANK.test(lines[i]!.text)) {
      i++;
      continue;
    }
    const start = i;
    let listHere = false;
    let indentHere = false;
    while (i < lines.length && !BLANK.test(lines[i]!.text)) {
      const text = lines[i]!.text;
      if (LIST_MARKER.test(text)) listHere = true;
      if (text.startsWith(" ")) indentHere = true;
      i++;
    }
    const first = lines[start]!.text;
    const previous = out[out.length - 1];
    if (previous && (first.startsWith(" ") || hasIndent || (hasListItem && LIST_MARKER.test(first)))) {
      previous[1] = i;
      hasListItem ||= listHere;
      hasIndent ||= indentHere;
    } else {
      out.push([start, i]);
      hasListItem = listHere;
      hasIndent = indentHere;
    }
  }
  return out;
}

/** A piece micromark parses by itself, its positions moved to where the piece stands. */
function parseSegmentSlowly(markdown: string, lines: readonly Line[], start: number, end: number): RootContent[] {
  const first = lines[start]!;
  const last = lines[end - 1]!;
  const tree = parseMarkdownSlowly(markdown.slice(first.offset, last.offset + last.text.length));
  const shift = (node: { position?: Position; children?: unknown[] }) => {
    if (node.position) {
      for (const point of [node.position.start, node.position.end]) {
        point.line += first.line - 1;
        if (point.offset !== undefined) point.offset += first.offset;
      }
    }
    for (const child of node.children ?? []) shift(child as { position?: Position; children?: unknown[] });
  };
  for (const child of tree.children) shift(child);
  return tree.children;
}

// ---- the plain forms ----

/** A backslash escape: the character stands for itself. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
/** First characters that could open a block other than a paragraph (or continue a table). */
const BLOCK_START = /^(?:[ #>\-*+=_~`|<[]|\d{1,9}[.)](?: |$))/;

function point(l: Line, column: number): Point {
  return { line: l.line, column: column + 1, offset: l.offset + column };
}

function position(startLine: Line, startColumn: number, endLine: Line, endColumn: number): Position {
  return { start: point(startLine, startColumn), end: point(endLine, endColumn) };
}

/**
 * The text of plain inline content (backslash escapes resolved), or null when it holds any other
 * inline syntax: emphasis, code, links, HTML or entities (`*_`[]<&` not escaped), or a backslash
 * at the end (a hard line break).
 */
function plainText(raw: string): string | null {
  if (raw === "") return null;
  // Text with none of those characters (escaped or not) needs only its escapes resolved and
  // its end looked at: found by native searches rather than the loop below, which every cell,
  // item and paragraph of a long paper would otherwise go through.
  if (!INLINE_SYNTAX.test(raw)) {
    if (!raw.includes("\\")) return raw;
    let trailing = 0;
    for (let i = raw.length - 1; i >= 0 && raw.charCodeAt(i) === 0x5c; i--) trailing++;
    if (trailing % 2 === 1) return null; // a backslash at the end, not itself escaped: a hard line break
    return raw.replace(ESCAPE, "$1");
  }
  let escapes = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      if (i + 1 === raw.length) return null;
      if (isAsciiPunctuation(raw.charCodeAt(i + 1))) {
        escapes = true;
        i++;
      }
      continue;
    }
    if (c === 0x2a || c === 0x5f || c === 0x60 || c === 0x5b || c === 0x5d || c === 0x3c || c === 0x26) return null;
  }
  return escapes ? raw.replace(ESCAPE, "$1") : raw;
}

/** The characters that can start inline syntax other than an escape: * _ ` [ ] < & */
const INLINE_SYNTAX = /[*_`[\]<&]/;

function isAsciiPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

function textNode(value: string, pos: Position): Text {
  return { type: "text", value, position: pos };
}

function parseSegment(lines: readonly Line[], start: number, end: number): RootContent[] | null {
  const out: RootContent[] = [];
  let i = start;
  while (i < end) {
    const l = lines[i]!;
    const text = l.text;
    if (BLANK.test(text)) return null;
    if (text.startsWith("<!--") && text.endsWith("-->") && text.length >= 7) {
      out.push({ type: "html", value: text, position: position(l, 0, l, text.length) } satisfies Html);
      i++;
      continue;
    }
    if (text.startsWith("#")) {
      const heading = parseHeading(l);
      if (!heading) return null;
      out.push(heading);
      i++;
      continue;
    }
    if (text.startsWith("|")) {
      const table = parseTable(lines, i, end);
      if (!table) return null;
      out.push(table);
      i = end;
      continue;
    }
    if (LIST_MARKER.test(text)) {
      const list = parseList(lines, i, end);
      if (!list) return null;
      out.push(list);
      i = end;
      continue;
    }
    const paragraph = parseParagraph(lines, i, end);
    if (!paragraph) return null;
    out.push(paragraph);
    i = end;
  }
  return out;
}

function parseHeading(l: Line): Heading | null {
  const m = /^(#{1,6})( +)(\S(?:.*\S)?)$/.exec(l.text);
  if (!m || m[3]!.endsWith("#")) return null;
  const value = plainText(m[3]!);
  if (value === null) return null;
  const from = m[1]!.length + m[2]!.length;
  return {
    type: "heading",
    depth: m[1]!.length as Heading["depth"],
    children: [textNode(value, position(l, from, l, l.text.length))],
    position: position(l, 0, l, l.text.length),
  };
}

function parseParagraph(lines: readonly Line[], start: number, end: number): Paragraph | null {
  const values: string[] = [];
  for (let i = start; i < end; i++) {
    const text = lines[i]!.text;
    if (BLOCK_START.test(text) || text.endsWith(" ") || text.includes("|")) return null;
    const value = plainText(text);
    if (value === null) {
      // One line with one *emphasised* or **strong** span (a title in italics, say).
      const inline = end - start === 1 ? emphasisContent(text, lines[start]!, 0) : null;
      if (!inline) return null;
      const l = lines[start]!;
      return { type: "paragraph", children: inline, position: position(l, 0, l, text.length) };
    }
    values.push(value);
  }
  const first = lines[start]!;
  const last = lines[end - 1]!;
  const pos = position(first, 0, last, last.text.length);
  return { type: "paragraph", children: [textNode(values.join("\n"), pos)], position: pos };
}

function parseList(lines: readonly Line[], start: number, end: number): List | null {
  const items: ListItem[] = [];
  let marker: string | undefined;
  let first = 1;
  for (let i = start; i < end; i++) {
    const l = lines[i]!;
    const m = /^(?:([-+*])|(\d{1,9})([.)])) (\S.*)$/.exec(l.text);
    if (!m) return null;
    const kind = m[1] ?? m[3]!;
    if (marker === undefined) {
      marker = kind;
      if (m[2] !== undefined) first = Number(m[2]);
    } else if (kind !== marker) return null;
    const content = m[4]!;
    if (BLOCK_START.test(content) || content.endsWith(" ")) return null;
    const value = plainText(content);
    if (value === null) return null;
    const from = l.text.length - content.length;
    // Equal positions share their objects (a long paper's tree is millions of them).
    const pos = position(l, from, l, l.text.length);
    items.push({ type: "listItem", spread: false, checked: null, children: [{ type: "paragraph", children: [textNode(value, pos)], position: pos }], position: { start: point(l, 0), end: pos.end } });
  }
  const ordered = marker !== "-" && marker !== "+" && marker !== "*";
  const last = lines[end - 1]!;
  return { type: "list", ordered, start: ordered ? first : null, spread: false, children: items, position: position(lines[start]!, 0, last, last.text.length) };
}

/**
 * Inline content that is plain but for one span of *emphasis* or **strong emphasis**, as
 * micromark reads it, or null for anything else. `raw` starts at column `from` of line `l`, and
 * what lies just outside it reads as white space (the ends of a line, or spaces). Only the
 * clearest case is taken: two runs of the same number of asterisks, the first of which can
 * only open and the second only close (CommonMark's flanking rules), so no other pairing exists.
 * A house style's header (bold labels in a table) then needs no micromark, whose first use in a
 * run costs more than the whole of the rest of the header.
 */
function emphasisContent(raw: string, l: Line, from: number): PhrasingContent[] | null {
  const open = raw.indexOf("*");
  if (open === -1) return null;
  const size = raw.charCodeAt(open + 1) === 0x2a ? 2 : 1;
  const close = raw.indexOf("*", open + size);
  if (size + open === close || raw.charCodeAt(open + size) === 0x2a) return null;
  const end = close + size;
  if (close === -1 || raw.slice(close, end) !== "*".repeat(size) || raw.indexOf("*", end) !== -1) return null;
  // A backslash before either run may escape it: left to micromark.
  if (raw.charCodeAt(open - 1) === 0x5c || raw.charCodeAt(close - 1) === 0x5c) return null;
  const opener = flanking(raw, open, open + size);
  const closer = flanking(raw, close, end);
  if (!opener || !closer || !opener.canOpen || opener.canClose || !closer.canClose || closer.canOpen) return null;
  const before = open === 0 ? "" : plainText(raw.slice(0, open));
  const inner = plainText(raw.slice(open + size, close));
  const after = end === raw.length ? "" : plainText(raw.slice(end));
  if (before === null || inner === null || after === null) return null;
  const out: PhrasingContent[] = [];
  if (before !== "") out.push(textNode(before, position(l, from, l, from + open)));
  out.push({
    type: size === 1 ? "emphasis" : "strong",
    children: [textNode(inner, position(l, from + open + size, l, from + close))],
    position: position(l, from + open, l, from + end),
  });
  if (after !== "") out.push(textNode(after, position(l, from + end, l, from + raw.length)));
  return out;
}

/** Whether the run of asterisks raw[start, end) can open and can close emphasis (micromark's attention rules). */
function flanking(raw: string, start: number, end: number): { canOpen: boolean; canClose: boolean } | null {
  const before = start === 0 ? "space" : characterClass(raw.charCodeAt(start - 1));
  const after = end === raw.length ? "space" : characterClass(raw.charCodeAt(end));
  if (before === null || after === null) return null;
  return {
    canOpen: after === "other" || (after === "punctuation" && before !== "other"),
    canClose: before === "other" || (before === "punctuation" && after !== "other"),
  };
}

const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;

/** How micromark classes a character next to a delimiter run; null for half a surrogate pair (left to micromark). */
function characterClass(code: number): "space" | "punctuation" | "other" | null {
  if (code >= 0xd800 && code <= 0xdfff) return null;
  const c = String.fromCharCode(code);
  if (/\s/.test(c)) return "space";
  return UNICODE_PUNCTUATION.test(c) ? "punctuation" : "other";
}

/** A row's cells as [start, end) columns, each from its leading pipe to the next (the last takes the closing pipe). */
function splitRow(text: string): [number, number][] | null {
  if (!text.startsWith("|") || !text.endsWith("|") || text.length < 2) return null;
  // A backslash makes the character after it plain, so a pipe divides cells when the run of
  // backslashes just before it is even (none, or escaped backslashes).
  const pipes: number[] = [0];
  for (let at = text.indexOf("|", 1); at !== -1; at = text.indexOf("|", at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) pipes.push(at);
  }
  if (pipes[pipes.length - 1] !== text.length - 1) return null; // the closing pipe is escaped
  const cells: [number, number][] = [];
  for (let k = 0; k < pipes.length - 1; k++) cells.push([pipes[k]!, k === pipes.length - 2 ? text.length : pipes[k + 1]!]);
  return cells;
}

function parseTable(lines: readonly Line[], start: number, end: number): Table | null {
  if (end - start < 2) return null;
  const delimiter = lines[start + 1]!.text;
  if (!/^\|(?: *:?-+:? *\|)+$/.test(delimiter)) return null;
  const align = delimiter
    .slice(1, -1)
    .split("|")
    .map((d) => {
      const cell = d.trim();
      const left = cell.startsWith(":");
      const right = cell.endsWith(":");
      return left && right ? "center" : left ? "left" : right ? "right" : null;
    });
  const rows: TableRow[] = [];
  for (let i = start; i < end; i++) {
    if (i === start + 1) continue;
    const l = lines[i]!;
    const cells = splitRow(l.text);
    if (!cells || cells.length !== align.length) return null;
    const children: TableCell[] = [];
    // A cell ends where the next begins, and the row with its first and last cells: shared points.
    const rowStart = point(l, 0);
    let boundary = rowStart;
    for (const [from, to] of cells) {
      // Inside the pipes, without the spaces around the content.
      let a = from + 1;
      let b = to - (to === l.text.length ? 1 : 0);
      while (a < b && l.text.charCodeAt(a) === 0x20) a++;
      while (b > a && l.text.charCodeAt(b - 1) === 0x20) b--;
      const end = point(l, to);
      const cell: TableCell = { type: "tableCell", children: [], position: { start: from === boundary.column - 1 ? boundary : point(l, from), end } };
      boundary = end;
      if (b > a) {
        const raw = l.text.slice(a, b);
        if (raw.endsWith("\\")) return null;
        const value = plainText(raw);
        if (value !== null) cell.children.push(textNode(value, position(l, a, l, b)) as PhrasingContent);
        else {
          // A **bold label** in a cell; only between spaces, which every reading takes as white space.
          const inline = l.text.charCodeAt(a - 1) === 0x20 && l.text.charCodeAt(b) === 0x20 ? emphasisContent(raw, l, a) : null;
          if (!inline) return null;
          cell.children.push(...inline);
        }
      }
      children.push(cell);
    }
    rows.push({ type: "tableRow", children, position: { start: rowStart, end: boundary.column - 1 === l.text.length ? boundary : point(l, l.text.length) } });
  }
  const last = lines[end - 1]!;
  return { type: "table", align, children: rows, position: position(lines[start]!, 0, last, last.text.length) };
}
