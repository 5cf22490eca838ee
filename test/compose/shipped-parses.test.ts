// The shipped styles and specs the build read (dist/shipped.parsed.json) are exactly what reading
// them gives today: a stale cache, or a value that does not survive being kept as JSON, would
// give a paper other than the one its style and spec say.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { houseStyleNames, loadHouseStyle } from "../../src/compose/house-styles.js";
import { templatePath } from "../../src/compose/paths.js";
import { parseShippedFiles } from "../../src/compose/precompile-shipped.js";
import { loadSpec } from "../../src/compose/spec.js";

// The built modules, which read dist/shipped.parsed.json (the sources under vitest have none to read).
const builtStyles = (await import(new URL("../../dist/compose/house-styles.js", import.meta.url).href)) as typeof import("../../src/compose/house-styles.js");
const builtSpecs = (await import(new URL("../../dist/compose/spec.js", import.meta.url).href)) as typeof import("../../src/compose/spec.js");

const built = JSON.parse(readFileSync(new URL("../../dist/shipped.parsed.json", import.meta.url), "utf8")) as Record<string, string>;
const SPECS = ["cambridgeshire-bcb.md", "city-of-london-committee.md", "lancashire-scrutiny.md", "section-55.md", "section-55-all-reports.md", "section-55-pcc-response.md"];

describe("shipped styles and specs read at build time", () => {
  it("hold every shipped style and spec, as the sources read them now", () => {
    const fresh = parseShippedFiles();
    expect(Object.keys(fresh)).toHaveLength(houseStyleNames().length + SPECS.length);
    expect(built).toEqual(fresh);
  });

  it.each(houseStyleNames())("give the %s style as reading its YAML gives it, to the last field", (name) => {
    const read = loadHouseStyle(name);
    expect(read.diagnostics).toEqual([]);
    expect(builtStyles.loadHouseStyle(name)).toStrictEqual(read);
  });

  it.each(SPECS)("give the spec %s as reading it gives it, and its fields' lines when a message needs them", (file) => {
    const path = templatePath("specs", file);
    const read = loadSpec(path);
    const { lineOf, textLineOf, ...fields } = builtSpecs.loadSpec(path);
    const { lineOf: readLineOf, textLineOf: readTextLineOf, ...readFields } = read;
    expect(fields).toStrictEqual(readFields);
    expect(fields.spec).not.toBeNull();
    for (const key of ["style", "committees", "purpose", "nothing"]) {
      expect(lineOf([key], { key: true })).toBe(readLineOf([key], { key: true }));
      expect(textLineOf([key])).toBe(readTextLineOf([key]));
    }
  });
});
