// The test message (issue #13): a short, clearly labelled plain-text message from the account to
// itself, carrying a unique token so its arrival in INBOX can be found again.
import { randomUUID } from 'node:crypto';
import { toUnicodeEmail } from '../../../../shared/email-address.ts';

/** Header that carries the token; the INBOX watch searches for it. */
export const tokenHeader = 'X-Mail-Setup-Test';

/** The subject the UI names ("What was sent: … marked “Mail Setup test message”"). */
export const testMessageSubject = 'Mail Setup test message';

/** A composed test message and the token that finds it. */
export interface TestMessage {
  token: string;
  raw: string;
}

/**
 * Composes the message sent from `email` to `email`. An address such as jürgen@… stands in the
 * headers as UTF-8 (RFC 6532), which is right only because it is sent with SMTPUTF8.
 */
export function composeTestMessage(email: string, now: Date = new Date()): TestMessage {
  const token = randomUUID();
  const raw = [
    `From: <${email}>`,
    `To: <${email}>`,
    `Subject: ${testMessageSubject}`,
    `Date: ${now.toUTCString()}`,
    `Message-ID: <${token}@mail-setup.invalid>`,
    `${tokenHeader}: ${token}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `Mail Setup sent this message from ${toUnicodeEmail(email)} to itself to check that the account can send and receive mail.`,
    'It is only a test: you can delete it.',
    '',
  ].join('\r\n');
  return { token, raw };
}
