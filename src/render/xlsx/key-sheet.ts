// The Key sheet: what each RAG rating and status means, where the tracker came from, and the
// source tracker's own key as it wrote it.
import { FORCE_KEY_HEADING } from "../../model/legend.js";
import type { Rag, Status } from "../../model/schema.js";
import { RAG_LABELS, STATUS_LABELS } from "../../model/vocabulary.js";
import { RAG_FILL, RAG_TEXT } from "../rag-colours.js";
import type { Cell } from "./row-xml.js";
import { SheetWriter, type BookTables } from "./sheet-part.js";
import { headerStyle, type SheetLayout } from "./sheet-format.js";
import type { CellStyle } from "./style-table.js";

const RAG_MEANINGS: Record<Rag, string> = {
  red: "Off track: will not be delivered on time without intervention.",
  amber: "At risk: some slippage or issues, being managed.",
  green: "On track: progressing as planned.",
  blue: "Complete: delivered and closed.",
};

const STATUS_MEANINGS: Record<Status, string> = {
  "not-started": "Work has not begun.",
  "in-progress": "Work is under way.",
  complete: "The action has been delivered.",
  "not-applicable": "The action no longer applies (for example, addressed to another body).",
};

export interface KeyFacts {
  sourceFile: string;
  sourceSheets: string[];
  /** The source tracker's own key, as it wrote it. */
  legend: string[];
  generated: string;
  asOf: string;
  version: string;
}

export function writeKeySheet(tables: BookTables, layout: SheetLayout, facts: KeyFacts): SheetWriter {
  const sheet = new SheetWriter("Key", layout, [{ width: 18 }, { width: 90, style: { alignment: { wrapText: true, vertical: "top" } } }], tables);
  const header = (a: string, b: string): Cell[] => [{ value: a, style: headerStyle() }, { value: b, style: headerStyle() }];
  sheet.row(1, [{ value: "Key", style: { font: { bold: true, size: 14 } } }]);

  sheet.row(3, header("RAG", "Meaning"));
  (Object.keys(RAG_MEANINGS) as Rag[]).forEach((rag, i) => {
    const colour: CellStyle = { fill: `FF${RAG_FILL[rag]}`, font: { bold: true, color: `FF${RAG_TEXT[rag]}` } };
    sheet.row(4 + i, [{ value: RAG_LABELS[rag], style: colour }, { value: RAG_MEANINGS[rag] }]);
  });

  sheet.row(9, header("Status", "Meaning"));
  (Object.keys(STATUS_MEANINGS) as Status[]).forEach((status, i) => {
    sheet.row(10 + i, [{ value: STATUS_LABELS[status] }, { value: STATUS_MEANINGS[status] }]);
  });

  const about: [string, string][] = [
    ["Source file", facts.sourceFile],
    ["Sheets read", facts.sourceSheets.join(", ") || "(the whole file)"],
    ["Generated", facts.generated],
    ["Overdue as of", facts.asOf],
    ["Made by", `boardpack ${facts.version}`],
    ["Due as written", "Where the source tracker gave a period (\"Mar-17\", \"Q4 2016/17\"), Due holds its last day and this column the original words."],
    ["Status as written", "Where the source tracker's status was not one of the words above (\"On track\", \"Closed\"), Status holds the standard word and this column the original."],
    ["RAG as written", "Where the source tracker's rating was not one of the words above (\"A/G\", \"At risk\"), RAG holds the standard word and this column the original."],
    ["Source", "The sheet and row of the source tracker each row came from."],
  ];
  const bold: CellStyle = { font: { bold: true } };
  about.forEach(([label, value], i) => sheet.row(15 + i, [{ value: label, style: bold }, { value }]));
  // Last on the sheet, so reading the tracker back finds every line under the heading (ingest/legend.ts).
  if (facts.legend.length > 0) {
    const first = 15 + about.length + 1;
    sheet.row(first, [{ value: FORCE_KEY_HEADING, style: { font: { bold: true, size: 12 } } }]);
    facts.legend.forEach((line, i) => sheet.row(first + 1 + i, [undefined, { value: line }]));
  }
  return sheet;
}
