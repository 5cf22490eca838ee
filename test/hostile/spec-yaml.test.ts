// Specs and mapping files are shared between teams: YAML written to hurt must be a spec error
// at its line, never a hang, an internal error or a field that silently disappears.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseSpec } from "../../src/compose/spec.js";
import { loadMappingFile } from "../../src/ingest/mapping-file.js";
import { InputRefused } from "../../src/ingest/refused.js";
import { tempDir } from "../helpers/cli.js";

/** A "billion laughs": each line's list holds nine of the line before; the last would be 9^7 strings. */
export function aliasBomb(levels = 7): string {
  const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(",")}]`);
  lines.push(`title: *l${levels - 1}`);
  return lines.join("\n");
}

afterEach(() => vi.restoreAllMocks());

describe("spec front matter written to hurt", () => {
  it("reports an alias bomb as a spec error at its first alias, quickly", () => {
    const started = Date.now();
    const spec = parseSpec(`---\nstyle: cambridgeshire-bcb\n${aliasBomb()}\n---\nText\n`, "paper.md");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(spec.spec).toBeNull();
    expect(spec.diagnostics).toHaveLength(1);
    // line 1 ---, line 2 style, line 3 l0, line 4 l1 holds the first alias
    expect(spec.diagnostics[0]).toMatchObject({ severity: "error", code: "SPEC_YAML", file: "paper.md", line: 4 });
    expect(spec.diagnostics[0]!.message).toMatch(/references so often/);
  });

  it("still reads a spec that uses a few aliases", () => {
    const spec = parseSpec("---\nstyle: &s cambridgeshire-bcb\ntitle: *s\n---\n", "paper.md");
    expect(spec.diagnostics).toEqual([]);
    expect(spec.spec?.title).toBe("cambridgeshire-bcb");
  });

  it.each(["__proto__", "constructor", "prototype"])("reports a %s key as an unknown field at its line", (key) => {
    const spec = parseSpec(`---\nstyle: cambridgeshire-bcb\n${key}:\n  title: Hidden\n---\n`, "paper.md");
    expect(spec.spec).toBeNull();
    expect(spec.diagnostics).toEqual([expect.objectContaining({ code: "SPEC_FIELD_UNKNOWN", line: 3 })]);
    expect(spec.diagnostics[0]!.message).toContain(`"${key}" is not a spec field`);
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });

  it("reports __proto__ inside a contact as an unknown contact field", () => {
    const spec = parseSpec("---\ncontacts:\n  - name: Alice\n    __proto__:\n      role: x\n---\n", "paper.md");
    expect(spec.diagnostics).toEqual([expect.objectContaining({ code: "SPEC_FIELD_UNKNOWN", line: 4 })]);
  });

  it("reports a theme keyed __proto__ instead of losing its narrative", () => {
    const spec = parseSpec("---\nstyle: cambridgeshire-bcb\nthemes:\n  Training: Going well\n  __proto__: Lost words\n---\n", "paper.md");
    expect(spec.spec).toBeNull();
    expect(spec.diagnostics).toEqual([expect.objectContaining({ code: "SPEC_FIELD_UNKNOWN", line: 5 })]);
  });

  it("prints no parser warning to the terminal for a key that is a list", () => {
    const warn = vi.spyOn(process, "emitWarning");
    const error = vi.spyOn(process.stderr, "write");
    const spec = parseSpec("---\n? [a, b]\n: c\n---\n", "paper.md");
    expect(spec.diagnostics[0]).toMatchObject({ code: "SPEC_FIELD_UNKNOWN" });
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});

describe("mapping file written to hurt", () => {
  it("refuses an alias bomb in one line naming the file", () => {
    const dir = tempDir();
    const path = join(dir, "map.yaml");
    writeFileSync(path, `${aliasBomb()}\n`);
    let caught: unknown;
    try {
      loadMappingFile(path);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputRefused);
    expect((caught as InputRefused).diagnostic).toMatchObject({ code: "MAP_INVALID", file: "map.yaml", line: 1 });
  });

  it("refuses a __proto__ line as an unknown field", () => {
    const dir = tempDir();
    const path = join(dir, "map.yaml");
    writeFileSync(path, "action: Task\n__proto__: Owner\n");
    expect(() => loadMappingFile(path)).toThrow(/"__proto__" is not a field/);
  });
});
