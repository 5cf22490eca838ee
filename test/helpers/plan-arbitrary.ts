// Plans such as reading a tracker gives, for the round-trip properties of the tracker's outputs
// (xlsx and CSV): any text a cell can hold, dates and periods, statuses and ratings with the
// force's own words beside them, extra columns, themes and the force's key.
import fc from "fast-check";
import type { Action, Plan, Rag, Status } from "../../src/model/schema.js";
import { slug } from "../../src/model/themes.js";

const STATUSES: Status[] = ["not-started", "in-progress", "complete", "not-applicable"];
const RAGS: Rag[] = ["red", "amber", "green", "blue"];
const WORDS = ["Risk", "Training", "Victims", "Leadership", "Governance", "Partnership", "Data", "Safeguarding", "Review", "MARAC"];
const EXTRA_HEADERS = ["Partner agency", "Budget", "Notes", "Risk ID", "Directorate"];

/** Text as a cell gives it back: trimmed, "\n" line ends, no characters XML forbids, not empty; tabs and formula-like starts inside. */
const cellText = fc
  .string({ unit: fc.constantFrom(..."abcXYZ £–‘’“”éŵŷ 0123456789,.;:!?&<>\"'=+-@*_|#\n\t".split("")), minLength: 1, maxLength: 60 })
  .map((s) => s.replace(/\s+\n|\n\s+/g, "\n").trim())
  .filter((s) => s !== "");
const optionalText = fc.option(cellText, { nil: null });
const isoDate = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const due = fc.oneof(
  fc.record({ due: isoDate, dueText: fc.constant(null) }),
  fc.record({ due: isoDate, dueText: fc.constantFrom("Mar-17", "Q4 2016/17", "end of April 2017", "June 2015") }),
  fc.record({ due: fc.constant(null), dueText: fc.constantFrom("Ongoing", "TBC", "Business as usual", "Spring 2017") }),
  fc.record({ due: fc.constant(null), dueText: fc.constant(null) }),
);
const statusAndRag = fc
  .record({ status: fc.option(fc.constantFrom(...STATUSES), { nil: null }), rag: fc.option(fc.constantFrom(...RAGS), { nil: null }) })
  // With a rating and no status, reading gives the status the rating implies; a plan never has one without the other.
  .map(({ status, rag }) => ({ rag, status: status ?? (rag === null ? null : rag === "blue" ? "complete" : "in-progress") }) as { status: Status | null; rag: Rag | null });

/** The force's words, never the standard word itself (reading keeps only words that differ). */
const asWritten = fc.record({
  status: fc.option(fc.constantFrom("On track", "Closed", "Open", "COMPLETE", "In progress - near completion", "Parked", "=on hold"), { nil: null }),
  rag: fc.option(fc.constantFrom("G", "A/G", "At risk", "Purple", "amber", "+R"), { nil: null }),
});

export const planArb: fc.Arbitrary<Plan> = fc
  .record({
    title: cellText.map((t) => t.replace(/\n/g, " ")),
    themeTitles: fc.uniqueArray(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")), { minLength: 0, maxLength: 4, selector: (t) => slug(t) }),
    legend: fc.array(cellText, { maxLength: 3 }),
    rows: fc.array(
      fc.record({ recommendation: optionalText, title: cellText, owner: optionalText, due, sr: statusAndRag, update: optionalText, evidence: optionalText, extra: fc.dictionary(fc.constantFrom(...EXTRA_HEADERS), cellText, { maxKeys: 2 }), themePick: fc.nat(), written: asWritten }),
      { minLength: 1, maxLength: 25 },
    ),
  })
  .map(({ title, themeTitles, legend, rows }) => {
    const themes = themeTitles.map((t) => ({ id: slug(t), title: t }));
    const actions: Action[] = rows.map((r, i) => ({
      ref: `${i + 1}`,
      // Every theme gets at least its first action, so none is lost for having no rows.
      theme: themes.length === 0 ? null : (themes[i < themes.length ? i : r.themePick % (themes.length + 1)]?.id ?? null),
      recommendation: r.recommendation,
      title: r.title,
      owner: r.owner,
      due: r.due.due,
      dueText: r.due.dueText,
      status: r.sr.status,
      ...(r.written.status !== null ? { statusAsWritten: r.written.status } : {}),
      rag: r.sr.rag,
      ...(r.written.rag !== null ? { ragAsWritten: r.written.rag } : {}),
      update: r.update,
      evidence: r.evidence,
      extra: r.extra,
      source: { sheet: "Plan", row: i + 2 },
    }));
    // Themes are listed in the order their first action appears, as reading does.
    const order = [...new Set(actions.map((a) => a.theme).filter((t): t is string => t !== null))];
    return {
      schemaVersion: 1 as const,
      title,
      source: { file: "generated.xlsx", sheets: ["Plan"] },
      themes: order.map((id) => themes.find((t) => t.id === id)!),
      actions,
      reports: [],
      recommendations: [],
      ...(legend.length > 0 ? { legend } : {}),
    };
  });
