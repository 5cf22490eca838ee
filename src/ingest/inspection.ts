// Inspection trackers: one row per recommendation or area for improvement (AFI) of an
// HMICFRS report. They fill plan.reports and plan.recommendations instead of actions.
import { cellName, diagnostic, type Diagnostic, type Position } from "../diagnostics/diagnostic.js";
import type { TableLayout } from "./layout.js";
import type { RawRow } from "./raw-table.js";
import { quote, readDue, readStatusAndRag } from "./cell-values.js";
import { rowReader, setExtra, warnFormulas, warnLeadingSpace } from "./row-reader.js";
import type { Recommendation, RecommendationKind, Report } from "../model/schema.js";
import { slug } from "../model/themes.js";
import { normaliseWord } from "../model/vocabulary.js";

const KIND_WORDS: Record<string, RecommendationKind> = {
  recommendation: "recommendation",
  recommendations: "recommendation",
  rec: "recommendation",
  r: "recommendation",
  afi: "afi",
  "area for improvement": "afi",
  "areas for improvement": "afi",
  "cause of concern": "cause-of-concern",
  "cause for concern": "cause-of-concern",
  coc: "cause-of-concern",
};

interface Row {
  rec: Recommendation;
  reportTitle: string;
  at: { sheet: string | null; row: number; numberCol: number | undefined };
  numberGiven: boolean;
}

export class InspectionCollector {
  private readonly rows: Row[] = [];
  private readonly reportList: Report[] = [];
  private readonly reportByKey = new Map<string, Report>();
  private readonly publishedAt = new Map<Report, string>();

  /** The report of the last row read, for rows whose Report cell is left empty. */
  lastReportTitle: string | null = null;

  constructor(readonly file: string) {}

  get count(): number {
    return this.rows.length;
  }

  /** The report with this title, created on first sight. */
  report(title: string): Report {
    const key = title.replace(/\s+/g, " ").trim().toLowerCase();
    let report = this.reportByKey.get(key);
    if (!report) {
      const base = slug(title) || "report";
      let id = base;
      for (let n = 2; this.reportList.some((r) => r.id === id); n++) id = `${base}-${n}`;
      report = { id, title: title.replace(/\s+/g, " ").trim(), published: null };
      this.reportByKey.set(key, report);
      this.reportList.push(report);
    }
    return report;
  }

  setPublished(report: Report, iso: string, at: Position, out: Diagnostic[]): void {
    if (report.published === null) {
      report.published = iso;
      this.publishedAt.set(report, cellName(at.sheet ?? null, at.col ?? 0, at.row ?? 1));
    } else if (report.published !== iso) {
      out.push(diagnostic("warning", "PUBLISHED_CONFLICT", `this row gives "${report.title}" the publication date ${iso}, but ${this.publishedAt.get(report)} gave ${report.published}; ${report.published} is used`, at));
    }
  }

  add(row: Row): void {
    this.rows.push(row);
  }

  /** Number the unnumbered, then report any number used twice within a report. */
  finish(out: Diagnostic[]): void {
    const used = new Map<string, Row>();
    const counters = new Map<string, number>();
    for (const row of this.rows) {
      const counterKey = `${row.rec.report}\u0000${row.rec.kind}`;
      const n = (counters.get(counterKey) ?? 0) + 1;
      counters.set(counterKey, n);
      if (!row.numberGiven) {
        let k = n;
        while (used.has(key(row.rec.report, row.rec.kind, String(k)))) k++;
        row.rec.number = String(k);
        out.push(diagnostic("warning", "NUMBER_MISSING", `no number for this ${kindLabel(row.rec.kind)}; it was numbered ${k}`, { file: this.file, sheet: row.at.sheet, row: row.at.row, ...(row.at.numberCol !== undefined ? { col: row.at.numberCol } : {}) }));
      }
      const k = key(row.rec.report, row.rec.kind, row.rec.number);
      const earlier = used.get(k);
      if (earlier) {
        out.push(diagnostic("error", "NUMBER_DUPLICATE", `${kindLabel(row.rec.kind)} ${row.rec.number} of "${row.reportTitle}" is listed twice: it is also on row ${earlier.at.row}${earlier.at.sheet !== row.at.sheet && earlier.at.sheet ? ` of '${earlier.at.sheet}'` : ""}`, { file: this.file, sheet: row.at.sheet, row: row.at.row, ...(row.at.numberCol !== undefined ? { col: row.at.numberCol } : {}) }));
      } else {
        used.set(k, row);
      }
    }
  }

  reports(): Report[] {
    return this.reportList;
  }

  recommendations(): Recommendation[] {
    return this.rows.map((r) => r.rec);
  }
}

function key(report: string, kind: string, number: string): string {
  return `${report}\u0000${kind}\u0000${normaliseWord(number)}`;
}

function kindLabel(kind: RecommendationKind): string {
  return kind === "afi" ? "area for improvement" : kind === "cause-of-concern" ? "cause of concern" : "recommendation";
}

export function readInspectionRow(table: TableLayout, raw: RawRow, collector: InspectionCollector, out: Diagnostic[]): void {
  const r = rowReader(collector.file, table, raw);

  // An empty Report cell continues the report above: trackers merge or fill down that column.
  const reportTitle = r.text("report") ?? collector.lastReportTitle ?? table.sheet.name ?? "Inspection report";
  collector.lastReportTitle = reportTitle;
  const report = collector.report(reportTitle);

  const publishedCol = r.column("published");
  if (publishedCol) {
    const p = readDue(raw.cells[publishedCol.col], r.at(publishedCol.col), publishedCol.header, out);
    if (p.due) collector.setPublished(report, p.due, r.at(publishedCol.col), out);
  }

  const extra = r.extra(out);
  const number = r.text("ref");
  const typeText = r.text("type");
  let kind: RecommendationKind = "recommendation";
  if (typeText !== null) {
    const known = KIND_WORDS[normaliseWord(typeText)];
    if (known) kind = known;
    else {
      const c = r.column("type")!;
      out.push(diagnostic("warning", "TYPE_UNKNOWN", `${c.header} ${quote(typeText)} is not Recommendation, AFI or Cause of concern; read as a recommendation`, r.at(c.col)));
      setExtra(extra, c.header, typeText);
    }
  } else if (number && /^afi\b/i.test(number)) {
    kind = "afi";
  }

  const recText = r.text("recommendation");
  if (recText === null) {
    const c = r.column("recommendation")!;
    out.push(diagnostic("warning", "RECOMMENDATION_NO_TEXT", `this row has no ${c.header} text; it is kept with an empty text`, r.at(c.col)));
  }

  const due = r.due(out);
  const sr = readStatusAndRag(r.located("status"), r.located("rag"), out, { status: r.text("statusText"), rag: r.text("ragText") });
  warnFormulas(collector.file, table, raw, out);
  warnLeadingSpace(collector.file, table, raw, out);

  collector.add({
    rec: {
      report: report.id,
      number: number ?? "",
      kind,
      text: recText ?? "",
      addressee: r.text("addressee"),
      response: r.text("response") ?? r.text("update"),
      owner: r.text("owner"),
      due: due.due,
      dueText: due.dueText,
      status: sr.status,
      ...(sr.statusAsWritten !== undefined ? { statusAsWritten: sr.statusAsWritten } : {}),
      rag: sr.rag,
      ...(sr.ragAsWritten !== undefined ? { ragAsWritten: sr.ragAsWritten } : {}),
      extra,
      source: { sheet: table.sheet.name, row: raw.row },
    },
    reportTitle: report.title,
    at: { sheet: table.sheet.name, row: raw.row, numberCol: r.column("ref")?.col },
    numberGiven: number !== null,
  });
}
