// The numbering plan → docx's numbering definitions (`w:abstractNum`s; docx adds a `w:num`
// with a start override for each list instance a paragraph names).
import { AlignmentType, type INumberingOptions, LevelSuffix } from "docx";
import type { NumberingPlan } from "./numbering.js";

export function numberingOptions(plan: NumberingPlan): INumberingOptions {
  return {
    config: [...plan.definitions].map(([reference, levels]) => ({
      reference,
      levels: levels.map((def, level) => ({
        level,
        format: def.format,
        text: def.text,
        start: def.start,
        alignment: AlignmentType.LEFT,
        // A tab after the number, to the hanging indent: the text lines up however wide the number.
        suffix: LevelSuffix.TAB,
        style: { paragraph: { indent: { left: def.left, hanging: def.hanging } } },
      })),
    })),
  };
}
