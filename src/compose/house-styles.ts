// House styles are YAML files under templates/styles/, checked against the HouseStyle schema.
// A mistake in one is reported like any other input mistake: file, line, what to write instead.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { FILE_LIMITS } from "../files/limits.js";
import { readUserFile } from "../files/read-user-file.js";
import { resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { HouseStyle } from "./house-style.js";
import { displayPath, templateFolder, templatePath } from "./paths.js";
import { SPEC_FIELDS } from "./spec.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { yamlLineFinder } from "./yaml-lines.js";
import { shippedParse } from "./shipped-parses.js";

export interface LoadedStyle {
  style: HouseStyle | null;
  /** The style file as named in messages. */
  file: string;
  /** The style file's absolute path, which a `reference:` is relative to. */
  path?: string;
  /** File lines on which the header and footer templates' first lines sit. */
  headerLine: number;
  /** The line of its `logo:`, for a message about the file it names. */
  logoLine?: number;
  footerLine: number;
  diagnostics: Diagnostic[];
}

/** Where a style's name was written, for the message when there is no such style. */
export interface NameOrigin {
  file: string;
  line?: number;
}

/** The styles templates/styles/ holds, by name. */
export function houseStyleNames(): string[] {
  const folder = templateFolder("styles");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

/** A style given as a file ("styles/kent-pcc.yaml", as `boardpack style new` writes it) rather than by name. */
export function isStylePath(name: string): boolean {
  return /[\\/]/.test(name) || /\.ya?ml$/i.test(name);
}

/**
 * The style named (templates/styles/<name>.yaml) or given as a file: a file's path is relative
 * to the current folder for --style, to the spec for a spec's `style:` (`relativeTo`).
 */
export function loadHouseStyle(name: string, origin: NameOrigin = { file: "--style" }, relativeTo?: string): LoadedStyle {
  if (isStylePath(name)) return loadStyleFile(resolve(relativeTo ?? ".", name), origin);
  const names = houseStyleNames();
  // Names are plain words, so a name can never reach outside templates/styles/.
  if (!/^[a-z0-9-]+$/.test(name) || !names.includes(name)) {
    const hint = didYouMean(name, names) || `; the styles are ${names.join(", ")}`;
    return {
      style: null,
      file: origin.file,
      headerLine: 1,
      footerLine: 1,
      diagnostics: [{ severity: "error", code: "STYLE_UNKNOWN", message: `there is no house style "${name}"${hint}`, file: origin.file, ...(origin.line ? { line: origin.line } : {}) }],
    };
  }
  const path = templatePath("styles", `${name}.yaml`);
  return { ...parseHouseStyle(readFileSync(path, "utf8"), displayPath(path), name), path };
}

function loadStyleFile(path: string, origin: NameOrigin): LoadedStyle {
  const file = displayPath(path);
  const read = readUserFile(path, FILE_LIMITS.maxTextFileBytes);
  if (!read.ok) {
    const message = read.reason === "missing" ? "there is no such house style file" : read.message;
    return { style: null, file: origin.file, headerLine: 1, footerLine: 1, diagnostics: [{ severity: "error", code: "STYLE_UNKNOWN", message: `${file}: ${message}`, file: origin.file, ...(origin.line ? { line: origin.line } : {}) }] };
  }
  return { ...parseHouseStyle(read.bytes.toString("utf8"), file), path };
}

/** What a shipped style's file gave when boardpack was built (shipped-parses.ts). */
export interface ParsedStyle {
  style: HouseStyle;
  headerLine: number;
  footerLine: number;
  logoLine: number;
}

/** The text a style is kept under: the name it must have is part of reading it. */
export function styleParseText(source: string, expectedName?: string): string {
  return JSON.stringify([expectedName ?? null, source]);
}

export function parseHouseStyle(source: string, file: string, expectedName?: string): LoadedStyle {
  const shipped = shippedParse("style", styleParseText(source, expectedName)) as ParsedStyle | undefined;
  if (shipped) {
    const { style, headerLine, footerLine, logoLine } = shipped;
    return { style, file, headerLine, footerLine, logoLine, diagnostics: [] };
  }
  return readHouseStyle(source, file, expectedName);
}

/** The style in a file's text, read afresh: its YAML parsed and checked. */
export function readHouseStyle(source: string, file: string, expectedName?: string): LoadedStyle {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, logLevel: "error" });
  const finder = yamlLineFinder(doc, counter);
  const error = (message: string, line: number): Diagnostic => ({ severity: "error", code: "STYLE_INVALID", message, file, line });
  const result: LoadedStyle = { style: null, file, headerLine: finder.textStartLine(["header"]), footerLine: finder.textStartLine(["footer"]), logoLine: finder.lineOf(["logo"]), diagnostics: [] };

  const yamlError = doc.errors[0];
  if (yamlError) {
    result.diagnostics.push(error(`not valid YAML: ${yamlError.message.split("\n")[0]}`, counter.linePos(yamlError.pos[0]).line));
    return result;
  }
  const raw: unknown = doc.toJS();
  const diagnostics = unknownKeys(raw, HouseStyle, []).map(({ path, key, known }) =>
    error(`"${key}" is not a house style field${didYouMean(key, known) || `; the fields here are ${known.join(", ")}`}`, finder.lineOf([...path, key], { key: true })),
  );
  // One small object, checked once: zod's compiled checker (jitless: false) costs more to build than it saves.
  const parsed = HouseStyle.safeParse(raw, { jitless: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") continue;
      const where = issue.path.join(".") || "the style";
      const missing = issue.code === "invalid_type" && valueAt(raw, issue.path) === undefined;
      diagnostics.push(error(missing ? `${where} is missing` : `${where}: ${issue.message}`, finder.lineOf(issue.path)));
    }
  } else {
    if (expectedName !== undefined && parsed.data.name !== expectedName) {
      diagnostics.push(error(`name: the style in ${expectedName}.yaml must be named "${expectedName}", not "${parsed.data.name}"`, finder.lineOf(["name"])));
    }
    for (const field of Object.keys(parsed.data.requires ?? {})) {
      if (!(SPEC_FIELDS as string[]).includes(field)) {
        diagnostics.push(error(`requires: "${field}" is not a spec field${didYouMean(field, SPEC_FIELDS)}`, finder.lineOf(["requires", field], { key: true })));
      }
    }
  }
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...result, style: diagnostics.length === 0 && parsed.success ? parsed.data : null, diagnostics };
}

/** Keys in the YAML that the schema has no place for (zod would drop them without a word). */
function unknownKeys(value: unknown, schema: z.ZodType, path: (string | number)[]): { path: (string | number)[]; key: string; known: string[] }[] {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject) || typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const shape = inner.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  const found: { path: (string | number)[]; key: string; known: string[] }[] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childSchema = shape[key];
    if (childSchema === undefined) found.push({ path, key, known });
    else found.push(...unknownKeys(child, childSchema, [...path, key]));
  }
  return found;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
  return current;
}
