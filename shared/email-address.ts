// Email addresses and host names across the ASCII (punycode) and Unicode forms of internationalised domains.
import punycode from 'punycode/punycode.js';

/**
 * A domain or host name in its ASCII form, as DNS, TLS (SNI, certificate names) and the
 * ISPDB want it: lower case, each non-ASCII label as "xn--…" ("Bücher.de" → "xn--bcher-kva.de").
 * ASCII names and IP literals come back lower-cased but otherwise unchanged.
 */
export function toAsciiDomain(domain: string): string {
  // NFKC, as the UTS #46 mapping of browsers does: "ｇｍａｉｌ.com" is gmail.com, "bu\u0308cher" is bücher.
  const lower = domain.normalize('NFKC').toLowerCase();
  // Only a name with non-ASCII characters needs encoding; an IPv6 literal must not be touched.
  return /[\u0080-\uffff]/.test(lower) ? punycode.toASCII(lower) : lower;
}

/** A domain in the form a person reads ("xn--bcher-kva.de" → "bücher.de"); names that are not punycode are kept. */
export function toUnicodeDomain(domain: string): string {
  const lower = domain.toLowerCase();
  if (!/(^|\.)xn--/.test(lower)) return lower;
  try {
    const unicode = punycode.toUnicode(lower);
    // Only a faithful round trip counts; anything else is not valid punycode and is shown as it is.
    return toAsciiDomain(unicode) === lower ? unicode : lower;
  } catch {
    return lower;
  }
}

function split(address: string): [local: string, domain: string] | null {
  const at = address.lastIndexOf('@');
  return at <= 0 || at === address.length - 1 ? null : [address.slice(0, at), address.slice(at + 1)];
}

/**
 * The address with an ASCII domain, the form for look-ups and for naming a saved account
 * (`jo@Bücher.de` → `jo@xn--bcher-kva.de`). The local part is kept as typed, in NFC. Input
 * without an "@" is returned trimmed and otherwise unchanged.
 */
export function toAsciiEmail(address: string): string {
  const trimmed = address.trim().normalize('NFC');
  const parts = split(trimmed);
  return parts ? `${parts[0]}@${toAsciiDomain(parts[1])}` : trimmed;
}

/** The address with its domain in Unicode, for showing (`jo@xn--bcher-kva.de` → `jo@bücher.de`). */
export function toUnicodeEmail(address: string): string {
  const trimmed = address.trim().normalize('NFC');
  const parts = split(trimmed);
  return parts ? `${parts[0]}@${toUnicodeDomain(parts[1])}` : trimmed;
}

/** Whether two addresses name the same account, whichever form each domain was typed in. */
export function sameEmailAddress(a: string, b: string): boolean {
  return toAsciiEmail(a) === toAsciiEmail(b);
}

/**
 * True when the part before the "@" has non-ASCII characters (`jürgen@…`): such an address
 * works only with servers that announce UTF8=ACCEPT (IMAP, RFC 6855) or SMTPUTF8 (RFC 6531).
 */
export function hasNonAsciiLocalPart(address: string): boolean {
  const parts = split(address.trim());
  return parts !== null && /[\u0080-\uffff]/.test(parts[0]);
}
