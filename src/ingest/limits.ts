// How much of a tracker boardpack will read. The bounds keep a hostile or mistaken file (a
// decompression bomb, a 2 GB export) from exhausting memory; real trackers are far smaller.
// The bounds on any file a user names are in files/limits.ts; these add the tracker reader's.
import { FILE_LIMITS } from "../files/limits.js";

const MB = 1024 * 1024;

export const LIMITS = {
  ...FILE_LIMITS,
  /** All parts of an xlsx together, once unzipped. */
  maxInflatedBytes: 200 * MB,
  /** One part of an xlsx (one sheet's XML, the shared strings), once unzipped. */
  maxPartInflatedBytes: 100 * MB,
  /** Rows in one sheet or CSV file, blank rows not counted. */
  maxRows: 200_000,
  /** Merged ranges in all sheets together; real trackers have hundreds. */
  maxMergedRanges: 100_000,
  /** One CSV record; a longer one is nearly always a quote that is never closed. */
  maxCsvRecordBytes: 1 * MB,
} as const;

export type Limits = { readonly [K in keyof typeof LIMITS]: number };
