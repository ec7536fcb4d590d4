// mbsync (isync): the IMAP account, its Maildir and the channel between them; the password comes from the keychain via PassCmd.
import { fillInEnglish } from '../../../shared/i18n/fill-in-english.ts';
import { exportNotes } from '../../../shared/messages/export-notes.ts';
import { bareHost, type Security } from '../../../shared/server-settings.ts';
import { keychainLookupCommand } from './keychain-command.ts';
import { doubleQuoted, fileNameFor, requireImap, type HandoffWriter } from './writer.ts';

/** Security mode → isync 1.4's `SSLType` value (1.5 calls the option `TLSType`, same values). */
const sslType: Record<Security, string> = { tls: 'IMAPS', starttls: 'STARTTLS', none: 'None' };

/** A name for mbsync's sections (no spaces or quotes). */
const sectionName = (email: string) => email.toLowerCase().replace(/[^a-z0-9@._-]/g, '-');

/** `~/.mbsyncrc` text syncing every folder of the account into `~/Mail/<address>/`. */
export const writeMbsync: HandoffWriter = (account, options) => {
  const server = requireImap(account, 'mbsync');
  const name = sectionName(account.email);
  const oauth = account.authKind === 'oauth2';
  const passCommand = oauth ? options.tokenCommand : keychainLookupCommand(account.incomingSecret, options.platform);
  const lines = [
    `# mbsync (isync) settings for ${account.email}, made by Mail Setup.`,
    '# Written for isync 1.4. isync 1.5 renamed "SSLType" to "TLSType" (same values) and warns that',
    '# SSLType is deprecated; with 1.5 or later, write "TLSType" instead. isync 1.3 and older do not',
    '# know "Far"/"Near" (they said "Master"/"Slave").',
    oauth ? '# The access token comes from `mail-setup token` at each sync.' : '# The password comes from the system keychain at each sync; it is never stored in this file.',
    `IMAPAccount ${name}`,
    `Host ${bareHost(server.host)}`,
    `Port ${server.port}`,
    `User ${doubleQuoted(server.username)}`,
    `PassCmd ${doubleQuoted(passCommand)}`,
    `SSLType ${sslType[server.security]}`,
    ...(oauth ? ['AuthMechs XOAUTH2'] : []),
    '',
    `IMAPStore ${name}-remote`,
    `Account ${name}`,
    '',
    `MaildirStore ${name}-local`,
    `Path ~/Mail/${name}/`,
    `Inbox ~/Mail/${name}/INBOX`,
    'SubFolders Verbatim',
    '',
    `Channel ${name}`,
    `Far :${name}-remote:`,
    `Near :${name}-local:`,
    'Patterns *',
    'Create Near',
    'SyncState *',
    '',
  ];
  const notes = [fillInEnglish(exportNotes.mbsync.save, { name })];
  if (oauth) notes.push(exportNotes.mbsync.xoauth2);
  return { text: lines.join('\n'), fileName: fileNameFor(account.email, '.mbsyncrc'), mediaType: 'text/plain', notes, containsPassword: false };
};
