// The rendered Markdown of one part of a paper (header, body or footer) → Doc blocks.
// CommonMark + GFM tables, parsed by mdast-util-from-markdown (micromark). Only prose comes this
// way: tables and lists of actions are blocks already (block-slots.ts), so the Markdown of even a
// 10,000-action paper is a few KiB (about 7 KiB, parsed in tens of milliseconds);
// directives (HTML comments, see directives.ts) fill in what Markdown has no words for; RAG cells
// follow rag-cell.ts.
// Paragraph numbers are not decided here (numbering.ts does that), but which paragraphs must
// not be numbered is: the ones under <!-- unnumbered --> or <!-- numbering: off -->.
import type { Html, List, ListItem as MdListItem, Nodes, Paragraph, PhrasingContent, RootContent, Table } from "mdast";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { RAG_LABELS } from "../model/vocabulary.js";
import { readDirectiveComment, type Directive } from "./directives.js";
import type { Block, ListBlock, ListItem, ListKind, ParagraphBlock, ParagraphRole, Run, TableBlock, TableCell } from "./doc.js";
import type { BlockSlots } from "./block-slots.js";
import type { HouseStyle } from "./house-style.js";
import { isAllowedLinkAddress, refusedLinkMessage } from "./link-address.js";
import { readRagMarker } from "./rag-cell.js";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { findTypedList, readTypedMarker } from "./typed-lists.js";

export interface MarkdownPart {
  /** The Markdown the templates produced. */
  markdown: string;
  /** The template it came from, for warnings: its file, text and first line. */
  file: string;
  templateText: string;
  firstLine: number;
  /** Only the body may say where the style's footer goes. */
  allowFooterMarker: boolean;
  /** Blocks the helpers built from plan data, standing in the Markdown as placeholders. */
  slots?: BlockSlots;
}

export interface ConvertedPart {
  blocks: Block[];
  /** Paragraphs that must not be numbered (directives). */
  unnumbered: Set<Block>;
  /** Where <!-- footer here --> stood (an index into blocks), or null. */
  footerIndex: number | null;
  diagnostics: Diagnostic[];
}

/** Directives that wait for the next block. */
interface Pending {
  role?: ParagraphRole;
  align?: "left" | "center" | "right";
  unnumbered?: boolean;
  keepWithNext?: boolean;
  list?: ListKind;
  tableRole?: "data" | "layout";
  widths?: number[];
  /** The next block's language, when it is not the paper's. */
  lang?: string;
}

const BREAK_TAG = /^<br\s*\/?>$/i;
const MARKDOWN = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };

export function markdownToBlocks(part: MarkdownPart, style: HouseStyle): ConvertedPart {
  const nodes = fromMarkdown(part.markdown, MARKDOWN).children;
  const source = part.markdown;
  const result: ConvertedPart = { blocks: [], unnumbered: new Set(), footerIndex: null, diagnostics: [] };
  const typedLists = new WeakSet<ListBlock>();
  // Link reference definitions apply to the whole document.
  const definitions = new Map<string, string>();
  for (const node of nodes) if (node.type === "definition") definitions.set(node.identifier, node.url);

  let pending: Pending = {};
  let numberingOff = false;

  const warn = (code: string, message: string, near?: string): void => {
    const d: Diagnostic = { severity: "warning", code, message, file: part.file };
    const line = near === undefined ? undefined : lineInTemplate(part, near);
    if (line !== undefined) d.line = line;
    result.diagnostics.push(d);
  };

  const sourceOf = (node: Nodes): string => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? "" : source.slice(start, end);
  };

  // ---- inline content → runs ----

  const phrasing = (nodes: readonly PhrasingContent[], look: Omit<Run, "text">, runs: Run[]): Run[] => {
    for (const node of nodes) {
      switch (node.type) {
        case "text":
          runs.push({ ...look, text: node.value });
          break;
        case "emphasis":
          phrasing(node.children, { ...look, italic: true }, runs);
          break;
        case "strong":
          phrasing(node.children, { ...look, bold: true }, runs);
          break;
        case "inlineCode":
          runs.push({ ...look, text: node.value });
          break;
        case "break":
          addBreak(runs, look);
          break;
        case "link":
          phrasing(node.children, linked(look, node.url, node), runs);
          break;
        case "linkReference": {
          const url = definitions.get(node.identifier);
          phrasing(node.children, url ? linked(look, url, node) : look, runs);
          break;
        }
        case "image":
          warn("MARKDOWN_UNSUPPORTED", `pictures are not part of a paper; the picture's description "${node.alt ?? ""}" is printed instead`, sourceOf(node));
          if (node.alt) runs.push({ ...look, text: node.alt });
          break;
        case "imageReference":
          if (node.alt) runs.push({ ...look, text: node.alt });
          break;
        case "html":
          inlineHtml(node, look, runs);
          break;
        default:
          if ("value" in node && typeof node.value === "string") runs.push({ ...look, text: node.value });
          else if ("children" in node) phrasing(node.children as PhrasingContent[], look, runs);
      }
    }
    return runs;
  };

  /** The look of a link's words: with its address, or plain with a warning when the address is not one a paper may link to. */
  const linked = (look: Omit<Run, "text">, url: string, node: Nodes): Omit<Run, "text"> => {
    if (isAllowedLinkAddress(url)) return { ...look, link: url };
    warn("LINK_REFUSED", refusedLinkMessage(url), sourceOf(node));
    return look;
  };

  const inlineHtml = (node: Html, look: Omit<Run, "text">, runs: Run[]): void => {
    const html = node.value.trim();
    if (BREAK_TAG.test(html)) {
      addBreak(runs, look);
      return;
    }
    if (part.slots?.isPlaceholder(html)) {
      warn("DATA_PLACE", "a table or list of actions must stand on a line of its own, not inside a paragraph, list item or table cell; it is left out here", undefined);
      return;
    }
    const reading = readDirectiveComment(html);
    if (reading) {
      if (!reading.plainComment) warn("DIRECTIVE_PLACE", `${html}: a directive must be on a line of its own`, html);
      return;
    }
    warn("MARKDOWN_HTML", `HTML is not allowed in a paper; "${html}" is printed as it is`, html);
    runs.push({ ...look, text: node.value });
  };

  // ---- blocks ----

  const takeParagraphPending = (): Pending => {
    const { role, align, unnumbered, keepWithNext } = pending;
    pending = { ...pending, role: undefined, align: undefined, unnumbered: undefined, keepWithNext: undefined };
    return { role, align, unnumbered, keepWithNext } as Pending;
  };

  const paragraphBlock = (runs: Run[], role: ParagraphRole = "body", align?: Pending["align"]): ParagraphBlock => {
    const block: ParagraphBlock = { type: "paragraph", runs: styledRuns(finishRuns(runs), role, style), role };
    if (align) block.align = align;
    return block;
  };

  /** A paragraph, or a lead-in paragraph and the list typed in it by hand. */
  const paragraph = (node: Paragraph): Block[] => {
    const runs = phrasing(node.children, {}, []);
    const lines = splitLines(runs);
    const sourceLines = sourceOf(node).split("\n");
    const typed = lines.length === sourceLines.length ? findTypedList(sourceLines) : null;
    if (!typed) return runs.length === 0 ? [] : [paragraphBlock(runs)];
    const blocks: Block[] = [];
    if (typed.leadIn > 0) blocks.push(paragraphBlock(joinLines(lines.slice(0, typed.leadIn))));
    const items: ListItem[] = typed.itemStarts.map((startLine, i) => {
      const end = typed.itemStarts[i + 1] ?? lines.length;
      const marker = readTypedMarker(sourceLines[startLine]!, typed.kind);
      const itemLines = lines.slice(startLine, end).map((l, j) => (j === 0 ? dropLeading(l, markerText(sourceLines[startLine]!, marker?.length ?? 0)) : l));
      return { blocks: [paragraphBlock(joinLines(itemLines))] };
    });
    const list: ListBlock = { type: "list", kind: typed.kind, start: typed.start, items };
    typedLists.add(list);
    blocks.push(list);
    return blocks;
  };

  const listBlock = (node: List, kindOverride?: ListKind): ListBlock => {
    const items = node.children.map((item) => ({ blocks: itemBlocks(item) }));
    let kind: ListKind = kindOverride ?? (node.ordered ? style.listKind : "bullet");
    let start = node.ordered ? (node.start ?? 1) : 1;
    // "- i) …" items typed by hand: the markers the author typed become the list's own.
    const typed = kindOverride ? null : typedMarkersOfItems(node);
    if (typed) {
      kind = typed.kind;
      start = typed.start;
      items.forEach((item, i) => stripMarker(item, typed.markers[i]!));
    }
    return { type: "list", kind, start, items };
  };

  const typedMarkersOfItems = (node: List): { kind: ListKind; start: number; markers: string[] } | null => {
    const firsts = node.children.map((item) => (item.children[0]?.type === "paragraph" ? item.children[0] : null));
    if (firsts.some((p) => p === null)) return null;
    const sources = firsts.map((p) => sourceOf(p!).split("\n")[0] ?? "");
    const first = readTypedMarker(sources[0] ?? "");
    if (!first) return null;
    const markers: string[] = [];
    for (const [i, s] of sources.entries()) {
      const marker = readTypedMarker(s, first.kind);
      if (!marker || marker.kind !== first.kind || marker.value !== first.value + i) return null;
      markers.push(markerText(s, marker.length));
    }
    return { kind: first.kind, start: first.value, markers };
  };

  const itemBlocks = (item: MdListItem): Block[] => {
    const blocks: Block[] = [];
    for (const child of item.children) {
      if (child.type === "paragraph") {
        const runs = phrasing(child.children, {}, []);
        if (runs.length > 0) blocks.push(paragraphBlock(runs));
      } else {
        blocks.push(...topLevel(child));
      }
    }
    return blocks;
  };

  const tableBlock = (node: Table): TableBlock => {
    const align = node.align ?? [];
    const [headerRow, ...bodyRows] = node.children;
    const columns = headerRow?.children.length ?? 0;
    const row = (cells: Table["children"][number]["children"]): TableCell[] =>
      Array.from({ length: columns }, (_, i) => {
        const cell = cells[i];
        const out = cell ? tableCell(cell.children, sourceOf(cell)) : { paragraphs: [[]] };
        const a = align[i];
        if (a) out.align = a;
        return out;
      });
    const table: TableBlock = { type: "table", header: row(headerRow?.children ?? []), rows: bodyRows.map((r) => row(r.children)), role: pending.tableRole ?? "data" };
    if (pending.widths) {
      if (pending.widths.length === columns) table.widths = pending.widths;
      else warn("DIRECTIVE_INVALID", `widths: ${pending.widths.length} widths were given for a table of ${columns} columns; the widths are ignored`, `widths`);
    }
    pending = { ...pending, tableRole: undefined, widths: undefined };
    return table;
  };

  /** A cell's runs, split into paragraphs at <br>; a leading {rag:…} marker makes it a RAG cell. */
  const tableCell = (children: PhrasingContent[], cellSource: string): TableCell => {
    // Most cells hold data, whose "{" is always escaped: no "{" at all means no marker.
    const marker = cellSource.includes("{") ? readRagMarker(cellSource.replace(/^\|?\s*/, "")) : null;
    if (!marker) {
      const plain = plainCell(children);
      if (plain) return plain;
    }
    const runs = phrasing(children, {}, []);
    const cell: TableCell = { paragraphs: splitLines(runs).map(finishRuns) };
    if (!marker) return cell;
    const first = cell.paragraphs[0]?.[0];
    if (first) first.text = first.text.slice(marker.length).trimStart();
    cell.paragraphs = cell.paragraphs.map((p) => p.filter((r) => r.text !== "" || r.breakAfter));
    if (marker.kind === "unknown") {
      warn("RAG_UNKNOWN", `{rag:${marker.word}} is not a RAG colour; use red, amber, green or blue`, `{rag:${marker.word}}`);
      return cell;
    }
    cell.rag = marker.rag;
    if (cell.paragraphs.every((p) => p.length === 0)) cell.paragraphs = [[{ text: RAG_LABELS[marker.rag] }]];
    return cell;
  };

  const otherBlock = (node: RootContent): Block[] => {
    switch (node.type) {
      case "code":
        return [paragraphBlock(node.value.split("\n").map((text, i, all) => (i < all.length - 1 ? { text, breakAfter: true } : { text })))];
      case "blockquote":
        return node.children.flatMap((child) => topLevel(child));
      case "thematicBreak":
        warn("MARKDOWN_UNSUPPORTED", `a horizontal rule (${sourceOf(node).trim()}) is not part of a paper; use <!-- page break --> to start a new page`, sourceOf(node).trim());
        return [];
      case "definition":
        return [];
      default:
        warn("MARKDOWN_UNSUPPORTED", `this Markdown (${node.type}) is not part of a paper and is left out`, sourceOf(node));
        return [];
    }
  };

  const applyDirective = (directive: Directive): Block[] => {
    switch (directive.kind) {
      case "pageBreak":
        return [{ type: "pageBreak" }];
      case "footerHere":
        if (part.allowFooterMarker && result.footerIndex === null) result.footerIndex = result.blocks.length;
        else warn("DIRECTIVE_PLACE", part.allowFooterMarker ? "<!-- footer here --> is given twice; the first is used" : "<!-- footer here --> belongs in the paper's body", "footer here");
        return [];
      case "role":
        pending.role = directive.role;
        return [];
      case "align":
        pending.align = directive.align;
        return [];
      case "unnumbered":
        pending.unnumbered = true;
        return [];
      case "keepWithNext":
        pending.keepWithNext = true;
        return [];
      case "numbering":
        numberingOff = !directive.on;
        return [];
      case "list":
        pending.list = directive.list;
        return [];
      case "table":
        pending.tableRole = directive.role;
        return [];
      case "widths":
        pending.widths = directive.widths;
        return [];
      case "lang":
        pending.lang = directive.lang;
        return [];
    }
  };

  const blockHtml = (node: Html): Block[] => {
    const data = part.slots?.take(node.value);
    if (data) {
      paragraphDirectivesUnused("a table or list of actions");
      return takeDataDirectives(data);
    }
    const reading = readDirectiveComment(node.value);
    if (reading) {
      for (const problem of reading.problems) warn("DIRECTIVE_UNKNOWN", problem, node.value.trim());
      return reading.directives.flatMap(applyDirective);
    }
    if (BREAK_TAG.test(node.value.trim())) return [];
    warn("MARKDOWN_HTML", `HTML is not allowed in a paper; "${node.value.trim().slice(0, 60)}" is printed as it is`, node.value.trim());
    return [paragraphBlock([{ text: node.value }])];
  };

  /** Directives waiting for the next list or table (list:, table:, widths:) apply to data blocks too. */
  // The first block is replaced, not edited: the blocks are the slots' own (see BlockSlots.take).
  const takeDataDirectives = (blocks: Block[]): Block[] => {
    let first = blocks[0];
    if (first?.type === "list" && pending.list) first = { ...first, kind: pending.list };
    if (first?.type === "table") {
      if (pending.tableRole) first = { ...first, role: pending.tableRole };
      if (pending.widths) {
        if (pending.widths.length === first.header.length) first = { ...first, widths: pending.widths };
        else warn("DIRECTIVE_INVALID", `widths: ${pending.widths.length} widths were given for a table of ${first.header.length} columns; the widths are ignored`, "widths");
      }
    }
    pending = { ...pending, list: undefined, tableRole: undefined, widths: undefined };
    return first === blocks[0] ? blocks : [first!, ...blocks.slice(1)];
  };

  /** Directives for "the next paragraph" that meet something else first are reported, not carried on. */
  const paragraphDirectivesUnused = (what: string): void => {
    const unused = takeParagraphPending();
    const named = [unused.role && `role: ${unused.role}`, unused.align && `align: ${unused.align}`, unused.unnumbered && "unnumbered", unused.keepWithNext && "keep with next"].filter(Boolean);
    if (named.length > 0) warn("DIRECTIVE_PLACE", `<!-- ${named.join("; ")} --> applies to the next paragraph, but ${what} comes first; it is ignored`, named[0] as string);
  };

  /** The blocks of a node, in the language a directive gave them. */
  const topLevel = (node: RootContent): Block[] => {
    if (node.type === "html" || pending.lang === undefined) return topLevelBlocks(node);
    const lang = pending.lang;
    pending = { ...pending, lang: undefined };
    const blocks = topLevelBlocks(node);
    for (const block of blocks) if (block.type !== "pageBreak") block.lang = lang;
    return blocks;
  };

  const topLevelBlocks = (node: RootContent): Block[] => {
    if (node.type === "heading" || node.type === "list" || node.type === "table") paragraphDirectivesUnused(`a ${node.type}`);
    switch (node.type) {
      case "html":
        return blockHtml(node);
      case "heading": {
        const level = Math.min(node.depth, 3) as 1 | 2 | 3;
        return [{ type: "heading", level, runs: finishRuns(phrasing(node.children, {}, [])) }];
      }
      case "paragraph": {
        const directives = takeParagraphPending();
        const blocks = paragraph(node);
        const first = blocks[0];
        if (first?.type === "paragraph" && (directives.role || directives.align)) {
          const role = directives.role ?? "body";
          Object.assign(first, paragraphBlock(first.runs, role, directives.align));
        }
        for (const block of blocks) if (block.type === "paragraph" && (directives.unnumbered || numberingOff)) result.unnumbered.add(block);
        if (directives.keepWithNext) {
          const last = blocks[blocks.length - 1];
          if (last?.type === "paragraph") last.keepWithNext = true;
        }
        return blocks;
      }
      case "list": {
        const kind = pending.list;
        pending = { ...pending, list: undefined };
        return [listBlock(node, kind)];
      }
      case "table":
        return [tableBlock(node)];
      default:
        return otherBlock(node);
    }
  };

  for (const node of nodes) {
    for (const block of topLevel(node)) {
      const previous = result.blocks[result.blocks.length - 1];
      // "i) …" then "ii) …" typed as separate paragraphs are one list.
      if (block.type === "list" && previous?.type === "list" && typedLists.has(block) && typedLists.has(previous) && previous.kind === block.kind && previous.start + previous.items.length === block.start) {
        previous.items.push(...block.items);
        continue;
      }
      result.blocks.push(block);
    }
  }
  return result;
}

// ---- runs ----

/**
 * What tableCell makes of an empty cell or one of plain text on one line (most cells of a
 * long table), made without the general steps: no runs to split, merge or style.
 */
function plainCell(children: readonly PhrasingContent[]): TableCell | null {
  if (children.length === 0) return { paragraphs: [[]] };
  const only = children[0]!;
  if (children.length !== 1 || only.type !== "text" || only.value === "" || only.value.includes("\n")) return null;
  const text = only.value.trim();
  return { paragraphs: [text === "" ? [] : [{ text }]] };
}

function addBreak(runs: Run[], look: Omit<Run, "text">): void {
  const last = runs[runs.length - 1];
  if (last && !last.breakAfter) last.breakAfter = true;
  else runs.push({ ...look, text: "", breakAfter: true });
}

/** Runs → lines, at soft line breaks ("\n" in text) and hard breaks. */
function splitLines(runs: readonly Run[]): Run[][] {
  // Nearly every paragraph and table cell is one line: then the runs are the line as they are.
  if (runs.every((run) => run.text !== "" && !run.breakAfter && !run.text.includes("\n"))) return [runs.slice()];
  const lines: Run[][] = [[]];
  for (const run of runs) {
    const pieces = run.text.split("\n");
    pieces.forEach((piece, i) => {
      if (i > 0) lines.push([]);
      const { breakAfter: _, ...look } = run;
      if (piece !== "") lines[lines.length - 1]!.push({ ...look, text: piece });
    });
    if (run.breakAfter) lines.push([]);
  }
  if (lines.length > 1 && lines[lines.length - 1]!.length === 0) lines.pop();
  return lines;
}

/** Lines of one paragraph joined back with spaces (soft breaks). */
function joinLines(lines: readonly Run[][]): Run[] {
  const out: Run[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && line.length > 0) out.push({ ...line[0]!, text: " " });
    out.push(...line);
  });
  return out;
}

/** The exact characters of a marker at the start of a source line ("ii) "), trimmed of indentation. */
function markerText(sourceLine: string, length: number): string {
  return sourceLine.slice(0, length).trimStart();
}

/** Removes a typed marker from the front of a line's runs. */
function dropLeading(runs: Run[], marker: string): Run[] {
  const copy = runs.map((r) => ({ ...r }));
  let rest = marker.trimEnd().length;
  while (rest > 0 && copy.length > 0) {
    const first = copy[0]!;
    const trimmed = first.text.trimStart();
    const take = Math.min(rest, trimmed.length);
    first.text = trimmed.slice(take);
    rest -= take;
    if (first.text === "" && !first.breakAfter) copy.shift();
  }
  if (copy[0]) copy[0].text = copy[0].text.trimStart();
  return copy;
}

function stripMarker(item: ListItem, marker: string): void {
  const first = item.blocks[0];
  if (first?.type === "paragraph") first.runs = finishRuns(dropLeading(first.runs, marker));
}

/** Soft breaks become spaces; neighbours that look the same are merged; leading and trailing space goes. */
function finishRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const text = run.text.includes("\n") ? run.text.replace(/[ \t]*\n[ \t]*/g, " ") : run.text;
    const last = out[out.length - 1];
    if (last && !last.breakAfter && sameLook(last, run)) {
      last.text += text;
      if (run.breakAfter) last.breakAfter = true;
    } else {
      const next: Run = { text };
      if (run.bold) next.bold = true;
      if (run.italic) next.italic = true;
      if (run.link) next.link = run.link;
      if (run.breakAfter) next.breakAfter = true;
      out.push(next);
    }
  }
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out[out.length - 1];
  if (last && !last.breakAfter) last.text = last.text.trimEnd();
  return out.filter((r) => r.text !== "" || r.breakAfter);
}

function sameLook(a: Run, b: Run): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && a.link === b.link;
}

/** The house style's look for a title: capitals and bold, applied here so both writers agree. */
function styledRuns(runs: Run[], role: ParagraphRole, style: HouseStyle): Run[] {
  if (role !== "title") return runs;
  return runs.map((r) => ({
    ...r,
    text: style.title.uppercase ? r.text.toLocaleUpperCase("en-GB") : r.text,
    ...(style.title.bold ? { bold: true } : {}),
  }));
}

/** The line in the template where some text appears, for a warning; undefined when it is not there verbatim. */
function lineInTemplate(part: MarkdownPart, text: string): number | undefined {
  const needle = text.trim().split("\n")[0] ?? "";
  if (needle === "") return undefined;
  const index = part.templateText.indexOf(needle);
  if (index === -1) return undefined;
  return part.firstLine + part.templateText.slice(0, index).split("\n").length - 1;
}
