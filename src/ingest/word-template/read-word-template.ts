// A force's Word template (.docx/.dotx) → WordTemplate: its styles, theme, page set-up and
// headers/footers (with their pictures), and the looks the PDF follows. The template's own
// body text is not used (as with pandoc's --reference-doc): a note says so when it has any.
import type { Document } from "@xmldom/xmldom";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { MarginKinds, WordTemplate, type MarginSet, type PageSetup } from "../../model/word-template.js";
import { MarginCollector } from "./margin-collector.js";
import { openDocx } from "./open-docx.js";
import { relationshipsOf } from "./relationships.js";
import { prepareStyles, resolveLooks, themeFacts } from "./template-styles.js";
import { allElements, child, children, descendants, intAttr, NS, parseXml, serializeXml, toggleValue, wAttr } from "./xml-dom.js";

/** A4 portrait with 2.54 cm margins: Word's own page when a template does not say. */
const DEFAULT_PAGE: PageSetup = {
  width: 11906,
  height: 16838,
  landscape: false,
  margins: { top: 1440, right: 1440, bottom: 1440, left: 1440, header: 708, footer: 708, gutter: 0 },
};

export interface ReadTemplate {
  template: WordTemplate;
  diagnostics: Diagnostic[];
}

/** Reads the template; refuses (InputRefused) what cannot or must not be read. */
export function readWordTemplate(bytes: Buffer, file: string): ReadTemplate {
  const pkg = openDocx(bytes, file);
  const diagnostics: Diagnostic[] = [];
  const main = "word/document.xml";
  const document = parseXml(pkg.text(main)!, file, main);
  const mainRels = relationshipsOf(pkg, main, file);
  const partOf = (type: string) => [...mainRels.values()].find((rel) => rel.type === type && !rel.external)?.target;

  const stylesPart = partOf("styles") ?? "word/styles.xml";
  const stylesText = pkg.text(stylesPart);
  const styles = stylesText === undefined ? emptyStyles() : parseXml(stylesText, file, stylesPart);
  const themePart = partOf("theme");
  const themeText = themePart ? pkg.text(themePart) : undefined;
  const theme = themeText === undefined ? undefined : parseXml(themeText, file, themePart!);
  diagnostics.push(...prepareStyles(styles, file));

  const settingsPart = partOf("settings");
  const settingsText = settingsPart ? pkg.text(settingsPart) : undefined;
  const settings = settingsText === undefined ? undefined : parseXml(settingsText, file, settingsPart!);

  const section = lastSection(document);
  const margins = new MarginCollector(pkg, file, diagnostics);
  const headers: MarginSet = {};
  const footers: MarginSet = {};
  for (const [kind, into] of [["headerReference", headers], ["footerReference", footers]] as const) {
    for (const reference of section ? children(section, NS.w, kind) : []) {
      const type = (wAttr(reference, "type") ?? "default") as (typeof MarginKinds)[number];
      const rel = mainRels.get(reference.getAttributeNS(NS.r, "id") ?? "");
      if (!MarginKinds.includes(type) || !rel || rel.external) continue;
      const part = margins.read(rel.target);
      if (part) into[type] = part;
    }
  }

  noteIgnoredBody(document, file, diagnostics);
  const template = WordTemplate.parse({
    file,
    styles: serializeXml(styles),
    theme: theme ? serializeXml(withoutRelationships(theme)) : null,
    page: pageSetup(section),
    titlePage: toggleValue(section ? child(section, NS.w, "titlePg") : undefined) ?? false,
    evenAndOddHeaders: toggleValue(settings ? descendants(settings, NS.w, "evenAndOddHeaders")[0] : undefined) ?? false,
    headers,
    footers,
    media: margins.media.media,
    looks: resolveLooks(styles, themeFacts(theme)),
  });
  return { template, diagnostics };
}

/** The section properties that rule the document's last (usually only) section. */
function lastSection(document: Document) {
  const body = descendants(document, NS.w, "body")[0];
  return body ? child(body, NS.w, "sectPr") : undefined;
}

function pageSetup(section: ReturnType<typeof lastSection>): PageSetup {
  if (!section) return DEFAULT_PAGE;
  const size = child(section, NS.w, "pgSz");
  const margin = child(section, NS.w, "pgMar");
  const value = (element: typeof size, local: string, fallback: number) => intAttr(element, local) ?? fallback;
  const width = value(size, "w", DEFAULT_PAGE.width);
  const height = value(size, "h", DEFAULT_PAGE.height);
  const m = DEFAULT_PAGE.margins;
  return {
    width: Math.max(1, width),
    height: Math.max(1, height),
    landscape: wAttr(size, "orient") === "landscape" || width > height,
    margins: {
      top: value(margin, "top", m.top),
      right: Math.max(0, value(margin, "right", m.right)),
      bottom: value(margin, "bottom", m.bottom),
      left: Math.max(0, value(margin, "left", m.left)),
      header: Math.max(0, value(margin, "header", m.header)),
      footer: Math.max(0, value(margin, "footer", m.footer)),
      gutter: Math.max(0, value(margin, "gutter", m.gutter)),
    },
  };
}

function noteIgnoredBody(document: Document, file: string, diagnostics: Diagnostic[]): void {
  const body = descendants(document, NS.w, "body")[0];
  const paragraphs = body ? descendants(body, NS.w, "p").filter((p) => (p.textContent ?? "").trim() !== "").length : 0;
  if (paragraphs === 0) return;
  diagnostics.push({
    severity: "info",
    code: "TEMPLATE_BODY_IGNORED",
    message: `the Word template's own text (${paragraphs} paragraph${paragraphs === 1 ? "" : "s"}) is not used: the paper takes only its styles, fonts, colours, page set-up, headers and footers`,
    file,
  });
}

/**
 * The theme without what points at its own relationships (a picture fill's a:blip): we carry
 * no part of the template but the margins' pictures, so such a pointer would dangle.
 */
function withoutRelationships(theme: Document): Document {
  for (const element of allElements(theme)) {
    if (element.parentNode && Array.from(element.attributes).some((a) => a.namespaceURI === NS.r)) element.parentNode.removeChild(element);
  }
  return theme;
}

function emptyStyles(): Document {
  return parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${NS.w}"/>`, "", "styles");
}

