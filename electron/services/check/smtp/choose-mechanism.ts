// Picks the SASL mechanism for an SMTP sign-in from what EHLO offers, or says why there is none.
import { stepText } from '../../net/step-text.ts';
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
      return { failure: { category: 'encryption-required', ...stepText('smtp.authOnlyAfterStartTls') } };
    }
    return { failure: { category: 'smtp-auth-unavailable', ...stepText('smtp.noAuth') } };
  }
  const wanted: readonly string[] = kind === 'password' ? passwordMechanisms : oauthMechanisms;
  const mechanism = wanted.find((name) => offered.has(name));
  if (mechanism) return { mechanism };
  const list = offer.mechanisms.join(', ');
  if (kind === 'password' && oauthMechanisms.some((name) => offered.has(name))) {
    return { failure: { category: 'oauth-required', ...stepText('signIn.onlyOauth', { mechanisms: list }) } };
  }
  return {
    failure: {
      category: 'protocol-error',
      ...stepText(kind === 'password' ? 'signIn.noPasswordMethod' : 'smtp.noOauth', { mechanisms: list }),
    },
  };
}
