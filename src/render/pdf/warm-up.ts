// While the main thread reads the tracker and composes the paper — some hundreds of milliseconds
// for a large tracker — the PDF thread has loaded its libraries and fonts and would only wait.
// It renders a sample paper meanwhile and throws the bytes away, so that V8 has compiled the
// writer's code (layout, drawing, tagging, writing) by the time the real paper comes: a cold
// render of 1,000 actions spends more than half its time in code that is not yet compiled.
// The sample comes in small pieces (scripts/write-pdf-warm-up.js), and a real paper stops the
// warm-up at the next piece. Nothing of a piece is kept: every render starts from nothing but the
// fonts, so the real paper's bytes are the same with or without it (test/render/pdf/warm-up.test.ts).
import { readFileSync } from "node:fs";
import type { Doc } from "../../compose/doc.js";
import { type Compressor, renderPdf } from "./render-pdf.js";

/** The sample, as the build writes it beside the bundled PDF thread. */
export const WARM_UP_FILE = "pdf-warm-up.json";

/** Nothing is written, so nothing need be compressed. */
const KEEP_AS_IS: Compressor = { offer: (content) => ({ take: () => content }), window: 0 };

/**
 * Renders the sample's pieces one by one until `stop()` says a real paper has come; it is
 * checked before each piece, after the thread has taken any message waiting for it. Without a
 * sample (the sources run by a test runner, or a build that wrote none) there is nothing to do.
 */
export async function warmUp(dir: URL, stop: () => boolean): Promise<void> {
  let pieces: Doc[];
  try {
    pieces = JSON.parse(readFileSync(new URL(WARM_UP_FILE, dir), "utf8")) as Doc[];
  } catch {
    return;
  }
  try {
    for (const piece of pieces) {
      await new Promise((resume) => setImmediate(resume));
      if (stop()) return;
      await renderPdf(piece, { compressor: KEEP_AS_IS });
    }
  } catch {
    // A sample that no longer renders (a build older than the code) only leaves the code cold.
  }
}
