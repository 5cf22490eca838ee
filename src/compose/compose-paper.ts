// A paper from a plan: spec (or the style's default spec) + house style → Handlebars → Markdown
// → one Doc tree that the DOCX and PDF writers walk. Problems come back as diagnostics; the doc
// is null when any of them is an error.
import { dirname } from "node:path";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ChangeReport } from "../model/changes.js";
import type { Plan } from "../model/schema.js";
import { changesContext, type ChangesContext } from "./changes-context.js";
import type { Block, Doc, DocMeta } from "./doc.js";
import { createBlockSlots } from "./block-slots.js";
import { expansionLimitsFor, itemCount } from "./expansion-budget.js";
import { keepDatesTogether } from "./date-spaces.js";
import { keepLeadInsWithNext } from "./keep-with-next.js";
import { raiseOrdinals } from "./ordinal-superscript.js";
import { createTemplateEnv, type TemplateSource } from "./handlebars-env.js";
import { createHelpers, TemplateProblem } from "./helpers.js";
import { loadHouseStyle, type LoadedStyle } from "./house-styles.js";
import { markdownToBlocks, type ConvertedPart } from "./markdown-to-doc.js";
import { numberBlocks } from "./numbering.js";
import { loadLogo } from "./logo.js";
import { chooseReferenceDoc, specReferenceDoc, type ReferenceDocChoice } from "./reference-doc.js";
import { buildPaperContext, findTheme, unmatchedThemeKeys, type PaperContext, type PaperTheme } from "./paper-context.js";
import { loadPartials } from "./partials.js";
import { displayPath, templatePath } from "./paths.js";
import { loadSpec, type LoadedSpec, type PaperSpec } from "./spec.js";
import { didYouMean } from "../diagnostics/suggest.js";

export interface ComposeOptions {
  plan: Plan;
  /** The paper spec; without one, the house style's default spec (templates/specs/) is used. */
  specPath?: string;
  /** The spec already read with loadSpec (the CLI reads it first to find its tracker). */
  spec?: LoadedSpec;
  /** --style: beats the spec's `style:`. */
  styleName?: string;
  /** --as-of, YYYY-MM-DD: `today` in templates, and the paper's date when the spec gives none. */
  asOf: string;
  /**
   * False when asOf is only today's date because the user gave no --as-of: then a spec's
   * `date:` is the date the paper counts and speaks as at, so one date rules the paper.
   */
  asOfGiven?: boolean;
  /** --marking: beats the spec's marking, which beats the style's default. */
  marking?: string;
  /** The tracker's name as the user gave it (for "Source Document" when the spec names none). */
  sourceFile?: string;
  /** A draft: the marking becomes "DRAFT – OFFICIAL" (or "DRAFT" when there is none). */
  draft?: boolean;
  /** `--since`: what changed since last time's tracker, as `changes` in templates. */
  changes?: ChangeReport;
  /** --reference-doc: the force's Word template, as the user named it; beats the spec's and the style's. */
  referenceDoc?: string;
  // Hooks for papers built on this one (boardpack s55, src/compose/s55/):
  /** Values templates see beside plan, paper and today (a section 55 response adds `s55`). */
  extraContext?: Record<string, unknown>;
  /** The paper's text when it is not the spec's own body (a section 55 variant's standard text). */
  body?: TemplateSource;
  /** Texts from the front matter that are Markdown + Handlebars too; each result is handed to `apply` before the body renders. */
  narratives?: { source: TemplateSource; apply(rendered: string): void }[];
}

export interface ComposeResult {
  doc: Doc | null;
  diagnostics: Diagnostic[];
  /** The Word template the paper is to be built on, when one was named; the caller reads it into doc.template. */
  referenceDoc?: ReferenceDocChoice;
}

export function composePaper(options: ComposeOptions): ComposeResult {
  const diagnostics: Diagnostic[] = [];
  const fail = (): ComposeResult => ({ doc: null, diagnostics });

  if (!isIsoDate(options.asOf)) {
    diagnostics.push({ severity: "error", code: "AS_OF_INVALID", message: `"${options.asOf}" is not a date as YYYY-MM-DD`, file: "--as-of" });
    return fail();
  }

  // 1. The user's spec, if there is one.
  let loaded = options.spec ?? (options.specPath !== undefined ? loadSpec(options.specPath) : null);
  if (loaded) {
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.spec) return fail();
    // A section 55 response needs the report and the coverage check only `boardpack s55` gives it.
    if (!options.extraContext || !("s55" in options.extraContext)) {
      diagnostics.push(...section55FieldsInPaper(loaded.spec, loaded));
      if (hasErrors(diagnostics)) return fail();
    }
  }

  // 2. The house style: --style, else the spec's.
  const styleName = options.styleName ?? loaded?.spec?.style;
  if (styleName === undefined) {
    diagnostics.push({
      severity: "error",
      code: "STYLE_MISSING",
      message: "no house style: add a line such as `style: city-of-london-committee` to the spec's front matter, or give --style",
      file: loaded?.file ?? "--style",
      ...(loaded ? { line: loaded.frontMatterLine } : {}),
    });
    return fail();
  }
  const origin = options.styleName !== undefined || !loaded ? { file: "--style" } : { file: loaded.file, line: loaded.lineOf(["style"]) };
  const styled = loadHouseStyle(styleName, origin, options.styleName === undefined && loaded ? dirname(loaded.path) : undefined);
  diagnostics.push(...styled.diagnostics);
  const style = styled.style;
  if (!style) return fail();

  const referenceDoc = chooseReferenceDoc(options.referenceDoc, loaded, styled);
  // A `reference:` that named the Word template is not the report's reference number.
  if (loaded?.spec && specReferenceDoc(loaded.spec) === loaded.spec.reference && loaded.spec.reference !== undefined) {
    loaded = { ...loaded, spec: { ...loaded.spec, reference: undefined } };
  }

  // 3. No spec: the style's own default spec.
  if (!loaded) {
    const path = templatePath("specs", style.defaultSpec);
    loaded = loadSpec(path, { displayName: displayPath(path) });
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.spec) return fail();
  }
  const spec = loaded.spec!;
  diagnostics.push(...missingFields(spec, loaded, styled), ...unknownThemes(options.plan, spec, loaded));
  const logo = loadLogo(loaded, styled, spec.organisation ?? style.organisation ?? null);
  diagnostics.push(...logo.diagnostics);
  if (hasErrors(diagnostics)) return fail();

  // 4. Templates → Markdown.
  const asOf = options.asOfGiven === false && spec.date !== undefined ? spec.date : options.asOf;
  const paperContext = buildPaperContext({ plan: options.plan, spec, style, asOf, marking: options.marking ?? null, draft: options.draft ?? false, ...(options.sourceFile !== undefined ? { sourceFile: options.sourceFile } : {}) });
  // `changes` is always there (null without --since), so `{{#if changes}}` is never a strict-mode error.
  const changes = options.changes ? changesContext(options.changes, options.plan) : null;
  const context: PaperContext & { changes: ChangesContext | null } = { ...options.extraContext, changes, ...paperContext };
  const maxRows = expansionLimitsFor(itemCount(context)).maxPasses;
  const slots = createBlockSlots({
    maxRows,
    tooLarge: () =>
      new TemplateProblem(
        `the tables and lists of actions this template places come to over ${maxRows.toLocaleString("en-GB")} rows, far more than the plan has: ` +
          "a table or list inside {{#each}} is built again for every item; place it once, outside the loop",
        "TEMPLATE_TOO_LARGE",
      ),
  });
  const placeholderOrigin = options.specPath !== undefined || options.spec ? { file: loaded.file, line: loaded.frontMatterLine } : { file: loaded.file };
  // Told only when the paper is made: a template error is the one thing to fix first.
  const placeholders: Diagnostic[] = [];
  const env = createTemplateEnv(createHelpers(context, style, slots, (label, field) => placeholders.push(placeholderWarning(label, field, placeholderOrigin))), loadPartials());
  diagnostics.push(...env.diagnostics);
  // A theme's narrative is Markdown + Handlebars too ({{count "complete" theme="Training"}}).
  for (const narrative of narrativeSources(spec, loaded, context.paper.themes, options.plan)) {
    const rendered = env.render(narrative.source, context);
    if (rendered.ok) narrative.theme.narrative = rendered.output;
    else diagnostics.push(rendered.diagnostic);
  }
  for (const narrative of options.narratives ?? []) {
    const rendered = env.render(narrative.source, context);
    if (rendered.ok) narrative.apply(rendered.output);
    else diagnostics.push(rendered.diagnostic);
  }
  if (hasErrors(diagnostics)) return fail();

  const sources: Record<"header" | "body" | "footer", TemplateSource> = {
    header: { file: styled.file, text: style.header, firstLine: styled.headerLine, part: "header" },
    body: options.body ?? { file: loaded.file, text: loaded.body, firstLine: loaded.bodyStartLine },
    footer: { file: styled.file, text: style.footer, firstLine: styled.footerLine, part: "footer" },
  };
  // Check every template before rendering any, so all their mistakes are listed at once.
  for (const source of Object.values(sources)) {
    const problem = env.check(source);
    if (problem) diagnostics.push(problem);
  }
  if (hasErrors(diagnostics)) return fail();

  const converted = {} as Record<keyof typeof sources, ConvertedPart>;
  for (const [name, source] of Object.entries(sources) as [keyof typeof sources, TemplateSource][]) {
    const rendered = env.render(source, context);
    if (!rendered.ok) {
      diagnostics.push(rendered.diagnostic);
      continue;
    }
    // 5. Markdown → blocks.
    converted[name] = markdownToBlocks({ markdown: rendered.output, file: source.file, templateText: source.text, firstLine: source.firstLine, allowFooterMarker: name === "body", slots }, style);
    diagnostics.push(...converted[name].diagnostics);
  }
  if (hasErrors(diagnostics)) return fail();

  // 6. Numbers for the body; the footer goes where the body said, else at the end.
  const body = converted.body;
  diagnostics.push(...numberBlocks(body.blocks, style, body.unnumbered, sources.body.file));
  const at = body.footerIndex ?? body.blocks.length;
  const blocks: Block[] = [...converted.header.blocks, ...body.blocks.slice(0, at), ...converted.footer.blocks, ...body.blocks.slice(at)];
  keepDatesTogether(blocks);
  if (style.superscriptOrdinals) raiseOrdinals(blocks);
  keepLeadInsWithNext(blocks);
  diagnostics.push(...placeholders);

  const paper = context.paper;
  const meta: DocMeta = { title: paper.title, language: "en-GB", date: paper.date };
  if (paper.subject) meta.subject = paper.subject;
  const author = spec.from ?? spec.reportOf ?? spec.reportAuthor;
  if (author) meta.author = author;
  if (paper.marking) meta.marking = paper.marking;
  if (paper.keywords.length > 0) meta.keywords = paper.keywords;
  return { doc: { meta, style, blocks, ...(logo.logo ? { logo: logo.logo } : {}) }, diagnostics, ...(referenceDoc ? { referenceDoc } : {}) };
}

/** A field the paper prints but nobody gave: a visible "[Report author]" and this warning, once each. */
function placeholderWarning(label: string, field: string, origin: { file: string; line?: number }): Diagnostic {
  return {
    severity: "warning",
    code: "PLACEHOLDER",
    message: `the paper prints "[${label}]" to be filled in, as nothing gave it; add \`${field}: …\` to the paper spec's front matter`,
    ...origin,
  };
}

/** Each narrative the spec gives under themes:, as a template at its place in the spec file. */
function narrativeSources(spec: PaperSpec, loaded: LoadedSpec, themes: PaperTheme[], plan: Plan): { theme: PaperTheme; source: TemplateSource }[] {
  return Object.entries(spec.themes ?? {}).flatMap(([key, note]) => {
    const theme = themes.find((t) => t.id === findTheme(plan, key)?.id);
    const text = typeof note === "string" ? note : note.narrative;
    if (!theme || text === undefined) return [];
    const path = typeof note === "string" ? ["themes", key] : ["themes", key, "narrative"];
    return [{ theme, source: { file: loaded.file, text, firstLine: loaded.textLineOf(path) } }];
  });
}

/** Fields the style's header or footer cannot do without (its `requires`), reported at the front matter. */
function missingFields(spec: PaperSpec, loaded: LoadedSpec, styled: LoadedStyle): Diagnostic[] {
  const required = styled.style?.requires ?? {};
  return Object.entries(required)
    .filter(([field]) => spec[field as keyof PaperSpec] === undefined)
    .map(([field, example]) => ({
      severity: "error" as const,
      code: "SPEC_FIELD_MISSING",
      message: `${field} is missing: the ${styled.style!.name} style prints it in the paper's header. Add it to the front matter, for example \`${field}: ${example}\``,
      file: loaded.file,
      line: loaded.frontMatterLine,
    }));
}

/** `themes:` keys that name no theme of this tracker: their narrative would be lost, so they are errors. */
function unknownThemes(plan: Plan, spec: PaperSpec, loaded: LoadedSpec): Diagnostic[] {
  const titles = plan.themes.map((t) => t.title);
  const keys = [...unmatchedThemeKeys(plan, spec.themes).map((key) => ["themes", key] as const), ...unmatchedThemeKeys(plan, spec.leads).map((key) => ["leads", key] as const)];
  return keys.map(([field, key]) => ({
    severity: "error" as const,
    code: "SPEC_THEME_UNKNOWN",
    message: `${field}: "${key}" is not a theme of the tracker${didYouMean(key, titles) || (titles.length ? `; its themes are ${titles.map((t) => `"${t}"`).join(", ")}` : "; the tracker has no themes")}`,
    file: loaded.file,
    line: loaded.lineOf([field, key], { key: true }),
  }));
}

/** Fields only a section 55 response has: such a spec is built with `boardpack s55`, which knows the report. */
const SECTION_55_FIELDS = ["report", "variant", "inspection", "publishedBy", "pccComments", "chiefConstableComments", "pccCommentsOnChiefConstable"] as const;

export function isSection55Spec(spec: PaperSpec | null | undefined): boolean {
  return spec != null && SECTION_55_FIELDS.some((field) => spec[field] !== undefined);
}

function section55FieldsInPaper(spec: PaperSpec, loaded: LoadedSpec): Diagnostic[] {
  const field = SECTION_55_FIELDS.find((f) => spec[f] !== undefined);
  if (field === undefined) return [];
  return [{
    severity: "error",
    code: "SPEC_IS_SECTION_55",
    message: `${field}: this spec is a section 55 response; write it with \`boardpack s55 --spec ${loaded.file}\`, which checks every recommendation has a response and gives the deadline`,
    file: loaded.file,
    line: loaded.lineOf([field], { key: true }),
  }];
}

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}
