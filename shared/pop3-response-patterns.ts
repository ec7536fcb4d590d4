// What POP3 servers answer to a refused sign-in or STAT, as data: provider texts and RFC 2449/3206 codes → failure category.
import type { FailureCategory } from './failure-category.ts';

/** One known POP3 answer; `enablePop` says where the user switches POP access back on. */
export interface Pop3ResponsePattern {
  category: FailureCategory;
  pattern: RegExp;
  /** For POP access switched off in the provider's web settings: where to switch it on. */
  enablePop?: { advice: string; helpUrl: string };
  /** Where the text comes from, so the table can be checked against the provider. */
  source: string;
}

const gmailPop = {
  advice: 'Switch POP on in Gmail on the web: Settings (the gear) → See all settings → Forwarding and POP/IMAP → POP download → Enable POP, then Save Changes and test again.',
  helpUrl: 'https://support.google.com/mail/answer/7104828',
};
const outlookPop = {
  advice:
    'Switch POP on in Outlook on the web: Settings → Mail → Forwarding and IMAP → POP options → “Let devices and apps use POP”: Yes, then Save and test again. For a work or school account (Microsoft 365), the administrator enables POP for your mailbox.',
  helpUrl: 'https://support.microsoft.com/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
};

/**
 * Checked in order before the response code (the provider's words say more than `[AUTH]`); the
 * IMAP table (auth-response-patterns.ts) follows for texts both protocols share (app passwords).
 */
export const pop3ResponsePatterns: readonly Pop3ResponsePattern[] = [
  { category: 'auth-disabled', pattern: /not enabled for POP access/i, enablePop: gmailPop, source: 'Gmail: -ERR [SYS/PERM] Your account is not enabled for POP access. Please visit your Gmail settings page and enable your account for POP access.' },
  { category: 'auth-disabled', pattern: /authenticated but not connected/i, enablePop: outlookPop, source: 'Outlook.com / Exchange Online: -ERR User is authenticated but not connected. (POP switched off for the mailbox)' },
  { category: 'auth-disabled', pattern: /\bPOP3? (access |service )?(is )?(disabled|not (enabled|allowed|permitted))|POP3? (access|service) (has been )?(switched|turned) off/i, source: 'providers that name POP access as switched off' },
  { category: 'wrong-credentials', pattern: /^\[AUTH\] Username and password not accepted\.?$/i, source: 'Gmail: -ERR [AUTH] Username and password not accepted.' },
  { category: 'wrong-credentials', pattern: /^Logon failure: unknown user name or bad password\.?$/i, source: 'Outlook.com / Exchange Online: -ERR Logon failure: unknown user name or bad password.' },
  { category: 'wrong-credentials', pattern: /^(\[AUTH\] )?Authentication failed\.?$/i, source: 'Dovecot: -ERR [AUTH] Authentication failed.' },
  { category: 'account-blocked', pattern: /login disabled for this user/i, source: 'Dovecot (nologin): -ERR [AUTH] Login disabled for this user' },
  { category: 'encryption-required', pattern: /plaintext authentication (disallowed|disabled)/i, source: 'Dovecot: -ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.' },
];

/** POP3 response codes (RFC 2449 IN-USE, LOGIN-DELAY; RFC 3206 SYS/TEMP, SYS/PERM, AUTH) that name the category on their own. */
export const pop3ResponseCodes: Readonly<Record<string, FailureCategory>> = {
  'IN-USE': 'mailbox-unavailable',
  'LOGIN-DELAY': 'server-unavailable',
  'SYS/TEMP': 'server-unavailable',
  'SYS/PERM': 'account-blocked',
  AUTH: 'wrong-credentials',
};

/** The words of each "switch POP on" advice, for the message catalogue to translate. */
export const enablePopAdvice = { gmail: gmailPop.advice, outlook: outlookPop.advice } as const;
