// One Handlebars environment per paper (Handlebars.create(), never the global one), set up so
// that templates are safe and their mistakes are findable:
// - strict: a misspelt field is an error, not a blank, in helper arguments too
//   ({{#if paper.subjct}} is caught); a partial reads an optional parameter with
//   (lookup this "name"), which gives nothing rather than an error when it is not passed;
// - knownHelpersOnly: a misspelt helper is an error when the template is compiled;
// - no prototype access (Handlebars' default, stated explicitly at render);
// - `{{value}}` is escaped for Markdown, not HTML (see escape-markdown.ts); `{{{value}}}` is raw;
// - every error becomes one diagnostic naming the template file and the line within it.
import Handlebars from "handlebars";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { ExpansionBudget, ExpansionTooLarge, expansionLimitsFor, itemCount, type LoopPlace } from "./expansion-budget.js";
import { TemplateProblem, type Helper } from "./helpers.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { templateErrorDiagnostic } from "./template-errors.js";
import { precompiledTemplate, rememberTemplate, templateKey } from "./template-cache.js";

/** A template and where its text sits in a file, so its line 1 can be reported as the file's line. */
export interface TemplateSource {
  /** The file as named in messages (the spec, a style file, a partial). */
  file: string;
  text: string;
  /** The file line of the template's first line (after a spec's front matter; inside a style's YAML). */
  firstLine: number;
  /** What it is, for messages about a style's header or footer ("header"). */
  part?: string;
}

export type RenderResult = { ok: true; output: string } | { ok: false; diagnostic: Diagnostic };

export interface TemplateEnv {
  /** Checks a template; null when it is fine, else the one diagnostic that says what is wrong. */
  check(source: TemplateSource): Diagnostic | null;
  render(source: TemplateSource, context: object): RenderResult;
  /** Problems found in the partials when the environment was made. */
  diagnostics: Diagnostic[];
}

/** An error raised while a partial ran, tagged with the partial so the message names its file. */
class LocatedError extends Error {
  constructor(
    readonly original: unknown,
    readonly source: TemplateSource,
  ) {
    super(original instanceof Error ? original.message : String(original));
  }
}

const BUILT_IN_HELPERS = ["if", "unless", "each", "with", "lookup"];
const LINE_OPTION = "__line";
/** The helper every `{{value}}` is compiled to call (escapeForMarkdown). */
const ESCAPE_HELPER = "escapeMarkdown";

const RUNTIME_OPTIONS = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

export function createTemplateEnv(helpers: Record<string, Helper>, partials: TemplateSource[]): TemplateEnv {
  const hb = Handlebars.create();
  hb.unregisterHelper("log"); // would write to the console
  hb.registerHelper(ESCAPE_HELPER, escapeMarkdown);

  const helperNames = new Set(Object.keys(helpers));
  for (const [name, helper] of Object.entries(helpers)) hb.registerHelper(name, wrapHelper(name, helper));
  const knownHelpers: Record<string, boolean> = { log: false, [ESCAPE_HELPER]: true };
  for (const name of [...helperNames, ...BUILT_IN_HELPERS]) knownHelpers[name] = true;
  const compileOptions: CompileOptions = { strict: true, knownHelpersOnly: true, knownHelpers };
  // Everything besides its text that a template's compiled code depends on (template-cache.ts).
  const fingerprint = JSON.stringify([Handlebars.VERSION, compileOptions.strict, compileOptions.knownHelpersOnly, [...helperNames].sort(), partials.map((p) => partialName(p)).sort()]);

  // {{#each}} counts its passes, so a template that would expand without bound stops with a message at its line.
  const budget = new ExpansionBudget<TemplateSource>();
  let running: TemplateSource | undefined;
  const loopPlace = (options: Handlebars.HelperOptions): LoopPlace<TemplateSource> => {
    const source = running!;
    const line = lineOf(options);
    const fileLine = source.firstLine + line - 1;
    return { source, line, label: budget.isOutermost(source) ? `line ${fileLine}` : `line ${fileLine} of ${source.file}` };
  };
  hb.registerHelper("each", budget.boundedEach(hb.helpers.each!, loopPlace));

  const partialNames = new Set(partials.map((p) => partialName(p)));
  const allHelperNames = [...helperNames, ...BUILT_IN_HELPERS];
  let context: object = {};
  const setting = () => ({ context, helperNames: allHelperNames });

  /**
   * Parse, prepare and compile, once per template: check() and render() of the same source
   * share the result, because compiling is most of the cost of a short template. A problem
   * found on the way is kept as the template's diagnostic.
   */
  const compiled = new Map<TemplateSource, Compiled>();
  const compileOnce = (source: TemplateSource): Compiled => {
    let result = compiled.get(source);
    if (result === undefined) {
      result = compileTemplate(source);
      compiled.set(source, result);
    }
    return result;
  };
  const compileTemplate = (source: TemplateSource): Compiled => {
    const key = templateKey(fingerprint, source.text);
    const built = precompiledTemplate(key);
    if (built !== undefined) return { template: templateOf(hb, built) };
    let ast: hbs.AST.Program;
    try {
      ast = hb.parse(source.text);
    } catch (error) {
      return { diagnostic: templateErrorDiagnostic(error, source, setting()) };
    }
    const problem = prepareAst(ast, helperNames, partialNames);
    if (problem) return { diagnostic: astProblemDiagnostic(problem, source, [...partialNames]) };
    try {
      const spec = precompileAst(hb, ast, compileOptions);
      rememberTemplate(key, spec);
      return { template: templateOf(hb, spec) };
    } catch (error) {
      return { diagnostic: templateErrorDiagnostic(error, source, setting()) };
    }
  };

  const check = (source: TemplateSource): Diagnostic | null => {
    const result = compileOnce(source);
    return "diagnostic" in result ? result.diagnostic : null;
  };

  const diagnostics: Diagnostic[] = [];
  for (const partial of partials) {
    const result = compileOnce(partial);
    if ("diagnostic" in result) {
      diagnostics.push(result.diagnostic);
      continue;
    }
    const template = result.template;
    hb.registerPartial(partialName(partial), (ctx: unknown, options?: Handlebars.RuntimeOptions) => {
      const caller = running;
      running = partial;
      try {
        return template(ctx, { ...options, ...RUNTIME_OPTIONS });
      } catch (error) {
        throw located(error, partial);
      } finally {
        running = caller;
      }
    });
  }

  return {
    check,
    diagnostics,
    render(source, ctx) {
      context = ctx;
      const result = compileOnce(source);
      if ("diagnostic" in result) return { ok: false, diagnostic: result.diagnostic };
      budget.reset(expansionLimitsFor(itemCount(ctx)));
      running = source;
      try {
        return { ok: true, output: result.template(ctx, RUNTIME_OPTIONS) };
      } catch (error) {
        const where = located(error, source);
        return { ok: false, diagnostic: templateErrorDiagnostic(where.original, where.source, setting()) };
      } finally {
        running = undefined;
      }
    },
  };
}

/** An error with the template it belongs to: a loop that expanded too far names its own place (its outermost loop), others the template they were raised in. */
function located(error: unknown, source: TemplateSource): LocatedError {
  if (error instanceof LocatedError) return error;
  if (error instanceof ExpansionTooLarge) return new LocatedError(error, error.place.source as TemplateSource);
  return new LocatedError(error, source);
}

/** The template line our AST walk gave a helper call (see prepareAst). */
function lineOf(options: Handlebars.HelperOptions): number {
  const line = (options.hash as Record<string, unknown> | undefined)?.[LINE_OPTION];
  return typeof line === "number" ? line : 1;
}

type Compiled = { template: Handlebars.TemplateDelegate } | { diagnostic: Diagnostic };

/**
 * Handlebars.precompile, then (templateOf) Handlebars.template of what it wrote: the documented
 * route for precompiled templates. Precompiling is where every mistake in a template is found (an
 * unknown helper, a bad partial call), so it runs when the template is checked.
 */
function precompileAst(hb: typeof Handlebars, ast: hbs.AST.Program, compileOptions: CompileOptions): string {
  // Copied as Handlebars.compile copies them: the compiler writes into its options.
  const options = { ...compileOptions, knownHelpers: { ...compileOptions.knownHelpers } };
  return hb.precompile(ast, options) as string;
}

/** The template Handlebars.precompile's code makes, made into a function only when it first runs (most partials of a paper never do). */
function templateOf(hb: typeof Handlebars, spec: string): Handlebars.TemplateDelegate {
  let template: Handlebars.TemplateDelegate | undefined;
  return (context, runtimeOptions) => {
    // The spec is an object literal of functions: Handlebars' own output, never user text.
    template ??= hb.template(new Function(`return ${spec};`)() as TemplateSpecification);
    return template(context, runtimeOptions);
  };
}

interface CompileOptions {
  strict: boolean;
  knownHelpersOnly: boolean;
  knownHelpers: Record<string, boolean>;
}

function astProblemDiagnostic(problem: AstProblem, source: TemplateSource, partialNames: string[]): Diagnostic {
  const line = source.firstLine + problem.line - 1;
  const where = source.part ? `${source.part}: ` : "";
  if (problem.kind === "partial") {
    const hint = didYouMean(problem.name, partialNames) || `; the partials are ${partialNames.join(", ")}`;
    return { severity: "error", code: "TEMPLATE_PARTIAL_UNKNOWN", message: `${where}{{> ${problem.name}}}: there is no partial "${problem.name}"${hint}`, file: source.file, line };
  }
  return { severity: "error", code: "TEMPLATE_FIELD_UNKNOWN", message: `${where}{{${problem.name}}}: "${problem.name}" is not a field a paper can use`, file: source.file, line };
}

/** templates/partials/openActions.hbs is used as {{> openActions}}. */
function partialName(source: TemplateSource): string {
  return source.file.replace(/^.*[\\/]/, "").replace(/\.hbs$/, "");
}

/**
 * `{{value}}` would be escaped for HTML (escapeExpression, the same for every environment).
 * Through Handlebars' documented AST instead, each escaped mustache becomes a raw one of our
 * escapeMarkdown helper around what it said: `{{a.b}}` → `{{{escapeMarkdown a.b}}}`,
 * `{{count "x"}}` → `{{{escapeMarkdown (count "x")}}}`. `{{{value}}}` and partial output never
 * reach it.
 */
function escapeForMarkdown(node: hbs.AST.MustacheStatement, helperNames: Set<string>): void {
  if (!node.escaped) return;
  const path = node.path as hbs.AST.PathExpression;
  const isCall = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || (path.type === "PathExpression" && !path.data && path.parts.length === 1 && helperNames.has(path.parts[0]!));
  const value = isCall ? ({ type: "SubExpression", path: node.path, params: node.params, hash: node.hash, loc: node.loc } as hbs.AST.SubExpression) : node.path;
  // A field read as an argument is looked up strictly, as the mustache itself was (see prepareAst).
  if (!isCall && path.type === "PathExpression" && (!path.data || path.parts[0] === "root")) (path as { strict?: boolean }).strict = true;
  const mutable = node as { path: hbs.AST.Expression; params: hbs.AST.Expression[]; hash: hbs.AST.Hash | undefined; escaped: boolean };
  mutable.path = { type: "PathExpression", data: false, depth: 0, parts: [ESCAPE_HELPER], original: ESCAPE_HELPER, loc: node.loc } as hbs.AST.PathExpression;
  mutable.params = [value];
  mutable.hash = undefined;
  mutable.escaped = false;
}

/** Our helper, called the Handlebars way: checks its arguments and tags its errors with the template line. */
function wrapHelper(name: string, helper: Helper): Handlebars.HelperDelegate {
  return function (this: unknown, ...all: unknown[]) {
    const options = all.pop() as Handlebars.HelperOptions;
    const { [LINE_OPTION]: line, ...hash } = options.hash as Record<string, unknown>;
    try {
      const [min, max] = helper.args;
      if (all.length < min || all.length > max) {
        const wanted = min === max ? `${min}` : `${min} to ${max}`;
        throw new TemplateProblem(`${name} takes ${wanted} ${max === 1 ? "value" : "values"}, not ${all.length}: ${helper.usage}`);
      }
      const allowed = helper.hash ?? [];
      for (const key of Object.keys(hash)) {
        if (!allowed.includes(key)) {
          const takes = allowed.length ? `; it takes ${allowed.map((k) => `${k}=`).join(", ")}` : "";
          throw new TemplateProblem(`${name} has no option ${key}=${didYouMean(key, allowed)}${takes}`);
        }
      }
      return helper.run(all, hash);
    } catch (error) {
      const problem = error instanceof TemplateProblem ? error : new TemplateProblem(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      if (typeof line === "number") (problem as TemplateProblem & { line?: number }).line ??= line;
      throw problem;
    }
  };
}

/** What the walk over a template found wrong before compiling it. */
type AstProblem = { kind: "partial"; name: string; line: number } | { kind: "forbidden"; name: string; line: number };

/** Names every object inherits (constructor, __proto__ …): never fields of the paper, and never to be reached. */
const INHERITED_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);

/**
 * Walks the parsed template before it is compiled: tags every call of one of our helpers with
 * its line (Handlebars does not tell helpers where they are), makes field lookups strict in
 * helper arguments, and finds the first partial that does not exist.
 */
function prepareAst(ast: hbs.AST.Program, helperNames: Set<string>, partialNames: Set<string>): AstProblem | null {
  let problem: AstProblem | null = null;

  const checkPath = (path: hbs.AST.PathExpression): void => {
    const inherited = path.parts.find((part) => INHERITED_NAMES.has(part));
    if (inherited !== undefined && problem === null) problem = { kind: "forbidden", name: path.original, line: path.loc?.start.line ?? 1 };
  };

  const value = (node: hbs.AST.Expression): void => {
    if (node.type === "PathExpression") {
      // Handlebars' strict mode checks only the last name of {{a.b}}, and nothing in helper
      // arguments ({{#if a.b}}): without this, a misspelt field there is silently blank.
      const path = node as hbs.AST.PathExpression & { strict?: boolean };
      if (!path.data || path.parts[0] === "root") path.strict = true;
      checkPath(path);
    } else if (node.type === "SubExpression") {
      call(node as hbs.AST.SubExpression);
    }
  };

  const call = (node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression): void => {
    const path = node.path as hbs.AST.PathExpression;
    if (path.type === "PathExpression") checkPath(path);
    if (path.type === "PathExpression" && !path.data && path.depth === 0 && path.parts.length === 1 && (helperNames.has(path.parts[0]!) || path.parts[0] === "each")) {
      const line = node.loc?.start.line ?? 1;
      const pair = { type: "HashPair", key: LINE_OPTION, value: { type: "NumberLiteral", value: line, original: line, loc: node.loc }, loc: node.loc };
      const hash = (node.hash ?? { type: "Hash", pairs: [], loc: node.loc }) as hbs.AST.Hash;
      hash.pairs = [...hash.pairs, pair as unknown as hbs.AST.HashPair];
      (node as { hash: hbs.AST.Hash }).hash = hash;
    }
    for (const param of node.params) value(param);
    for (const pair of node.hash?.pairs ?? []) if (pair.key !== LINE_OPTION) value(pair.value);
    // {{lookup x "constructor"}} reaches the same inherited names by another road.
    if (path.type === "PathExpression" && path.original === "lookup") {
      for (const param of node.params) {
        if (param.type === "StringLiteral" && INHERITED_NAMES.has((param as hbs.AST.StringLiteral).value) && problem === null) {
          problem = { kind: "forbidden", name: (param as hbs.AST.StringLiteral).value, line: node.loc?.start.line ?? 1 };
        }
      }
    }
  };

  const statement = (node: hbs.AST.Statement): void => {
    switch (node.type) {
      case "MustacheStatement":
        call(node as hbs.AST.MustacheStatement);
        escapeForMarkdown(node as hbs.AST.MustacheStatement, helperNames);
        break;
      case "BlockStatement": {
        const block = node as hbs.AST.BlockStatement;
        call(block);
        if (block.program) program(block.program);
        if (block.inverse) program(block.inverse);
        break;
      }
      case "PartialStatement":
      case "PartialBlockStatement": {
        const partial = node as hbs.AST.PartialStatement & { program?: hbs.AST.Program };
        // {{> name}} or {{> "name"}}; a partial chosen at run time ({{> (expr)}}) is not checked here.
        const written = partial.name as { type: string; original?: unknown; value?: unknown };
        const name = written.type === "PathExpression" ? String(written.original) : written.type === "StringLiteral" ? String(written.value) : null;
        if (name !== null && !partialNames.has(name) && name !== "@partial-block" && problem === null) {
          problem = { kind: "partial", name, line: partial.loc?.start.line ?? 1 };
        }
        for (const param of partial.params) value(param);
        for (const pair of partial.hash?.pairs ?? []) value(pair.value);
        if (partial.program) program(partial.program);
        break;
      }
      default:
        break;
    }
  };

  const program = (node: hbs.AST.Program): void => {
    for (const child of node.body) statement(child);
  };

  program(ast);
  return problem;
}
