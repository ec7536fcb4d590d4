// msmtp: one `account` section for the outgoing server; the password comes from the keychain via passwordeval.
import { exportNotes } from '../../../shared/messages/export-notes.ts';
import { keychainLookupCommand } from './keychain-command.ts';
import { bareHost, type Security } from '../../../shared/server-settings.ts';
import { doubleQuoted, fileNameFor, requireOutgoing, type HandoffWriter } from './writer.ts';

/** Security mode → msmtp's two switches (msmtp(1): `tls_starttls off` means TLS from the first byte). */
const tlsLines: Record<Security, string[]> = {
  tls: ['tls on', 'tls_starttls off'],
  starttls: ['tls on', 'tls_starttls on'],
  none: ['tls off'],
};

/** `~/.config/msmtp/config` text for the account's outgoing server. */
export const writeMsmtp: HandoffWriter = (account, options) => {
  const server = requireOutgoing(account, 'msmtp');
  const oauth = account.authKind === 'oauth2';
  const secretCommand = oauth ? options.tokenCommand : keychainLookupCommand(account.outgoingSecret, options.platform);
  const lines = [
    `# msmtp settings for ${account.email}, made by Mail Setup.`,
    oauth
      ? '# The access token comes from `mail-setup token` each time msmtp sends (it is never stored in this file).'
      : '# The password comes from the system keychain each time msmtp sends (it is never stored in this file).',
    `account ${account.email}`,
    `host ${bareHost(server.host)}`,
    `port ${server.port}`,
    ...tlsLines[server.security],
    `auth ${oauth ? 'xoauth2' : 'on'}`,
    `user ${doubleQuoted(server.username)}`,
    `from ${doubleQuoted(account.email)}`,
    `passwordeval ${doubleQuoted(secretCommand)}`,
    '',
    `account default : ${account.email}`,
    '',
  ];
  const notes: string[] = [exportNotes.msmtp.save];
  if (server.security === 'none') notes.push(exportNotes.msmtp.unencrypted);
  return { text: lines.join('\n'), fileName: fileNameFor(account.email, '.msmtprc'), mediaType: 'text/plain', notes, containsPassword: false };
};
