// boardpack's version, read once from package.json (two levels above src/cli and dist/cli).
import { readFileSync } from "node:fs";

let cached: string | undefined;

export function boardpackVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  return cached;
}
