// The boardpack command line: parse arguments, run one command, map failures to exit codes.
// 0 = done, 1 = the data has errors, 2 = a usage mistake or a file that cannot be read.
import { parseArgs } from "node:util";
import { InputRefused } from "../ingest/refused.js";
import { PdfThread } from "../render/pdf/pdf-thread.js";
import type { Command } from "./commands/command.js";
import { formatWords } from "./format-words.js";
import { asTyped, commandAsTyped } from "./invocation.js";
import { quietConsole, quietProcessWarnings } from "./quiet-console.js";
import { consolePrinter, diagnosticLine, terminalSafePrinter, type Printer } from "./print.js";
import { UsageError } from "./usage-error.js";
import { OutputRefused } from "./write-file.js";
import { boardpackVersion } from "./version.js";

/**
 * The commands, in the order help lists them. Each module is loaded only when its command runs
 * (help loads them all), so `check` does not wait for the paper writers' libraries to load.
 */
const COMMANDS = new Map<string, () => Promise<Command>>([
  ["check", async () => (await import("./commands/check.js")).checkCommand],
  ["convert", async () => (await import("./commands/convert.js")).convertCommand],
  ["changes", async () => (await import("./commands/changes.js")).changesCommand],
  ["paper", async () => (await import("./commands/paper.js")).paperCommand],
  ["s55", async () => (await import("./commands/s55.js")).s55Command],
  ["style", async () => (await import("./commands/style.js")).styleCommand],
  ["schema", async () => (await import("./commands/schema.js")).schemaCommand],
  ["app", async () => (await import("./commands/app.js")).appCommand],
]);

export async function main(argv: string[], printer: Printer = consolePrinter, typed: string = commandAsTyped()): Promise<number> {
  const print = hintsAsTyped(terminalSafePrinter(printer), typed);
  // The real command line (not a test's captured printer): Node's warnings stay off the terminal too.
  if (printer === consolePrinter) quietProcessWarnings();
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const commands = await Promise.all([...COMMANDS.values()].map((load) => load()));
    const topic = name === "help" ? commands.find((c) => c.name === rest[0]) : undefined;
    print.out(topic ? commandHelp(topic) : generalHelp(commands));
    return 0;
  }
  if (name === "--version" || name === "-v") {
    print.out(version());
    return 0;
  }
  // A paper that will have a PDF: its writer starts loading in its own thread now, while the
  // paper command and its libraries load here.
  if (name === "paper" && asksForPdf(rest)) PdfThread.prestart();
  const load = COMMANDS.get(name);
  if (!load) {
    print.err(`boardpack: there is no command "${name}". The commands are ${[...COMMANDS.keys()].join(", ")}; boardpack --help explains them.`);
    return 2;
  }
  const command = await load();
  const restoreConsole = quietConsole();
  try {
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      print.out(commandHelp(command));
      return 0;
    }
    return await command.run({ values, positionals, print });
  } catch (error) {
    return reportFailure(error, command, print);
  } finally {
    restoreConsole();
    PdfThread.discardPrestarted();
  }
}

/**
 * `--format docx,pdf` or `--format=pdf` among the arguments, read as the paper command reads
 * them (paper-output.ts) — not any argument that mentions "pdf", such as an output folder.
 */
export function asksForPdf(args: readonly string[]): boolean {
  return args.some((arg, i) => {
    const value = arg === "--format" ? args[i + 1] : arg.startsWith("--format=") ? arg.slice("--format=".length) : undefined;
    return value !== undefined && formatWords(value).includes("pdf");
  });
}

/**
 * Every hint and example printed names the command as the user typed it ("npx boardpack check …").
 * Not JSON for scripts, whose text is data.
 */
function hintsAsTyped(print: Printer, typed: string): Printer {
  const rewrite = (line: string) => (/^\s*[{[]/.test(line) ? line : asTyped(line, typed));
  return { out: (line) => print.out(rewrite(line)), err: (line) => print.err(rewrite(line)) };
}

function parseCommandArgs(command: Command, args: string[]) {
  try {
    return parseArgs({ args, options: { ...command.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util's messages name the option; we add the way out.
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, "") : String(error);
    throw new UsageError(message.replace(/^Unknown option/, "unknown option"), command.name);
  }
}

function reportFailure(error: unknown, command: Command, print: Printer): number {
  if (error instanceof InputRefused) {
    print.err(diagnosticLine(error.diagnostic));
    return 2;
  }
  if (error instanceof UsageError) {
    print.err(`boardpack ${command.name}: ${error.message}`);
    print.err(`usage: ${command.usage}   (boardpack ${command.name} --help for more)`);
    return 2;
  }
  if (error instanceof OutputRefused) {
    print.err(`boardpack ${command.name}: ${error.message}`);
    return 2;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EACCES" || code === "EPERM" || code === "ENOSPC" || code === "EROFS") {
    const path = (error as NodeJS.ErrnoException).path ?? "";
    const why = code === "ENOSPC" ? "the disk is full" : code === "EROFS" ? "that place is read-only" : "permission denied";
    print.err(`boardpack ${command.name}: cannot write ${path}: ${why}`);
    return 2;
  }
  // A bug of ours, not the user's mistake: say so plainly, with detail only on request.
  print.err(`boardpack ${command.name}: internal error: ${error instanceof Error ? error.message : String(error)}`);
  print.err("This is a fault in boardpack, not in your file. Run again with BOARDPACK_DEBUG=1 for the details to report.");
  if (process.env.BOARDPACK_DEBUG && error instanceof Error) print.err(error.stack ?? "");
  return 70;
}

function generalHelp(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "boardpack — turns the trackers governance teams keep (Excel .xlsx, .csv) into a standard plan,",
    "board papers, RAG trackers and Section 55 responses.",
    "",
    "Usage: boardpack <command> [options]",
    "",
    "Commands:",
    ...commands.flatMap((c) => [`  ${c.name.padEnd(width)}  ${c.summary}`, ...c.examples.map((e) => `  ${" ".repeat(width)}    e.g. ${e}`)]),
    "",
    "Run boardpack <command> --help for a command's options.",
    "Exit codes: 0 done; 1 the tracker has errors (each is listed with its cell); 2 a usage mistake or an unreadable file.",
  ].join("\n");
}

export function commandHelp(command: Command): string {
  const width = Math.max(0, ...command.optionHelp.map(([flag]) => flag.length));
  return [
    `boardpack ${command.name}: ${command.summary}`,
    "",
    `Usage: ${command.usage}`,
    ...(command.optionHelp.length > 0 ? ["", "Options:", ...command.optionHelp.map(([flag, meaning]) => `  ${flag.padEnd(width)}  ${meaning}`)] : []),
    "",
    "Examples:",
    ...command.examples.map((e) => `  ${e}`),
  ].join("\n");
}

function version(): string {
  return `boardpack ${boardpackVersion()}`;
}
