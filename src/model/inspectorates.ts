// Who inspects: the bodies whose reports a force answers, with the names trackers and report
// titles use for them. Data, not ifs: a new inspectorate is one entry here. A joint inspection
// names each body; an umbrella ("Criminal Justice Joint Inspection", "joint targeted area
// inspection") is how a report is named, and stands for its member bodies when none is named.

export interface InspectorateBody {
  id: string;
  /** "HMI Probation" */
  short: string;
  /** "HM Inspectorate of Probation (HMI Probation)" */
  full: string;
  /** Words that name it in a tracker cell or a title, matched whole, ignoring case. */
  aliases: readonly string[];
}

export interface InspectionUmbrella {
  id: string;
  /** How the report is named: "Criminal Justice Joint Inspection" “…” report. */
  naming: string;
  aliases: readonly string[];
  /** The bodies it stands for when a tracker or title names none of its own. */
  members: readonly string[];
}

// HMIC took on fire and rescue services on 19 July 2017 (HMICFRS); "Her Majesty's" became
// "His Majesty's" on 8 September 2022. Both are dated here, not guessed.
const HMICFRS_RENAMED = "2017-07-19";
const KING_FROM = "2022-09-08";

export const INSPECTORATE_BODIES: readonly InspectorateBody[] = [
  {
    id: "hmicfrs",
    short: "HMICFRS",
    full: "{Majesty} Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)",
    aliases: ["HMICFRS", "HMIC", "HMICFS", "Inspectorate of Constabulary and Fire & Rescue Services", "Inspectorate of Constabulary and Fire and Rescue Services", "Inspectorate of Constabulary", "inspectors of constabulary", "PEEL"],
  },
  {
    id: "hmics",
    short: "HMICS",
    full: "HM Inspectorate of Constabulary in Scotland (HMICS)",
    aliases: ["HMICS", "Inspectorate of Constabulary in Scotland"],
  },
  {
    id: "hmcpsi",
    short: "HMCPSI",
    full: "HM Crown Prosecution Service Inspectorate (HMCPSI)",
    aliases: ["HMCPSI", "Crown Prosecution Service Inspectorate", "CPS Inspectorate"],
  },
  {
    id: "hmi-probation",
    short: "HMI Probation",
    full: "HM Inspectorate of Probation (HMI Probation)",
    aliases: ["HMI Probation", "HMIProbation", "HM Inspectorate of Probation", "Inspectorate of Probation"],
  },
  {
    id: "hmi-prisons",
    short: "HMI Prisons",
    full: "HM Inspectorate of Prisons (HMI Prisons)",
    aliases: ["HMI Prisons", "HM Inspectorate of Prisons", "Inspectorate of Prisons", "Chief Inspector of Prisons"],
  },
  {
    id: "ofsted",
    short: "Ofsted",
    full: "Ofsted (the Office for Standards in Education, Children’s Services and Skills)",
    aliases: ["Ofsted", "Office for Standards in Education"],
  },
  {
    id: "cqc",
    short: "CQC",
    full: "the Care Quality Commission (CQC)",
    aliases: ["CQC", "Care Quality Commission"],
  },
  {
    id: "estyn",
    short: "Estyn",
    full: "Estyn ({Majesty} Inspectorate for Education and Training in Wales)",
    aliases: ["Estyn"],
  },
  {
    id: "ciw",
    short: "CIW",
    full: "Care Inspectorate Wales (CIW)",
    aliases: ["CIW", "Care Inspectorate Wales"],
  },
  {
    id: "hiw",
    short: "HIW",
    full: "Healthcare Inspectorate Wales (HIW)",
    aliases: ["HIW", "Healthcare Inspectorate Wales"],
  },
];

export const INSPECTION_UMBRELLAS: readonly InspectionUmbrella[] = [
  {
    id: "cjji",
    naming: "Criminal Justice Joint Inspection",
    aliases: ["CJJI", "Criminal Justice Joint Inspection", "Criminal Justice Joint Inspectorates", "Criminal Justice Joint Inspectorate"],
    // A CJJI report a PCC answers under section 55 is one HMICFRS took part in (seed 003).
    members: ["hmicfrs"],
  },
  {
    id: "jtai",
    naming: "joint targeted area inspection",
    aliases: ["JTAI", "joint targeted area inspection", "joint targeted area inspections"],
    members: ["ofsted", "cqc", "hmicfrs", "hmi-probation"],
  },
];

export interface FoundInspectorates {
  /** The bodies named, in the order the text names them, each once. */
  bodies: InspectorateBody[];
  umbrella: InspectionUmbrella | null;
}

/** The bodies and umbrella a tracker cell or title names: "A joint inspection by HMICFRS and HMI Probation" → both. */
export function findInspectorates(text: string): FoundInspectorates {
  const hits: { at: number; end: number; body?: InspectorateBody; umbrella?: InspectionUmbrella }[] = [];
  const flat = text.replace(/[’‘]/g, "'").replace(/\s+/g, " ");
  const scan = (aliases: readonly string[], hit: { body?: InspectorateBody; umbrella?: InspectionUmbrella }) => {
    for (const alias of aliases) {
      for (const m of flat.matchAll(aliasPattern(alias))) hits.push({ at: m.index, end: m.index + m[0].length, ...hit });
    }
  };
  for (const body of INSPECTORATE_BODIES) scan(body.aliases, { body });
  for (const umbrella of INSPECTION_UMBRELLAS) scan(umbrella.aliases, { umbrella });
  // The longest name wins where two overlap: "Inspectorate of Constabulary in Scotland" is HMICS, not HMIC.
  hits.sort((a, b) => a.at - b.at || b.end - b.at - (a.end - a.at));
  const bodies: InspectorateBody[] = [];
  let umbrella: InspectionUmbrella | null = null;
  let covered = -1;
  for (const hit of hits) {
    if (hit.at < covered) continue;
    covered = hit.end;
    if (hit.body && !bodies.includes(hit.body)) bodies.push(hit.body);
    if (hit.umbrella && umbrella === null) umbrella = hit.umbrella;
  }
  return { bodies, umbrella };
}

function aliasPattern(alias: string): RegExp {
  const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+").replace(/&/g, "(?:&|and)");
  return new RegExp(`(?<![A-Za-z])${escaped}(?![A-Za-z])`, "gi");
}

export function bodyById(id: string): InspectorateBody {
  return INSPECTORATE_BODIES.find((b) => b.id === id)!;
}

/** A body's names at a publication date: HMIC before July 2017; Her or His Majesty's. */
export function namesAt(body: InspectorateBody, publishedIso: string | null): { short: string; full: string } {
  const on = publishedIso ?? "9999-12-31";
  const majesty = on < KING_FROM ? "Her Majesty’s" : "His Majesty’s";
  if (body.id === "hmicfrs" && on < HMICFRS_RENAMED) return { short: "HMIC", full: `${majesty} Inspectorate of Constabulary (HMIC)` };
  return { short: body.short, full: body.full.replace("{Majesty}", majesty) };
}
