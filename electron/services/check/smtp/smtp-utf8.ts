// International addresses over SMTP (RFC 6531): the MAIL FROM parameter where the server takes
// them, and the sender step's refusal, before anything is sent, where it does not.
import { stepText } from '../../net/step-text.ts';
import { hasNonAsciiLocalPart } from '../../../../shared/email-address.ts';
import type { StepFailure } from '../../net/step-failure.ts';
import type { EhloOffer } from './ehlo.ts';

/**
 * What MAIL FROM needs for `email` on this server: `' SMTPUTF8'` for an address such as
 * jürgen@… where SMTPUTF8 is announced, `''` for an ASCII address, and a refusal where the
 * address would have to cross as 8-bit bytes the server never agreed to.
 */
export function mailFromUtf8(email: string, offer: EhloOffer): { parameter: string } | { failure: StepFailure } {
  if (!hasNonAsciiLocalPart(email)) return { parameter: '' };
  if (offer.extensions.includes('SMTPUTF8')) return { parameter: ' SMTPUTF8' };
  return {
    failure: {
      category: 'sender-rejected',
      reason: 'smtp-utf8-unsupported',
      ...stepText('smtp.smtpUtf8'),
    },
  };
}
