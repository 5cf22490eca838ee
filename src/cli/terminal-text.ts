// Text from a tracker or spec reaches the terminal with its control characters made visible.
// Printed raw, an escape sequence in a cell could clear the screen, retitle the window, hide
// the lines above it or make a link; a carriage return could write over a message; bidirectional
// overrides could show words in another order than they are stored.

/** C0 controls but tab and newline, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The line with each control character written as `\u001b`: visible, and the same escape JSON
 * uses, so JSON output stays valid JSON with the same values.
 */
export function terminalSafe(line: string): string {
  return line.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One message, one line: a newline inside a cell's text is shown as \n. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, "\\n");
}
