#!/usr/bin/env node
// `npm run build`: compile src/ into dist/ (tsc) and bundle it (bundle.js). With --if-changed
// (what `npm start` and `npm test` run) it does nothing when dist/ was built from the very same
// sources: a hash of src/, templates/ (precompiled into dist/), the tsconfig files, the build
// scripts and package-lock.json (the bundle holds the libraries) is kept in dist/.build-hash once
// a build succeeds, and compared.
// Contents rather than times, so a checkout or a copy that changes nothing rebuilds nothing.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-hash");
const INPUTS = ["src", "templates", "tsconfig.json", "tsconfig.build.json", "scripts/build.js", "scripts/bundle.js", "scripts/precompile-templates.js", "package-lock.json"];
/** What the build must have left for the package to run. */
const OUTPUTS = ["bundle/main.js", "bundle/pdf-worker.js", "templates.precompiled.json", "shipped.parsed.json"];

/** Every input file, in a fixed order, hashed with its path. */
function sourceHash() {
  const hash = createHash("sha256");
  const files = INPUTS.flatMap((input) => filesUnder(join(ROOT, input))).sort();
  for (const file of files) {
    hash.update(relative(ROOT, file).split("\\").join("/")).update("\0");
    hash.update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function run(command, args) {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const ifChanged = process.argv.includes("--if-changed");
const hash = sourceHash();
const built = existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === hash && OUTPUTS.every((f) => existsSync(join(DIST, f)));
if (ifChanged && built) {
  console.log("build: dist/ is up to date with src/, not rebuilt.");
  process.exit(0);
}
rmSync(STAMP, { force: true }); // a build that stops half way must not look finished
run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"]);
run(process.execPath, [join(ROOT, "scripts", "bundle.js")]);
run(process.execPath, [join(ROOT, "scripts", "precompile-templates.js")]);
writeFileSync(STAMP, `${hash}\n`);
