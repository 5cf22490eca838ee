// A tracker's title as a paper's title and subject: without the protective marking a sheet
// often carries in its title row ("… – OFFICIAL") and without the words that describe the
// spreadsheet rather than the subject ("internal tactical working document"). A marking found
// there is kept, so the paper can carry it in its header and footer.

/** Government Security Classifications and the older protective markings, longest first. */
const MARKINGS = [
  "OFFICIAL-SENSITIVE", "OFFICIAL SENSITIVE", "NOT PROTECTIVELY MARKED", "PROTECT", "RESTRICTED",
  "CONFIDENTIAL", "TOP SECRET", "SECRET", "OFFICIAL", "UNCLASSIFIED",
];
const MARKING = new RegExp(`(?<![\\w-])(${MARKINGS.map((m) => m.replace(/[ -]/g, "[\\s-]+")).join("|")})(?:\\s*[-–—/:]\\s*(?:PERSONAL|COMMERCIAL|LOCSEN|POLICE|SENSITIVE)\\b)?(?![\\w-])`);

/** Words about the document, not its subject; removed where they stand, with the joins they leave. */
const CLUTTER = /(?:\b(?:internal|tactical|live)\s+)*\b(?:working\s+(?:document|copy|draft)|master\s+copy|draft\s+v(?:ersion)?\s*[\d.]+|do\s+not\s+circulate)\b|\(\s*(?:internal|tactical)\s*\)/gi;

export interface CleanTitle {
  text: string;
  /** The marking the title carried, as written in capitals ("OFFICIAL-SENSITIVE"); null for none. */
  marking: string | null;
}

export function cleanTitle(title: string): CleanTitle {
  let text = title;
  let marking: string | null = null;
  // Only whole-word markings in capitals: "Official statistics" is a subject, not a marking.
  for (let m = MARKING.exec(text); m !== null; m = MARKING.exec(text)) {
    marking ??= m[0].replace(/\s+/g, " ").replace(/OFFICIAL SENSITIVE/, "OFFICIAL-SENSITIVE");
    text = text.slice(0, m.index) + text.slice(m.index + m[0].length);
  }
  text = text.replace(CLUTTER, " ");
  // What the removals leave: doubled or dangling dashes, colons, brackets and spaces.
  const cleaned = text
    .replace(/\(\s*\)|\[\s*\]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/(?:\s*[-–—:|/,]\s*)+(?=\s*[-–—:|/,]|$)/g, "")
    .replace(/^\s*[-–—:|/,]+\s*/, "")
    .replace(/\s+([-–—])\s+(?=[-–—])/g, " ")
    .trim();
  return { text: cleaned === "" ? title.trim() : cleaned, marking };
}
