// The PDF writer in a worker thread (driven by pdf-thread.ts). It loads pdf-lib and the
// fonts as soon as it starts — while the main thread reads the tracker and composes the paper —
// then renders the Doc it is sent, so the PDF is written alongside the Word file. Page contents
// go back to the main thread to be compressed: once the Word file is written, that thread has
// nothing else to do.
import { parentPort } from "node:worker_threads";
import { deflateSync } from "node:zlib";
import type { Doc } from "../../compose/doc.js";
import { STYLES } from "./fonts.js";
import { metricsFor } from "./measure.js";
import { type Compressor, renderPdf } from "./render-pdf.js";

if (!parentPort) throw new Error("pdf-worker: run this as a worker thread");
const port = parentPort;

// Read Arimo's faces now (most papers draw only in them), off the critical path; a Word
// template's other families are read when first used.
for (const face of STYLES) metricsFor(face);

export type ToWorker = { type: "render"; json: string } | { type: "idle" } | { type: "compressed"; id: number; bytes: Uint8Array };
export type FromWorker =
  | { type: "compress"; id: number; content: Uint8Array }
  | { type: "done"; bytes: Uint8Array; ms: number }
  | { type: "failed"; message: string; stack?: string };

/**
 * Pages are compressed here until the main thread says it is idle (its Word file written); from
 * then on each page is offered to it as soon as it is drawn, and compressed here only if its
 * bytes have not come back by the time the page is added.
 */
let mainIdle = false;
const back = new Map<number, Uint8Array>();
const takenHere = new Set<number>();
let nextId = 0;
const compressor: Compressor = {
  offer(content) {
    if (!mainIdle) {
      const compressed = deflateSync(content);
      return { take: () => compressed };
    }
    const id = nextId++;
    port.postMessage({ type: "compress", id, content } satisfies FromWorker);
    return {
      take() {
        const bytes = back.get(id);
        back.delete(id);
        if (bytes) return bytes;
        takenHere.add(id);
        return deflateSync(content);
      },
    };
  },
  window: 48,
};

port.on("message", async (message: ToWorker) => {
  if (message.type === "idle") {
    mainIdle = true;
    return;
  }
  if (message.type === "compressed") {
    if (!takenHere.delete(message.id)) back.set(message.id, message.bytes);
    return;
  }
  const start = performance.now();
  try {
    const doc = JSON.parse(message.json) as Doc;
    const rendered = await renderPdf(doc, { compressor, json: message.json });
    // Hand the bytes over rather than copy them.
    const bytes = rendered.byteOffset === 0 && rendered.byteLength === rendered.buffer.byteLength ? rendered : rendered.slice();
    port.postMessage({ type: "done", bytes, ms: performance.now() - start } satisfies FromWorker, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } satisfies FromWorker);
  }
});
