// For the domain's owner: the account's servers as a Thunderbird autoconfig file (clientConfig 1.1), with placeholders for the user part.
import { fillInEnglish } from '../../../shared/i18n/fill-in-english.ts';
import { exportNotes } from '../../../shared/messages/export-notes.ts';
import { toAsciiDomain } from '../../../shared/email-address.ts';
import { bareHost, emailDomain, type Security } from '../../../shared/server-settings.ts';
import type { HandoffServer } from './handoff-account.ts';
import { fileNameFor, type HandoffWriter } from './writer.ts';

/** Security mode → `socketType`. */
const socketType: Record<Security, string> = { tls: 'SSL', starttls: 'STARTTLS', none: 'plain' };

/** How the account signs in → `authentication` (OAuth2 works only for providers Thunderbird knows). */
const authentication: Record<'password' | 'oauth2', string> = { password: 'password-cleartext', oauth2: 'OAuth2' };

/** Incoming protocol → `incomingServer type`. */
const incomingType: Record<'imap' | 'pop3', string> = { imap: 'imap', pop3: 'pop3' };

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => xmlEntities[c] as string);

/**
 * The username as every address of the domain would have it: `%EMAILADDRESS%` when it is the
 * address, `%EMAILLOCALPART%` when it is the part before the "@", else the literal name (which
 * then fits this one account only).
 */
export function usernameTemplate(username: string, email: string): string {
  const localPart = email.slice(0, email.lastIndexOf('@'));
  if (username.toLowerCase() === email.toLowerCase()) return '%EMAILADDRESS%';
  if (username === localPart) return '%EMAILLOCALPART%';
  return xml(username);
}

function serverLines(tag: string, type: string, server: HandoffServer, email: string, auth: string): string[] {
  return [
    `    <${tag} type="${type}">`,
    `      <hostname>${xml(bareHost(server.host))}</hostname>`,
    `      <port>${server.port}</port>`,
    `      <socketType>${socketType[server.security]}</socketType>`,
    `      <authentication>${auth}</authentication>`,
    `      <username>${usernameTemplate(server.username, email)}</username>`,
    `    </${tag}>`,
  ];
}

/** `config-v1.1.xml` for https://autoconfig.DOMAIN/mail/ (or the domain's /.well-known/autoconfig/mail/). */
export const writeAutoconfig: HandoffWriter = (account) => {
  const domain = toAsciiDomain(emailDomain(account.email));
  const auth = authentication[account.authKind];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<clientConfig version="1.1">',
    `  <emailProvider id="${xml(domain)}">`,
    `    <domain>${xml(domain)}</domain>`,
    `    <displayName>${xml(domain)}</displayName>`,
    ...serverLines('incomingServer', incomingType[account.protocol], account.incoming, account.email, auth),
    ...(account.outgoing === null ? [] : serverLines('outgoingServer', 'smtp', account.outgoing, account.email, auth)),
    '  </emailProvider>',
    '</clientConfig>',
    '',
  ];
  const literal = [account.incoming, ...(account.outgoing ? [account.outgoing] : [])].some((server) => !usernameTemplate(server.username, account.email).startsWith('%'));
  const notes = [fillInEnglish(exportNotes.autoconfig.publish, { domain })];
  if (literal) notes.push(exportNotes.autoconfig.literalUsername);
  if (account.outgoing === null) notes.push(exportNotes.autoconfig.noOutgoing);
  if (account.authKind === 'oauth2') notes.push(exportNotes.autoconfig.oauth);
  return { text: lines.join('\n'), fileName: fileNameFor(account.email, '-config-v1.1.xml'), mediaType: 'application/xml', notes, containsPassword: false };
};
