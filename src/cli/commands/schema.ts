// boardpack schema: the JSON Schema of plan.json, for anyone reading plans from other tools.
import { planJsonSchema } from "../../model/schema.js";
import type { Command } from "./command.js";

export const schemaCommand: Command = {
  name: "schema",
  summary: "print the JSON Schema of plan.json",
  usage: "boardpack schema",
  examples: ["boardpack schema > plan.schema.json"],
  options: {},
  optionHelp: [],
  async run(context) {
    context.print.out(JSON.stringify(planJsonSchema(), null, 2));
    return 0;
  },
};
