// The PDF writer in a worker thread (driven by pdf-thread.ts). It loads pdf-lib and the
// fonts as soon as it starts — while the main thread reads the tracker and composes the paper —
// then renders the Doc it is sent, so the PDF is written alongside the Word file.
import { parentPort } from "node:worker_threads";
import type { Doc } from "../../compose/doc.js";
import { STYLES } from "./fonts.js";
import { metricsFor } from "./measure.js";
import { renderPdf } from "./render-pdf.js";

if (!parentPort) throw new Error("pdf-worker: run this as a worker thread");
const port = parentPort;

// Read Arimo's faces now (most papers draw only in them), off the critical path; a Word
// template's other families are read when first used.
for (const face of STYLES) metricsFor(face);

export type ToWorker = { type: "render"; json: string };
export type FromWorker = { type: "done"; bytes: Uint8Array; ms: number } | { type: "failed"; message: string; stack?: string };

port.on("message", async (message: ToWorker) => {
  const start = performance.now();
  try {
    const doc = JSON.parse(message.json) as Doc;
    const rendered = await renderPdf(doc, { json: message.json });
    // Hand the bytes over rather than copy them.
    const bytes = rendered.byteOffset === 0 && rendered.byteLength === rendered.buffer.byteLength ? rendered : rendered.slice();
    port.postMessage({ type: "done", bytes, ms: performance.now() - start } satisfies FromWorker, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } satisfies FromWorker);
  }
});
