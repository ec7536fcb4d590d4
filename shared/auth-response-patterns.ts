// What providers actually answer to a refused sign-in, as data: text patterns → failure category.
import type { FailureCategory } from './failure-category.ts';

/** One known server answer. Patterns are tested against the text after the tag and status. */
export interface AuthResponsePattern {
  category: FailureCategory;
  pattern: RegExp;
  /** Where the text comes from, so the table can be checked against the provider. */
  source: string;
}

/**
 * Checked in order; the first match wins, and a match beats the response code (see
 * classify-auth-response.ts). Sources are public logs of the provider's own lines.
 */
export const authResponsePatterns: readonly AuthResponsePattern[] = [
  // App-specific passwords.
  { category: 'app-password-required', pattern: /application-specific password required/i, source: 'Gmail: NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure) (LukeSmithxyz/mutt-wizard#831, imapsync/imapsync#175)' },
  { category: 'app-password-required', pattern: /app(lication)?[- ]?(specific )?password (is )?required/i, source: 'Mail.ru: NO [AUTHENTICATIONFAILED] Application password is REQUIRED' },
  { category: 'app-password-required', pattern: /(use|need|requires?) an? app(lication)?[- ]specific password/i, source: 'iCloud / Yahoo help texts: "you need an app-specific password"' },
  { category: 'app-password-required', pattern: /please use (an )?app(lication)? password/i, source: 'Yandex: NO [AUTHENTICATIONFAILED] Please use application password' },
  { category: 'app-password-required', pattern: /app password/i, source: 'Fastmail, Yahoo: texts that name an app password' },
  // OAuth2 only.
  { category: 'oauth-required', pattern: /basic ?auth(entication)? (is )?(disabled|blocked)|BasicAuthBlocked/i, source: 'Microsoft (outlook.com, Exchange Online): NO Basic authentication is disabled. then * BYE Microsoft Exchange Server IMAP4 server signing off. (holon-run/uxc#445); SMTP: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled' },
  { category: 'oauth-required', pattern: /oauth ?2? (is )?required|requires? oauth/i, source: 'providers that require OAuth2' },
  // Wrong username or password, in the providers' words (the generic code alone would say the same;
  // listed so that a broader pattern below cannot claim them).
  { category: 'wrong-credentials', pattern: /invalid credentials or imap is disabled/i, source: 'Yandex: NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials or IMAP is disabled sc=… (Foundry376/Mailspring#904)' },
  { category: 'wrong-credentials', pattern: /^\[AUTHENTICATIONFAILED\] (LOGIN|AUTHENTICATE) Invalid credentials$/i, source: 'Yahoo: NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials / AUTHENTICATE Invalid credentials (Enough-Software/enough_mail#245, postalsys/imapflow#300)' },
  { category: 'wrong-credentials', pattern: /^\[AUTHENTICATIONFAILED\] \(#[A-Z0-9]+\) Incorrect username or password\.?$/i, source: 'Yahoo (older imapgate): NO [AUTHENTICATIONFAILED] (#MBR1212) Incorrect username or password. (RainLoop/rainloop-webmail#1354)' },
  { category: 'wrong-credentials', pattern: /^\[AUTHENTICATIONFAILED\] Invalid credentials \(Failure\)$/i, source: 'Gmail: NO [AUTHENTICATIONFAILED] Invalid credentials (Failure) (pimalaya/himalaya#52)' },
  { category: 'wrong-credentials', pattern: /^\[AUTHENTICATIONFAILED\] Authentication failed\.?$/i, source: 'iCloud: NO [AUTHENTICATIONFAILED] Authentication failed (lefcha/imapfilter#125); Dovecot: … Authentication failed.' },
  { category: 'wrong-credentials', pattern: /^Incorrect username or password\.?$/i, source: 'Fastmail: NO Incorrect username or password. (Foundry376/Mailspring#2217)' },
  { category: 'wrong-credentials', pattern: /^(AUTHENTICATE|LOGIN) failed\.?$/i, source: 'Microsoft Exchange Online: NO AUTHENTICATE failed. / NO LOGIN failed. — sent for a wrong password and when basic authentication is off alike, so the provider hint adds the OAuth2 advice (LogicLabs-OU/OpenArchiver#231, imapsync/imapsync#317)' },
  // The account needs attention.
  { category: 'account-blocked', pattern: /log ?in via your web browser|web login required|please log in with your web browser/i, source: 'Gmail: NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure); * NO [WEBALERT …] Web login required. (barbushin/php-imap#87, smiley22/S22.Imap#116)' },
  { category: 'account-blocked', pattern: /account (is )?(disabled|locked|suspended|blocked)|imap (access )?(is )?disabled|not enabled for imap|IMAP use is disabled/i, source: 'Gmail: NO [ALERT] Your account is not enabled for IMAP use. Please visit your Gmail settings page and enable your account for IMAP access. (Failure); Yahoo/Outlook account locked' },
  { category: 'password-expired', pattern: /password (has )?expired/i, source: 'Dovecot/Exchange: NO [EXPIRED] Password expired' },
  { category: 'server-unavailable', pattern: /temporar(il)?y (unavailable|failure)|try again later|too many (connections|simultaneous)/i, source: 'Dovecot: NO [UNAVAILABLE] Temporary authentication failure.; iCloud: BAD [UNAVAILABLE] Service temporarily unavailable (MailCore/mailcore2#1642); Gmail: NO [ALERT] Too many simultaneous connections. (Failure)' },
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
