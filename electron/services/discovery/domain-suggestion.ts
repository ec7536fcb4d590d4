// Spots a mistyped provider domain (gmial.com → gmail.com) with the spell checker, fed with the bundled provider domains.
import mailSpellChecker from '@zootools/email-spell-checker';
import { knownProviderDomains } from '../../../shared/providers/find-provider.ts';
import { parseEmailAddress, type EmailAddress } from './email-address.ts';

interface Candidates {
  /** Curated domains first, so that they win a tie (tonline.de → t-online.de, not online.de). */
  domains: string[];
  known: Set<string>;
  /** Top-level labels of real provider domains ("de", "com"…). */
  tlds: Set<string>;
}

let candidates: Candidates | undefined;

function getCandidates(): Candidates {
  if (candidates) return candidates;
  const domains = knownProviderDomains();
  candidates = { domains, known: new Set(domains), tlds: new Set(domains.map((domain) => domain.slice(domain.lastIndexOf('.') + 1))) };
  return candidates;
}

function splitTld(domain: string): [name: string, tld: string] {
  const dot = domain.lastIndexOf('.');
  return [domain.slice(0, dot), domain.slice(dot + 1)];
}

/**
 * Whether a near match is a plausible slip of the keyboard. When only the top-level label
 * differs, it must be cut short or overlong (gmail.co → gmail.com, gmx.dee → gmx.de) or no real
 * label at all (outlook.con): a country code is never swapped for another (mail.de is not
 * mail.dk, and live.cm is as likely live.com as live.ca).
 */
function isLikelyTypo(typed: string, suggested: string, tlds: Set<string>): boolean {
  const [typedName, typedTld] = splitTld(typed);
  const [suggestedName, suggestedTld] = splitTld(suggested);
  if (typedName !== suggestedName) return true;
  return suggestedTld.startsWith(typedTld) || typedTld.startsWith(suggestedTld) || (typedTld.length >= 3 && !tlds.has(typedTld));
}

// Two edits only in domains of nine characters or more: gmial.com yes, but bt.com is not cs.com.
const twoEditsFromLength = 9;

/**
 * The address the user most likely meant when the domain looks like a mistyped provider domain,
 * else null. A domain that is itself in the provider data is never "corrected" (gmx.de and
 * gmx.net are both real), whatever DNS says about the typed one: the user chooses.
 */
export function suggestAddress(email: EmailAddress): string | null {
  const { domains, known, tlds } = getCandidates();
  if (known.has(email.domain)) return null;
  // Only domains of a similar length can be within two edits; the checker need not see the rest.
  const nearby = domains.filter((domain) => Math.abs(domain.length - email.domain.length) <= 2);
  // The local part is not given to the checker (it URI-encodes the address); only the domain is at stake.
  const closest = (domainThreshold: number) =>
    mailSpellChecker.run({ email: `x@${email.domain}`, domains: nearby, domainThreshold, topLevelDomains: [], secondLevelDomains: [] })?.domain;
  const suggested = closest(1) ?? (email.domain.length >= twoEditsFromLength ? closest(2) : undefined);
  if (!suggested || !known.has(suggested) || !isLikelyTypo(email.domain, suggested, tlds)) return null;
  return `${email.localPart}@${suggested}`;
}

/** `suggestAddress` for text as typed; null when it is not an address at all (for a fast "did you mean" call). */
export function suggestionFor(input: string): string | null {
  try {
    return suggestAddress(parseEmailAddress(input));
  } catch {
    return null;
  }
}
