// Lines in a YAML document, so a message can say "paper.md:7" rather than "in committees[0]".
// Paths are the ones zod reports: keys and list indexes from the top of the document.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";

export interface YamlLineFinder {
  /** Line of the value at `path`; of its key when `key` is true; the nearest enclosing line when the path is not there. */
  lineOf(path: readonly PropertyKey[], options?: { key?: boolean }): number;
  /** Line on which a (block) string's own text starts: the line after `|`, or the key's own line. */
  textStartLine(path: readonly PropertyKey[]): number;
}

/**
 * `firstLine` is the file line of the document's first line (front matter starts on line 2
 * of a spec, after its opening `---`).
 */
export function yamlLineFinder(doc: Document, counter: LineCounter, firstLine = 1): YamlLineFinder {
  const lineAt = (offset: number | undefined, fallback: number): number =>
    offset === undefined ? fallback : counter.linePos(offset).line + firstLine - 1;

  function walk(path: readonly PropertyKey[]): { node: Node | null; key: Node | null; found: boolean; nearest: number } {
    let node: unknown = doc.contents;
    let key: Node | null = null;
    let nearest = lineAt((doc.contents as Node | null)?.range?.[0], firstLine);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return { node: null, key: null, found: false, nearest };
        key = pair.key as Node;
        node = pair.value;
        nearest = lineAt(key.range?.[0], nearest);
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment];
        if (item === undefined) return { node: null, key: null, found: false, nearest };
        key = null;
        node = item;
        nearest = lineAt((item as Node).range?.[0], nearest);
      } else {
        return { node: null, key: null, found: false, nearest };
      }
    }
    return { node: (node as Node | null) ?? null, key, found: true, nearest };
  }

  return {
    lineOf(path, options = {}) {
      const { node, key, found, nearest } = walk(path);
      if (!found) return nearest;
      if (options.key && key) return lineAt(key.range?.[0], nearest);
      return lineAt(node?.range?.[0], nearest);
    },
    textStartLine(path) {
      const { node, found, nearest } = walk(path);
      if (!found || !node) return nearest;
      const line = lineAt(node.range?.[0], nearest);
      const blockScalar = isScalar(node) && (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED");
      return blockScalar ? line + 1 : line;
    },
  };
}
