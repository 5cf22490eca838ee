// The appendix benchmark (not a timed test): `npx vitest bench --run test/render/pdf`.
// A Ref / Action / Owner / Due / Status / RAG table of 1,000 and 10,000 actions.
import { bench, describe } from "vitest";
import { renderPdf } from "../../../src/render/pdf/render-pdf.js";
import { appendixDoc } from "./fixtures.js";

const thousand = appendixDoc(1_000);
const tenThousand = appendixDoc(10_000);

describe("renderPdf appendix", () => {
  bench("1,000 actions", async () => {
    await renderPdf(thousand);
  }, { iterations: 5, warmupIterations: 1 });
  bench("10,000 actions", async () => {
    await renderPdf(tenThousand);
  }, { iterations: 3, warmupIterations: 1 });
});
