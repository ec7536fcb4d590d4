// Parses what the user typed into an address with an ASCII (punycode) domain, or says why not.
import { toAsciiDomain, toUnicodeDomain } from '../../../shared/email-address.ts';
import { serviceWords, type serviceTexts } from '../../../shared/messages/service-messages.ts';
import { ServiceError } from '../service-error.ts';

/** Why a text is not an address. */
type AddressProblem = Exclude<keyof typeof serviceTexts.address, 'notAddress'>;

/** Thrown when the input is not an email address; the message is fit to show the user. */
export class InvalidEmailError extends ServiceError {
  readonly input: string;
  /** Why, as `serviceTexts.address.<reason>`. */
  readonly reason: AddressProblem;

  constructor(input: string, reason: AddressProblem, values: Record<string, string> = {}) {
    const text = String(input);
    const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
    const { message, words } = serviceWords(
      { id: 'serviceTexts.address.notAddress', values: { input: `"${shown.replace(/\p{Cc}/gu, '?')}"` } },
      { id: `serviceTexts.address.${reason}`, values },
    );
    super('invalid-request', message, words);
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
  const fail = (reason: AddressProblem, values?: Record<string, string>): never => {
    throw new InvalidEmailError(input, reason, values);
  };
  if (typeof input !== 'string') fail('notText');
  const trimmed = input.trim().normalize('NFC');
  if (trimmed === '') fail('empty');
  if (trimmed.length > 320) fail('tooLong');
  if (controlCharacters.test(trimmed)) fail('control');
  const at = trimmed.lastIndexOf('@');
  if (at === -1) fail('noAt');
  const localPart = trimmed.slice(0, at);
  const rawDomain = trimmed.slice(at + 1);
  if (localPart === '') fail('nothingBefore');
  if (rawDomain === '') fail('noDomain');
  if (forbiddenInLocalPart.test(localPart)) fail('forbidden');
  if (Buffer.byteLength(localPart) > 64) fail('localTooLong');
  if (localPart.startsWith('.') || localPart.endsWith('.') || localPart.includes('..')) {
    fail('misplacedDot');
  }
  if (rawDomain.startsWith('[')) fail('literal');
  let domain = '';
  try {
    domain = toAsciiDomain(rawDomain);
  } catch {
    fail('badDomain', { domain: `"${rawDomain}"` });
  }
  const labels = domain.split('.');
  if (labels.length < 2) fail('noDot', { domain: `"${rawDomain}"` });
  if (domain.length > 253 || !labels.every((label) => dnsLabel.test(label))) {
    fail('badDomain', { domain: `"${rawDomain}"` });
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) fail('ipDomain');
  return { address: `${localPart}@${domain}`, localPart, domain, unicodeDomain: toUnicodeDomain(domain) };
}
