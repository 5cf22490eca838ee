// What every command declares: its help text and options, so `boardpack --help` and
// `boardpack <command> --help` are written from one place.
import type { ParseArgsConfig } from "node:util";
import type { Printer } from "../print.js";

export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  print: Printer;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** "boardpack check <tracker> [--map mapping.yaml] [--json]" */
  usage: string;
  examples: string[];
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Option help lines, in display order: [flag, meaning]. */
  optionHelp: [string, string][];
  /** Returns the exit code: 0 fine, 1 data errors, 2 usage or unreadable input. */
  run(context: CommandContext): Promise<number>;
}
