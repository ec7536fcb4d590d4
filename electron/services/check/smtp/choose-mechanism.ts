// Picks the SASL mechanism for an SMTP sign-in from what EHLO offers, or says why there is none.
import type { StepFailure } from '../../net/step-failure.ts';
import type { Credential } from '../check-input.ts';
import type { EhloOffer } from './ehlo.ts';
import { oauthMechanisms, passwordMechanisms } from '../sasl-responses.ts';

/** The mechanism to use, or the failure that stops before any credential leaves. */
export function chooseMechanism(offer: EhloOffer, kind: Credential['kind'], encrypted: boolean): { mechanism: string } | { failure: StepFailure } {
  const offered = new Set(offer.mechanisms);
  if (offered.size === 0) {
    // Most servers offer sign-in only once the connection is encrypted.
    if (!encrypted && offer.startTls) {
      return { failure: { category: 'encryption-required', detail: 'The server offers sign-in only after STARTTLS; no password was sent.' } };
    }
    return { failure: { category: 'smtp-auth-unavailable', detail: 'The server offers no sign-in (no AUTH in its EHLO reply); no password was sent.' } };
  }
  const wanted: readonly string[] = kind === 'password' ? passwordMechanisms : oauthMechanisms;
  const mechanism = wanted.find((name) => offered.has(name));
  if (mechanism) return { mechanism };
  const list = offer.mechanisms.join(', ');
  if (kind === 'password' && oauthMechanisms.some((name) => offered.has(name))) {
    return { failure: { category: 'oauth-required', detail: `The server offers only OAuth2 sign-in (${list}).` } };
  }
  return {
    failure: {
      category: 'protocol-error',
      detail: kind === 'password' ? `The server offers no password sign-in this app can use (${list}).` : `The server offers no OAuth2 sign-in (${list}).`,
    },
  };
}
