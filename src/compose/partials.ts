// The partials under templates/partials/: each file is registered under its name, so
// templates/partials/openActions.hbs is used as {{> openActions}}.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { TemplateSource } from "./handlebars-env.js";
import { displayPath, templateFolder, templatePath } from "./paths.js";

export function loadPartials(): TemplateSource[] {
  const folder = templateFolder("partials");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".hbs"))
    .sort()
    .map((f) => {
      const path = templatePath("partials", f);
      return { file: displayPath(path), text: readFileSync(path, "utf8").replace(/\r\n?/g, "\n"), firstLine: 1 };
    });
}
