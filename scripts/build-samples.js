#!/usr/bin/env node
// `npm start`: build everything the samples in data/ make, into out/, through the same
// commands a user runs. Stops at the first sample that fails, with that sample's messages.
import { readdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { main } from "../dist/cli/main.js";

const DATA = "data";
const OUT = "out";

const trackers = readdirSync(DATA)
  .filter((name) => [".xlsx", ".csv"].includes(extname(name).toLowerCase()))
  .sort();

for (const name of trackers) {
  const input = join(DATA, name);
  const stem = basename(name, extname(name));
  const code = await main(["convert", input, "-o", join(OUT, `${stem}.plan.json`)]);
  if (code !== 0) {
    console.error(`npm start: building ${input} failed (exit code ${code}).`);
    process.exit(code);
  }
}
console.log(`Built ${trackers.length} samples into ${OUT}/.`);
