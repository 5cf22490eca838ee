// The values a paper's words can use, each with what it is now for this tracker: the list the
// web page offers for inserting into the text ("{{count "complete"}} — 46"). Each value is
// worked out by the same template environment that renders the paper, so the figure shown is
// the figure the paper will print.
import type { Plan } from "../model/schema.js";
import { createTemplateEnv } from "./handlebars-env.js";
import { createHelpers } from "./helpers.js";
import type { HouseStyle } from "./house-style.js";
import { buildPaperContext } from "./paper-context.js";
import { loadPartials } from "./partials.js";
import type { PaperSpec } from "./spec.js";

export interface InsertableValue {
  /** What is inserted into the text. */
  template: string;
  /** What it stands for, in a user's words. */
  meaning: string;
  /** What it gives for this tracker today; a description for the parts that are whole tables or lists. */
  value: string;
  /** A value is one figure or phrase; a part is a table or list the paper prints. */
  kind: "value" | "part";
}

const VALUES: [template: string, meaning: string][] = [
  ["{{total}}", "actions in the plan"],
  ['{{count "complete"}}', "actions complete"],
  ['{{count "in-progress"}}', "actions in progress"],
  ['{{count "not-started"}}', "actions not started"],
  ['{{count "open"}}', "actions still open (not complete)"],
  ['{{countRag "red"}}', "actions rated Red"],
  ['{{countRag "amber"}}', "actions rated Amber"],
  ['{{countRag "green"}}', "actions rated Green"],
  ['{{countRag "blue"}}', "actions rated Blue (complete)"],
  ['{{percent (count "complete") (total)}}', "share of actions complete"],
  ["{{themesCount}}", "themes (key areas, workstreams)"],
  ["{{words (total)}}", "actions in the plan, in words"],
  ["{{paper.title}}", "the paper's title"],
  ["{{ukDate paper.date}}", "the paper's date"],
  ["{{ukDate today}}", "today's date"],
];

const PARTS: [template: string, meaning: string][] = [
  ["{{> ragSummary}}", "a table of the actions by RAG rating"],
  ["{{> progressByTheme}}", "a table of progress in each theme"],
  ["{{> openActions}}", "a list of the actions still open"],
  ["{{> actionPlanTable}}", "the whole plan as a table, RAG cells coloured and labelled"],
];

export function insertableValues(input: { plan: Plan; spec: PaperSpec; style: HouseStyle; asOf: string }): InsertableValue[] {
  const context = buildPaperContext({ plan: input.plan, spec: input.spec, style: input.style, asOf: input.asOf });
  const env = createTemplateEnv(createHelpers(context, input.style), loadPartials());
  const valueOf = (template: string): string => {
    const rendered = env.render({ file: "value", text: template, firstLine: 1 }, context);
    return rendered.ok ? rendered.output.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, "$1") : "";
  };
  const themed = context.paper.themes.filter((t) => !t.title.includes("\"")).slice(0, 12).map((t): [string, string] => [`{{count "complete" theme=${JSON.stringify(t.title)}}}`, `actions complete in ${t.title}`]);
  return [
    ...[...VALUES, ...themed].map(([template, meaning]) => ({ template, meaning, value: valueOf(template), kind: "value" as const })),
    ...PARTS.map(([template, meaning]) => ({ template, meaning, value: meaning, kind: "part" as const })),
  ];
}
