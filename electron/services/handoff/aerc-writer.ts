// aerc: one accounts.conf section; the password (or access token) comes from the keychain via source-cred-cmd/outgoing-cred-cmd.
import { exportNotes } from '../../../shared/messages/export-notes.ts';
import type { Security } from '../../../shared/server-settings.ts';
import { keychainLookupCommand } from './keychain-command.ts';
import { fileNameFor, type HandoffWriter, requireImap, requireOutgoing, urlHost } from './writer.ts';

/**
 * Incoming security → aerc's URL scheme (aerc-imap(5)): `imap` is STARTTLS, `imap+insecure`
 * none. With OAuth2, the XOAUTH2 variant (aerc offers it over TLS only).
 */
const imapScheme: Record<Security, string> = { tls: 'imaps', starttls: 'imap', none: 'imap+insecure' };

/**
 * Outgoing security → scheme and `smtp-starttls` for aerc 0.14 (aerc-smtp(5) of 0.14: `smtp` is
 * "Unencrypted SMTP" unless `smtp-starttls = true`). aerc 0.17 and later read `smtp` as STARTTLS
 * and ignore `smtp-starttls`, so the STARTTLS lines below mean the same there; only the
 * unencrypted case differs (0.17: `smtp+insecure`).
 */
const smtpScheme: Record<Security, { scheme: string; starttls: boolean }> = {
  tls: { scheme: 'smtps', starttls: false },
  starttls: { scheme: 'smtp', starttls: true },
  none: { scheme: 'smtp', starttls: false },
};

/** A URL's user part: every reserved character percent-encoded (`@` → `%40`), as aerc asks. */
const userPart = (username: string) => encodeURIComponent(username);

/**
 * A value aerc's INI reader (go-ini) takes literally: it cuts a plain value at the first `#` or
 * `;` (an inline comment) and strips surrounding quotes, so such values go inside backquotes
 * (or triple double quotes when the value holds a backquote).
 */
export function aercValue(value: string): string {
  if (!/[#;`"']|^\s|\s$/.test(value)) return value;
  return value.includes('`') ? `"""${value}"""` : `\`${value}\``;
}


/** `~/.config/aerc/accounts.conf` text for the account. */
export const writeAerc: HandoffWriter = (account, options) => {
  const incoming = requireImap(account, 'aerc');
  const outgoing = requireOutgoing(account, 'aerc');
  const oauth = account.authKind === 'oauth2';
  const incomingScheme = oauth ? 'imaps+xoauth2' : imapScheme[incoming.security];
  const smtp = smtpScheme[outgoing.security];
  const outgoingScheme = `${smtp.scheme}+${oauth ? 'xoauth2' : 'plain'}`;
  const credential = (item: typeof account.incomingSecret) => (oauth ? options.tokenCommand : keychainLookupCommand(item, options.platform));
  const lines = [
    `# aerc settings for ${account.email}, made by Mail Setup.`,
    '# Written for aerc 0.14, where "smtp://" without "smtp-starttls = true" means NO encryption.',
    '# aerc 0.17 and later read "smtp://" as STARTTLS and "smtp+insecure://" as unencrypted.',
    oauth
      ? '# The access token comes from `mail-setup token` when aerc starts (it lasts about an hour: restart aerc after that).'
      : '# The password comes from the system keychain when aerc starts; it is never stored in this file.',
    `[${account.email}]`,
    `source = ${incomingScheme}://${userPart(incoming.username)}@${urlHost(incoming.host)}:${incoming.port}`,
    `source-cred-cmd = ${aercValue(credential(account.incomingSecret))}`,
    `outgoing = ${outgoingScheme}://${userPart(outgoing.username)}@${urlHost(outgoing.host)}:${outgoing.port}`,
    `outgoing-cred-cmd = ${aercValue(credential(account.outgoingSecret))}`,
    ...(smtp.starttls ? ['smtp-starttls = true'] : []),
    `from = ${aercValue(account.displayName.trim() === '' ? account.email : `${account.displayName.replace(/[\r\n"<>]+/g, ' ').replace(/\s+/g, ' ').trim()} <${account.email}>`)}`,
    'copy-to = Sent',
    '',
  ];
  const notes: string[] = [exportNotes.aerc.save];
  if (!oauth && incoming.security === 'none') notes.push(exportNotes.aerc.incomingUnencrypted);
  if (outgoing.security === 'none') notes.push(exportNotes.aerc.outgoingUnencrypted);
  if (oauth && incoming.security !== 'tls') notes.push(exportNotes.aerc.oauthTls);
  return { text: lines.join('\n'), fileName: fileNameFor(account.email, '-aerc-accounts.conf'), mediaType: 'text/plain', notes, containsPassword: false };
};
