// Word's own numbering for numbered headings, numbered paragraphs and lists — never typed "1.1".
//
// The composer has worked out every label already (HeadingBlock.number, ParagraphBlock.number),
// so the plan is driven by those labels: it keeps Word's counters as it walks the document and
// puts each numbered block on the list whose next number is exactly its label. When no list
// would print the label (a restart, a skipped number), it starts a new list instance that does.
//
// - paragraphs "1.1" restarting per section: one two-level list, level 0 "%1." for the numbered
//   Heading 1s, level 1 "%1.%2" for the paragraphs (Word restarts level 1 after each level 0);
// - continuous "1 … n": one single-level list "%1" (or "%1." — the label says which);
// - numbered headings outside that (City of London's "I", "II"): a list per heading level;
// - lists: one definition per (marker, depth, start, indent), a new instance for every list, so
//   each restarts; nested lists use their own definition, so no two lists that share a
//   definition are ever interleaved (Word and LibreOffice then agree on every number).
//
// Each list instance is a `w:num` with a `w:startOverride` (docx writes one for every level),
// so every instance starts afresh in Word, LibreOffice and python-docx alike.
import type { Block, Doc, HeadingBlock, ListBlock, ListKind, ParagraphBlock } from "../../compose/doc.js";
import { type CounterFormat, levelText, literalLevelText, type ParsedLabel, parseLabel } from "./labels.js";
import { measure } from "./text-width.js";
import { LIST_HANGING, LIST_STEP, NUMBER_HANGING } from "./units.js";

export interface LevelDefinition {
  format: CounterFormat | "bullet";
  /** Word's `w:lvlText`: "%1.%2", "%1)", "•". */
  text: string;
  start: number;
  /** Twips: where the text starts, and how far the number hangs left of it. */
  left: number;
  hanging: number;
}

/** Where a paragraph sits in Word's numbering: docx's `numbering` option of a paragraph. */
export interface NumberingRef {
  reference: string;
  level: number;
  instance: number;
}

export interface NumberingPlan {
  /** Each numbering definition (a `w:abstractNum`) by reference, in the order first used. */
  definitions: Map<string, LevelDefinition[]>;
  /** Numbered headings and paragraphs. */
  blocks: Map<HeadingBlock | ParagraphBlock, NumberingRef>;
  /** Every list, with the indent of its items' text. */
  lists: Map<ListBlock, NumberingRef & { left: number }>;
}

/** Markers for list kinds; bullets alternate • and – with depth, as Word's default bullets do. */
const LIST_LEVELS: Record<Exclude<ListKind, "bullet">, { format: CounterFormat; text: string }> = {
  decimal: { format: "decimal", text: "%1." },
  "roman-paren": { format: "lowerRoman", text: "%1)" },
  "alpha-paren": { format: "lowerLetter", text: "%1)" },
  "upper-alpha-paren": { format: "upperLetter", text: "%1)" },
};

interface Instance {
  reference: string;
  instance: number;
  /** The number each level last printed; undefined when the level has not printed since its restart. */
  printed: (number | undefined)[];
}

export function planNumbering(doc: Doc): NumberingPlan {
  return new Planner(doc).plan();
}

class Planner {
  private readonly definitions = new Map<string, LevelDefinition[]>();
  private readonly blocks = new Map<HeadingBlock | ParagraphBlock, NumberingRef>();
  private readonly lists = new Map<ListBlock, NumberingRef & { left: number }>();
  /** The list each family of labels is on now ("main", "heading-2", "literal:3."). */
  private readonly current = new Map<string, Instance>();
  private instances = 0;
  /** Where numbered text starts: 1.27 cm, or more when the widest label ("10.12.") needs it. */
  private readonly hanging: number;

  constructor(private readonly doc: Doc) {
    this.hanging = numberHanging(doc);
  }

  plan(): NumberingPlan {
    this.walk(this.doc.blocks, 0, 0);
    return { definitions: this.definitions, blocks: this.blocks, lists: this.lists };
  }

  /** `indent` is where the surrounding text starts (a numbered paragraph's or a list item's). */
  private walk(blocks: readonly Block[], depth: number, indent: number): void {
    for (const block of blocks) {
      if (block.type === "heading" || block.type === "paragraph") this.label(block);
      // A list compose placed under the numbered paragraphs sits under their text, as in the seed papers.
      else if (block.type === "list") this.list(block, depth, block.underNumberedText ? this.hanging : indent);
    }
  }

  private list(list: ListBlock, depth: number, indent: number): void {
    const left = indent + LIST_STEP;
    const kind = list.kind;
    const bullet = kind === "bullet";
    const hanging = bullet ? LIST_HANGING.bullet : LIST_HANGING.ordered;
    const start = bullet ? 1 : Math.max(1, Math.floor(list.start));
    const reference = `list:${kind}:d${depth}:i${left}:s${start}`;
    if (!this.definitions.has(reference)) {
      const level = kind === "bullet" ? { format: "bullet" as const, text: depth % 2 === 0 ? "•" : "–" } : LIST_LEVELS[kind];
      this.definitions.set(reference, [{ ...level, start, left, hanging }]);
    }
    this.lists.set(list, { reference, level: 0, instance: ++this.instances, left });
    // Only nested lists are numbered inside an item: a labelled paragraph there keeps the
    // item's marker, and its own label is not printed.
    for (const item of list.items) for (const block of item.blocks) if (block.type === "list") this.list(block, depth + 1, left);
  }

  /** Put a labelled heading or paragraph on a list that prints its label; false when it has none. */
  private label(block: HeadingBlock | ParagraphBlock): boolean {
    const label = block.number?.trim();
    if (!label) return false;
    const family = this.family(block);
    const now = this.current.get(family);
    const parsed = parseLabel(label, now ? this.formatsOf(now) : []);
    if (!parsed || parsed.values.length > 9) throw new Error(`docx: Word numbering cannot print the label "${label}"`);
    const level = parsed.values.length - 1;
    const value = parsed.values[level] ?? 1;

    if (now && this.prints(now, parsed)) {
      this.attach(block, now, level, value);
    } else if (level === 0) {
      // A fresh list for this family that starts at the label's number.
      const reference = `${family}|${levelText(parsed)}|${parsed.formats[0]}|s${value}`;
      this.define(reference, 0, this.levelDefinition(parsed, 0, value));
      this.attach(block, this.open(family, reference), 0, value);
    } else {
      // A deeper label with no list whose outer counters match ("3.1" with no "3." heading
      // before it): a single-level list whose level text carries the outer part literally, "3.%1".
      const literal = literalLevelText(label, parsed);
      const literalFamily = `literal:${literal.prefix}`;
      const single = parseLabel(label.slice(literal.prefix.length)) ?? parsed;
      const mine = this.current.get(literalFamily);
      if (mine && this.prints(mine, single, literal.text)) {
        this.attach(block, mine, 0, value);
      } else {
        const format = parsed.formats[level] ?? "decimal";
        const reference = `${literalFamily}|${literal.text}|${format}|s${value}`;
        this.define(reference, 0, { ...this.levelDefinition(parsed, level, value), text: literal.text });
        this.attach(block, this.open(literalFamily, reference), 0, value);
      }
    }
    return true;
  }

  /**
   * Which labels share counters. Per-section papers number their level-1 headings and paragraphs
   * on one list (so "2." restarts "2.1"); other numbered headings count per heading level.
   */
  private family(block: HeadingBlock | ParagraphBlock): string {
    if (block.type === "paragraph") return "main";
    if (block.level === 1 && this.doc.style.numbering.paragraphs === "per-section") return "main";
    return `heading-${block.level}`;
  }

  /**
   * Would the next paragraph at the label's level of this list print exactly the label? Defines
   * the level when the list has not used it yet ("%1.%2" under the "%1." headings).
   */
  private prints(now: Instance, parsed: ParsedLabel, text = levelText(parsed)): boolean {
    const level = parsed.values.length - 1;
    const defs = this.definitions.get(now.reference) ?? [];
    for (let i = 0; i < level; i++) {
      if (now.printed[i] !== parsed.values[i] || defs[i]?.format !== parsed.formats[i]) return false;
    }
    const def = defs[level];
    if (def && (def.text !== text || def.format !== parsed.formats[level])) return false;
    const printed = now.printed[level];
    const next = printed !== undefined ? printed + 1 : (def?.start ?? 1);
    if (next !== parsed.values[level]) return false;
    if (!def) this.define(now.reference, level, { ...this.levelDefinition(parsed, level, 1), text });
    return true;
  }

  /** Numbered headings and paragraphs: the number at the margin, the text at the hanging indent. */
  private levelDefinition(parsed: ParsedLabel, level: number, start: number): LevelDefinition {
    return { format: parsed.formats[level] ?? "decimal", text: levelText(parsed), start, left: this.hanging, hanging: this.hanging };
  }

  private formatsOf(now: Instance): CounterFormat[] {
    return (this.definitions.get(now.reference) ?? []).map((d) => (d.format === "bullet" ? "decimal" : d.format));
  }

  private define(reference: string, level: number, def: LevelDefinition): void {
    const levels = this.definitions.get(reference) ?? [];
    if (!levels[level]) levels[level] = def;
    this.definitions.set(reference, levels);
  }

  private open(family: string, reference: string): Instance {
    const fresh: Instance = { reference, instance: ++this.instances, printed: [] };
    this.current.set(family, fresh);
    return fresh;
  }

  private attach(block: HeadingBlock | ParagraphBlock, now: Instance, level: number, value: number): void {
    now.printed[level] = value;
    now.printed.length = level + 1; // Word restarts every deeper level
    this.blocks.set(block, { reference: now.reference, level, instance: now.instance });
  }
}

/**
 * The hanging indent of numbered headings and paragraphs: Word's 1.27 cm default tab, widened in
 * 0.25 cm steps when the widest label in bold at the largest numbered size would reach it (the
 * tab after the number would then jump to the next tab stop and that paragraph's text would not
 * line up with the others).
 */
function numberHanging(doc: Doc): number {
  const { fonts } = doc.style;
  const size = Math.max(fonts.body, fonts.heading1, fonts.heading2, fonts.heading3);
  let widest = 0;
  for (const block of doc.blocks) {
    if ((block.type === "heading" || block.type === "paragraph") && block.number) {
      widest = Math.max(widest, measure(block.number.trim(), true).line);
    }
  }
  const needed = (widest / 1000) * size * 20 + 144; // the label, and a little room before the text
  return needed <= NUMBER_HANGING ? NUMBER_HANGING : Math.ceil(needed / 142) * 142;
}
