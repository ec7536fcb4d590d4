// What outgoing (SMTP) servers really answer to a refused sign-in or sender, as data: text patterns → failure category.
import type { FailureCategory } from './failure-category.ts';

/** One known SMTP answer. Patterns are tested against the joined reply (code, enhanced code, text). */
export interface SmtpResponsePattern {
  category: FailureCategory;
  pattern: RegExp;
  /** Where the text comes from, so the table can be checked against the provider. */
  source: string;
}

/**
 * Checked in order before the IMAP-and-SMTP table of auth-response-patterns.ts; the first match
 * wins over the reply code.
 */
export const smtpResponsePatterns: readonly SmtpResponsePattern[] = [
  { category: 'auth-disabled', pattern: /SmtpClientAuthentication is disabled/i, source: 'Microsoft 365: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.' },
  { category: 'auth-disabled', pattern: /user is locked by your organization's security defaults policy|smtp (auth(entication)?|submission) (is )?(disabled|not enabled)/i, source: 'Microsoft 365: 535 5.7.139 … the user is locked by your organization\'s security defaults policy; hosts that switch SMTP AUTH off per mailbox' },
  { category: 'account-blocked', pattern: /\(#AUTH005\)|too many bad auth attempts/i, source: 'Yahoo: 535 5.7.0 (#AUTH005) Too many bad auth attempts.' },
  { category: 'encryption-required', pattern: /must issue a STARTTLS command first|STARTTLS (is )?required|encryption required for requested authentication/i, source: 'Gmail, Postfix: 530 5.7.0 Must issue a STARTTLS command first.; 538 5.7.11 Encryption required for requested authentication mechanism' },
  { category: 'sender-rejected', pattern: /relay access denied|sender address rejected|not owned by (the )?(auth(enticated)? )?user|sendasdenied|not allowed to send as/i, source: 'Postfix: 554 5.7.1 <x>: Relay access denied; 553 5.7.1 <x>: Sender address rejected: not owned by user; Microsoft: 550 5.7.60 SMTP; Client does not have permissions to send as this sender' },
];
