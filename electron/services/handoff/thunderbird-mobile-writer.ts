// Thunderbird for Android's "Import settings → Scan QR code": the payload of Thunderbird's "Export for Mobile" QR format, version 1.
import { exportNotes } from '../../../shared/messages/export-notes.ts';
import { hasNonAsciiLocalPart, toAsciiEmail } from '../../../shared/email-address.ts';
import { bareHost, type Security } from '../../../shared/server-settings.ts';
import type { HandoffAccount, HandoffServer } from './handoff-account.ts';
import { fileNameFor, requireOutgoing, unexpressible, type HandoffWriter } from './writer.ts';

/** The format version this writer follows; a reader refuses any other. */
const formatVersion = 1;

/** Security mode → `ConnectionSecurity` (1 is reserved: "do not use"). */
const connectionSecurity: Record<Security, 0 | 2 | 3> = { none: 0, starttls: 2, tls: 3 };

/** How the account signs in → `AuthenticationType`: 1 PasswordCleartext (sent inside TLS, as our check does), 6 OAuth2. */
const authenticationType: Record<HandoffAccount['authKind'], 1 | 6> = { password: 1, oauth2: 6 };

/** Incoming protocol → `IncomingProtocol`. */
const incomingProtocol: Record<HandoffAccount['protocol'], 0 | 1> = { imap: 0, pop3: 1 };

/** `OutgoingProtocol` SMTP, the only one of version 1. */
const smtpProtocol = 0;

/** Android's reader refuses the whole code when a string holds CR or LF; a display name is the only field that might. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

/** Host names in ASCII: an internationalised name as its ACE ("xn--…") form. */
function asciiHost(host: string): string {
  const ascii = bareHost(host);
  if (/[^\x21-\x7e]/.test(ascii)) throw unexpressible(`The server name ${host} cannot be written in ASCII, which the phone's QR format requires.`);
  return ascii;
}

/** The fields every server array starts with after its protocol. */
function serverFields(server: HandoffServer, account: HandoffAccount): [string, number, number, number, string] {
  return [asciiHost(server.host), server.port, connectionSecurity[server.security], authenticationType[account.authKind], server.username];
}

/**
 * The payload for one account in one code (sequence 1 of 1). Optional trailing elements are
 * left out when empty, as in the spec's own example; when a password follows, the account name
 * before it is `""` (Android's reader rejects `null` there).
 */
export function thunderbirdMobilePayload(account: HandoffAccount, secrets?: { incoming: string; outgoing: string }): unknown[] {
  if (hasNonAsciiLocalPart(account.email)) {
    throw unexpressible(
      `${account.email} has non-ASCII characters before the "@", and Thunderbird's QR format allows only ASCII addresses: add the account on the phone by hand.`,
    );
  }
  const outgoing = requireOutgoing(account, 'Thunderbird on a phone');
  const email = toAsciiEmail(account.email);
  const incoming = [incomingProtocol[account.protocol], ...serverFields(account.incoming, account), ...(secrets ? ['', secrets.incoming] : [])];
  const smtp = [smtpProtocol, ...serverFields(outgoing, account), ...(secrets ? [secrets.outgoing] : [])];
  return [formatVersion, [1, 1], incoming, [[smtp, [email, oneLine(account.displayName)]]]];
}

/** The QR payload and its JSON (what the code holds). */
export const writeThunderbirdMobile: HandoffWriter = (account, options) => {
  const payload = thunderbirdMobilePayload(account, options.secrets);
  const notes: string[] = [exportNotes.thunderbirdMobile.scan];
  if (options.secrets) notes.push(exportNotes.thunderbirdMobile.passwordInside);
  else if (account.authKind === 'oauth2') notes.push(exportNotes.thunderbirdMobile.signIn);
  else notes.push(exportNotes.thunderbirdMobile.passwordAsked);
  return {
    text: JSON.stringify(payload),
    payload,
    fileName: fileNameFor(account.email, '.png'),
    mediaType: 'image/png',
    notes,
    containsPassword: options.secrets !== undefined,
  };
};
