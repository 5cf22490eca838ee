// How long the DOCX writer takes over a long appendix (a benchmark, not a timed test):
//   npx vitest bench --run test/render/docx
import { bench, describe } from "vitest";
import { renderDocx } from "../../../src/render/docx/render-docx.js";
import { actionTable, cambridgeshireDoc, h } from "./fixtures.js";

describe.each([1_000, 10_000])("an action plan appendix of %i rows", (rows) => {
  const doc = { ...cambridgeshireDoc(), blocks: [h(1, "Appendix A: Action Plan"), actionTable(rows)] };
  bench("renderDocx", async () => {
    await renderDocx(doc);
  }, { iterations: 3, warmupIterations: 1, time: 0 });
});
