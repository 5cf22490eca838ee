// boardpack convert: a tracker in, the plan out as plan.json. Errors in the data stop it
// before anything is written.
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { UsageError } from "../usage-error.js";
import { plural, printDiagnostics, severitySummary } from "../print.js";
import { refuseToOverwriteInput, writeFileAtomic } from "../write-file.js";
import type { Command } from "./command.js";
import { onePositional, readTrackerFromArgs, trackerOptionHelp, trackerOptions } from "./shared-options.js";

export const convertCommand: Command = {
  name: "convert",
  summary: "convert a tracker into the standard plan (plan.json)",
  usage: "boardpack convert <tracker.xlsx|tracker.csv> -o <plan.json> [--map mapping.yaml] [--json]",
  examples: ["boardpack convert data/cambs-da-action-plan.csv -o out/cambs-plan.json"],
  options: { ...trackerOptions, output: { type: "string", short: "o" } },
  optionHelp: [["-o, --output <file>", "where to write: a .json file (the plan)"], ...trackerOptionHelp],
  async run(context) {
    const tracker = onePositional(context, "tracker file", "convert");
    const output = context.values.output;
    if (typeof output !== "string" || output === "") throw new UsageError("say where to write the result with -o, for example -o out/plan.json", "convert");
    if (!/\.json$/i.test(output)) throw new UsageError(`-o ${output}: boardpack convert writes a .json plan; name the output file with .json`, "convert");
    await refuseToOverwriteInput(output, [tracker]);

    const result = await readTrackerFromArgs(context, tracker);
    const failed = hasErrors(result.diagnostics) || result.plan === null;
    if (context.values.json) {
      context.print.err(JSON.stringify({ ok: !failed, output: failed ? null : output, diagnostics: result.diagnostics }, null, 2));
    } else {
      printDiagnostics(result.diagnostics, context.print.err, { includeInfo: false });
    }
    if (failed || !result.plan) {
      if (!context.values.json) context.print.err(`Nothing written: ${severitySummary(result.diagnostics)}.`);
      return 1;
    }
    await writeFileAtomic(output, `${JSON.stringify(result.plan, null, 2)}\n`);
    if (!context.values.json) {
      const notes = result.diagnostics.filter((d) => d.severity === "info").length;
      const what = result.plan.actions.length > 0 ? plural(result.plan.actions.length, "action") : plural(result.plan.recommendations.length, "recommendation");
      context.print.err(`Wrote ${output} (${what}; ${severitySummary(result.diagnostics)}${notes ? `: boardpack check ${tracker} lists the notes` : ""}).`);
    }
    return 0;
  },
};
