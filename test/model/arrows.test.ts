// The folders show the pipeline and their imports point one way (README "For developers"):
// model/ is the core and imports no other stage; ingest/ reads into the model and knows
// nothing of what is made from it; compose/ and render/ make papers from the model and know
// nothing of how a tracker is read; files/ (reading a file a user named, within limits) and
// diagnostics/ are leaves every stage may use. cli/ and app/ sit on top and may import anything.
// The one arrow between peers: render/ reads the document tree compose/ makes (compose/doc.ts,
// with the house style it carries, compose/house-style.ts) as types only, so no compose code
// runs inside a writer.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../src");

function sourceFiles(folder: string): string[] {
  return readdirSync(join(SRC, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(SRC, folder, name));
}

interface Import {
  /** The importing file, relative to src/ ("compose/spec.ts"). */
  from: string;
  /** What it names: a path relative to src/ ("files/limits.js"), or a package ("yaml", "node:fs"). */
  target: string;
  /** The src/ folder the target is in ("files"), or null for a package. */
  stage: string | null;
  /** `import type { … } from`: erased when compiled, so nothing of the target runs. */
  typeOnly: boolean;
}

// `import …/export … from "x"` and `import "x"` at the start of a line (no string or semicolon
// before the name), and `import("x")` anywhere: the forms src/ uses.
const STATIC_IMPORT = /^(?:import|export)(\s+type\b)?(?:[^;"]*?\bfrom)?\s*"([^"]+)"/gm;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*"([^"]+)"\s*\)/g;

/** Every import and re-export of a file, static or dynamic. */
function importsOf(path: string): Import[] {
  const text = readFileSync(path, "utf8");
  const found = [
    ...[...text.matchAll(STATIC_IMPORT)].map((m) => ({ spec: m[2]!, typeOnly: m[1] !== undefined })),
    ...[...text.matchAll(DYNAMIC_IMPORT)].map((m) => ({ spec: m[1]!, typeOnly: false })),
  ];
  const from = relative(SRC, path).split(/[\\/]/).join("/");
  return found.map(({ spec, typeOnly }) => {
    if (!spec.startsWith(".")) return { from, target: spec, stage: null, typeOnly };
    const target = relative(SRC, join(path, "..", spec)).split(/[\\/]/).join("/");
    return { from, target, stage: target.split("/")[0]!, typeOnly };
  });
}

/** The imports of a folder that land in another stage than those allowed, as "file → target". */
function outside(folder: string, allowed: readonly string[]): string[] {
  return sourceFiles(folder)
    .flatMap(importsOf)
    .filter((imp) => imp.stage !== null && imp.stage !== folder && !allowed.includes(imp.stage))
    .map((imp) => `${imp.from} → ${imp.target}`);
}

/** The files render/ may read from compose/: the document tree and the house style it carries. */
const DOCUMENT_TREE = ["compose/doc.js", "compose/house-style.js"];

describe("imports between stages", () => {
  it("the import reader sees static, type-only and dynamic imports", () => {
    expect(importsOf(join(SRC, "ingest/limits.ts"))).toEqual([{ from: "ingest/limits.ts", target: "files/limits.js", stage: "files", typeOnly: false }]);
    expect(importsOf(join(SRC, "render/pdf/rules.ts"))).toContainEqual({ from: "render/pdf/rules.ts", target: "compose/doc.js", stage: "compose", typeOnly: true });
    // The commands are loaded when they run: import("./commands/….js").
    expect(importsOf(join(SRC, "cli/main.ts")).filter((i) => i.target.startsWith("cli/commands/")).length).toBeGreaterThan(3);
  });

  it("model/ imports nothing from another stage", () => {
    expect(sourceFiles("model").length).toBeGreaterThan(3);
    expect(outside("model", [])).toEqual([]);
  });

  it("diagnostics/ imports nothing from another stage", () => {
    expect(outside("diagnostics", [])).toEqual([]);
  });

  it("files/ imports only Node's own modules and the diagnostics", () => {
    const imports = sourceFiles("files").flatMap(importsOf);
    expect(imports.length).toBeGreaterThan(1);
    const others = imports.filter((imp) => !imp.target.startsWith("node:") && !imp.target.startsWith("files/") && !imp.target.startsWith("diagnostics/"));
    expect(others.map((imp) => `${imp.from} → ${imp.target}`)).toEqual([]);
  });

  it("ingest/ imports only the model, the diagnostics and files/", () => {
    expect(outside("ingest", ["model", "diagnostics", "files"])).toEqual([]);
  });

  it("compose/ imports only the model, the diagnostics and files/: never how a tracker is read", () => {
    expect(outside("compose", ["model", "diagnostics", "files"])).toEqual([]);
  });

  it("render/ imports only the model and the diagnostics, and the document tree's types from compose/", () => {
    expect(outside("render", ["model", "diagnostics", "compose"])).toEqual([]);
    const fromCompose = sourceFiles("render").flatMap(importsOf).filter((imp) => imp.stage === "compose");
    expect(fromCompose.length).toBeGreaterThan(0);
    const notTheTree = fromCompose.filter((imp) => !DOCUMENT_TREE.includes(imp.target) || !imp.typeOnly);
    expect(notTheTree.map((imp) => `${imp.from} → ${imp.target}${imp.typeOnly ? "" : " (not import type)"}`)).toEqual([]);
  });

  it("the document tree render/ reads imports only the model and itself", () => {
    const imports = DOCUMENT_TREE.map((file) => join(SRC, file.replace(/\.js$/, ".ts"))).flatMap(importsOf);
    const others = imports.filter((imp) => imp.stage !== null && imp.stage !== "model" && !DOCUMENT_TREE.includes(imp.target));
    expect(others.map((imp) => `${imp.from} → ${imp.target}`)).toEqual([]);
  });
});
