// The Handlebars adapter (handlebars-env.ts) uses only documented Handlebars APIs: parse, the
// AST (rewritten so `{{value}}` calls our Markdown escaping), precompile and template. These
// pin what it relies on, so an upgrade of Handlebars that changes any of it fails here, loudly.
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../src/compose/escape-markdown.js";
import { createTemplateEnv, type TemplateSource } from "../../src/compose/handlebars-env.js";
import type { Helper } from "../../src/compose/helpers.js";

const TRICKY = "*Urgent* | 1. Review <draft> & {rag:red} #1";

const helpers: Record<string, Helper> = {
  shout: { usage: "{{shout text}}", args: [1, 1], run: ([text]) => `${String(text)}!` },
  tricky: { usage: "{{tricky}}", args: [0, 0], run: () => TRICKY },
  bold: { usage: "{{bold text}}", args: [1, 1], run: ([text]) => new Handlebars.SafeString(`**${String(text)}**`) },
};

function render(text: string, context: object = { v: TRICKY, n: 46, nested: { title: TRICKY } }): string {
  const env = createTemplateEnv(helpers, []);
  const source: TemplateSource = { file: "t.md", text, firstLine: 1 };
  const result = env.render(source, context);
  if (!result.ok) throw new Error(result.diagnostic.message);
  return result.output;
}

describe("the Handlebars environment", () => {
  it("escapes {{value}} for Markdown, never for HTML", () => {
    expect(render("{{v}}")).toBe(escapeMarkdown(TRICKY));
    expect(render("{{nested.title}}")).toBe(escapeMarkdown(TRICKY));
    expect(render("{{v}}")).not.toContain("&amp;");
    expect(render("{{n}}")).toBe("46");
  });

  it("escapes what a helper returns, with or without arguments, unless it is Markdown the helper wrote", () => {
    expect(render("{{tricky}}")).toBe(escapeMarkdown(TRICKY));
    expect(render('{{shout "a*b"}}')).toBe(escapeMarkdown("a*b!"));
    expect(render("{{bold v}}")).toBe(`**${TRICKY}**`);
  });

  it("leaves {{{value}}} as written", () => {
    expect(render("{{{v}}}")).toBe(TRICKY);
  });

  it("escapes inside blocks and loops too", () => {
    expect(render("{{#each list}}[{{this}}]{{/each}}", { list: ["a*", "b|"] })).toBe(`[${escapeMarkdown("a*")}][${escapeMarkdown("b|")}]`);
    expect(render("{{#if v}}{{v}}{{/if}}")).toBe(escapeMarkdown(TRICKY));
  });

  it("still reads fields strictly: a misspelt one is an error, not a blank", () => {
    expect(() => render("{{nested.titel}}")).toThrow(/titel/);
    expect(() => render("{{missing}}")).toThrow(/missing/);
  });
});
