// Progress on long work: in a terminal, a command that has run for over a second shows on
// stderr which stage it is in and how far along the stages it is ("[3/5] writing the PDF… 4 s"),
// redrawn in place and cleared when the command ends. Nothing when stderr is not a terminal, with
// --quiet or --json: scripts and logs see only the command's own lines.
import type { Printer } from "./print.js";
import type { Stage } from "./timings.js";

const LABELS: Record<Stage, string> = {
  ingest: "reading the tracker",
  compose: "composing the paper",
  docx: "writing the Word paper",
  pdf: "writing the PDF",
  html: "writing the HTML paper",
  xlsx: "writing the RAG tracker",
  json: "writing plan.json",
  csv: "writing the CSV",
  write: "saving",
};

/** What progress writes to: stderr in a terminal, or a test's stand-in. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** The stages the command will go through, in order, so "[2/4]" can be said. */
  stages: readonly Stage[];
  stream?: ProgressStream;
  /** Show nothing before this many milliseconds (1 s). */
  after?: number;
  /** Milliseconds since some fixed point; performance.now() unless a test gives its own clock. */
  now?: () => number;
  /** Redraw every this many milliseconds while a stage runs (0: only when the stage changes). */
  every?: number;
}

export class Progress {
  private readonly stream: ProgressStream;
  private readonly now: () => number;
  private readonly started: number;
  private readonly after: number;
  private stage: Stage | undefined;
  private shown = false;
  private finished = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.after = options.after ?? 1000;
    const every = options.every ?? 250;
    if (every > 0) {
      this.timer = setInterval(() => this.draw(), every);
      this.timer.unref();
    }
  }

  /** Whether progress may be shown for this run at all. */
  static wanted(values: Record<string, unknown>, stream: ProgressStream = process.stderr): boolean {
    return stream.isTTY === true && values.quiet !== true && values.json !== true;
  }

  enter(stage: Stage): void {
    this.stage = stage;
    this.draw();
  }

  /** The command's printer, clearing the progress line (for good) before the first line it prints. */
  around(print: Printer): Printer {
    return {
      out: (line) => {
        this.done();
        print.out(line);
      },
      err: (line) => {
        this.done();
        print.err(line);
      },
    };
  }

  /** Clears the line and shows no more; once the work is done, or before anything else is printed. */
  done(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.shown) this.stream.write("\r\u001b[2K");
    this.shown = false;
    this.finished = true;
  }

  private draw(): void {
    const elapsed = this.now() - this.started;
    if (this.finished || this.stage === undefined || elapsed < this.after) return;
    const { stages } = this.options;
    const at = stages.indexOf(this.stage);
    const step = at === -1 ? "" : `[${at + 1}/${stages.length}] `;
    const line = `${step}${LABELS[this.stage]}… ${Math.floor(elapsed / 1000)} s`;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    this.stream.write(`\r\u001b[2K${line.slice(0, width)}`);
    this.shown = true;
  }
}
