// --timings: how long each stage took and the peak memory, for `npm run bench`.
// Printed as one JSON line on stderr so it never mixes with a command's output. The same stages
// drive the progress line a terminal shows (progress.ts).
import type { Printer } from "./print.js";
import { Progress } from "./progress.js";

export type Stage = "ingest" | "compose" | "docx" | "pdf" | "html" | "xlsx" | "json" | "csv" | "write";

export class Timings {
  private readonly started = performance.now();
  private readonly stages: Partial<Record<Stage, number>> = {};

  /** `progress` hears of each stage as it starts (a terminal's progress line). */
  constructor(private readonly progress?: Progress) {}

  async time<T>(stage: Stage, work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    this.progress?.enter(stage);
    try {
      return await work();
    } finally {
      this.stages[stage] = (this.stages[stage] ?? 0) + (performance.now() - start);
    }
  }

  /** Adds time measured elsewhere (a stage run in a worker thread). */
  record(stage: Stage, ms: number): void {
    this.stages[stage] = (this.stages[stage] ?? 0) + ms;
  }

  /** `timings: {"stages":{"ingest":812.4,…},"totalMs":…,"maxRssMb":…}` */
  line(): string {
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const stages = Object.fromEntries(Object.entries(this.stages).map(([k, v]) => [k, round(v)]));
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return `timings: ${JSON.stringify({ stages, totalMs: round(performance.now() - this.started), maxRssMb })}`;
  }
}

/**
 * Runs a command's work with its Timings: a progress line over `stages` when stderr is a
 * terminal (not with --quiet or --json), cleared before the command's own lines (the printer
 * `work` is given does that), and the --timings line at the end.
 */
export async function withTimings<C extends { values: Record<string, unknown>; print: Printer }>(
  given: C,
  stages: readonly Stage[],
  work: (context: C, timings: Timings) => Promise<number>,
): Promise<number> {
  const progress = Progress.wanted(given.values) ? new Progress({ stages }) : undefined;
  const context = progress ? { ...given, print: progress.around(given.print) } : given;
  const timings = new Timings(progress);
  try {
    const code = await work(context, timings);
    if (context.values.timings) context.print.err(timings.line());
    return code;
  } finally {
    progress?.done();
  }
}
