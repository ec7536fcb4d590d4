// What the user reads when a server cannot take an address or username with non-ASCII letters before the @.
import type { FailureCategory } from '../failure-category.ts';
import type { FailureText } from './failure-messages.ts';

/**
 * Why a check refused an international (EAI) address or username. Each one ends in an existing
 * category (contracts.md); its words replace the category's general ones, because "the Inbox could
 * not be opened" or "the server refuses mail from …" would not say what to do here.
 */
export const internationalAddressReasons = ['imap-utf8-unsupported', 'imap-login-ascii-only', 'smtp-utf8-unsupported'] as const;
export type InternationalAddressReason = (typeof internationalAddressReasons)[number];

/** The category each reason ends in, and the words; `{email}`, `{username}`, `{letter}`, `{host}` are filled in. */
export const internationalAddressTexts: Record<InternationalAddressReason, FailureText & { category: FailureCategory }> = {
  // IMAP without UTF8=ACCEPT (RFC 6855): mail to such an address has UTF-8 headers the server can
  // not hand to a mail app; signing in worked, so the failure belongs to the last step, INBOX.
  'imap-utf8-unsupported': {
    category: 'mailbox-unavailable',
    message: 'The incoming server {host} cannot handle an address with letters such as “{letter}” before the @ ({email}).',
    advice:
      'The server does not announce UTF8=ACCEPT (RFC 6855), which mail to such an address needs. Ask your provider whether it supports international addresses, or use an address with only ASCII letters before the @ (an alias such as one without accents), if your provider gives you one.',
  },
  // The server offers only the LOGIN command, whose strings are ASCII unless UTF8=ACCEPT is
  // announced: the username was not sent at all.
  'imap-login-ascii-only': {
    category: 'protocol-error',
    message: 'The incoming server {host} cannot take the username {username}: it has letters such as “{letter}”, and this server signs in with ASCII only.',
    advice:
      'Nothing was sent. The server offers only the LOGIN command and does not announce UTF8=ACCEPT (RFC 6855). Use a username with only ASCII letters (ask your provider which one works), or a server that supports international addresses.',
  },
  // SMTP without SMTPUTF8 (RFC 6531): MAIL FROM may not carry 8-bit bytes, so it was not sent.
  'smtp-utf8-unsupported': {
    category: 'sender-rejected',
    message: 'The outgoing server {host} cannot send from an address with letters such as “{letter}” before the @ ({email}).',
    advice:
      'The server does not announce SMTPUTF8 (RFC 6531), so the address was not sent to it. Ask your provider whether it supports international addresses, or send from an address with only ASCII letters before the @ (an alias such as one without accents), if your provider gives you one.',
  },
};

/** The first non-ASCII character of `text` (for "letters such as “ü”"), or an empty string. */
export function firstNonAsciiLetter(text: string): string {
  return /[^\p{ASCII}]/u.exec(text.normalize('NFC'))?.[0] ?? '';
}
