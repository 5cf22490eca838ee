// word/numbering.xml as docx writes it for the numbering plan (numbering.ts): docx's own bullet
// list first (abstract 1, list 1), then one `w:abstractNum` per definition of the plan, in the
// plan's order, then one `w:num` per list instance the document uses — numbered in the order
// the document first uses them, each restarting every level it has (`w:startOverride`).
import type { LevelDefinition, NumberingPlan, NumberingRef } from "./numbering.js";
import { WORD_NAMESPACES, XML_DECLARATION_STANDALONE } from "./word-namespaces.js";
import { escapeXml } from "./xml-escape.js";

/** docx's default bullets, alternating ●, ○ and ■ down nine levels, a half inch a level. */
const DEFAULT_BULLETS = abstractNum(
  1,
  ["●", "○", "■", "●", "○", "■", "●", "●", "●"].map(
    (text, level) => `<w:lvl w:ilvl="${level}" w:tentative="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>`,
  ),
);
const DEFAULT_BULLETS_LIST = num(1, 1, [[0, 1]]);

/**
 * The list instances (`w:num`) the document uses, numbered as it first uses each: docx's
 * bullets are 1, ours from 2.
 */
export class ListInstances {
  private readonly numIds = new Map<string, string>();
  /** The same by instance number, a quicker look-up for the paragraph after paragraph on one list. */
  private readonly byInstance: ({ reference: string; id: string } | undefined)[] = [];
  /** Each instance used, with its number, in the order first used. */
  readonly used: { numId: number; reference: string }[] = [];

  constructor(private readonly plan: NumberingPlan) {}

  /** The `w:numId` of a paragraph on this list. */
  numId({ reference, instance }: NumberingRef): string {
    const known = this.byInstance[instance];
    if (known?.reference === reference) return known.id;
    const key = `${reference}-${instance}`;
    let id = this.numIds.get(key);
    if (id === undefined) {
      if (this.plan.definitions.has(reference)) {
        const numId = this.used.length + 2;
        this.used.push({ numId, reference });
        id = String(numId);
      } else {
        // No such definition: docx then leaves its placeholder in the text.
        id = escapeXml(`{${key}}`);
      }
      this.numIds.set(key, id);
    }
    this.byInstance[instance] = { reference, id };
    return id;
  }
}

export function numberingXml(plan: NumberingPlan, lists: ListInstances): string {
  const abstractIds = new Map<string, number>();
  const abstracts: string[] = [];
  for (const [reference, levels] of plan.definitions) {
    const id = abstractIds.size + 2;
    abstractIds.set(reference, id);
    abstracts.push(abstractNum(id, levels.map(levelXml)));
  }
  const nums = lists.used.map(({ numId, reference }) =>
    num(
      numId,
      abstractIds.get(reference)!,
      plan.definitions.get(reference)!.map((def, level) => [level, def.start]),
    ),
  );
  return `${XML_DECLARATION_STANDALONE}<w:numbering mc:Ignorable="w14 w15 wp14"${WORD_NAMESPACES}>${DEFAULT_BULLETS}${abstracts.join("")}${DEFAULT_BULLETS_LIST}${nums.join("")}</w:numbering>`;
}

function abstractNum(id: number, levels: readonly string[]): string {
  return `<w:abstractNum w:abstractNumId="${id}" w15:restartNumberingAfterBreak="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels.join("")}</w:abstractNum>`;
}

/** numbering-options.ts's level: the number, a tab, then the text at the hanging indent. */
function levelXml(def: LevelDefinition, level: number): string {
  return (
    `<w:lvl w:ilvl="${level}" w:tentative="1"><w:start w:val="${def.start}"/><w:numFmt w:val="${def.format}"/><w:suff w:val="tab"/>` +
    `<w:lvlText w:val="${escapeXml(def.text)}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${def.left}" w:hanging="${def.hanging}"/></w:pPr></w:lvl>`
  );
}

function num(numId: number, abstractId: number, starts: readonly (readonly [number, number])[]): string {
  const overrides = starts.map(([level, start]) => `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${start}"/></w:lvlOverride>`).join("");
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}
