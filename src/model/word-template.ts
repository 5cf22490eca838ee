// A force's own Word template (`--reference-doc`, a house style's `reference:`), as read from
// its .docx: what a paper takes from it — styles, theme, page set-up, headers and footers with
// their pictures — and the look of its main styles resolved for the PDF. Its body text is not
// kept (pandoc's --reference-doc does the same). Plain data, so the Word and PDF writers and
// the app all read one thing.
import { z } from "zod";

/** A picture from the template's header or footer (the crest): the only binary parts we carry. */
export const TemplateMedia = z.object({
  /** Its name under word/media/ in our package ("image1.png"). */
  name: z.string().regex(/^[A-Za-z0-9._-]+$/),
  format: z.enum(["png", "jpeg", "gif", "bmp", "emf", "wmf", "tiff", "svg"]),
  /** The picture's bytes in base64, so the template travels as JSON (to the PDF thread, the web page). */
  base64: z.string(),
});

/** Where a picture sits in a header or footer, for the PDF (Word places it from the XML itself). */
export const MarginDrawing = z.object({
  media: z.string(),
  /** Size in points. */
  width: z.number().nonnegative(),
  height: z.number().nonnegative(),
  /** Floating pictures: offset in points from the page's (or margin's) top left; inline pictures have none. */
  anchor: z
    .object({
      /** Points from the left, or an alignment. */
      x: z.union([z.number(), z.enum(["left", "center", "right"])]),
      /** Points from the top. */
      y: z.number(),
      /** Measured from the page's edge (true) or from the margin (false). */
      fromPage: z.object({ x: z.boolean(), y: z.boolean() }),
    })
    .optional(),
});

/** One paragraph of a template header or footer, as the PDF draws it: text and inline pictures. */
export const MarginLine = z.object({
  align: z.enum(["left", "center", "right"]),
  text: z.string(),
  drawings: z.array(MarginDrawing),
});

/** A header or footer part of the template, ready to go into our package. */
export const MarginPart = z.object({
  /** The part's XML, cleaned: only picture relationships left, each renamed to an id in `relationships`. */
  xml: z.string(),
  /** Relationship id → media name. */
  relationships: z.array(z.object({ id: z.string(), media: z.string() })),
  lines: z.array(MarginLine),
  /** Floating pictures, drawn where the template puts them. */
  floating: z.array(MarginDrawing),
});

export const MarginKinds = ["default", "first", "even"] as const;
export const MarginSet = z.object({ default: MarginPart.optional(), first: MarginPart.optional(), even: MarginPart.optional() });

/** How text in one of the template's styles looks, resolved through basedOn, defaults and theme. */
export const TextLook = z.object({
  /** The font family Word uses ("Calibri", "Georgia"). */
  family: z.string(),
  /** Points. */
  size: z.number().positive(),
  bold: z.boolean(),
  italic: z.boolean(),
  /** "7A1F5C", or null for automatic (black). */
  colour: z.string().regex(/^[0-9A-F]{6}$/).nullable(),
  caps: z.boolean(),
});

/** The looks of the styles a paper's text is in; null where the template lacks the style (ours is used). */
export const TemplateLooks = z.object({
  body: TextLook,
  title: TextLook.nullable(),
  heading1: TextLook.nullable(),
  heading2: TextLook.nullable(),
  heading3: TextLook.nullable(),
});

/** Twips (1/20 point), as Word keeps page measurements. */
export const PageSetup = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  landscape: z.boolean(),
  margins: z.object({
    top: z.number().int(),
    right: z.number().int().nonnegative(),
    bottom: z.number().int(),
    left: z.number().int().nonnegative(),
    header: z.number().int().nonnegative(),
    footer: z.number().int().nonnegative(),
    gutter: z.number().int().nonnegative(),
  }),
});

export const WordTemplate = z.object({
  /** The template file as named in messages. */
  file: z.string(),
  /** word/styles.xml with Word's built-in styles under their built-in ids and the language set to en-GB. */
  styles: z.string(),
  /** word/theme/theme1.xml, or null when the template has none. */
  theme: z.string().nullable(),
  page: PageSetup,
  /** A different header and footer on the first page. */
  titlePage: z.boolean(),
  /** Different headers and footers on even pages. */
  evenAndOddHeaders: z.boolean(),
  headers: MarginSet,
  footers: MarginSet,
  media: z.array(TemplateMedia),
  looks: TemplateLooks,
});

export type WordTemplate = z.infer<typeof WordTemplate>;
export type TemplateMedia = z.infer<typeof TemplateMedia>;
export type MarginPart = z.infer<typeof MarginPart>;
export type MarginSet = z.infer<typeof MarginSet>;
export type MarginLine = z.infer<typeof MarginLine>;
export type MarginDrawing = z.infer<typeof MarginDrawing>;
export type TextLook = z.infer<typeof TextLook>;
export type TemplateLooks = z.infer<typeof TemplateLooks>;
export type PageSetup = z.infer<typeof PageSetup>;
export type MarginKind = (typeof MarginKinds)[number];
