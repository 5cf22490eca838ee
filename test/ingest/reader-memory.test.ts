// Reading back a large tracker of our own must not take more memory than its cells need
// (issue 15: 150,000 actions took 1.19 GB). `check` runs as the installed command in a child
// process whose old generation is capped: a reader that holds the sheet's text after reading it,
// two objects per cell, or the raw sheets while the plan is checked runs out of heap and aborts.
//
// 60,000 actions rather than 150,000 keep the test to seconds, and still tell the two apart: with
// the reader before the fix `check` needs about 138 MB of old generation for this tracker, now
// about 96 MB; the cap sits between.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/cli.js";
import { largePlan } from "../helpers/large-plan.js";
import { trackerBytes } from "../helpers/tracker.js";

const ACTIONS = 60_000;
const OLD_SPACE_MB = 115;
const BIN = join(import.meta.dirname, "..", "..", "bin", "boardpack.js");

describe("reading back a large tracker", () => {
  it(`checks ${ACTIONS.toLocaleString("en-GB")} actions within ${OLD_SPACE_MB} MB of heap`, async () => {
    const file = join(tempDir(), "large.tracker.xlsx");
    writeFileSync(file, await trackerBytes(largePlan(ACTIONS)));

    const run = spawnSync(process.execPath, [`--max-old-space-size=${OLD_SPACE_MB}`, BIN, "check", file], {
      encoding: "utf8",
      env: { ...process.env, BOARDPACK_DEBUG: "" },
      timeout: 120_000,
    });

    expect(run.stderr).not.toMatch(/heap out of memory|allocation failed/i);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    // Every action read, none lost to the cap.
    expect(run.stdout).toContain(`${ACTIONS.toLocaleString("en-GB")} actions in 8 themes`);
    expect(run.stdout).toMatch(/^Ready \(0 errors/m);
  }, 180_000);
});
