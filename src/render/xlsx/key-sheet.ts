// The Key sheet: what each RAG rating and status means, and where the tracker came from.
import type ExcelJS from "exceljs";
import type { Rag, Status } from "../../model/schema.js";
import { RAG_LABELS, STATUS_LABELS } from "../../model/vocabulary.js";
import { RAG_FILL, RAG_TEXT } from "../rag-colours.js";
import { styleHeaderRow } from "./sheet-format.js";

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
  generated: string;
  asOf: string;
  version: string;
}

/** The sheet must come from addWorksheet(name, sheetOptions(…)): print setup is decided there. */
export function writeKeySheet(sheet: ExcelJS.Worksheet, facts: KeyFacts): void {
  sheet.columns = [{ width: 18 }, { width: 90, style: { alignment: { wrapText: true, vertical: "top" } } }];
  sheet.getCell("A1").value = "Key";
  sheet.getCell("A1").font = { bold: true, size: 14 };

  sheet.getRow(3).values = ["RAG", "Meaning"];
  styleHeaderRow(sheet.getRow(3), 2);
  (Object.keys(RAG_MEANINGS) as Rag[]).forEach((rag, i) => {
    const row = sheet.getRow(4 + i);
    row.values = [RAG_LABELS[rag], RAG_MEANINGS[rag]];
    row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${RAG_FILL[rag]}` } };
    row.getCell(1).font = { bold: true, color: { argb: `FF${RAG_TEXT[rag]}` } };
  });

  sheet.getRow(9).values = ["Status", "Meaning"];
  styleHeaderRow(sheet.getRow(9), 2);
  (Object.keys(STATUS_MEANINGS) as Status[]).forEach((status, i) => {
    sheet.getRow(10 + i).values = [STATUS_LABELS[status], STATUS_MEANINGS[status]];
  });

  const about: [string, string][] = [
    ["Source file", facts.sourceFile],
    ["Sheets read", facts.sourceSheets.join(", ") || "(the whole file)"],
    ["Generated", facts.generated],
    ["Overdue as of", facts.asOf],
    ["Made by", `boardpack ${facts.version}`],
    ["Due as written", "Where the source tracker gave a period (\"Mar-17\", \"Q4 2016/17\"), Due holds its last day and this column the original words."],
    ["Source", "The sheet and row of the source tracker each row came from."],
  ];
  about.forEach(([label, value], i) => {
    const row = sheet.getRow(15 + i);
    row.values = [label, value];
    row.getCell(1).font = { bold: true };
  });
}
