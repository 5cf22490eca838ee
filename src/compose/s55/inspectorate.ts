// Who published a report, by its publication date: HMIC became HMICFRS on 19 July 2017 (when it
// took on fire and rescue services), and "Her Majesty's" became "His Majesty's" on 8 September 2022.

export interface Inspectorate {
  /** "HMICFRS" */
  short: string;
  /** "His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)" */
  full: string;
}

export function inspectorateAt(publishedIso: string | null): Inspectorate {
  const on = publishedIso ?? "9999-12-31";
  if (on < "2017-07-19") return { short: "HMIC", full: "Her Majesty’s Inspectorate of Constabulary (HMIC)" };
  const majesty = on < "2022-09-08" ? "Her" : "His";
  return { short: "HMICFRS", full: `${majesty} Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)` };
}
