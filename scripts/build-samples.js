#!/usr/bin/env node
// `npm start`: build everything the samples in data/ make, into out/, through the same
// commands a user runs. Stops at the first sample that fails, with that sample's messages.
import { readdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { main } from "../dist/cli/main.js";

const DATA = "data";
const OUT = "out";
// The samples describe November 2016; counting overdue from then keeps out/ the same every day.
const AS_OF = "2016-11-30";

const trackers = readdirSync(DATA)
  .filter((name) => [".xlsx", ".csv"].includes(extname(name).toLowerCase()))
  .sort();

for (const name of trackers) {
  const input = join(DATA, name);
  const stem = basename(name, extname(name));
  for (const output of [`${stem}.plan.json`, `${stem}.tracker.xlsx`]) {
    const code = await main(["convert", input, "-o", join(OUT, output), "--as-of", AS_OF]);
    if (code !== 0) {
      console.error(`npm start: building ${join(OUT, output)} from ${input} failed (exit code ${code}).`);
      process.exit(code);
    }
  }
}
console.log(`Built ${trackers.length} samples into ${OUT}/.`);
