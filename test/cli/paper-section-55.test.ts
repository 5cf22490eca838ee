// `paper --style section-55` over a tracker of several inspection reports asks which report, as
// `boardpack s55` does, rather than mixing every report into one response.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli.js";

describe("paper --style section-55 over several reports", () => {
  it("asks which report, naming s55 and listing the reports, and writes nothing", async () => {
    const dir = tempDir();
    const run = await runCli(["paper", "data/inspection-recommendations.xlsx", "--style", "section-55", "-o", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/has 3 reports, and a section 55 response answers one: write it with boardpack s55 data\/inspection-recommendations\.xlsx --report "<words from its title>"/);
    expect(run.stderr).toContain("Evidence led domestic abuse prosecutions (published 23 January 2020)");
    expect(existsSync(join(dir, "inspection-recommendations-section-55.docx"))).toBe(false);
  });
});
