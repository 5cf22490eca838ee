// word/styles.xml for a paper built on a force's Word template: the template's styles (its
// Normal, Title, Heading 1–3, lists and tables, already under Word's built-in ids), plus each of
// ours that it lacks — our paragraph roles (Organisation, Label, Table Text …) and any built-in
// style it never defined. Ours then set no body size of their own, so body-sized text follows
// the template's Normal.
import type { HouseStyle } from "../../compose/house-style.js";
import type { WordTemplate } from "../../model/word-template.js";
import { stylesXml } from "./styles-xml.js";
import { halfPoints } from "./units.js";

const STYLE_ELEMENT = /<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g;
const STYLE_ID = /\bw:styleId="([^"]+)"/g;

export function templateStylesXml(house: HouseStyle, template: WordTemplate): string {
  const theirs = new Set(Array.from(template.styles.matchAll(STYLE_ID), (m) => m[1]));
  const bodySize = halfPoints(house.fonts.body);
  const bodySizeMarkup = `<w:sz w:val="${bodySize}"/><w:szCs w:val="${bodySize}"/>`;
  const added = Array.from(stylesXml(house).matchAll(STYLE_ELEMENT))
    .filter((m) => !theirs.has(m[1]!))
    .map((m) => m[0].replace(bodySizeMarkup, ""))
    .join("");
  const close = template.styles.lastIndexOf("</w:styles>");
  return close === -1 ? template.styles : template.styles.slice(0, close) + added + template.styles.slice(close);
}
