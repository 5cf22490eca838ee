// `boardpack style new`: a house style file for a force's own Word template, so a governance
// assistant adds their force without code. It starts from an existing style (its header block,
// numbering and default wording) and takes from the template its page, margins, fonts, sizes
// and heading colours (styleFromTemplate), and names the template (`reference:`), which is
// copied beside it. The starting style's organisation block goes: the template's letterhead
// carries the force's name and crest.
import { stringify } from "yaml";
import type { WordTemplate } from "../model/word-template.js";
import type { HouseStyle } from "./house-style.js";
import { parseHouseStyle } from "./house-styles.js";
import { styleFromTemplate } from "./template-house-style.js";

export interface NewStyle {
  /** The style file's text (YAML with a comment saying where it came from). */
  yaml: string;
  style: HouseStyle;
}

export function newStyleFromTemplate(options: { like: HouseStyle; template: WordTemplate; name: string; templateFile: string; sourceName: string }): NewStyle {
  const { like, template, name, templateFile } = options;
  const derived = styleFromTemplate(like, template);
  const style: HouseStyle = {
    ...derived,
    name,
    description: `${name} – papers on the force's own Word template (${options.sourceName}), laid out as ${like.name}`,
    header: withoutOrganisationBlock(like.header),
    reference: templateFile,
  };
  const yaml =
    `# House style ${name}, made by \`boardpack style new\` from ${options.sourceName},\n` +
    `# starting from the ${like.name} style. The paper takes its styles, fonts, page set-up,\n` +
    `# headers and footers (crest included) from ${templateFile}, beside this file.\n` +
    "# Edit any field; templates/README.md in boardpack explains them.\n" +
    stringify(style, { lineWidth: 0 });
  // What we write must load as a style: checked here, so a user never receives a broken file.
  const check = parseHouseStyle(yaml, `${name}.yaml`);
  if (!check.style) throw new Error(`style new: the style written does not load: ${check.diagnostics.map((d) => d.message).join("; ")}`);
  return { yaml, style };
}

/** The header block without its organisation-name paragraph (`<!-- role: org -->` and the lines after it, to a blank line). */
function withoutOrganisationBlock(header: string): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of header.split("\n")) {
    if (/^\s*<!--\s*role:\s*org\s*-->\s*$/.test(line)) skipping = true;
    else if (skipping && line.trim() === "") skipping = false;
    if (!skipping) out.push(line);
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}
