// The header fields step 2's form offers: each a field of the paper spec (src/compose/spec.ts),
// with the words a user sees. Which ones a house style shows is read from the style itself (the
// fields its header and footer print, and those it requires), so a new style needs no code here.
import type { HouseStyle } from "../compose/house-style.js";
import { SPEC_FIELDS } from "../compose/spec.js";

export interface FormField {
  name: string;
  label: string;
  hint?: string;
  /** "date": typed the UK way; "long": a few lines of text. */
  kind: "text" | "date" | "long";
}

const ALL: FormField[] = [
  { name: "title", label: "Title of the paper", hint: "Leave blank to use the tracker's title", kind: "text" },
  { name: "date", label: "Date of the paper", hint: "For example 04/06/2015. Leave blank for today", kind: "date" },
  { name: "to", label: "To (board or committee)", hint: "For example Business Coordination Board", kind: "text" },
  { name: "from", label: "From", hint: "For example Chief Constable", kind: "text" },
  { name: "subject", label: "Subject", kind: "text" },
  { name: "agendaItem", label: "Agenda item", hint: "For example 5", kind: "text" },
  { name: "reportOf", label: "Report of", hint: "For example Commissioner of Police", kind: "text" },
  { name: "reportAuthor", label: "Report author", kind: "text" },
  { name: "reference", label: "Report reference number", hint: "For example Pol 55-16", kind: "text" },
  { name: "access", label: "Public or non-public", hint: "For example Public", kind: "text" },
  { name: "purpose", label: "What the committee is asked to do", hint: "For example For Information", kind: "text" },
  { name: "organisation", label: "Organisation", hint: "The name at the top of the paper", kind: "text" },
  { name: "marking", label: "Protective marking", hint: "Printed at the top and bottom of every page, for example OFFICIAL", kind: "text" },
  { name: "strapline", label: "Strapline", hint: "For example Creating a safer Cambridgeshire", kind: "text" },
  { name: "sourceDocument", label: "Source document", kind: "text" },
  { name: "referenceDocument", label: "Reference document (web address of the report)", kind: "text" },
];

/** Shown for every style: every paper has a title, a date and may carry a marking. */
const ALWAYS = new Set(["title", "date", "marking"]);

/** The fields for a style, in form order, and which of them it cannot do without. */
export function formFieldsFor(style: HouseStyle): { fields: FormField[]; required: string[]; committees: boolean; contacts: boolean } {
  const uses = (name: string) => new RegExp(`paper\\.${name}\\b`).test(`${style.header}\n${style.footer}`) || (style.requires?.[name] !== undefined);
  const known = new Set<string>(SPEC_FIELDS);
  return {
    fields: ALL.filter((f) => known.has(f.name) && (ALWAYS.has(f.name) || uses(f.name))),
    required: Object.keys(style.requires ?? {}),
    committees: uses("committees"),
    contacts: uses("contacts"),
  };
}
