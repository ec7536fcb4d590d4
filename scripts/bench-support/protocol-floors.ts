// The least conversation each check needs, spoken by a raw client, to time as the "protocol floor"
// beside the real checks through the same relay: what is left between them is the client's doing.
import { appIdentity } from '../../shared/app-identity.ts';
import type { Security } from '../../shared/server-settings.ts';
import { openRawConversation } from './raw-conversation.ts';

const plain = (user: string, password: string) => Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64');
const tagged = (tag: string) => new RegExp(`(^|\\r\\n)${tag} (OK|NO|BAD)[^\\r\\n]*\\r\\n$`);
/** A complete SMTP reply: its last line has a space after the code. */
const smtpReply = /(^|\r\n)\d{3} [^\r\n]*\r\n$/;

/**
 * IMAP: greeting; with STARTTLS, STARTTLS then the handshake, with CAPABILITY (RFC 9051 wants the
 * capabilities asked again) and AUTHENTICATE PLAIN riding on the client's Finished; otherwise
 * AUTHENTICATE PLAIN with SASL-IR; ID and EXAMINE INBOX together; LOGOUT not awaited.
 */
export async function imapFloor(port: number, security: Exclude<Security, 'none'>, ca: string, user: string, password: string): Promise<void> {
  const talk = await openRawConversation(port, security === 'tls', ca);
  await talk.say('', /^\* OK [^\r\n]*\r\n$/);
  const signIn = `A AUTHENTICATE PLAIN ${plain(user, password)}\r\n`;
  if (security === 'starttls') {
    await talk.say('S STARTTLS\r\n', tagged('S'));
    await talk.upgrade(`C CAPABILITY\r\n${signIn}`, tagged('A'));
  } else {
    await talk.say(signIn, tagged('A'));
  }
  await talk.say(`I ID ("name" "${appIdentity.name}")\r\nE EXAMINE INBOX\r\n`, tagged('E'));
  talk.end('L LOGOUT\r\n');
}

/**
 * SMTP: greeting; EHLO; with STARTTLS, STARTTLS then the handshake with the second EHLO riding on
 * the client's Finished; AUTH PLAIN with its initial response; MAIL FROM, RCPT TO and RSET in one
 * flight; QUIT not awaited.
 */
export async function smtpFloor(port: number, security: Exclude<Security, 'none'>, ca: string, user: string, password: string): Promise<void> {
  const talk = await openRawConversation(port, security === 'tls', ca);
  await talk.say('', smtpReply);
  await talk.say('EHLO [127.0.0.1]\r\n', smtpReply);
  if (security === 'starttls') {
    await talk.say('STARTTLS\r\n', smtpReply);
    await talk.upgrade('EHLO [127.0.0.1]\r\n', smtpReply);
  }
  await talk.say(`AUTH PLAIN ${plain(user, password)}\r\n`, smtpReply);
  await talk.say(`MAIL FROM:<${user}>\r\nRCPT TO:<${user}>\r\nRSET\r\n`, /^(\d{3} [^\r\n]*\r\n){3}$/);
  talk.end('QUIT\r\n');
}

/** A complete POP3 multi-line answer (CAPA's), ending in a lone dot. */
const pop3List = /(^|\r\n)\.\r\n$/;

/**
 * POP3: greeting; CAPA (a client must learn SASL, STLS and PIPELINING); with STLS, STLS then the
 * handshake with CAPA asked again on the client's Finished (RFC 2595); AUTH PLAIN with its
 * initial response and STAT in one flight (PIPELINING); QUIT not awaited.
 */
export async function pop3Floor(port: number, security: Exclude<Security, 'none'>, ca: string, user: string, password: string): Promise<void> {
  const talk = await openRawConversation(port, security === 'tls', ca);
  await talk.say('', /^\+OK[^\r\n]*\r\n$/);
  await talk.say('CAPA\r\n', pop3List);
  if (security === 'starttls') {
    await talk.say('STLS\r\n', /^\+OK[^\r\n]*\r\n$/);
    await talk.upgrade('CAPA\r\n', pop3List);
  }
  await talk.say(`AUTH PLAIN ${plain(user, password)}\r\nSTAT\r\n`, /^\+OK[^\r\n]*\r\n\+OK \d+ \d+\r\n$/);
  talk.end('QUIT\r\n');
}
