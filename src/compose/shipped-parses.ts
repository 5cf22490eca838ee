// The shipped house styles and specs (templates/styles, templates/specs) read when boardpack is
// built, as template-cache.ts does for their templates: a paper with a shipped style and its
// default spec otherwise parses their YAML every run, cold, which cost about 70 M instructions
// of a 1,000-action paper (callgrind, 3.80 G -> 3.73 G). scripts/precompile-templates.js writes dist/shipped.parsed.json:
// what reading each shipped file gave, keyed by a hash of its kind and its whole text, for the
// files read without a word to say. A file edited since the build, or a user's own, is simply
// not found, and is read as it always is.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** dist/shipped.parsed.json, from dist/compose/ and dist/bundle/ alike (under vitest, src/: there is none). */
export const SHIPPED_PARSES_FILE = new URL("../shipped.parsed.json", import.meta.url);

/** What is kept: a house style's file, or a spec's file. */
export type ParsedKind = "style" | "spec";

let cache: Map<string, string> | undefined;

export function parsedKey(kind: ParsedKind, text: string): string {
  return createHash("sha256").update(kind).update("\0").update(text).digest("base64url");
}

/** What reading this text gave when boardpack was built, as a copy of its own; undefined when it is not a shipped file's. */
export function shippedParse(kind: ParsedKind, text: string): unknown {
  cache ??= readCache();
  const entry = cache.get(parsedKey(kind, text));
  // Kept as JSON text and read afresh each time: whoever asks may change what it gets.
  return entry === undefined ? undefined : JSON.parse(entry);
}

function readCache(): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(SHIPPED_PARSES_FILE, "utf8");
  } catch {
    return new Map(); // not built (the sources under a test runner): everything is parsed
  }
  return new Map(Object.entries(JSON.parse(text) as Record<string, string>));
}
