// A cap on how much a template may expand. Loops inside loops ({{#each}} over the actions inside
// {{#each}} over the actions, five deep) multiply: 57 actions five deep is 600 million passes,
// enough to run for hours or fill memory. The limits grow with the plan, so a real paper — even
// of 50,000 actions, every one in the appendix — stays far below them.
import type Handlebars from "handlebars";
import { TemplateProblem } from "./helpers.js";

export interface ExpansionLimits {
  /** Passes through the body of every {{#each}} together, in one template's rendering. */
  maxPasses: number;
  /** Characters those bodies produce, counted at every level of nesting (so the real text is less). */
  maxCharacters: number;
}

/**
 * The limits for a plan of this many actions and recommendations: a few loops over every item
 * and a few pages of text each is far more than any paper needs; a loop inside a loop over the
 * same list is far more than that.
 */
export function expansionLimitsFor(items: number): ExpansionLimits {
  return {
    maxPasses: 200_000 + 20 * items,
    maxCharacters: Math.min(256 * MB, 16 * MB + 16 * 1024 * items),
  };
}

/** The plan's items in a template's data ({ plan, paper, … }); 0 when there is no plan. */
export function itemCount(data: object): number {
  const plan = (data as { plan?: { actions?: unknown; recommendations?: unknown } }).plan;
  const length = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  return plan ? length(plan.actions) + length(plan.recommendations) : 0;
}

const MB = 1024 * 1024;

/** Where a loop is: its template (a spec, a style file, a partial) and line. */
export interface LoopPlace<Source> {
  source: Source;
  /** The line within the template. */
  line: number;
  /** How a message names it: "line 9", or "line 4 of actionPlanTable.hbs" in another file. */
  label: string;
}

export class ExpansionTooLarge extends TemplateProblem {
  /** The line of the loop within its template, where the message is reported. */
  readonly line: number;

  constructor(
    message: string,
    /** The outermost loop running when the cap was reached: the one to change. */
    readonly place: LoopPlace<unknown>,
  ) {
    super(message, "TEMPLATE_TOO_LARGE");
    this.line = place.line;
  }
}

export class ExpansionBudget<Source> {
  private passes = 0;
  private characters = 0;
  private readonly loops: LoopPlace<Source>[] = [];

  constructor(private limits: ExpansionLimits = expansionLimitsFor(0)) {}

  /** A new rendering starts: a fresh budget, with these limits when given. */
  reset(limits?: ExpansionLimits): void {
    if (limits) this.limits = limits;
    this.passes = 0;
    this.characters = 0;
    this.loops.length = 0;
  }

  /**
   * Handlebars' own {{#each}}, with every pass through its body counted; `where` says which
   * template and line the loop being run is.
   */
  boundedEach(each: Handlebars.HelperDelegate, where: (options: Handlebars.HelperOptions) => LoopPlace<Source>): Handlebars.HelperDelegate {
    const budget = this;
    return function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
      const place = where(options);
      const fn = options.fn;
      const counted = Object.assign((item: unknown, runtime?: Handlebars.RuntimeOptions) => budget.spend(place, fn(item, runtime)), fn);
      budget.loops.push(place);
      try {
        return each.call(this, context, { ...options, fn: counted });
      } finally {
        budget.loops.pop();
      }
    };
  }

  /** True when no loop is running, or the outermost one is in this template. */
  isOutermost(source: Source): boolean {
    return this.loops.length === 0 || this.loops[0]!.source === source;
  }

  private spend(place: LoopPlace<Source>, output: string): string {
    this.passes++;
    this.characters += output.length;
    if (this.passes > this.limits.maxPasses || this.characters > this.limits.maxCharacters) {
      const outermost = this.loops[0] ?? place;
      const inner = [...new Set(this.loops.slice(1).map((l) => l.label))];
      const nested = inner.length > 0 ? `, with the loops inside it (${inner.join(", ")}),` : "";
      throw new ExpansionTooLarge(
        `this {{#each}}${nested} makes the paper too long to write: over ${this.passes > this.limits.maxPasses ? `${this.limits.maxPasses.toLocaleString("en-GB")} passes through the loops` : `${Math.round(this.limits.maxCharacters / 1024 / 1024)} MB of text`}. ` +
          "A loop inside a loop over the same list repeats everything for every item; loop over the list once",
        outermost,
      );
    }
    return output;
  }
}
