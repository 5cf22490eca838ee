// --match matches.yaml: the user pins or breaks matches between last time's tracker and this
// one's, where refs alone do not say which action is which.
//
//   same:           # old ref: new ref — one action, whatever the refs and titles say
//     "1.3": "2.1"
//   different:      # old ref: new ref (or a list) — never the same action
//     "1.4": "1.4"
//     "2.2": ["2.2", "2.5"]
//
// Read with YAML's failsafe schema, so refs stay as typed ("1.10" is not the number 1.1).
import { basename } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { MatchRule, MatchRules } from "../model/changes.js";
import { LIMITS } from "./limits.js";
import { readUserFile } from "../files/read-user-file.js";
import { InputRefused } from "./refused.js";

const EXAMPLE = 'same:\n  "1.3": "2.1"\ndifferent:\n  "1.4": "1.4"';

export function loadMatchFile(path: string): MatchRules {
  const file = basename(path);
  const refuse = (message: string, line?: number): InputRefused =>
    new InputRefused({ severity: "error", code: "MATCH_FILE_INVALID", message, file, ...(line ? { line } : {}) });

  const read = readUserFile(path, LIMITS.maxTextFileBytes);
  if (!read.ok) throw refuse(read.reason === "missing" ? "the match file cannot be read (does it exist?)" : `the match file cannot be read: ${read.message}`);
  const source = read.bytes.toString("utf8");
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, schema: "failsafe", uniqueKeys: true, logLevel: "error" });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  const firstError = doc.errors[0];
  if (firstError) throw refuse(`not valid YAML: ${firstError.message.split("\n")[0]}`, lineCounter.linePos(firstError.pos[0]).line);
  if (doc.contents === null) throw refuse(`the match file is empty; write, for example:\n${EXAMPLE}`);
  if (!isMap(doc.contents)) throw refuse("expected `same:` and `different:` sections, each with lines such as `\"1.3\": \"2.1\"` (old ref: new ref)", lineOf(doc.contents));

  const rules: MatchRules = { file, same: [], different: [] };
  for (const section of doc.contents.items) {
    const name = isScalar(section.key) ? String(section.key.value) : "";
    const sectionLine = lineOf(section.key as Node);
    if (name !== "same" && name !== "different") {
      throw refuse(`"${name}" is not a section; the sections are same (pin a match) and different (break one)`, sectionLine);
    }
    if (section.value === null || (isScalar(section.value) && section.value.value === "")) continue;
    if (!isMap(section.value)) throw refuse(`${name}: give one line per action, old ref: new ref, such as \`"1.3": "2.1"\``, lineOf(section.value as Node) ?? sectionLine);
    for (const pair of section.value.items) {
      const line = lineOf(pair.key as Node) ?? sectionLine;
      const oldRef = isScalar(pair.key) ? String(pair.key.value).trim() : "";
      if (oldRef === "") throw refuse(`${name}: each line starts with a ref of the old tracker, such as \`"1.3": "2.1"\``, line);
      const targets = isSeq(pair.value) ? pair.value.items : [pair.value];
      if (name === "same" && targets.length !== 1) throw refuse(`same: "${oldRef}" can be the same action as one new ref only`, line);
      for (const target of targets) {
        const newRef = isScalar(target) ? String(target.value).trim() : "";
        if (newRef === "") throw refuse(`${name}: "${oldRef}" needs the new tracker's ref after the colon, such as \`"${oldRef}": "2.1"\``, line);
        const rule: MatchRule = { old: oldRef, new: newRef, ...(line ? { line } : {}) };
        rules[name].push(rule);
      }
    }
  }
  return rules;
}
