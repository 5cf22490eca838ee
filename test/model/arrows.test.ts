// The folders show the pipeline and their imports point one way (README "For developers"):
// model/ is the core and imports no other stage; ingest/ reads into the model and knows
// nothing of what is made from it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../src");

function sourceFiles(folder: string): string[] {
  return readdirSync(join(SRC, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(SRC, folder, name));
}

/** The src/ folders a file imports from ("model", "ingest", …), by its relative imports. */
function importedStages(path: string): string[] {
  const text = readFileSync(path, "utf8");
  const stages = new Set<string>();
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
    const target = relative(SRC, join(path, "..", m[1]!));
    stages.add(target.split(/[\\/]/)[0]!);
  }
  return [...stages];
}

describe("imports between stages", () => {
  it("model/ imports nothing from another stage", () => {
    const files = sourceFiles("model");
    expect(files.length).toBeGreaterThan(3);
    const outside = files.flatMap((f) => importedStages(f).filter((s) => s !== "model").map((s) => `${relative(SRC, f)} → ${s}`));
    expect(outside).toEqual([]);
  });

  it("ingest/ imports only the model and the diagnostics", () => {
    const outside = sourceFiles("ingest").flatMap((f) =>
      importedStages(f).filter((s) => !["ingest", "model", "diagnostics"].includes(s)).map((s) => `${relative(SRC, f)} → ${s}`),
    );
    expect(outside).toEqual([]);
  });
});
