// Where the project's own templates live: templates/ at the package root. Resolved from this
// file's URL, which is two levels below the root both as src/compose/paths.ts (vitest) and as
// dist/compose/paths.js (after tsc), so the same code finds them in both.
import { isAbsolute, relative } from "node:path";
import { fileURLToPath } from "node:url";

const TEMPLATES = new URL("../../templates/", import.meta.url);

export type TemplateFolder = "styles" | "specs" | "partials";

/** Absolute path of a file under templates/<folder>/. */
export function templatePath(folder: TemplateFolder, file: string): string {
  return fileURLToPath(new URL(`${folder}/${file}`, TEMPLATES));
}

/** Absolute path of templates/<folder>/ itself. */
export function templateFolder(folder: TemplateFolder): string {
  return fileURLToPath(new URL(`${folder}/`, TEMPLATES));
}

/**
 * How a file is named in messages: relative to the current folder when it is inside it
 * ("templates/styles/cambridgeshire-bcb.yaml"), otherwise in full.
 */
export function displayPath(absolutePath: string): string {
  const rel = relative(process.cwd(), absolutePath);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : absolutePath;
}
