// Whole numbers as messages show them: 50,000 — the digits grouped with commas, as en-GB does.
// Written out rather than toLocaleString("en-GB"), whose first call loads ICU's number data and
// cost more (15–30 ms) than the rest of a `check` of a small tracker's summary.

/** "1,234,567" for 1234567; integers only (counts of rows, actions, problems). */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ",");
  return n < 0 ? `-${grouped}` : grouped;
}
