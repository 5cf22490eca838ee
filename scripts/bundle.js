#!/usr/bin/env node
// Second half of `npm run build`: tsc has compiled src/ into dist/ (one file per module); this
// bundles that output, with the libraries it imports, into a few files in dist/bundle/, which
// bin/boardpack.js runs.
//
// Why: a command starts by loading its modules, and Node pays for every file of an ES module
// graph separately (resolve, read, compile, link). boardpack's own ~130 modules plus zod's and
// the Markdown parser's hundreds of small files took longer to load than a 100-action paper
// takes to make. Bundled, each command loads a handful of files.
//
// Each command stays in its own chunk (src/cli/main.ts imports them when they run), so
// `boardpack check` still never loads the writers' libraries; the PDF writer's worker thread
// (src/render/pdf/pdf-worker.ts) is an entry of its own, named as pdf-thread.ts starts it.
// dist/bundle/ is two folders below the package root, as src/<folder>/ and dist/<folder>/ are,
// so the paths resolved from a module's URL (templates/, package.json, node_modules) still hold.
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const APP = join(DIST, "bundle");

rmSync(APP, { recursive: true, force: true });
const { output } = await build({
  input: {
    main: join(DIST, "cli", "main.js"),
    "pdf-worker": join(DIST, "render", "pdf", "pdf-worker.js"),
  },
  platform: "node",
  logLevel: "warn",
  output: {
    dir: APP,
    format: "esm",
    entryFileNames: "[name].js",
    // Names without hashes: the same sources always give the same files.
    chunkFileNames: "[name].js",
  },
});

// What each file holds (the modules bundled into it, relative to the package root): for a
// developer asking where a module went, and for the test that `check` loads no writer.
const contents = {};
for (const file of output.filter((o) => o.type === "chunk").sort((a, b) => a.fileName.localeCompare(b.fileName))) {
  contents[file.fileName] = file.moduleIds.filter((id) => !id.startsWith("\0")).map((id) => relative(ROOT, id).split("\\").join("/")).sort();
}
writeFileSync(join(APP, "contents.json"), JSON.stringify(contents, null, 1) + "\n");
