// The one rule for where a paper may link, applied as the document tree is made, so the Word,
// PDF and HTML writers only ever see addresses that pass it. A shared spec must not be able to
// put a script (javascript:), a local file (file:, C:\…) or a Windows share (\\host\share,
// which makes Windows send the reader's credentials) behind a word in a paper.

const ALLOWED = /^(https?:\/\/[^\s/?#]+|mailto:[^\s@]+@)\S*$/i;

/** True for a web address (http, https) with a host, or a mail address (mailto:). */
export function isAllowedLinkAddress(address: string): boolean {
  return ALLOWED.test(address.trim());
}

/** Why a link was kept as plain text, for the warning. */
export function refusedLinkMessage(address: string): string {
  const shown = address.length > 80 ? `${address.slice(0, 77)}…` : address;
  return `the link to "${shown}" is kept as plain text: a paper links only to web addresses (https://…, http://…) and mail addresses (mailto:…)`;
}
