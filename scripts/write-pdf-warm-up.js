#!/usr/bin/env node
// Part of `npm run build` (scripts/build.js): the sample paper the PDF thread renders while it
// waits for the real one (src/render/pdf/warm-up.ts says why). It is the shipped City of London
// paper, composed from data/colp-da-action-plan.xlsx as `npm start` composes it, cut into small
// papers of its own so that a real paper arriving meanwhile waits at most for one of them.
// Written beside the bundled PDF thread: dist/bundle/pdf-warm-up.json.
import { renameSync, writeFileSync } from "node:fs";
import { composePaper } from "../dist/compose/compose-paper.js";
import { loadTracker } from "../dist/ingest/load-tracker.js";
import { WARM_UP_FILE } from "../dist/render/pdf/warm-up.js";

const TRACKER = new URL("../data/colp-da-action-plan.xlsx", import.meta.url);
const STYLE = "city-of-london-committee";
/** Blocks, or rows of a table, in each piece: some tens of milliseconds of work, cold. */
const BLOCKS_PER_PIECE = 12;

const read = await loadTracker(TRACKER.pathname, { displayName: "colp-da-action-plan.xlsx" });
if (!read.plan) fail("data/colp-da-action-plan.xlsx could not be read");
const composed = composePaper({ plan: read.plan, styleName: STYLE, asOf: "2016-11-30", sourceFile: "colp-da-action-plan.xlsx" });
if (!composed.doc) fail(`the ${STYLE} sample paper could not be composed`);

const pieces = piecesOf(composed.doc);
const file = new URL(WARM_UP_FILE, new URL("../dist/bundle/", import.meta.url));
const temporary = new URL(`${file.href}.tmp-${process.pid}`);
writeFileSync(temporary, `${JSON.stringify(pieces)}\n`);
renameSync(temporary, file);
console.log(`build: the PDF thread's warm-up paper written (${pieces.length} pieces).`);

/** The paper's blocks in runs of a few (a long table's rows likewise), each run a paper of its own. */
function piecesOf(doc) {
  const runs = [[]];
  for (const block of doc.blocks) {
    if (block.type === "pageBreak") continue;
    if (block.type === "table" && block.rows.length > BLOCKS_PER_PIECE) {
      for (let at = 0; at < block.rows.length; at += BLOCKS_PER_PIECE) runs.push([{ ...block, rows: block.rows.slice(at, at + BLOCKS_PER_PIECE) }]);
      runs.push([]);
      continue;
    }
    if (runs.at(-1).length === BLOCKS_PER_PIECE) runs.push([]);
    runs.at(-1).push(block);
  }
  return runs.filter((blocks) => blocks.length > 0).map((blocks) => ({ ...doc, blocks }));
}

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}
