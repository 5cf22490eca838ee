// How much input boardpack will read. The bounds keep a hostile or mistaken file (a
// decompression bomb, a 2 GB export) from exhausting memory; real trackers are far smaller.

const MB = 1024 * 1024;

export const LIMITS = {
  /** The file on disk. */
  maxFileBytes: 50 * MB,
  /** All parts of an xlsx together, once unzipped. */
  maxInflatedBytes: 200 * MB,
  /** One part of an xlsx (one sheet's XML, the shared strings), once unzipped. */
  maxPartInflatedBytes: 100 * MB,
  /** Rows in one sheet or CSV file, blank rows not counted. */
  maxRows: 200_000,
  /** Merged ranges in all sheets together; real trackers have hundreds. */
  maxMergedRanges: 100_000,
  /** A paper spec or --map file: text a person wrote. */
  maxTextFileBytes: 5 * MB,
  /** One CSV record; a longer one is nearly always a quote that is never closed. */
  maxCsvRecordBytes: 1 * MB,
} as const;

export type Limits = { readonly [K in keyof typeof LIMITS]: number };

/** Bytes as a user reads them: "200 MB", "2.5 MB", "0.1 MB". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  if (mb >= 10) return `${Math.round(mb).toLocaleString("en-GB")} MB`;
  return `${Math.max(0.1, Math.round(mb * 10) / 10)} MB`;
}
