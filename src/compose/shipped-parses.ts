// The shipped house styles and specs (templates/styles, templates/specs) read when boardpack is
// built, as template-cache.ts does for their templates: a paper with a shipped style and its
// default spec otherwise parses their YAML every run, cold, which cost about 70 M instructions
// of a 1,000-action paper (callgrind, 3.80 G -> 3.73 G). scripts/precompile-templates.js writes dist/shipped.parsed.json:
// what reading each shipped file gave, keyed by a hash of its kind and its whole text, for the
// files read without a word to say. A file edited since the build, or a user's own, is simply
// not found, and is read as it always is.
import { builtCacheFile, builtCacheKey, readBuiltCache } from "./built-cache.js";

export const SHIPPED_PARSES_FILE = builtCacheFile("shipped.parsed.json");

/** What is kept: a house style's file, or a spec's file. */
export type ParsedKind = "style" | "spec";

let cache: Map<string, string> | undefined;

export function parsedKey(kind: ParsedKind, text: string): string {
  return builtCacheKey(kind, text);
}

/** What reading this text gave when boardpack was built, as a copy of its own; undefined when it is not a shipped file's. */
export function shippedParse(kind: ParsedKind, text: string): unknown {
  cache ??= readBuiltCache(SHIPPED_PARSES_FILE);
  const entry = cache.get(parsedKey(kind, text));
  // Kept as JSON text and read afresh each time: whoever asks may change what it gets.
  return entry === undefined ? undefined : JSON.parse(entry);
}
