// How big a file a user names may be, whichever stage reads it (a tracker, a Word template, a
// spec, a house style, a --map file). The bounds keep a mistaken or hostile file (a 2 GB export)
// from exhausting memory; real ones are far smaller.

const MB = 1024 * 1024;

export const FILE_LIMITS = {
  /** The file on disk. */
  maxFileBytes: 50 * MB,
  /** A paper spec or --map file: text a person wrote. */
  maxTextFileBytes: 5 * MB,
} as const;

/** Bytes as a user reads them: "200 MB", "2.5 MB", "0.1 MB". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  if (mb >= 10) return `${Math.round(mb).toLocaleString("en-GB")} MB`;
  return `${Math.max(0.1, Math.round(mb * 10) / 10)} MB`;
}
