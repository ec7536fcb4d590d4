// Apple Mail (macOS, iOS, iPadOS): a configuration profile with one `com.apple.mail.managed` payload.
import { exportNotes } from '../../../shared/messages/export-notes.ts';
import { build } from 'plist';
import { toAsciiEmail } from '../../../shared/email-address.ts';
import { bareHost } from '../../../shared/server-settings.ts';
import type { HandoffAccount } from './handoff-account.ts';
import { uuidV5 } from './stable-uuid.ts';
import { fileNameFor, requireOutgoing, unexpressible, type HandoffWriter } from './writer.ts';

/** The reverse-DNS prefix of every identifier (the app's bundle id, forge.config.ts). */
const identifierPrefix = 'org.mailsetup.MailSetup.mail';

/** Incoming protocol → `EmailAccountType`. */
const accountType: Record<HandoffAccount['protocol'], string> = { imap: 'EmailTypeIMAP', pop3: 'EmailTypePOP' };

/**
 * The identifiers of one account's profile, the same on every export: installing the profile
 * again replaces the earlier one instead of adding a second account.
 */
export function profileIdentifiers(email: string): { profileId: string; profileUuid: string; payloadId: string; payloadUuid: string } {
  const key = toAsciiEmail(email).toLowerCase();
  const profileUuid = uuidV5(`profile:${key}`);
  return { profileId: `${identifierPrefix}.${profileUuid}`, profileUuid, payloadId: `${identifierPrefix}.${profileUuid}.account`, payloadUuid: uuidV5(`mail:${key}`) };
}

/** The `.mobileconfig` text (an XML property list, unsigned). */
export const writeApple: HandoffWriter = (account, options) => {
  if (account.authKind === 'oauth2') {
    throw unexpressible(
      `${account.email} signs in with OAuth2, which Apple's mail profile cannot express: Apple Mail signs in to Google and Microsoft itself (System Settings › Internet Accounts on a Mac, Settings › Mail › Accounts on an iPhone).`,
    );
  }
  const outgoing = requireOutgoing(account, 'Apple Mail');
  const ids = profileIdentifiers(account.email);
  const secrets = options.secrets;
  const shared = account.outgoingSecret.account === account.incomingSecret.account;
  const mail = {
    PayloadType: 'com.apple.mail.managed',
    PayloadVersion: 1,
    PayloadIdentifier: ids.payloadId,
    PayloadUUID: ids.payloadUuid,
    PayloadDisplayName: account.email,
    EmailAccountDescription: account.email,
    ...(account.displayName.trim() === '' ? {} : { EmailAccountName: account.displayName.trim() }),
    EmailAccountType: accountType[account.protocol],
    EmailAddress: toAsciiEmail(account.email),
    IncomingMailServerHostName: bareHost(account.incoming.host),
    IncomingMailServerPortNumber: account.incoming.port,
    // The schema's one TLS switch, for implicit TLS and STARTTLS alike (it cannot say which).
    IncomingMailServerUseSSL: account.incoming.security !== 'none',
    IncomingMailServerAuthentication: 'EmailAuthPassword',
    IncomingMailServerUsername: account.incoming.username,
    OutgoingMailServerHostName: bareHost(outgoing.host),
    OutgoingMailServerPortNumber: outgoing.port,
    OutgoingMailServerUseSSL: outgoing.security !== 'none',
    OutgoingMailServerAuthentication: 'EmailAuthPassword',
    OutgoingMailServerUsername: outgoing.username,
    // Without a password, the system asks once during installation for both servers when they share one.
    ...(secrets ? { IncomingPassword: secrets.incoming, OutgoingPassword: secrets.outgoing } : { OutgoingPasswordSameAsIncomingPassword: shared }),
  };
  const profile = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: ids.profileId,
    PayloadUUID: ids.profileUuid,
    PayloadDisplayName: `Mail: ${account.email}`,
    PayloadDescription: `The mail account ${account.email}, as set up and tested by Mail Setup.`,
    PayloadOrganization: 'Mail Setup',
    // Installed for the user who opens it (a Mac otherwise may offer the whole device).
    PayloadScope: 'User',
    PayloadContent: [mail],
  };
  const notes: string[] = [exportNotes.apple.unsigned, exportNotes.apple.install];
  notes.push(secrets ? exportNotes.apple.passwordInside : exportNotes.apple.passwordAsked);
  return { text: build(profile), fileName: fileNameFor(account.email, '.mobileconfig'), mediaType: 'application/x-apple-aspen-config', notes, containsPassword: secrets !== undefined };
};
