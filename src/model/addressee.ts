// Who a recommendation is addressed to, read from the tracker's "Addressed to" cell. Joint
// inspections address some recommendations to other bodies only (the CPS, HMPPS, the NHS):
// the force owes no response of its own to those, and the paper says to whom they are addressed.

/** Bodies trackers name by their initials, spelt out as a paper names them. */
const KNOWN_BODIES: Record<string, string> = {
  cps: "the Crown Prosecution Service",
  "crown prosecution service": "the Crown Prosecution Service",
  hmpps: "HM Prison and Probation Service",
  "hm prison and probation service": "HM Prison and Probation Service",
  nps: "the National Probation Service",
  crc: "the Community Rehabilitation Companies",
  crcs: "the Community Rehabilitation Companies",
  nhs: "the National Health Service",
  "nhs england": "NHS England",
  hmcts: "HM Courts & Tribunals Service",
  "hm courts & tribunals service": "HM Courts & Tribunals Service",
  "hm courts and tribunals service": "HM Courts & Tribunals Service",
  npcc: "the National Police Chiefs’ Council",
  "national police chiefs council": "the National Police Chiefs’ Council",
  "independent office for police conduct": "the Independent Office for Police Conduct",
  "national crime agency": "the National Crime Agency",
  cop: "the College of Policing",
  "college of policing": "the College of Policing",
  ho: "the Home Office",
  "home office": "the Home Office",
  moj: "the Ministry of Justice",
  "ministry of justice": "the Ministry of Justice",
  nca: "the National Crime Agency",
  iopc: "the Independent Office for Police Conduct",
  dfe: "the Department for Education",
  dhsc: "the Department of Health and Social Care",
  "department of health and social care": "the Department of Health and Social Care",
  apcc: "the Association of Police and Crime Commissioners",
  hmcpsi: "HM Crown Prosecution Service Inspectorate",
  ofsted: "Ofsted",
  cqc: "the Care Quality Commission",
};

/** Words that mean the force (or its PCC) is among those addressed. */
const FORCE_WORDS = /\b(police|polices|forces?|constabular(y|ies)|chief constables?|chief officers?|pccs?|police and crime commissioners?|local policing bod(y|ies)|commissioners?)\b/i;

export interface Addressee {
  /** True when the force is addressed (or nobody is named): the force owes a response. */
  force: boolean;
  /** When only other bodies are addressed, their names as a paper writes them ("the Crown Prosecution Service"). */
  otherBodies: string[];
}

/** Names that contain "and" or "&" themselves, kept whole when a cell lists several bodies. */
const JOINED_NAMES = Object.keys(KNOWN_BODIES).filter((name) => /\s(and|&)\s/.test(name));

export function readAddressee(text: string | null): Addressee {
  // "To the Home Office", "For: chief constables": the leading word says nothing about who.
  const parts = splitNames((text ?? "").replace(/^\s*(?:addressed\s+)?(?:to|for)\b\s*:?\s*/i, ""));
  if (parts.length === 0 || parts.some(namesTheForce)) return { force: true, otherBodies: [] };
  return { force: false, otherBodies: parts.map(bodyName) };
}

/** "Chief constables", "All forces", "all"; not a body whose own name has "police" in it (the NPCC, the IOPC). */
function namesTheForce(part: string): boolean {
  if (KNOWN_BODIES[bodyKey(part)] !== undefined) return false;
  return FORCE_WORDS.test(part) || /^all$/i.test(part);
}

/**
 * Who a tracker row is addressed to: its "Addressed to" cell, else the subject of its text as
 * HMICFRS writes recommendations ("By 31 March 2020, the Home Office should …"). A subject that
 * names no body we know is read as the force, so a response is never silently not asked for.
 */
export function addresseeOf(rec: { addressee: string | null; text: string }): Addressee {
  if (rec.addressee !== null && rec.addressee.trim() !== "") return readAddressee(rec.addressee);
  // "the Home Office, working with the NPCC, should": those it works with are not addressed.
  const subject = RECOMMENDATION_SUBJECT.exec(rec.text.replace(/\s+/g, " ").trim())?.[1]?.replace(/,?\s*(?:working|in consultation|together|in partnership) with\b.*$/i, "");
  if (subject === undefined) return { force: true, otherBodies: [] };
  const read = readAddressee(subject);
  const known = splitNames(subject).every((p) => KNOWN_BODIES[bodyKey(p)] !== undefined);
  return read.force || !known ? { force: true, otherBodies: [] } : read;
}

/** "By March 2020, the Home Office should": the words before "should", after an opening "By/Within …,". */
const RECOMMENDATION_SUBJECT = /^(?:(?:by|within|before|from)\b[^,]{1,60},\s*)?(.{2,120}?)\s+(?:should|must|is to|are to)\b/i;

/** "Police and CPS" → ["Police", "CPS"]; "HM Prison and Probation Service" stays one name. */
function splitNames(text: string): string[] {
  const kept: string[] = [];
  let marked = text.replace(/\s+/g, " ").trim();
  for (const name of JOINED_NAMES) {
    marked = marked.replace(new RegExp(`\\b${name}\\b`, "gi"), (found) => `\u0001${kept.push(found) - 1}\u0001`);
  }
  return marked
    .split(/\s*(?:,|;|\/|&|\+|\band\b)\s*/i)
    .map((p) => p.replace(/\u0001(\d+)\u0001/g, (_, i: string) => kept[Number(i)]!))
    // "CPS only", "CPS (only)": the word says nothing about who.
    .map((p) => p.replace(/\(?\bonly\b\)?/gi, " ").replace(/\s+/g, " ").trim())
    .filter((p) => p !== "");
}

function bodyKey(text: string): string {
  return text.toLowerCase().replace(/[.’']/g, "").replace(/^the /, "");
}

/** "CPS" → "the Crown Prosecution Service"; an unknown name keeps its words, with "the" before a proper name. */
export function bodyName(text: string): string {
  const known = KNOWN_BODIES[bodyKey(text)];
  if (known) return known;
  if (/^(the|a|an|all|each|every|other|local|hm|his|her)\b/i.test(text)) return text;
  return /^[A-Z]/.test(text) ? `the ${text}` : text;
}
