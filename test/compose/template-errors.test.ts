// A mistake in a template is ONE line naming the template's file and the line in that file —
// the spec (after its front matter), a house style's header or footer, or a partial — and
// saying what to write instead. Never a stack trace, never a silently blank paper.
import { describe, expect, it } from "vitest";
import { createTemplateEnv } from "../../src/compose/handlebars-env.js";
import { createHelpers } from "../../src/compose/helpers.js";
import { loadHouseStyle, parseHouseStyle } from "../../src/compose/house-styles.js";
import { buildPaperContext } from "../../src/compose/paper-context.js";
import { loadPartials } from "../../src/compose/partials.js";
import { parseSpec } from "../../src/compose/spec.js";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { AS_OF, compose, samplePlan } from "./fixtures.js";

const FRONT = ["---", "style: cambridgeshire-bcb", "to: Business Coordination Board", "from: Chief Constable", "---", "# Purpose", ""];

/** Composes a Cambridgeshire paper whose body is `lines`, starting on line 8 of paper.md. */
async function bodyMessages(...lines: string[]): Promise<string[]> {
  const plan = await samplePlan("cambs-da-action-plan.csv");
  const spec = parseSpec([...FRONT, ...lines].join("\n"), "paper.md");
  const result = compose(plan, { spec });
  expect(result.doc).toBeNull();
  return result.messages;
}

describe("mistakes in a spec's body", () => {
  it("a misspelt field: file, line and the field it meant", async () => {
    expect(await bodyMessages("The paper is called {{paper.titel}}.")).toEqual([
      'paper.md:8: error TEMPLATE_FIELD_UNKNOWN {{paper.titel}}: paper has no field "titel"; did you mean "title"?',
    ]);
  });

  it("a misspelt field in a helper's argument or an {{#if}} is caught too", async () => {
    expect(await bodyMessages("", "{{#if paper.subjct}}x{{/if}}")).toEqual([
      'paper.md:9: error TEMPLATE_FIELD_UNKNOWN {{paper.subjct}}: paper has no field "subjct"; did you mean "subject"?',
    ]);
    expect(await bodyMessages("{{#each paper.themez}}x{{/each}}")).toEqual([
      'paper.md:8: error TEMPLATE_FIELD_UNKNOWN {{paper.themez}}: paper has no field "themez"; did you mean "themes"?',
    ]);
  });

  it("a misspelt field inside {{#each}}", async () => {
    expect(await bodyMessages("{{#each paper.themes}}", "- {{titel}}", "{{/each}}")).toEqual([
      'paper.md:9: error TEMPLATE_FIELD_UNKNOWN {{titel}}: there is no field "titel" here; did you mean "title"?',
    ]);
  });

  it("a misspelt helper", async () => {
    expect(await bodyMessages("{{coutn \"complete\"}} actions are complete.")).toEqual([
      'paper.md:8: error TEMPLATE_HELPER_UNKNOWN "coutn" is not a helper; did you mean "count"?',
    ]);
  });

  it("a helper given something it cannot use", async () => {
    expect(await bodyMessages("", "", "{{count \"compleet\"}} are done.")).toEqual([
      'paper.md:10: error TEMPLATE_HELPER_ARGUMENT count: "compleet" is not a status; did you mean "complete"?; use "complete", "in-progress", "not-started", "not-applicable" or "open"',
    ]);
    expect(await bodyMessages("{{percent 3}}")).toEqual([
      "paper.md:8: error TEMPLATE_HELPER_ARGUMENT percent takes 2 values, not 1: {{percent part whole}}, e.g. {{percent (count \"complete\") (total)}}",
    ]);
    expect(await bodyMessages("{{roman 4 cse=\"upper\"}}")).toEqual([
      'paper.md:8: error TEMPLATE_HELPER_ARGUMENT roman has no option cse=; did you mean "case"?; it takes case=',
    ]);
    const [unknownTheme, ...rest] = await bodyMessages('{{count theme="Trainig"}}');
    expect(rest).toEqual([]);
    expect(unknownTheme).toMatch(/^paper\.md:8: error TEMPLATE_HELPER_ARGUMENT count: "Trainig" is not a theme of the tracker; the themes are "Strategic Ownership", "Get there promptly", /);
  });

  it("a block that is not closed, or closed with the wrong name", async () => {
    expect(await bodyMessages("{{#each paper.themes}}", "- {{title}}")).toEqual([
      "paper.md:9: error TEMPLATE_SYNTAX the template ends inside an unfinished block: close every {{#each …}} with {{/each}} and every {{#if …}} with {{/if}}",
    ]);
    expect(await bodyMessages("{{#each paper.themes}}", "- {{title}}", "{{/eahc}}")).toEqual([
      "paper.md:8: error TEMPLATE_SYNTAX {{#each}} is closed with {{/eahc}}; close it with {{/each}}",
    ]);
  });

  it("a partial that does not exist", async () => {
    expect(await bodyMessages("", "{{> openActons}}")).toEqual([
      'paper.md:9: error TEMPLATE_PARTIAL_UNKNOWN {{> openActons}}: there is no partial "openActons"; did you mean "openActions"?',
    ]);
  });

  it("an error raised inside a partial names the partial's file and line", async () => {
    const [message] = await bodyMessages('{{> openActions theme="No such theme"}}');
    expect(message).toMatch(/^templates\/partials\/openActions\.hbs:\d+: error TEMPLATE_HELPER_ARGUMENT count: "No such theme" is not a theme of the tracker/);
  });

  it("what every object inherits is not a field, and cannot be reached", async () => {
    expect(await bodyMessages("{{paper.constructor}}")).toEqual(['paper.md:8: error TEMPLATE_FIELD_UNKNOWN {{paper.constructor}}: "paper.constructor" is not a field a paper can use']);
    expect(await bodyMessages("{{#with paper}}{{lookup this \"x\"}}{{/with}}", "{{#each paper.themes}}{{__proto__}}{{/each}}")).toEqual([
      'paper.md:9: error TEMPLATE_FIELD_UNKNOWN {{__proto__}}: "__proto__" is not a field a paper can use',
    ]);
    expect(await bodyMessages('{{lookup paper "constructor"}}')).toEqual(['paper.md:8: error TEMPLATE_FIELD_UNKNOWN {{constructor}}: "constructor" is not a field a paper can use']);
  });

  it("a mistake in a theme's narrative is found at its line in the front matter", async () => {
    const plan = await samplePlan("cambs-da-action-plan.csv");
    const text = ["---", "style: cambridgeshire-bcb", "to: Board", "from: CC", "themes:", "  Strategic Ownership: |", "    First line.", "    {{count \"complete\" theme=\"Strategic Ownership\"}} of {{totl}} are done.", "---", "# Progress"].join("\n");
    expect(compose(plan, { spec: parseSpec(text, "paper.md") }).messages).toEqual([
      'paper.md:8: error TEMPLATE_FIELD_UNKNOWN {{totl}}: there is no field "totl" here; did you mean the helper {{total}}?',
    ]);
  });

  it("the console's log helper is not available", async () => {
    expect(await bodyMessages('{{log "hello"}}')).toEqual(['paper.md:8: error TEMPLATE_HELPER_UNKNOWN "log" is not a helper; boardpack\'s helpers are listed in templates/README.md']);
  });
});

describe("mistakes in a house style's header or footer", () => {
  it("are reported at the line of the style file", async () => {
    const yaml = (await import("node:fs")).readFileSync(new URL("../../templates/styles/cambridgeshire-bcb.yaml", import.meta.url), "utf8");
    const broken = yaml.replace("To: {{paper.to}}", "To: {{paper.too}}");
    const styled = parseHouseStyle(broken, "my-style.yaml");
    expect(styled.diagnostics).toEqual([]);
    const plan = await samplePlan("cambs-da-action-plan.csv");
    const spec = parseSpec([...FRONT, "Text"].join("\n"), "paper.md").spec!;
    const context = buildPaperContext({ plan, spec, style: styled.style!, asOf: AS_OF });
    const env = createTemplateEnv(createHelpers(context, styled.style!), loadPartials());
    const rendered = env.render({ file: styled.file, text: styled.style!.header, firstLine: styled.headerLine, part: "header" }, context);
    const expectedLine = broken.split("\n").findIndex((l) => l.includes("paper.too")) + 1;
    expect(rendered.ok).toBe(false);
    if (!rendered.ok) {
      expect(formatDiagnostic(rendered.diagnostic)).toBe(`my-style.yaml:${expectedLine}: error TEMPLATE_FIELD_UNKNOWN header: {{paper.too}}: paper has no field "too"; did you mean "to"?`);
    }
  });
});

describe("mistakes in a partial", () => {
  it("are reported when the environment is made, even in a partial the paper does not use", async () => {
    const plan = await samplePlan("cambs-da-action-plan.csv");
    const styled = loadHouseStyle("cambridgeshire-bcb");
    const spec = parseSpec([...FRONT, "Text"].join("\n"), "paper.md").spec!;
    const context = buildPaperContext({ plan, spec, style: styled.style!, asOf: AS_OF });
    const broken = { file: "templates/partials/mine.hbs", text: "A line\n{{coutn \"open\"}}\n", firstLine: 1 };
    const env = createTemplateEnv(createHelpers(context, styled.style!), [...loadPartials(), broken]);
    expect(env.diagnostics.map(formatDiagnostic)).toEqual(['templates/partials/mine.hbs:2: error TEMPLATE_HELPER_UNKNOWN "coutn" is not a helper; did you mean "count"?']);
    // A template is compiled once: checking it again, or rendering it, gives the same answer.
    const body = { file: "paper.md", text: "{{> openActions}}\n{{coutn 1}}", firstLine: 8 };
    const expected = 'paper.md:9: error TEMPLATE_HELPER_UNKNOWN "coutn" is not a helper; did you mean "count"?';
    expect(formatDiagnostic(env.check(body)!)).toBe(expected);
    expect(formatDiagnostic(env.check(body)!)).toBe(expected);
    const rendered = env.render(body, context);
    expect(rendered.ok ? null : formatDiagnostic(rendered.diagnostic)).toBe(expected);
  });
});

describe("what the spec must give", () => {
  it("a field the style's header needs, reported at the front matter", async () => {
    const plan = await samplePlan("cambs-da-action-plan.csv");
    const result = compose(plan, { spec: parseSpec("---\nstyle: cambridgeshire-bcb\nfrom: Chief Constable\n---\n# Purpose\n", "paper.md") });
    expect(result.doc).toBeNull();
    expect(result.messages).toEqual([
      "paper.md:1: error SPEC_FIELD_MISSING to is missing: the cambridgeshire-bcb style prints it in the paper's header. Add it to the front matter, for example `to: Business Coordination Board`",
    ]);
  });

  it("a house style", async () => {
    const plan = await samplePlan("cambs-da-action-plan.csv");
    expect(compose(plan, { spec: parseSpec("# Purpose\n", "paper.md") }).messages).toEqual([
      "paper.md:1: error STYLE_MISSING no house style: add a line such as `style: city-of-london-committee` to the spec's front matter, or give --style",
    ]);
    expect(compose(plan, { spec: parseSpec("---\nstyle: cambridgeshire\n---\n", "paper.md") }).messages).toEqual([
      'paper.md:2: error STYLE_UNKNOWN there is no house style "cambridgeshire"; did you mean "cambridgeshire-bcb"?',
    ]);
    expect(compose(plan, { spec: parseSpec("---\nstyle: essex\n---\n", "paper.md") }).messages).toEqual([
      'paper.md:2: error STYLE_UNKNOWN there is no house style "essex"; the styles are cambridgeshire-bcb, city-of-london-committee, lancashire-scrutiny, section-55',
    ]);
    expect(compose(plan, { styleName: "city-of-london-comittee" }).messages).toEqual([
      '--style: error STYLE_UNKNOWN there is no house style "city-of-london-comittee"; did you mean "city-of-london-committee"?',
    ]);
  });

  it("narrative for a theme the tracker does not have is an error, not lost text", async () => {
    const plan = await samplePlan("cambs-da-action-plan.csv");
    const spec = parseSpec("---\nstyle: cambridgeshire-bcb\nto: Board\nfrom: CC\nthemes:\n  Strategic Ownershp: Text\n---\n", "paper.md");
    expect(compose(plan, { spec }).messages).toEqual([
      'paper.md:6: error SPEC_THEME_UNKNOWN themes: "Strategic Ownershp" is not a theme of the tracker; did you mean "Strategic Ownership"?',
    ]);
  });
});

describe("house styles are data", () => {
  it.each(["cambridgeshire-bcb", "lancashire-scrutiny", "city-of-london-committee", "section-55"])("%s is a valid style", (name) => {
    const loaded = loadHouseStyle(name);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.style?.name).toBe(name);
    expect(loaded.style?.page).toEqual({ size: "A4", margins: { top: 2.54, bottom: 2.54, left: 2.54, right: 2.54 } });
    expect(loaded.style?.fonts.family).toBe("Arial");
  });

  it("a misspelt key in a style file is reported at its line", () => {
    const loaded = parseHouseStyle("name: x\nnumbering:\n  paragraps: none\n", "x.yaml");
    expect(loaded.style).toBeNull();
    const messages = loaded.diagnostics.map(formatDiagnostic);
    expect(messages).toContain('x.yaml:3: error STYLE_INVALID "paragraps" is not a house style field; did you mean "paragraphs"?');
    expect(messages).toContain("x.yaml:1: error STYLE_INVALID description is missing");
  });
});
