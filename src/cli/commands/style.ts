// boardpack style new: a house style from the force's own Word template, in three steps a
// governance assistant can take (README, "Your force's own Word template").
import { existsSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { houseStyleNames, loadHouseStyle } from "../../compose/house-styles.js";
import { newStyleFromTemplate } from "../../compose/style-from-template.js";
import { readUserFile } from "../../files/read-user-file.js";
import { LIMITS } from "../../ingest/limits.js";
import { loadWordTemplate } from "../../ingest/word-template/load-word-template.js";
import { InputRefused } from "../../ingest/refused.js";
import { printDiagnostics } from "../print.js";
import { UsageError } from "../usage-error.js";
import { checkOutputPaths, OutputRefused, writeFileAtomic } from "../write-file.js";
import type { Command } from "./command.js";
import { stringOption } from "./shared-options.js";

const DEFAULT_LIKE = "cambridgeshire-bcb";

export const styleCommand: Command = {
  name: "style",
  summary: "make a house style from your force's own Word template (logo, fonts, margins, headers and footers)",
  usage: "boardpack style new --from <template.docx> --name <name> [--like <style>] [-o <folder>]",
  examples: ["boardpack style new --from \"Kent PCC template.dotx\" --name kent-pcc"],
  options: {
    from: { type: "string" },
    name: { type: "string" },
    like: { type: "string" },
    output: { type: "string", short: "o" },
  },
  optionHelp: [
    ["--from <template.docx>", "your force's Word template or a paper made with it (.docx or .dotx); its text is not used"],
    ["--name <name>", "the style's name, in small letters, digits and dashes (kent-pcc): it writes <name>.yaml and a copy of the template beside it"],
    ["--like <style>", `the style whose header block, numbering and wording to start from (default ${DEFAULT_LIKE}; also ${houseStyleNames().filter((n) => n !== DEFAULT_LIKE).join(", ")})`],
    ["-o, --output <folder>", "where to write the style file and the template's copy (default: the current folder)"],
  ],
  async run({ positionals, values, print }) {
    if (positionals[0] !== "new" || positionals.length > 1) throw new UsageError(positionals.length === 0 ? "say what to do: boardpack style new --from <template.docx> --name <name>" : `"${positionals.join(" ")}" is not a style command; the one there is is "new"`, "style");
    const from = stringOption(values.from);
    const name = stringOption(values.name);
    if (!from) throw new UsageError("give your force's Word template with --from", "style");
    if (!name) throw new UsageError("give the new style a name with --name, such as --name kent-pcc", "style");
    if (!/^[a-z0-9-]+$/.test(name)) throw new UsageError(`--name ${name}: use small letters, digits and dashes only, such as kent-pcc`, "style");
    if (houseStyleNames().includes(name)) throw new UsageError(`--name ${name}: boardpack has a style of that name already; choose another`, "style");
    const likeName = stringOption(values.like) ?? DEFAULT_LIKE;
    const like = loadHouseStyle(likeName, { file: "--like" });
    if (!like.style) {
      printDiagnostics(like.diagnostics, print.err, { includeInfo: false });
      return 2;
    }

    const read = loadWordTemplate(from, from);
    if (read.template === null) throw new InputRefused(read.diagnostics[0]);
    const folder = stringOption(values.output) ?? ".";
    const extension = extname(from).toLowerCase() === ".dotx" ? ".dotx" : ".docx";
    const templateFile = `${name}${extension}`;
    const stylePath = join(folder, `${name}.yaml`);
    const templatePath = join(folder, templateFile);
    for (const path of [stylePath, templatePath]) {
      if (existsSync(path)) throw new OutputRefused(path, "it is there already; choose another --name or folder (-o), or move that file");
    }
    await checkOutputPaths([stylePath, templatePath], [from]);
    const made = newStyleFromTemplate({ like: like.style, template: read.template, name, templateFile, sourceName: basename(from) });
    const copy = readUserFile(from, LIMITS.maxFileBytes);
    if (!copy.ok) throw new OutputRefused(templatePath, copy.message);
    await writeFileAtomic(templatePath, copy.bytes);
    await writeFileAtomic(stylePath, made.yaml);

    printDiagnostics(read.diagnostics.filter((d) => d.code !== "TEMPLATE_BODY_IGNORED"), print.err, { includeInfo: false });
    const f = made.style.fonts;
    print.err(`Wrote ${stylePath} and ${templatePath}: ${f.family} ${f.body} pt, headings ${f.heading1}/${f.heading2}/${f.heading3} pt, margins ${Object.values(made.style.page.margins).join("/")} cm, from ${basename(from)}.`);
    print.err(`Use it: boardpack paper tracker.xlsx --style ${stylePath}`);
    return 0;
  },
};
