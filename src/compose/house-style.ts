// A house style is data, not code (DESIGN §5): one YAML file per force's format under
// templates/styles/. Adding a force's style needs no new code, only a file this schema accepts.
import { z } from "zod";

export const NumberingScheme = z.enum([
  /** 1. Purpose → 1.1, 1.2; 2. Recommendation → 2.1 (Cambridgeshire). */
  "per-section",
  /** 1 … n across the whole paper (City of London's main report). */
  "continuous",
  "none",
]);

export const DateForm = z.enum([
  /** "04 June 2015" */
  "day-month-year",
  /** "12th January 2015" */
  "ordinal",
]);

/** How a numbered sub-heading is labelled: "1." or "I". */
export const HeadingLabel = z.enum(["decimal", "upper-roman"]);

const Centimetres = z.number().positive().max(10);
const Points = z.number().positive().max(72);

/** How a heading or the title looks where a force's template says so (`boardpack style new` writes these). */
export const TextLook = z.strictObject({
  /** A font family Word knows ("Georgia"); the body's family when absent. */
  family: z.string().min(1).max(64).optional(),
  /** Text colour as six hex digits ("7A1F5C"); black when absent. */
  colour: z.string().regex(/^[0-9A-Fa-f]{6}$/, "write the colour as six hex digits, such as 7A1F5C").optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});

export const HouseStyle = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string(),
  page: z.object({
    size: z.literal("A4"),
    /** A page of another size (a force's template on US Letter, or landscape): width and height in centimetres. */
    width: z.number().min(5).max(120).optional(),
    height: z.number().min(5).max(120).optional(),
    margins: z.object({ top: Centimetres, bottom: Centimetres, left: Centimetres, right: Centimetres }),
  }),
  fonts: z.object({
    /**
     * The family named in Word. The PDF embeds a face with the same measurements: Arimo for
     * Arial, Carlito for Calibri, Caladea for Cambria, Tinos for Times New Roman.
     */
    family: z.string().min(1).max(64),
    body: Points,
    title: Points,
    org: Points,
    heading1: Points,
    heading2: Points,
    heading3: Points,
    small: Points,
    table: Points,
  }),
  /** The title's and headings' own fonts and colours, where they differ from the body's. */
  looks: z
    .strictObject({ title: TextLook.optional(), heading1: TextLook.optional(), heading2: TextLook.optional(), heading3: TextLook.optional() })
    .optional(),
  numbering: z.object({
    paragraphs: NumberingScheme,
    /** Number level-1 headings "1.", "2." (per-section papers do). */
    headings: z.boolean(),
    /** Paragraph numbering starts at this level-1 heading's text ("Main Report"); from the start when absent. */
    startAt: z.string().optional(),
    /** …and stops at this level-1 heading's text ("Appendices"). */
    stopAt: z.string().optional(),
    /** Printed after every paragraph label: "." gives "12." (City of London) and "1.1." (section 55). */
    paragraphSuffix: z.string().max(3).optional(),
    /**
     * Labels for sub-headings, restarting under each heading one level up: "decimal" gives
     * "1." (Lancashire's workstreams), "upper-roman" gives "I" (City of London's key areas).
     */
    subHeadings: z
      .object({ level2: HeadingLabel.optional(), level3: HeadingLabel.optional() })
      .optional(),
  }),
  dateForm: DateForm,
  /** Ordinal dates with the suffix raised, "12<sup>th</sup> January 2015" (Lancashire); inline when absent. */
  superscriptOrdinals: z.boolean().optional(),
  /** Words the style uses for the paper's own parts. */
  title: z.object({ uppercase: z.boolean(), bold: z.boolean() }),
  /** The ordered-list marker for lists the style numbers itself (open actions in City of London papers: i), ii)). */
  listKind: z.enum(["decimal", "roman-paren", "alpha-paren", "upper-alpha-paren"]),
  marking: z.object({
    /** Marking used when neither the spec nor --marking gives one. */
    default: z.string().nullable(),
    header: z.boolean(),
    footer: z.boolean(),
  }),
  /** Footer page numbers, "Page {page} of {pages}", or null for none. */
  pageNumbers: z.string().nullable(),
  strapline: z.string().nullable(),
  /**
   * Branding is data: the organisation named in the header when the spec gives none. The styles
   * we ship leave it null, so a style used by another force shows none of the seed force's words.
   */
  organisation: z.string().nullable().optional(),
  /** The organisation's logo or crest, a PNG or JPEG file relative to the style file; the spec's `logo:` wins. */
  logo: z.string().min(1).optional(),
  /** File name (under templates/specs/) of the spec used when the user gives none. */
  defaultSpec: z.string(),
  /** Handlebars + Markdown for the block at the top of the paper (org name, To/From/Date, title). */
  header: z.string(),
  /** Handlebars + Markdown for the end of the paper (contact officers, reference document). */
  footer: z.string(),
  /**
   * Spec fields the header or footer cannot do without, each with an example value for the
   * message a user sees when it is missing ("to: Business Coordination Board").
   */
  requires: z.record(z.string(), z.string()).optional(),
  /**
   * The force's own Word template (.docx or .dotx), relative to the style file: the paper takes
   * its styles, fonts, colours, page set-up, headers and footers (`boardpack style new` writes it).
   */
  reference: z.string().optional(),
});
export type HouseStyle = z.infer<typeof HouseStyle>;
export type NumberingScheme = z.infer<typeof NumberingScheme>;
export type HeadingLabel = z.infer<typeof HeadingLabel>;
export type DateForm = z.infer<typeof DateForm>;
export type TextLook = z.infer<typeof TextLook>;
