// Input we cannot read at all (not a spreadsheet, truncated, encrypted, over a limit).
// It stops the command with one line and exit code 2, never a stack trace.
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export class InputRefused extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = "InputRefused";
  }
}

/** Refuse a whole file: `tracker.xlsx: error INPUT_TRUNCATED the file is cut short …`. */
export function refuse(file: string, code: string, message: string): InputRefused {
  return new InputRefused({ severity: "error", code, message, file });
}
