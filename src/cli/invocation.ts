// The command as the user typed it, so every hint we print can be copied and pasted: "npx
// boardpack" through npx (or an npm script), "boardpack" when it is on the PATH (npm link,
// npm install -g), else the way node was pointed at it ("node bin/boardpack.js"). Told from
// the path node was given (process.argv[1]).
import { basename, delimiter, dirname, relative, resolve } from "node:path";

export function commandAsTyped(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv, cwd = process.cwd()): string {
  const script = argv[1] ?? "";
  const name = basename(script);
  // `npm start` builds the samples with boardpack's own commands: in that folder, npx finds it.
  if (name === "build-samples.js") return "npx boardpack";
  // Anything else that calls main() itself (tests, other scripts) gets the plain name.
  if (name !== "boardpack" && name !== "boardpack.js") return "boardpack";
  const folder = dirname(resolve(script));
  const onPath = (env.PATH ?? "").split(delimiter).some((p) => p !== "" && resolve(p) === folder);
  if (name === "boardpack" && onPath) return "boardpack";
  // npx runs the link in a node_modules/.bin (the project's, or its own cache's for `npx boardpack`
  // in boardpack's folder). npm's environment variables are no guide: they pass on to children.
  if (basename(folder) === ".bin" && basename(dirname(folder)) === "node_modules") return "npx boardpack";
  const path = relative(cwd, resolve(script)) || script;
  return `node ${/\s/.test(path) ? `"${path}"` : path}`;
}

const COMMAND_WORDS = "check|convert|changes|paper|s55|schema|app|style|help|--help|--version|<command>";
/** "boardpack check x" in a hint, but not the label "boardpack check:" before a message. */
const HINT = new RegExp(`\\bboardpack (?=(?:${COMMAND_WORDS})(?![\\w:-]))`, "g");

/** Hints and examples in `text` rewritten to the command as typed. */
export function asTyped(text: string, typed: string): string {
  if (typed === "boardpack") return text;
  return text.replace(HINT, `${typed} `);
}
