// --map mapping.yaml: the user names which header feeds which field, for trackers
// whose headers no synonym covers. "action: Description of task".
import { basename } from "node:path";
import { Document, LineCounter, parseDocument, isMap, isScalar } from "yaml";
import { closestMatch } from "../diagnostics/suggest.js";
import { COLUMN_FIELDS, type ColumnField } from "./columns.js";
import type { MappingOverrides } from "./header.js";
import { LIMITS } from "./limits.js";
import { readUserFile } from "../files/read-user-file.js";
import { InputRefused } from "./refused.js";

/** The fields a user maps (README); the rest are the columns of boardpack's own tracker. */
const MAPPABLE_FIELDS = COLUMN_FIELDS.filter((f) => !["dueText", "statusText", "ragText", "source"].includes(f));

export interface MappingFile {
  file: string;
  overrides: MappingOverrides;
  /** The line each field was given on, for messages. */
  lines: Partial<Record<ColumnField, number>>;
}

export function loadMappingFile(path: string): MappingFile {
  const file = basename(path);
  const refuse = (message: string, line?: number): InputRefused =>
    new InputRefused({ severity: "error", code: "MAP_INVALID", message, file, ...(line ? { line } : {}) });

  const read = readUserFile(path, LIMITS.maxTextFileBytes);
  if (!read.ok) throw refuse(read.reason === "missing" ? "the mapping file cannot be read (does it exist?)" : `the mapping file cannot be read: ${read.message}`);
  const source = read.bytes.toString("utf8");
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, logLevel: "error" });
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const firstError = doc.errors[0];
  if (firstError) throw refuse(`not valid YAML: ${firstError.message.split("\n")[0]}`, lineOf(firstError.pos[0]));
  if (doc.contents === null) throw refuse("the mapping file is empty; write one line per field, such as `action: Description of task`");
  if (!isMap(doc.contents)) throw refuse("expected one line per field, such as `action: Description of task`", lineOf(doc.contents.range?.[0]));

  const overrides: MappingOverrides = {};
  const lines: Partial<Record<ColumnField, number>> = {};
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : "";
    const line = lineOf(isScalar(keyNode) ? keyNode.range?.[0] : undefined);
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(key)) {
      const near = closestMatch(key, MAPPABLE_FIELDS);
      throw refuse(near ? `"${key}" is not a field; did you mean "${near}"? (the fields are ${MAPPABLE_FIELDS.join(", ")})` : `"${key}" is not a field; the fields are ${MAPPABLE_FIELDS.join(", ")}`, line);
    }
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value !== "string" && typeof value !== "number") {
      throw refuse(`${key}: give the header text of one column, such as \`${key}: My column\``, line);
    }
    const field = key as ColumnField;
    overrides[field] = String(value).trim();
    if (line !== undefined) lines[field] = line;
  }
  return { file, overrides, lines };
}

/** The mapping file for a set of overrides, as --map reads it: one `field: header` line each. */
export function mappingFileText(overrides: MappingOverrides, comment?: string): string {
  const doc = new Document(Object.fromEntries(COLUMN_FIELDS.filter((f) => overrides[f] !== undefined).map((f) => [f, overrides[f]])));
  const head = comment ? comment.split("\n").map((line) => `# ${line}`.trimEnd()).join("\n") + "\n" : "";
  return head + (Object.keys(overrides).length > 0 ? doc.toString({ lineWidth: 0 }) : "");
}
