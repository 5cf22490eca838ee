// parseMarkdown must build exactly the tree micromark builds (positions included), whatever the
// Markdown: generated documents mixing the plain forms it reads itself with everything it leaves
// to micromark, and documents written by hand around the edges of its plain forms.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../src/compose/escape-markdown.js";
import { parseMarkdown, parseMarkdownSlowly, someLineStartsWith } from "../../src/compose/markdown-parse.js";

function expectSame(markdown: string): void {
  expect(parseMarkdown(markdown), JSON.stringify(markdown)).toEqual(parseMarkdownSlowly(markdown));
}

const word = fc.constantFrom("Review", "the", "DASH", "process", "1.1", "£5", "–", "’", "é", "ŵ", "x", "42", "Q4 2016/17", "and");
const syntax = fc.constantFrom("*", "**", "_", "`", "[", "]", "<", ">", "&", "&amp;", "!", "\\", "\\*", "\\\\", "|", "\\|", "#", "-", "+", "=", "~", "(", ")", ".", ":", "]:", "{rag:red}", "  ", " ", "<br>", "http://x.y", "1.", "1)", "\t");
/** Inline text: mostly words, sometimes raw syntax, sometimes tracker data as the templates escape it. */
const inline = fc.oneof(
  { weight: 4, arbitrary: fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(" ")) },
  { weight: 2, arbitrary: fc.array(fc.oneof(word, syntax), { minLength: 1, maxLength: 6 }).map((w) => w.join(fc.sample(fc.constantFrom(" ", ""), 1)[0]!)) },
  { weight: 3, arbitrary: fc.array(fc.oneof(word, syntax), { minLength: 1, maxLength: 6 }).map((w) => escapeMarkdown(w.join(" "))) },
);
const block = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([n, t]) => `${"#".repeat(n)} ${t}`),
  fc.array(inline, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n")),
  fc.tuple(fc.constantFrom("1.", "1)", "3.", "-", "*", "+"), fc.array(inline, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([m, items, loose]) =>
    items.map((t, i) => `${/\d/.test(m) && i > 0 ? "1" + m.slice(-1) : m} ${t}`).join(loose ? "\n\n" : "\n"),
  ),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(inline, { minLength: 1, maxLength: 4 }), { maxLength: 4 }), fc.constantFrom("---", ":--", "--:", ":-:", " --- ")).map(([n, rows, d]) =>
    [`| ${Array.from({ length: n }, (_, i) => `H${i}`).join(" | ")} |`, `|${Array(n).fill(d).join("|")}|`, ...rows.map((r) => `| ${r.slice(0, n).join(" | ")} |`)].join("\n"),
  ),
  fc.constantFrom(
    "<!-- page break -->",
    "<!-- table: layout; widths: 65, 35 -->\n| **A** | B |\n| --- | --- |\n| 1 | 2 |",
    "<!-- footer here -->\n<!-- page break -->",
    "<!-- a comment\nover two lines -->",
    "    indented code",
    "```\nfenced\n\ncode\n```",
    "> quoted\ntext",
    "[ref]: https://example.org",
    "See [ref] and [link](https://example.org).",
    "Title\n=====",
    "Text\n---",
    "***",
    "<div>\nhtml\n</div>",
    "A) Action plan\nB) Another",
    "i) one\nii) two",
    "1. item\n   continued\n\n   second paragraph",
    "- a\n  - nested\n- b",
    "line with two spaces  \nnext",
    "line ending with backslash\\\nnext",
    "| a | b |\n| - | - |\n| 1 | 2 | 3 |",
    "| a | b |\n| - |\n| 1 | 2 |",
    "| a |\n| - |\nlazy row",
    "tab\there",
    "crlf\r\nline",
    "",
  ),
);
const document = fc.tuple(fc.array(block, { maxLength: 8 }), fc.array(fc.constantFrom("\n\n", "\n", "\n\n\n", "\n \n"), { minLength: 8, maxLength: 8 }), fc.constantFrom("", "\n"))
  .map(([blocks, gaps, end]) => blocks.map((b, i) => b + (i < blocks.length - 1 ? gaps[i] : "")).join("") + end);

describe("parseMarkdown", () => {
  it("builds micromark's tree for generated documents", () => {
    fc.assert(fc.property(document, (markdown) => expectSame(markdown)), { numRuns: 2000, seed: 11 });
  });

  it("builds micromark's tree around the edges of the plain forms", () => {
    const cases = [
      "",
      "\n",
      "# Heading",
      "# Heading #",
      "#  Two spaces",
      "###### Six\n####### Seven",
      "Para 1\\.1 \\(a\\)\nline two\n\nnext",
      "Para\n# heading interrupts",
      "Para\n<!-- html interrupts -->",
      "1. one\n1. two\n2. three",
      "1. one\n2) two",
      "- a\n* b",
      "1. a\n\n1. b",
      "1. a\nlazy",
      "2. starts at two\n1. next",
      "0. zero",
      "1234567890. too long",
      "| a | b |\n| :- | -: |\n| \\| | x \\& y |\n|  | z |",
      "| a |\n| - |\n| b \\|",
      "| a |\n| - |\n| b\\\\ |",
      "| trailing |\n| - |\n| x |\n\ntext after",
      "<!-- one --> and more",
      "<!-- one -->\n<!-- two -->\n| a |\n| - |\n| b |",
      "<!-- x -->\ntext right after",
      "text\\\\\nnext",
      "C:\\Users\\x",
      "a\u00a0b\u00a0",
      "emoji 😀 and \u0000",
      "# heading\n\n    code after",
      "- item\n\n  continued\n\nafter",
      // One span of emphasis, read without micromark only when its delimiters are unambiguous.
      "as recorded in *Domestic abuse – plan* at 30th November",
      "*whole line*",
      "**bold** start",
      "end **bold**",
      "a*b*c",
      "a * b * c",
      "**a*",
      "*a**",
      "***a***",
      "*(a)* b",
      "x *(a)*y",
      "x*(a)* y",
      "**Committee(s):** x",
      "\\**a*",
      "*a\\*",
      "*a* *b*",
      "*é* and *😀*",
      "x *a* y\nsecond line",
      "*a_b*",
      "x *a\\.b\\-c* y",
      "| **A:** | *b* |\n| --- | --- |\n| **Subject:** text | x |",
      "|**a:**|b|\n|-|-|\n|c|d|",
      "| x**a**y | b |\n|-|-|\n| *c:* | d |",
    ];
    for (const markdown of cases) expectSame(markdown);
  });
});

describe("someLineStartsWith", () => {
  it("says what /^ {0,3}…/m says: fenced code and HTML block openings, however the lines run", () => {
    const pieces = [" ", "  ", "    ", "\n", "\u2028", "`", "```", "~~~", "<", "<script", "<PRE", "<?", "<!x", "<!-", "a", "\\"];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (s) => {
        expect(someLineStartsWith(s, "```"), JSON.stringify(s)).toBe(/^ {0,3}`{3}/m.test(s));
        expect(someLineStartsWith(s, "~~~"), JSON.stringify(s)).toBe(/^ {0,3}~{3}/m.test(s));
        expect(someLineStartsWith(s, "<", /<(?:script|pre|style|textarea|\?|![A-Za-z[])/iy), JSON.stringify(s)).toBe(
          /^ {0,3}<(?:script|pre|style|textarea|\?|![A-Za-z[])/im.test(s),
        );
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });
});
