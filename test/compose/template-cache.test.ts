// The shipped templates the build precompiled (dist/templates.precompiled.json) are exactly what
// the sources compile today: a stale or partial cache would give a paper other than the one its
// templates say.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { precompileShippedTemplates } from "../../src/compose/precompile-shipped.js";
import { composePaper } from "../../src/compose/compose-paper.js";
import { recordTemplates } from "../../src/compose/template-cache.js";
import { loadPartials } from "../../src/compose/partials.js";
import type { Plan } from "../../src/model/schema.js";

const built = JSON.parse(readFileSync(new URL("../../dist/templates.precompiled.json", import.meta.url), "utf8")) as Record<string, string>;

describe("templates precompiled at build time", () => {
  it("hold every shipped template, compiled as the sources compile it now", () => {
    const fresh = precompileShippedTemplates();
    // Nine partials, and each spec's text and each style's header and footer (shared ones once).
    expect(Object.keys(fresh).length).toBeGreaterThanOrEqual(loadPartials().length + 4);
    expect(built).toEqual(fresh);
  });

  it("are what a paper in a shipped style compiles, so none is compiled again", () => {
    const plan: Plan = { schemaVersion: 1, title: "Plan", source: { file: "t.csv", sheets: [] }, themes: [], actions: [], reports: [], recommendations: [] };
    const compiled = recordTemplates(() => {
      const result = composePaper({ plan, styleName: "lancashire-scrutiny", asOf: "2026-12-07" });
      expect(result.doc).not.toBeNull();
    });
    expect(Object.keys(compiled).length).toBeGreaterThan(0);
    for (const key of Object.keys(compiled)) expect(built[key]).toBe(compiled[key]);
  });
});
