// --timings: how long each stage took and the peak memory, for `npm run bench`.
// Printed as one JSON line on stderr so it never mixes with a command's output.

export type Stage = "ingest" | "compose" | "docx" | "pdf" | "html" | "xlsx" | "json" | "csv" | "write";

export class Timings {
  private readonly started = performance.now();
  private readonly stages: Partial<Record<Stage, number>> = {};

  async time<T>(stage: Stage, work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
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
