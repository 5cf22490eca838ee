// Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is written
// to CSV after an apostrophe (OWASP's advice), and reading takes exactly that apostrophe off. Text
// that already starts with apostrophes before such a character gets one more, so a user's own
// "'=x" comes back as "'=x", and any other apostrophe is left alone.
const GUARDED = /^'*[=+\-@\t\r]/;

export function guardFormulaText(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

export function unguardFormulaText(text: string): string {
  return text.startsWith("'") && GUARDED.test(text.slice(1)) ? text.slice(1) : text;
}
