// The template's styles.xml made ready for our paper: Word's built-in styles found by their
// built-in names ("heading 1", whatever the display name or a localised id such as
// "berschrift1") and given the ids our document uses; the language set to en-GB; list
// styles' links to the template's own numbering dropped (we write our own numbering.xml).
// Also the look of the styles the paper's text is in, resolved as Word does: document
// defaults, then each style's basedOn chain, theme fonts from the theme.
import type { Document, Element } from "@xmldom/xmldom";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { TemplateLooks, TextLook } from "../../model/word-template.js";
import { child, children, descendants, intAttr, NS, toggleValue, wAttr } from "./xml-dom.js";

/** Built-in names (as Word stores them, lower case) → the ids our document refers to. */
const BUILT_IN_IDS: Record<string, { id: string; type: string }> = {
  normal: { id: "Normal", type: "paragraph" },
  title: { id: "Title", type: "paragraph" },
  "heading 1": { id: "Heading1", type: "paragraph" },
  "heading 2": { id: "Heading2", type: "paragraph" },
  "heading 3": { id: "Heading3", type: "paragraph" },
  "list paragraph": { id: "ListParagraph", type: "paragraph" },
  "body text": { id: "BodyText", type: "paragraph" },
  header: { id: "Header", type: "paragraph" },
  footer: { id: "Footer", type: "paragraph" },
  hyperlink: { id: "Hyperlink", type: "character" },
};

/** The styles whose look a paper shows, by the name a Word user knows them by. */
const NEEDED = [
  ["Title", "Title"],
  ["Heading1", "Heading 1"],
  ["Heading2", "Heading 2"],
  ["Heading3", "Heading 3"],
] as const;

const LANGUAGE = "en-GB";
const REFERENCE_ATTRIBUTES = ["basedOn", "next", "link"];

/** Renames built-in styles to our ids, sets en-GB, drops numbering links; in place. Warns of needed styles it lacks. */
export function prepareStyles(styles: Document, file: string): Diagnostic[] {
  const root = styles.documentElement!;
  const all = children(root, NS.w, "style");
  const renames = new Map<string, string>();
  const taken = new Set(all.map((s) => s.getAttributeNS(NS.w, "styleId") ?? ""));
  for (const style of all) {
    const name = wAttr(child(style, NS.w, "name"))?.toLowerCase();
    const builtIn = name === undefined ? undefined : BUILT_IN_IDS[name];
    const id = style.getAttributeNS(NS.w, "styleId") ?? "";
    if (!builtIn || style.getAttributeNS(NS.w, "type") !== builtIn.type || id === builtIn.id) continue;
    // Another style already holds the id we need (rare): move it aside first.
    if (taken.has(builtIn.id)) renames.set(builtIn.id, `${builtIn.id}Template`);
    renames.set(id, builtIn.id);
  }
  if (renames.size > 0) {
    for (const style of all) {
      const id = style.getAttributeNS(NS.w, "styleId") ?? "";
      const renamed = renames.get(id);
      if (renamed) style.setAttributeNS(NS.w, "w:styleId", renamed);
      for (const local of REFERENCE_ATTRIBUTES) {
        const ref = child(style, NS.w, local);
        const target = wAttr(ref);
        if (ref && target && renames.has(target)) ref.setAttributeNS(NS.w, "w:val", renames.get(target)!);
      }
    }
  }
  for (const numPr of descendants(root, NS.w, "numPr")) numPr.parentNode?.removeChild(numPr);
  setLanguage(styles);
  const ids = new Set(children(root, NS.w, "style").map((s) => s.getAttributeNS(NS.w, "styleId") ?? ""));
  return NEEDED.filter(([id]) => !ids.has(id)).map(([, name]) => ({
    severity: "warning",
    code: "TEMPLATE_STYLE_MISSING",
    message: `the Word template has no "${name}" style; boardpack's own ${name} is used (to change it, add the style to the template in Word: apply ${name} to a paragraph once, then save)`,
    file,
  }));
}

/** en-GB on the document defaults (created if missing) and on Normal when it names a language. */
function setLanguage(styles: Document): void {
  const root = styles.documentElement!;
  const make = (parent: Element, local: string, first: boolean): Element => {
    const element = styles.createElementNS(NS.w, `w:${local}`);
    parent.insertBefore(element, first ? parent.firstChild : null);
    return element;
  };
  const defaults = child(root, NS.w, "docDefaults") ?? make(root, "docDefaults", true);
  const rPrDefault = child(defaults, NS.w, "rPrDefault") ?? make(defaults, "rPrDefault", true);
  const rPr = child(rPrDefault, NS.w, "rPr") ?? make(rPrDefault, "rPr", false);
  const lang = child(rPr, NS.w, "lang") ?? make(rPr, "lang", false);
  lang.setAttributeNS(NS.w, "w:val", LANGUAGE);
  for (const style of children(root, NS.w, "style")) {
    if (style.getAttributeNS(NS.w, "styleId") !== "Normal") continue;
    const normalLang = child(child(style, NS.w, "rPr") ?? style, NS.w, "lang");
    if (normalLang) normalLang.setAttributeNS(NS.w, "w:val", LANGUAGE);
  }
}

/** Theme fonts and colours, as styles refer to them. */
export interface ThemeFacts {
  major: string | undefined;
  minor: string | undefined;
}

export function themeFacts(theme: Document | undefined): ThemeFacts {
  if (!theme) return { major: undefined, minor: undefined };
  const typeface = (font: string) => {
    const scheme = descendants(theme, NS.a, font)[0];
    const latin = scheme ? child(scheme, NS.a, "latin") : undefined;
    return latin?.getAttribute("typeface") || undefined;
  };
  return { major: typeface("majorFont"), minor: typeface("minorFont") };
}

interface PartialLook {
  family?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  colour?: string | null;
  caps?: boolean;
}

/** The looks of the paper's styles (the body is Body Text when the template has it, else Normal). */
export function resolveLooks(styles: Document, theme: ThemeFacts): TemplateLooks {
  const root = styles.documentElement!;
  const byId = new Map(children(root, NS.w, "style").map((s) => [s.getAttributeNS(NS.w, "styleId") ?? "", s]));
  const defaultsRPr = child(child(child(root, NS.w, "docDefaults") ?? root, NS.w, "rPrDefault") ?? root, NS.w, "rPr");
  const base: TextLook = { family: theme.minor ?? "Calibri", size: 10, bold: false, italic: false, colour: null, caps: false };
  const defaults = { ...base, ...definedOnly(runLook(defaultsRPr, theme)) };
  const look = (id: string): TextLook | null => {
    if (!byId.has(id)) return null;
    const chain: Element[] = [];
    const seen = new Set<string>();
    for (let at: string | undefined = id; at && byId.has(at) && !seen.has(at); at = wAttr(child(byId.get(at)!, NS.w, "basedOn"))) {
      seen.add(at);
      chain.unshift(byId.get(at)!);
    }
    let out: TextLook = { ...defaults };
    for (const style of chain) out = { ...out, ...definedOnly(runLook(child(style, NS.w, "rPr"), theme)) };
    return out;
  };
  return {
    body: look("BodyText") ?? look("Normal") ?? defaults,
    title: look("Title"),
    heading1: look("Heading1"),
    heading2: look("Heading2"),
    heading3: look("Heading3"),
  };
}

function runLook(rPr: Element | undefined, theme: ThemeFacts): PartialLook {
  if (!rPr) return {};
  const fonts = child(rPr, NS.w, "rFonts");
  // ECMA-376 §17.3.2.26: a theme font, when named, wins over the explicit one.
  const themeFont = fonts?.getAttributeNS(NS.w, "asciiTheme") || fonts?.getAttributeNS(NS.w, "hAnsiTheme");
  const family = themeFont ? (themeFont.startsWith("major") ? theme.major : theme.minor) : wAttr(fonts, "ascii") ?? wAttr(fonts, "hAnsi");
  const halfPoints = intAttr(child(rPr, NS.w, "sz"), "val");
  const colour = wAttr(child(rPr, NS.w, "color"));
  return {
    family,
    size: halfPoints !== undefined && halfPoints > 0 ? halfPoints / 2 : undefined,
    bold: toggleValue(child(rPr, NS.w, "b")),
    italic: toggleValue(child(rPr, NS.w, "i")),
    colour: colour === undefined ? undefined : /^[0-9a-f]{6}$/i.test(colour) ? colour.toUpperCase() : null,
    caps: toggleValue(child(rPr, NS.w, "caps")),
  };
}

function definedOnly(look: PartialLook): Partial<TextLook> {
  return Object.fromEntries(Object.entries(look).filter(([, value]) => value !== undefined)) as Partial<TextLook>;
}
