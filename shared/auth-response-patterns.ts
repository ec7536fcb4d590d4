// What providers actually answer to a refused sign-in, as data: text patterns → failure category.
import type { FailureCategory } from './failure-category.ts';

/** One known server answer. Patterns are tested against the text after the tag and status. */
export interface AuthResponsePattern {
  category: FailureCategory;
  pattern: RegExp;
  /** Where the text comes from, so the table can be checked against the provider. */
  source: string;
}

/** Checked in order; the first match wins. Response codes are handled before these. */
export const authResponsePatterns: readonly AuthResponsePattern[] = [
  { category: 'app-password-required', pattern: /application-specific password required/i, source: 'Gmail: [ALERT] Application-specific password required: https://support.google.com/mail/?p=InvalidSecondFactor (Failure)' },
  { category: 'app-password-required', pattern: /app(lication)?[- ]?(specific )?password (is )?required/i, source: 'Mail.ru: [AUTHENTICATIONFAILED] Application password is REQUIRED' },
  { category: 'app-password-required', pattern: /(use|need|requires?) an? app(lication)?[- ]specific password/i, source: 'iCloud / Yahoo help texts' },
  { category: 'app-password-required', pattern: /please use (an )?app(lication)? password/i, source: 'Yandex: [AUTHENTICATIONFAILED] Please use application password' },
  { category: 'app-password-required', pattern: /app password/i, source: 'Fastmail, Yahoo: … app password …' },
  { category: 'oauth-required', pattern: /basic ?auth(entication)? (is )?(disabled|blocked)|BasicAuthBlocked/i, source: 'Microsoft: AUTHENTICATE failed: BasicAuthBlocked / basic authentication is disabled' },
  { category: 'oauth-required', pattern: /oauth ?2? (is )?required|requires? oauth/i, source: 'providers that require OAuth2' },
  { category: 'account-blocked', pattern: /log ?in via your web browser|web login required|please log in with your web browser/i, source: 'Gmail: [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)' },
  { category: 'account-blocked', pattern: /account (is )?(disabled|locked|suspended|blocked)|imap (access )?(is )?disabled|IMAP use is disabled/i, source: 'Gmail: [ALERT] Your account is not enabled for IMAP use; Yahoo/Outlook account locked' },
  { category: 'password-expired', pattern: /password (has )?expired/i, source: 'Dovecot/Exchange: [EXPIRED] Password expired' },
  { category: 'server-unavailable', pattern: /temporar(il)?y (unavailable|failure)|try again later|too many (connections|simultaneous)/i, source: 'Dovecot [UNAVAILABLE] Temporary authentication failure; Gmail Too many simultaneous connections' },
];

/** IMAP response codes (RFC 5530) that name the category on their own. */
export const authResponseCodes: Readonly<Record<string, FailureCategory>> = {
  EXPIRED: 'password-expired',
  CONTACTADMIN: 'account-blocked',
  AUTHORIZATIONFAILED: 'account-blocked',
  UNAVAILABLE: 'server-unavailable',
  PRIVACYREQUIRED: 'encryption-required',
  AUTHENTICATIONFAILED: 'wrong-credentials',
};
