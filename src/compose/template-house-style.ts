// A house style as a force's Word template makes it: the template's page, margins, body font
// and sizes, and its title's and headings' own fonts and colours. The PDF is drawn from this
// (so it looks like the Word paper), and `boardpack style new` writes it out as a style file.
import type { TextLook as TemplateTextLook, WordTemplate } from "../model/word-template.js";
import type { HouseStyle, TextLook } from "./house-style.js";

const TWIPS_PER_CM = 1440 / 2.54;

export function styleFromTemplate(style: HouseStyle, template: WordTemplate): HouseStyle {
  const { page, looks } = template;
  const cm = (twips: number) => Math.round((twips / TWIPS_PER_CM) * 100) / 100;
  // The schema's margin range; a template's zero or negative ("exactly") margin becomes the least.
  const margin = (twips: number) => Math.min(10, Math.max(0.1, cm(twips)));
  const size = (look: TemplateTextLook | null, fallback: number) => (look ? Math.min(72, look.size) : fallback);
  const own = (look: TemplateTextLook | null): TextLook | undefined => {
    if (!look) return undefined;
    const out: TextLook = { bold: look.bold, italic: look.italic };
    if (look.family !== looks.body.family) out.family = look.family;
    if (look.colour) out.colour = look.colour;
    return out;
  };
  const styleLooks = Object.fromEntries(
    (["title", "heading1", "heading2", "heading3"] as const).flatMap((key) => {
      const look = own(looks[key]);
      return look ? [[key, look]] : [];
    }),
  );
  const isA4 = Math.abs(page.width - 11906) <= 20 && Math.abs(page.height - 16838) <= 20;
  return {
    ...style,
    page: {
      ...style.page,
      ...(isA4 ? {} : { width: cm(page.width), height: cm(page.height) }),
      margins: { top: margin(page.margins.top), bottom: margin(page.margins.bottom), left: margin(page.margins.left + page.margins.gutter), right: margin(page.margins.right) },
    },
    fonts: {
      ...style.fonts,
      family: looks.body.family,
      body: size(looks.body, style.fonts.body),
      title: size(looks.title, style.fonts.title),
      heading1: size(looks.heading1, style.fonts.heading1),
      heading2: size(looks.heading2, style.fonts.heading2),
      heading3: size(looks.heading3, style.fonts.heading3),
    },
    ...(Object.keys(styleLooks).length > 0 ? { looks: styleLooks } : {}),
  };
}
