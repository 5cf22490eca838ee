import { describe, expect, it } from "vitest";
import { formatCount } from "../../src/diagnostics/count.js";

describe("formatCount", () => {
  it("groups digits as en-GB does", () => {
    for (const n of [0, 1, 12, 999, 1000, 4300, 50_000, 123_456, 1_000_000, 98_765_432, -1234, Number.MAX_SAFE_INTEGER]) {
      expect(formatCount(n), String(n)).toBe(n.toLocaleString("en-GB"));
    }
  });
});
