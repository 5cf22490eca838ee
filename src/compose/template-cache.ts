// The shipped templates (templates/partials, and the specs' and house styles' text) precompiled
// when boardpack is built, so that a paper does not compile, every run, the same Handlebars it
// compiled the last time: scripts/build.js composes every shipped spec once with a recorder on
// (precompile-shipped.ts) and writes what Handlebars.precompile gave into
// dist/templates.precompiled.json. Each entry is keyed by a hash of the template's text and of
// everything else its compiled code depends on (see handlebars-env.ts), so a template edited
// since the build, or a user's own, is simply not found, and is compiled as it is read.
import { builtCacheFile, builtCacheKey, readBuiltCache } from "./built-cache.js";

export const TEMPLATE_CACHE_FILE = builtCacheFile("templates.precompiled.json");

let cache: Map<string, string> | undefined;
let recording: Map<string, string> | undefined;

/** The key of a template's text compiled in an environment of the given fingerprint. */
export function templateKey(fingerprint: string, text: string): string {
  return builtCacheKey(fingerprint, text);
}

/** What Handlebars.precompile gave for this key when boardpack was built, if anything. */
export function precompiledTemplate(key: string): string | undefined {
  // While recording, nothing comes from the cache: everything recorded is compiled afresh.
  if (recording) return undefined;
  cache ??= readBuiltCache(TEMPLATE_CACHE_FILE);
  return cache.get(key);
}

/** Told of every template compiled, for the recorder (a no-op unless one runs). */
export function rememberTemplate(key: string, spec: string): void {
  recording?.set(key, spec);
}

/** Runs `work` and gives every template compiled meanwhile, by key (in a fixed order, for a stable file). */
export function recordTemplates(work: () => void): Record<string, string> {
  const previous = recording;
  recording = new Map();
  try {
    work();
    return Object.fromEntries([...recording].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  } finally {
    recording = previous;
  }
}
