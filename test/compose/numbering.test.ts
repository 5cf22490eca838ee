// Paragraph and heading numbers, worked out once for both writers, as each house style numbers.
import { describe, expect, it } from "vitest";
import type { Block } from "../../src/compose/doc.js";
import { loadHouseStyle } from "../../src/compose/house-styles.js";
import { markdownToBlocks } from "../../src/compose/markdown-to-doc.js";
import { numberBlocks } from "../../src/compose/numbering.js";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";

/** Numbers the Markdown as the style says; returns "label text" per heading and paragraph. */
function numbered(markdown: string, styleName: string): { lines: string[]; messages: string[] } {
  const style = loadHouseStyle(styleName).style!;
  const part = markdownToBlocks({ markdown, file: "paper.md", templateText: markdown, firstLine: 1, allowFooterMarker: true }, style);
  const messages = numberBlocks(part.blocks, style, part.unnumbered, "paper.md").map(formatDiagnostic);
  const lines = part.blocks.flatMap((b: Block) => {
    if (b.type === "heading" || b.type === "paragraph") return [`${b.number ?? "-"} ${b.runs.map((r) => r.text).join("")}`];
    return [`(${b.type})`];
  });
  return { lines, messages };
}

describe("per-section numbering (Cambridgeshire): 1. Purpose, 1.1, then 2.1 in the next section", () => {
  it("restarts paragraph numbers in each numbered section; lists and tables are not numbered", () => {
    const { lines, messages } = numbered(
      "Before any section.\n\n# Purpose\n\nOne.\n\nTwo.\n\n- a bullet\n\n# Recommendation\n\nThree.\n\n## A sub-heading\n\nFour.\n\n| t |\n| - |\n\n# Background\n\nFive.",
      "cambridgeshire-bcb",
    );
    expect(lines).toEqual([
      "- Before any section.",
      "1. Purpose",
      "1.1 One.",
      "1.2 Two.",
      "(list)",
      "2. Recommendation",
      "2.1 Three.",
      "- A sub-heading",
      "2.2 Four.",
      "(table)",
      "3. Background",
      "3.1 Five.",
    ]);
    expect(messages).toEqual([]);
  });

  it("section 55 papers write 1.1. with a trailing point", () => {
    expect(numbered("# Purpose\n\nOne.", "section-55").lines).toEqual(["1. Purpose", "1.1. One."]);
  });
});

describe("continuous numbering (City of London): 1 … n through the Main Report only", () => {
  it("numbers from the Main Report heading up to Appendices, across its sections; key areas get I, II", () => {
    const { lines } = numbered(
      [
        "# Summary", "Not numbered.",
        "# Recommendation(s)", "Members are asked to note the report.",
        "# Main Report", "## Background", "First.",
        "## Section 2", "### Understanding risk", "Second.", "<!-- unnumbered -->\nA lead-in.", "Third.",
        "### Training", "Fourth.",
        "## Conclusion", "Fifth.",
        "# Appendices", "Not numbered either.",
      ].join("\n\n"),
      "city-of-london-committee",
    );
    expect(lines).toEqual([
      "- Summary", "- Not numbered.",
      "- Recommendation(s)", "- Members are asked to note the report.",
      "- Main Report", "- Background", "1. First.",
      "- Section 2", "I Understanding risk", "2. Second.", "- A lead-in.", "3. Third.",
      "II Training", "4. Fourth.",
      "- Conclusion", "5. Fifth.",
      "- Appendices", "- Not numbered either.",
    ]);
  });

  it("warns when the paper has no heading to start numbering at", () => {
    expect(numbered("# Summary\n\nText.", "city-of-london-committee").messages).toEqual([
      'paper.md: warning NUMBERING_START_NOT_FOUND the city-of-london-committee style numbers paragraphs from the heading "Main Report", but the paper has no such heading (# Main Report), so no paragraph is numbered',
    ]);
  });
});

describe("no paragraph numbers (Lancashire), but a numbered sub-heading per workstream", () => {
  it("labels level-2 headings 1., 2. under each level-1 heading", () => {
    expect(numbered("# Background\n\nText.\n\n# Current position\n\n## Initial Investigation\n\nA.\n\n## Victim Safety\n\n# Conclusion\n\n## Next steps", "lancashire-scrutiny").lines).toEqual([
      "- Background", "- Text.", "- Current position", "1. Initial Investigation", "- A.", "2. Victim Safety", "- Conclusion", "1. Next steps",
    ]);
  });
});
