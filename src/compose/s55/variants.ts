// The two papers a section 55 response takes: the Chief Constable's paper that gives the PCC the
// force's response (seed 003), and the PCC's own published response, which must carry the PCC's
// comments, the Chief Constable's comments and the PCC's comments on those. Each has its standard
// text under templates/specs/ (used when the user's spec has none for it) and its own To / From / title.

export const VARIANTS = ["chief-constable", "pcc-response"] as const;
export type Variant = (typeof VARIANTS)[number];

export interface VariantInfo {
  /** The standard text, under templates/specs/. */
  spec: string;
  /** What the file name says, after the report's or the spec's name. */
  fileSuffix: string;
  /** The paper's title when the spec gives none; `reportName` is `Criminal Justice Joint Inspection “…” report`. */
  title(reportName: string): string;
}

export const VARIANT_INFO: Record<Variant, VariantInfo> = {
  "chief-constable": {
    spec: "section-55.md",
    fileSuffix: "s55-response",
    title: (reportName) => `The Constabulary response to the ${reportName}`,
  },
  "pcc-response": {
    spec: "section-55-pcc-response.md",
    fileSuffix: "pcc-response",
    title: (reportName) => `The Police and Crime Commissioner’s response to the ${reportName}`,
  },
};

export function isVariant(value: string): value is Variant {
  return (VARIANTS as readonly string[]).includes(value);
}
