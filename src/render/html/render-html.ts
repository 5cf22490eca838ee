// Doc → HTML: the same document tree the Word and PDF writers walk, as accessible HTML — the
// app's live preview and `paper --format html` for publishing on a website. Headings are h2–h4
// under the paper's title (h1), numbered paragraphs keep the labels compose gave them, tables
// have header cells, a RAG cell says its word as well as showing its colour, and the marking
// sits at the head and foot as on every printed page. Deterministic: no clock, no ids.
import type { Block, Doc, HeadingBlock, ListBlock, ParagraphBlock, Run, TableBlock, TableCell } from "../../compose/doc.js";
import { withoutForbiddenXmlCharacters } from "../xml-characters.js";
import { PAPER_CSS } from "./paper-css.js";

/** The paper as one self-contained HTML file (its stylesheet inline), as bytes for writing. */
export async function renderHtml(doc: Doc): Promise<Uint8Array> {
  return new TextEncoder().encode(renderHtmlDocument(doc));
}

export function renderHtmlDocument(doc: Doc, options: { stylesheet?: "inline" | string } = {}): string {
  const { meta } = doc;
  const style = !options.stylesheet || options.stylesheet === "inline" ? `<style>\n${PAPER_CSS}</style>` : `<link rel="stylesheet" href="${attr(options.stylesheet)}">`;
  const metaTags = [
    meta.author ? `<meta name="author" content="${attr(meta.author)}">` : "",
    meta.subject ? `<meta name="description" content="${attr(meta.subject)}">` : "",
    meta.keywords?.length ? `<meta name="keywords" content="${attr(meta.keywords.join(", "))}">` : "",
    `<meta name="dcterms.date" content="${attr(meta.date)}">`,
  ].filter(Boolean);
  return [
    "<!DOCTYPE html>",
    `<html lang="${meta.language}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(meta.title)}</title>`,
    ...metaTags,
    style,
    "</head>",
    "<body>",
    renderHtmlArticle(doc),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** The paper itself, `<main class="paper">…</main>`: what the app's preview swaps in as the words change. */
export function renderHtmlArticle(doc: Doc): string {
  const out: string[] = [`<main class="paper" lang="${doc.meta.language}">`];
  const marking = clean(doc.meta.marking?.trim() ?? "");
  if (marking && doc.style.marking.header) out.push(`<p class="marking head">${text(marking)}</p>`);
  const state = { titleDone: false };
  // A page needs one h1: a style whose papers print no title line (Lancashire's label lines)
  // still gives the page its title, for screen readers only.
  if (!doc.blocks.some((b) => b.type === "paragraph" && b.role === "title")) out.push(`<h1 class="visually-hidden">${text(clean(doc.meta.title))}</h1>`);
  // The logo, in the page itself (a data: address), so the file stays one self-contained page.
  if (doc.logo) {
    const { logo } = doc;
    out.push(`<p class="logo align-right"><img src="data:image/${logo.media.format};base64,${logo.media.base64}" alt="${attr(clean(logo.alt))}" width="${Math.round((logo.width * 4) / 3)}" height="${Math.round((logo.height * 4) / 3)}"></p>`);
  }
  for (const block of doc.blocks) out.push(renderBlock(block, state));
  const strapline = clean(doc.style.strapline?.trim() ?? "");
  const printsStrapline = doc.blocks.some((b) => b.type === "paragraph" && b.role === "strapline");
  const foot: string[] = [];
  if (strapline && !printsStrapline) foot.push(`<p class="furniture strapline">${text(strapline)}</p>`);
  if (marking && doc.style.marking.footer) foot.push(`<p class="marking foot">${text(marking)}</p>`);
  if (foot.length > 0) out.push(`<footer>${foot.join("")}</footer>`);
  out.push("</main>");
  return out.join("\n");
}

function renderBlock(block: Block, state: { titleDone: boolean }): string {
  switch (block.type) {
    case "heading":
      return heading(block);
    case "paragraph":
      return paragraph(block, state);
    case "list":
      return list(block, state);
    case "table":
      return table(block);
    case "pageBreak":
      return '<hr class="page-break">';
  }
}

/** Level 1 → h2: the paper's title is the page's one h1. */
function heading(block: HeadingBlock): string {
  const tag = `h${block.level + 1}`;
  const label = block.number ? `<span class="num">${text(block.number)}</span> ` : "";
  return `<${tag}>${label}${runs(block.runs)}</${tag}>`;
}

function paragraph(block: ParagraphBlock, state: { titleDone: boolean }): string {
  const classes: string[] = [block.role];
  if (block.align && block.align !== "left") classes.push(`align-${block.align}`);
  const content = runs(block.runs);
  // The first title paragraph is the document's heading; any later one stays a paragraph.
  if (block.role === "title" && !state.titleDone) {
    state.titleDone = true;
    return `<h1 class="${classes.join(" ")}">${content}</h1>`;
  }
  if (block.number) {
    classes.push("numbered");
    return `<p class="${classes.join(" ")}"><span class="num">${text(block.number)}</span>${content}</p>`;
  }
  return `<p class="${classes.join(" ")}">${content}</p>`;
}

function list(block: ListBlock, state: { titleDone: boolean }): string {
  const items = block.items.map((item) => `<li>${item.blocks.map((b) => renderBlock(b, state)).join("")}</li>`).join("");
  // Under the numbered paragraphs' text, as in the Word and PDF papers.
  const under = block.underNumberedText ? " under-numbered" : "";
  if (block.kind === "bullet") return under ? `<ul class="${under.trim()}">${items}</ul>` : `<ul>${items}</ul>`;
  const start = block.start !== 1 ? ` start="${block.start}"` : "";
  return `<ol class="${block.kind}${under}"${start}>${items}</ol>`;
}

function table(block: TableBlock): string {
  const layout = block.role === "layout";
  const out: string[] = [layout ? '<table class="layout" role="presentation">' : "<table>"];
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length));
  const widths = columnWidths(block.widths, columns);
  if (widths) out.push(`<colgroup>${widths.map((w) => `<col class="w-${w}">`).join("")}</colgroup>`);
  if (layout) {
    // A layout table (a header block, contacts) has no header row: its first row is data like the rest.
    out.push("<tbody>");
    for (const row of [block.header, ...block.rows]) if (row.length > 0) out.push(`<tr>${row.map((c) => cell(c, "td")).join("")}</tr>`);
    out.push("</tbody>");
  } else {
    out.push(`<thead><tr>${block.header.map((c) => cell(c, "th")).join("")}</tr></thead>`);
    out.push("<tbody>");
    for (const row of block.rows) out.push(`<tr>${row.map((c) => cell(c, "td")).join("")}</tr>`);
    out.push("</tbody>");
  }
  out.push("</table>");
  return out.join("");
}

function cell(c: TableCell, tag: "th" | "td"): string {
  const classes: string[] = [];
  if (c.rag) classes.push(`rag-${c.rag}`);
  if (c.align && c.align !== "left") classes.push(`align-${c.align}`);
  const scope = tag === "th" ? ' scope="col"' : "";
  const cls = classes.length > 0 ? ` class="${classes.join(" ")}"` : "";
  const body = c.paragraphs.length <= 1 ? runs(c.paragraphs[0] ?? []) : c.paragraphs.map((p) => `<p>${runs(p)}</p>`).join("");
  return `<${tag}${scope}${cls}>${body}</${tag}>`;
}

/** Relative widths as whole per cents that add up to about 100; none when the composer gave none. */
function columnWidths(widths: number[] | undefined, columns: number): number[] | null {
  if (!widths || widths.length !== columns) return null;
  const total = widths.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return null;
  return widths.map((w) => Math.min(100, Math.max(1, Math.round((w / total) * 100))));
}

function runs(list: readonly Run[]): string {
  return list.map(run).join("");
}

function run(r: Run): string {
  let html = text(clean(r.text));
  if (r.superscript) html = `<sup>${html}</sup>`;
  if (r.noBreak) html = `<span class="nowrap">${html}</span>`;
  if (r.italic) html = `<em>${html}</em>`;
  if (r.bold) html = `<strong>${html}</strong>`;
  if (r.link) html = isSafeLink(r.link) ? `<a href="${attr(r.link)}">${html}</a>` : html;
  if (r.breakAfter) html += "<br>";
  return html;
}

/** Only web and mail addresses become links; anything else (javascript:, file:) stays text. */
function isSafeLink(address: string): boolean {
  return /^(https?:|mailto:)/i.test(address.trim());
}

function clean(value: string): string {
  return withoutForbiddenXmlCharacters(value);
}

function text(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

function attr(value: string): string {
  return text(value).replace(/"/g, "&quot;");
}
