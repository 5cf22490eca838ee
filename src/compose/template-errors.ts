// Turns whatever Handlebars (or one of our helpers) threw into ONE diagnostic a user can act
// on: the template's file, the line in that file, and words instead of a stack trace.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { TemplateSource } from "./handlebars-env.js";
import { TemplateProblem } from "./helpers.js";
import { closestMatch, didYouMean } from "../diagnostics/suggest.js";

interface HandlebarsError {
  message: string;
  lineNumber?: number;
  column?: number;
}

export interface ErrorSetting {
  /** The data the template was rendered with, to suggest the field a misspelt one meant. */
  context: object;
  /** Every helper name, to suggest the helper a misspelt one meant. */
  helperNames: readonly string[];
}

export function templateErrorDiagnostic(error: unknown, source: TemplateSource, setting: ErrorSetting): Diagnostic {
  const at = (code: string, message: string, templateLine: number | undefined): Diagnostic => {
    const where = source.part ? `${source.part}: ` : "";
    const d: Diagnostic = { severity: "error", code, message: where + message, file: source.file };
    if (templateLine !== undefined) d.line = source.firstLine + templateLine - 1;
    return d;
  };

  if (error instanceof TemplateProblem) {
    return at(error.code, error.message, (error as TemplateProblem & { line?: number }).line);
  }
  const e = (error ?? {}) as HandlebarsError;
  const message = String(e.message ?? error);
  const line = e.lineNumber;

  const unknownField = /^"(.+)" not defined in /.exec(message);
  if (unknownField) {
    const expression = expressionAt(source.text, line, e.column) ?? unknownField[1]!;
    return at("TEMPLATE_FIELD_UNKNOWN", unknownFieldMessage(unknownField[1]!, expression, setting), line);
  }

  const unknownHelper = /^You specified knownHelpersOnly, but used the unknown helper (\S+)/.exec(message);
  if (unknownHelper) {
    const name = unknownHelper[1]!;
    const hint = didYouMean(name, setting.helperNames) || "; boardpack's helpers are listed in templates/README.md";
    return at("TEMPLATE_HELPER_UNKNOWN", `"${name}" is not a helper${hint}`, line);
  }

  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) {
    return at("TEMPLATE_SYNTAX", `{{#${mismatch[1]}}} is closed with {{/${mismatch[2]}}}; close it with {{/${mismatch[1]}}}`, line);
  }

  const parse = /^(?:Parse|Lexical) error on line (\d+)[:.]/.exec(message);
  if (parse) return at("TEMPLATE_SYNTAX", syntaxMessage(message), Number(parse[1]));

  if (/^Missing helper: "(.+)"/.test(message)) {
    const name = /^Missing helper: "(.+)"/.exec(message)![1]!;
    return at("TEMPLATE_HELPER_UNKNOWN", `"${name}" is not a helper${didYouMean(name, setting.helperNames)}`, line);
  }

  const plain = message.replace(/ - \d+:\d+$/, "");
  return at("TEMPLATE_ERROR", `the template cannot be used: ${plain}`, line);
}

/** The path written at a line and column ("paper.titel"), read from the template text. */
function expressionAt(text: string, line: number | undefined, column: number | undefined): string | null {
  if (line === undefined || column === undefined) return null;
  const lineText = text.split("\n")[line - 1] ?? "";
  const match = /^[^\s}()=]+/.exec(lineText.slice(column));
  return match ? match[0] : null;
}

const ROOTS = ["paper", "plan", "today"];

function unknownFieldMessage(name: string, expression: string, { context, helperNames }: ErrorSetting): string {
  // Papers built on this one add their own values beside these (a section 55 response's s55).
  const roots = [...new Set([...ROOTS, ...Object.keys(context)])];
  const segments = expression.replace(/^@root\./, "").split(/[./]/).filter((s) => s !== "" && s !== "this" && s !== "..");
  const index = segments.indexOf(name);
  const shown = `{{${expression}}}`;

  if (index > 0 && roots.includes(segments[0]!)) {
    const parentPath = segments.slice(0, index);
    const parent = walk(context, parentPath);
    if (parent !== null && typeof parent === "object") {
      const keys = Object.keys(parent).filter((k) => !Array.isArray(parent) || !/^\d+$/.test(k));
      const hint = didYouMean(name, keys) || (keys.length ? `; its fields are ${keys.join(", ")}` : "");
      return `${shown}: ${parentPath.join(".")} has no field "${name}"${hint}`;
    }
    return `${shown}: ${parentPath.join(".")} is blank, so it has no field "${name}"`;
  }

  // A name on its own: it could be meant for the top level or for the item of an {{#each}}.
  const paper = (context as { paper?: Record<string, unknown> }).paper ?? {};
  const itemKeys = itemFieldNames(paper);
  const s55 = (context as { s55?: Record<string, unknown> }).s55;
  if (s55) for (const key of s55ItemFieldNames(s55)) itemKeys.add(key);
  const match = closestMatch(name, [...itemKeys, ...roots]);
  if (match) return `${shown}: there is no field "${name}" here; did you mean "${match}"?`;
  const helper = closestMatch(name, helperNames);
  if (helper) return `${shown}: there is no field "${name}" here; did you mean the helper {{${helper}}}?`;
  const paperMatch = closestMatch(name, Object.keys(paper));
  if (paperMatch) return `${shown}: there is no field "${name}" here; did you mean "paper.${paperMatch}"?`;
  return `${shown}: there is no field "${name}" here (the paper's own fields are written paper.title, paper.date …)`;
}

/** Field names of the things templates loop over: themes, actions, committees, contacts. */
function itemFieldNames(paper: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const list of ["themes", "actions", "committees", "contacts"]) {
    const first = (paper[list] as unknown[] | undefined)?.[0];
    if (first && typeof first === "object") for (const key of Object.keys(first)) names.add(key);
  }
  return names;
}

/** Field names of a section 55 response's items (recommendations and the rest). */
function s55ItemFieldNames(s55: Record<string, unknown>): string[] {
  const first = ["recommendations", "causesOfConcern", "areasForImprovement"].map((list) => (s55[list] as unknown[] | undefined)?.[0]).find((item) => item && typeof item === "object");
  return first ? Object.keys(first) : [];
}

function walk(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return null;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Handlebars' parser messages, said in a user's terms. */
function syntaxMessage(message: string): string {
  const [, excerpt = "", , expecting = ""] = message.split("\n");
  const near = excerpt.trim().replace(/^\.\.\./, "").slice(-40);
  if (/got 'EOF'/.test(expecting)) {
    return "the template ends inside an unfinished block: close every {{#each …}} with {{/each}} and every {{#if …}} with {{/if}}";
  }
  if (/got 'CLOSE'|got 'CLOSE_RAW_BLOCK'|got 'CLOSE_UNESCAPED'/.test(expecting)) {
    return `a {{ }} here is empty or has a stray brace: "${near}"`;
  }
  return `Handlebars cannot read this: "${near}" (check that every {{ has a matching }})`;
}
