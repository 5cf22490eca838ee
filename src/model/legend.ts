// How the tracker's own key ("Green = complete / on track") is written in boardpack's outputs and
// found again on reading them: under a heading on the Key sheet, and in CSV on lines below the
// actions, each after a label, so that reading never takes a line of the key for an action.

/** The heading above the force's key on boardpack's Key sheet. */
export const FORCE_KEY_HEADING = "The tracker's own key, as written";

/** What starts each line of the key in boardpack's CSV. */
export const CSV_KEY_LABEL = "Key as written: ";

export function keyLineForCsv(line: string): string {
  return `${CSV_KEY_LABEL}${line}`;
}

/** A legend row's text, less the label boardpack's CSV put before it. */
export function keyLineFromCsv(text: string): string {
  return text.startsWith(CSV_KEY_LABEL) ? text.slice(CSV_KEY_LABEL.length) : text;
}
