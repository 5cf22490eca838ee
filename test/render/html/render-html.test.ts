// The HTML writer: the same document tree as Word and PDF, as one accessible page.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Doc } from "../../../src/compose/doc.js";
import { renderHtmlDocument } from "../../../src/render/html/render-html.js";
import { runCli, tempDir } from "../../helpers/cli.js";
import { cell, h, houseStyle, list, p, t, underNumbered } from "../../helpers/doc-builders.js";
import { PAPER_CSS } from "../../../src/render/html/paper-css.js";

function doc(blocks: Doc["blocks"], meta: Partial<Doc["meta"]> = {}): Doc {
  return { meta: { title: "DA action plan update", language: "en-GB", date: "2016-11-01", marking: "OFFICIAL", ...meta }, style: houseStyle(), blocks };
}

describe("renderHtmlDocument", () => {
  it("is a page in en-GB with the paper's title, the marking at its head and foot", () => {
    const html = renderHtmlDocument(doc([p("DA ACTION PLAN UPDATE", undefined, "title"), p("Text.")], { author: "Chief Constable" }));
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain("<title>DA action plan update</title>");
    expect(html).toContain('<meta name="author" content="Chief Constable">');
    expect(html).toContain('<p class="marking head">OFFICIAL</p>');
    expect(html).toContain('<p class="marking foot">OFFICIAL</p>');
    // The paper's title is the page's one h1; section headings sit below it.
    expect(html).toContain('<h1 class="title">DA ACTION PLAN UPDATE</h1>');
  });

  it("keeps the labels compose gave headings and paragraphs", () => {
    const html = renderHtmlDocument(doc([h(1, "Purpose", "1."), p("The purpose is…", "1.1")]));
    expect(html).toContain('<h2><span class="num">1.</span> Purpose</h2>');
    expect(html).toContain('<p class="body numbered"><span class="num">1.1</span>The purpose is…</p>');
  });

  it("writes tables with header cells, and RAG cells with their colour class and their word", () => {
    const html = renderHtmlDocument(doc([{ type: "table", header: [cell("Ref"), cell("RAG")], rows: [[cell("1.1"), cell("Amber", "amber")]], widths: [1, 3] }]));
    expect(html).toContain('<thead><tr><th scope="col">Ref</th><th scope="col">RAG</th></tr></thead>');
    expect(html).toContain('<td class="rag-amber">Amber</td>');
    expect(html).toContain('<colgroup><col class="w-25"><col class="w-75"></colgroup>');
  });

  it("gives a layout table no header row", () => {
    const html = renderHtmlDocument(doc([{ type: "table", role: "layout", header: [cell("Committee(s):"), cell("Date:")], rows: [[cell("Police Committee"), cell("15 December 2016")]] }]));
    expect(html).toContain('<table class="layout" role="presentation">');
    expect(html).not.toContain("<th");
  });

  it("writes ordered lists in the style's markers, from their start", () => {
    const html = renderHtmlDocument(doc([list("roman-paren", ["One", "Two"], 3), list("bullet", ["Dot"])]));
    expect(html).toContain('<ol class="roman-paren" start="3"><li><p class="body">One</p></li>');
    expect(html).toContain("<ul><li>");
  });

  it("raises a superscript ordinal, keeps a hyphened date on one line, and indents a list under the numbered text as the other formats do", () => {
    const html = renderHtmlDocument(
      doc([
        p([t("DATE: 12"), t("th", { superscript: true }), t("\u00a0January 2015, due "), t("Mar-17", { noBreak: true })], undefined, "label"),
        p("Three objectives:", "7."),
        underNumbered(list("roman-paren", ["Clear guidance"])),
        list("bullet", ["At the margin"]),
      ]),
    );
    expect(html).toContain("DATE: 12<sup>th</sup>\u00a0January 2015, due <span class=\"nowrap\">Mar-17</span>");
    expect(html).toContain('<ol class="roman-paren under-numbered"><li>');
    expect(html).toContain("<ul><li><p class=\"body\">At the margin");
    expect(PAPER_CSS).toContain(".paper .nowrap{white-space:nowrap}");
    expect(PAPER_CSS).toMatch(/\.paper ol\.under-numbered\{margin-left:3em\}/);
  });

  it("escapes text, and links only to web and mail addresses", () => {
    const html = renderHtmlDocument(doc([p([t("<b>&"), t("site", { link: "https://example.org/?a=1&b=\"2\"" }), t("bad", { link: "javascript:alert(1)" })])]));
    expect(html).toContain("&lt;b&gt;&amp;");
    expect(html).toContain('<a href="https://example.org/?a=1&amp;b=&quot;2&quot;">site</a>');
    expect(html).not.toContain("javascript:");
  });

  it("gives the same bytes for the same document", () => {
    const d = doc([h(1, "Purpose", "1."), p("Text", "1.1")]);
    expect(renderHtmlDocument(d)).toBe(renderHtmlDocument(d));
  });
});

describe("boardpack paper --format html", () => {
  it("writes one self-contained page with the paper's figures", async () => {
    const dir = tempDir();
    const r = await runCli(["paper", "data/colp-da-action-plan.xlsx", "--style", "city-of-london-committee", "--format", "html", "-o", dir, "--as-of", "2016-11-01"]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "colp-da-action-plan-city-of-london-committee.html"), "utf8");
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<link|<script|src=/);
    expect(html).toContain("57 tasks");
    expect(html).toMatch(/<td class="rag-blue">Blue<\/td>/);
  });
});
