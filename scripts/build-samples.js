#!/usr/bin/env node
// `npm start`: build everything the samples in data/ make, into out/, through the same
// commands a user runs: for each tracker its plan and RAG tracker, for each paper spec its
// paper in Word and PDF. Stops at the first sample that fails, with that sample's messages.
import { readdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { main } from "../dist/cli/main.js";

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
  ...specs.map((name) => ["paper", "--spec", join(DATA, name), "--format", "docx,pdf", "-o", OUT, "--as-of", AS_OF]),
];

for (const args of runs) {
  const code = await main(args);
  if (code !== 0) {
    console.error(`npm start: "boardpack ${args.join(" ")}" failed (exit code ${code}).`);
    process.exit(code);
  }
}
console.log(`Built ${trackers.length} trackers and ${specs.length} papers into ${OUT}/.`);
