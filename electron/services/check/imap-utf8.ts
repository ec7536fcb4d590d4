// International addresses over IMAP (RFC 6855): whether the server takes them, the pipelined
// ENABLE UTF8=ACCEPT that switches them on, and the refusals where it cannot.
import { stepText } from '../net/step-text.ts';
import { hasNonAsciiLocalPart } from '../../../shared/email-address.ts';
import type { StepFailure } from '../net/step-failure.ts';

/** Tag of the ENABLE the check sends itself; imapflow's tags are hex numbers, never this. */
const enableTag = 'MSEN';

/** `ENABLE UTF8=ACCEPT` (RFC 6855 §3), sent in front of EXAMINE so that it costs no round trip. */
export const enableUtf8Command = `${enableTag} ENABLE UTF8=ACCEPT\r\n`;

const nonAscii = /[^\p{ASCII}]/u;

/** Whether the server announces UTF-8 support; UTF8=ONLY implies UTF8=ACCEPT (RFC 6855 §3). */
export function announcesUtf8(capabilities: ReadonlyMap<string, unknown>): boolean {
  return capabilities.has('UTF8=ACCEPT') || capabilities.has('UTF8=ONLY');
}

/** Whether this account's address needs UTF-8 from the server: letters such as "ü" before the @. */
export function needsUtf8(email: string): boolean {
  return hasNonAsciiLocalPart(email);
}

/** `line` with {@link enableUtf8Command} in front when it is the EXAMINE (or SELECT) and `enable` is set. */
export function withPipelinedEnable(line: string, enable: boolean): string {
  return enable && /^\S+ (EXAMINE|SELECT) /i.test(line) ? enableUtf8Command + line : line;
}

/** True for the server's answer that UTF-8 is on (`* ENABLED … UTF8=ACCEPT`). */
export function isUtf8Enabled(serverLine: string): boolean {
  return /^\* ENABLED\b.* UTF8=ACCEPT\b/i.test(serverLine);
}

/**
 * Refuses a LOGIN whose username has non-ASCII letters where the server does not announce
 * UTF8=ACCEPT: LOGIN's quoted strings are ASCII then (RFC 6855 §5 allows UTF-8 in them only
 * with it). AUTHENTICATE is never refused here: SASL PLAIN, XOAUTH2 and OAUTHBEARER carry the
 * name in UTF-8 by definition (RFC 4616).
 */
export function loginRefusal(command: string, username: string, capabilities: ReadonlyMap<string, unknown>): StepFailure | null {
  if (command.toUpperCase() !== 'LOGIN' || !nonAscii.test(username) || announcesUtf8(capabilities)) return null;
  return {
    category: 'protocol-error',
    reason: 'imap-login-ascii-only',
    ...stepText('imap.loginAsciiOnly'),
  };
}

/** The inbox step's refusal of an international address on a server without UTF8=ACCEPT. */
export const utf8Unsupported: StepFailure = {
  category: 'mailbox-unavailable',
  reason: 'imap-utf8-unsupported',
  ...stepText('imap.utf8Unsupported'),
};

/** The inbox step's refusal when the server announced UTF8=ACCEPT but did not enable it. */
export const utf8NotEnabled: StepFailure = {
  category: 'mailbox-unavailable',
  reason: 'imap-utf8-unsupported',
  ...stepText('imap.utf8NotEnabled'),
};
