#!/usr/bin/env node
// `npm start`: build everything the samples in data/ make, into out/, through the same
// commands a user runs: for each tracker its plan and RAG tracker, for each paper spec its
// paper in Word and PDF (`boardpack paper`), and for each section 55 spec (one that names a
// report) the Chief Constable's paper and the PCC's published response (`boardpack s55`).
// Stops at the first sample that fails, with that sample's messages.
import { readdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { main } from "../dist/cli/main.js";
import { isSection55Spec } from "../dist/compose/compose-paper.js";
import { loadSpec } from "../dist/compose/spec.js";

const DATA = "data";
const OUT = "out";
// The samples describe November 2016; working counts out as of then keeps out/ the same every day.
const AS_OF = "2016-11-30";

const files = readdirSync(DATA).sort();
const trackers = files.filter((name) => [".xlsx", ".csv"].includes(extname(name).toLowerCase()));
const specs = files.filter((name) => extname(name).toLowerCase() === ".md" && name !== "README.md");

const runs = [
  ...trackers.flatMap((name) => {
    const stem = basename(name, extname(name));
    return [`${stem}.plan.json`, `${stem}.tracker.xlsx`].map((output) => ["convert", join(DATA, name), "-o", join(OUT, output), "--as-of", AS_OF]);
  }),
  ...specs.flatMap((name) => {
    const spec = join(DATA, name);
    if (!isSection55Spec(loadSpec(spec).spec)) return [["paper", "--spec", spec, "--format", "docx,pdf", "-o", OUT, "--as-of", AS_OF]];
    return [[], ["--variant", "pcc-response"]].map((variant) => ["s55", "--spec", spec, ...variant, "--format", "docx,pdf", "-o", OUT, "--as-of", AS_OF]);
  }),
];

// A tracker is read by several runs (its plan, its tracker, each paper): print each message once.
const printed = new Set();
const printer = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => {
    if (printed.has(line)) return;
    printed.add(line);
    process.stderr.write(`${line}\n`);
  },
};

for (const args of runs) {
  const code = await main(args, printer);
  if (code !== 0) {
    console.error(`npm start: "boardpack ${args.join(" ")}" failed (exit code ${code}).`);
    process.exit(code);
  }
}
console.log(`Built ${trackers.length} trackers and ${runs.length - trackers.length * 2} papers into ${OUT}/.`);
