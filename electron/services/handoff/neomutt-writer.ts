// NeoMutt: a muttrc for the account; the password is read from the keychain by a backquoted command when NeoMutt starts.
import { exportNotes } from '../../../shared/messages/export-notes.ts';
import type { Security } from '../../../shared/server-settings.ts';
import type { HandoffServer } from './handoff-account.ts';
import { keychainLookupCommand } from './keychain-command.ts';
import { fileNameFor, type HandoffWriter, urlHost } from './writer.ts';

/** URL schemes by protocol and security; NeoMutt upgrades a plain URL with STARTTLS (`ssl_starttls`). */
const schemes: Record<'imap' | 'pop' | 'smtp', Record<Security, string>> = {
  imap: { tls: 'imaps', starttls: 'imap', none: 'imap' },
  pop: { tls: 'pops', starttls: 'pop', none: 'pop' },
  smtp: { tls: 'smtps', starttls: 'smtp', none: 'smtp' },
};

/** A muttrc string: double-quoted, with the characters NeoMutt would interpret (`\`, `"`, `` ` ``, `$`) escaped. */
export function muttValue(value: string): string {
  return `"${value.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

/** A muttrc string whose backquoted command NeoMutt runs when it reads the file, taking its output as the value. */
const commandOutput = (command: string) => `"\`${command.replace(/[\\"`$]/g, (c) => `\\${c}`)}\`"`;

const url = (scheme: string, server: HandoffServer, withUser: boolean) =>
  `${scheme}://${withUser ? `${encodeURIComponent(server.username)}@` : ''}${urlHost(server.host)}:${server.port}/`;

/** `~/.config/neomutt/neomuttrc` text for the account. */
export const writeNeomutt: HandoffWriter = (account, options) => {
  const oauth = account.authKind === 'oauth2';
  const incoming = account.incoming;
  const outgoing = account.outgoing;
  const prefix = account.protocol === 'pop3' ? 'pop' : 'imap';
  const secretLines = (kind: 'imap' | 'pop' | 'smtp', item: typeof account.incomingSecret) =>
    oauth
      ? [`set ${kind}_authenticators = "oauthbearer:xoauth2"`, `set ${kind}_oauth_refresh_command = ${muttValue(options.tokenCommand)}`]
      : [`set ${kind}_pass = ${commandOutput(keychainLookupCommand(item, options.platform))}`];
  const mailbox =
    prefix === 'imap'
      ? [`set folder = ${muttValue(url(schemes.imap[incoming.security], incoming, false))}`, 'set spoolfile = "+INBOX"', 'set record = "+Sent"', 'set postponed = "+Drafts"']
      : [`set spoolfile = ${muttValue(url(schemes.pop[incoming.security], incoming, false))}`];
  // One switch for every connection: required TLS unless a server was saved as unencrypted.
  const anyPlain = incoming.security === 'none' || outgoing?.security === 'none';
  const lines = [
    `# NeoMutt settings for ${account.email}, made by Mail Setup.`,
    oauth
      ? '# Access tokens come from `mail-setup token`, run by NeoMutt whenever it signs in.'
      : '# The password comes from the system keychain, through the backquoted command, each time NeoMutt starts;\n# it is never stored in this file (but ":set imap_pass" shows it while NeoMutt runs).',
    `set from = ${muttValue(account.email)}`,
    `set real_name = ${muttValue(account.displayName.replace(/[\r\n]+/g, ' ').trim())}`,
    `set ${prefix}_user = ${muttValue(incoming.username)}`,
    ...secretLines(prefix, account.incomingSecret),
    ...mailbox,
    ...(outgoing === null ? [] : [`set smtp_url = ${muttValue(url(schemes.smtp[outgoing.security], outgoing, true))}`, ...secretLines('smtp', account.outgoingSecret)]),
    `set ssl_force_tls = ${anyPlain ? 'no' : 'yes'}`,
    'set ssl_starttls = yes',
    '',
  ];
  const notes: string[] = [exportNotes.neomutt.save];
  if (outgoing === null) notes.push(exportNotes.neomutt.noOutgoing);
  if (anyPlain) notes.push(exportNotes.neomutt.unencrypted);
  return { text: lines.join('\n'), fileName: fileNameFor(account.email, '.neomuttrc'), mediaType: 'text/plain', notes, containsPassword: false };
};
