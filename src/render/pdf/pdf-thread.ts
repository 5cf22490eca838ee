// A worker thread that writes PDFs (pdf-worker.ts). Started before the tracker is read, it loads
// the PDF writer's libraries and fonts in parallel; given a Doc, it renders while the caller
// writes the Word file. The bytes are the same as renderPdf's in this thread.
import { Worker } from "node:worker_threads";
import type { Doc } from "../../compose/doc.js";
import type { FromWorker, ToWorker } from "./pdf-worker.js";

let prestarted: PdfThread | undefined;

export class PdfThread {
  private failure: Error | undefined;
  private pending: { resolve: (r: { bytes: Uint8Array; ms: number }) => void; reject: (e: Error) => void } | undefined;

  private constructor(private readonly worker: Worker) {
    // Never the reason the process stays alive; held only while a render is pending.
    worker.unref();
    worker.on("message", (message: FromWorker) => this.receive(message));
    worker.on("error", (error) => this.settle(error));
    worker.on("exit", (code) => this.settle(new Error(`the PDF writer's thread stopped (exit code ${code})`)));
  }

  /**
   * Starts the thread — or takes the one prestart() started — or gives undefined where there is
   * no built writer to run in it (the TypeScript sources under a test runner): the caller then
   * renders in its own thread.
   */
  static start(): PdfThread | undefined {
    const started = prestarted;
    prestarted = undefined;
    if (started) return started;
    if (!import.meta.url.endsWith(".js")) return undefined;
    return new PdfThread(new Worker(new URL("./pdf-worker.js", import.meta.url)));
  }

  /**
   * Starts the thread before the command that will take it (with start()) has even loaded, so
   * it loads the PDF writer alongside. Unused, it never keeps the process alive.
   */
  static prestart(): void {
    prestarted ??= PdfThread.start();
  }

  /** Stops a thread prestart() started that no command took (the command failed before it could). */
  static discardPrestarted(): void {
    prestarted?.close();
    prestarted = undefined;
  }

  /** Renders the Doc in the thread; `ms` is the time it took there. One render at a time. */
  render(doc: Doc): Promise<{ bytes: Uint8Array; ms: number }> {
    if (this.pending) throw new Error("pdf-thread: one render at a time");
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.ref();
      // As JSON, which the writer hashes anyway (the PDF's id), rather than cloned object by object.
      this.worker.postMessage({ type: "render", json: JSON.stringify(doc) } satisfies ToWorker);
    });
  }

  close(): void {
    this.pending = undefined;
    void this.worker.terminate();
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case "done":
        this.settle({ bytes: message.bytes, ms: message.ms });
        return;
      case "failed": {
        const error = new Error(message.message);
        if (message.stack) error.stack = message.stack;
        this.settle(error);
        return;
      }
    }
  }

  private settle(result: { bytes: Uint8Array; ms: number } | Error): void {
    const pending = this.pending;
    this.pending = undefined;
    this.worker.unref();
    if (result instanceof Error) {
      this.failure ??= result;
      pending?.reject(result);
    } else pending?.resolve(result);
  }
}
