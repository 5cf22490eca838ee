// How a paper looks as HTML: a page-like column (A4 width, the style's margins on paper), Arial
// as the Word and PDF papers use, numbered paragraphs with hanging labels, tables with header
// rows, RAG cells in the shared palette. One stylesheet with no per-paper rules, so the app can
// serve it as a file (its Content-Security-Policy allows no inline styles) and a published
// paper can carry it inline.
import { RAG_FILL, RAG_TEXT } from "../rag-colours.js";

const ragRules = (Object.keys(RAG_FILL) as (keyof typeof RAG_FILL)[])
  .map((rag) => `.paper td.rag-${rag}{background:#${RAG_FILL[rag]};color:#${RAG_TEXT[rag]};font-weight:bold}`)
  .join("\n");

/** Column widths as classes (w-1 … w-100, in per cent): tables need no style attributes. */
const widthRules = Array.from({ length: 100 }, (_, i) => `.paper col.w-${i + 1}{width:${i + 1}%}`).join("");

export const PAPER_CSS = `
.paper{font-family:Arial,"Liberation Sans",Arimo,Helvetica,sans-serif;font-size:11pt;line-height:1.35;color:#000;background:#fff;box-sizing:border-box;max-width:210mm;margin:0 auto;padding:20mm 20mm}
@media screen{.paper{box-shadow:0 0 0 1px #b1b4b6,0 2px 8px rgba(0,0,0,.15);margin:1rem auto}}
@media print{.paper{max-width:none;padding:0;margin:0}@page{size:A4;margin:20mm}}
.paper .marking{text-align:center;font-weight:bold;font-size:9pt;margin:0 0 1em}
.paper .marking.foot{margin:2em 0 0}
.paper .furniture{text-align:center;font-size:9pt;margin:.25em 0 0}
.paper .strapline{font-style:italic}
.paper h1,.paper h2,.paper h3,.paper h4{font-weight:bold;margin:1.2em 0 .5em;line-height:1.25}
.paper h1.title{font-size:14pt}
.paper h2{font-size:12pt}.paper h3{font-size:11pt}.paper h4{font-size:11pt;font-style:italic}
.paper .visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;white-space:nowrap!important;border:0!important}
.paper .num{display:inline-block;min-width:2.5em;padding-right:.5em}
.paper p{margin:0 0 .75em}
.paper p.numbered{padding-left:3em;text-indent:-3em}
.paper p.numbered .num{text-indent:0;min-width:3em;padding-right:0}
.paper p.org{font-size:16pt;font-weight:bold;margin:0}
.paper p.label{margin:0 0 .25em}
.paper p.small{font-size:9pt}
.paper .align-center{text-align:center}.paper .align-right{text-align:right}
.paper ul,.paper ol{margin:0 0 .75em;padding-left:2.5em}
.paper li>p{margin:0 0 .35em}
.paper ul.under-numbered,.paper ol.under-numbered{margin-left:3em}
.paper .nowrap{white-space:nowrap}
.paper sup{font-size:58%;line-height:0;vertical-align:0.57em}
.paper ol.decimal{list-style-type:decimal}
.paper ol.roman-paren{list-style-type:paper-roman-paren}
.paper ol.alpha-paren{list-style-type:paper-alpha-paren}
.paper ol.upper-alpha-paren{list-style-type:paper-upper-alpha-paren}
@counter-style paper-roman-paren{system:extends lower-roman;suffix:") "}
@counter-style paper-alpha-paren{system:extends lower-alpha;suffix:") "}
@counter-style paper-upper-alpha-paren{system:extends upper-alpha;suffix:") "}
.paper table{border-collapse:collapse;width:100%;margin:0 0 1em;font-size:9pt;table-layout:fixed}
.paper th,.paper td{border:1px solid #000;padding:.3em .4em;vertical-align:top;text-align:left;overflow-wrap:anywhere}
.paper th{background:#d9d9d9;font-weight:bold}
.paper table.layout td{border:1px solid #000}
.paper td p,.paper th p{margin:0 0 .3em}.paper td p:last-child,.paper th p:last-child{margin:0}
.paper hr.page-break{border:0;border-top:1px dashed #b1b4b6;margin:2em 0}
@media print{.paper hr.page-break{border:0;margin:0;break-after:page}}
.paper a{color:#1d70b8}
${ragRules}
${widthRules}
`.trim() + "\n";
