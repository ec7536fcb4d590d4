// Parses what the user typed into an address with an ASCII (punycode) domain, or says why not.
import { toAsciiDomain, toUnicodeDomain } from '../../../shared/email-address.ts';
import { ServiceError } from '../service-error.ts';

/** Thrown when the input is not an email address; the message is fit to show the user. */
export class InvalidEmailError extends ServiceError {
  readonly input: string;
  readonly reason: string;

  constructor(input: string, reason: string) {
    const text = String(input);
    const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
    super('invalid-request', `"${shown.replace(/\p{Cc}/gu, '?')}" is not an email address: ${reason}.`);
    this.name = 'InvalidEmailError';
    this.input = input;
    this.reason = reason;
  }
}

/** An address split for discovery; `address` and `domain` use the ASCII form of the domain. */
export interface EmailAddress {
  address: string;
  localPart: string;
  /** ASCII, lower case: "bücher.example" becomes "xn--bcher-kva.example". */
  domain: string;
  /** The domain as a person reads it. */
  unicodeDomain: string;
}

const controlCharacters = /\p{Cc}/u;
// RFC 5322 specials and white space; quoted local parts are not supported.
const forbiddenInLocalPart = /[\s()<>[\]:;@\\,"]/;
const dnsLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Splits and checks an address, converting an internationalised domain to punycode. */
export function parseEmailAddress(input: string): EmailAddress {
  const fail = (reason: string): never => {
    throw new InvalidEmailError(input, reason);
  };
  if (typeof input !== 'string') fail('it is not text');
  const trimmed = input.trim().normalize('NFC');
  if (trimmed === '') fail('it is empty');
  if (trimmed.length > 320) fail('it is longer than 320 characters');
  if (controlCharacters.test(trimmed)) fail('it contains control characters');
  const at = trimmed.lastIndexOf('@');
  if (at === -1) fail('it has no "@"');
  const localPart = trimmed.slice(0, at);
  const rawDomain = trimmed.slice(at + 1);
  if (localPart === '') fail('there is nothing before the "@"');
  if (rawDomain === '') fail('there is no domain after the "@"');
  if (forbiddenInLocalPart.test(localPart)) fail('the part before the "@" contains a space or a character such as @ , ; < > ( ) [ ] or "');
  if (Buffer.byteLength(localPart) > 64) fail('the part before the "@" is longer than 64 bytes');
  if (localPart.startsWith('.') || localPart.endsWith('.') || localPart.includes('..')) {
    fail('the part before the "@" has a misplaced dot');
  }
  if (rawDomain.startsWith('[')) fail('address literals such as [192.0.2.1] are not supported');
  let domain = '';
  try {
    domain = toAsciiDomain(rawDomain);
  } catch {
    fail(`"${rawDomain}" is not a valid domain name`);
  }
  const labels = domain.split('.');
  if (labels.length < 2) fail(`the domain "${rawDomain}" has no dot`);
  if (domain.length > 253 || !labels.every((label) => dnsLabel.test(label))) {
    fail(`"${rawDomain}" is not a valid domain name`);
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) fail('the domain is an IP address, not a name');
  return { address: `${localPart}@${domain}`, localPart, domain, unicodeDomain: toUnicodeDomain(domain) };
}
