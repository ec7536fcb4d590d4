// The SASL messages a check signs in with (PLAIN, LOGIN, XOAUTH2, OAUTHBEARER), built once for SMTP and POP3 alike.
import type { Credential } from './check-input.ts';

/** The mechanisms this app signs in with, in order of preference per credential kind. */
export const passwordMechanisms = ['PLAIN', 'LOGIN'] as const;
export const oauthMechanisms = ['XOAUTH2', 'OAUTHBEARER'] as const;

export const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The secret a credential carries. */
export function secretOf(credential: Credential): string {
  return credential.kind === 'password' ? credential.password : credential.accessToken;
}

/** The base64 initial response of a one-message mechanism (PLAIN, XOAUTH2, OAUTHBEARER), and what a refused OAuth2 challenge is answered with. */
export function initialResponse(
  mechanism: 'PLAIN' | 'XOAUTH2' | 'OAUTHBEARER',
  user: string,
  credential: Credential,
  target: { host: string; port: number },
): { response: string; onChallenge: string } {
  const secret = secretOf(credential);
  switch (mechanism) {
    case 'PLAIN':
      return { response: base64(`\0${user}\0${secret}`), onChallenge: '*' };
    case 'XOAUTH2':
      return { response: base64(`user=${user}\x01auth=Bearer ${secret}\x01\x01`), onChallenge: '' };
    case 'OAUTHBEARER':
      return { response: base64(`n,a=${user},\x01host=${target.host}\x01port=${target.port}\x01auth=Bearer ${secret}\x01\x01`), onChallenge: base64('\x01') };
  }
}
