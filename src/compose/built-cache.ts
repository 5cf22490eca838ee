// What the build leaves in dist/ for the composer to look up instead of doing work again
// (template-cache.ts: compiled templates; shipped-parses.ts: read styles and specs): a JSON
// object of entries keyed by a hash of everything the entry depends on. A missing file (the
// sources under a test runner) is an empty cache, so everything is done as it is read.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** A file under dist/, from dist/compose/ and dist/bundle/ alike (under vitest, src/: there is none). */
export function builtCacheFile(name: string): URL {
  return new URL(`../${name}`, import.meta.url);
}

/** The key of an entry: a hash of its parts, each ended by a NUL, so no two lists of parts share one. */
export function builtCacheKey(...parts: string[]): string {
  const hash = createHash("sha256");
  parts.forEach((part, i) => {
    if (i > 0) hash.update("\0");
    hash.update(part);
  });
  return hash.digest("base64url");
}

/** The entries the build wrote into `file`, or none when it wrote nothing there. */
export function readBuiltCache(file: URL): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return new Map();
  }
  return new Map(Object.entries(JSON.parse(text) as Record<string, string>));
}
