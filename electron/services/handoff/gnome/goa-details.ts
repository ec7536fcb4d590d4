// What GNOME Online Accounts' imap_smtp provider is told about a saved account: its details table and credentials.
import type { Security } from '../../../../shared/server-settings.ts';
import { bareHost } from '../../../../shared/server-settings.ts';
import type { HandoffAccount } from '../handoff-account.ts';
import type { IncludedSecrets } from '../writer.ts';
import { GnomeExportError } from './gnome-errors.ts';

/** The parts of a saved account GOA is told about (the secrets come apart, from the keychain). */
export type GoaAccountSource = Pick<HandoffAccount, 'email' | 'displayName' | 'protocol' | 'authKind' | 'incoming' | 'outgoing'>;

/** The passwords GOA keeps in its keyring item: the outgoing one is the incoming one where the account shares it. */
export type GoaPasswords = IncludedSecrets;

/** The provider GOA calls "IMAP and SMTP" (meson.build `imap_smtp`). */
export const goaProvider = 'imap_smtp';

/** `host:port` as GOA, Evolution and Geary parse it (g_network_address_parse): IPv6 literals in brackets. */
export function goaHostPort(host: string, port: number): string {
  const bare = bareHost(host);
  return `${bare.includes(':') ? `[${bare}]` : bare}:${port}`;
}

// GOA ≥ 3.54 treats "both false" as implicit TLS while Evolution and Geary read it as no encryption,
// so exactly one of the pair is true and an unencrypted server cannot be handed over honestly.
const tlsFlags: Record<Exclude<Security, 'none'>, { UseSsl: string; UseTls: string }> = {
  tls: { UseSsl: 'true', UseTls: 'false' },
  starttls: { UseSsl: 'false', UseTls: 'true' },
};

function flags(prefix: 'Imap' | 'Smtp', security: Security): Record<string, string> {
  if (security === 'none') throw new GnomeExportError('cannot-express', 'GNOME Online Accounts cannot keep an account whose server is not encrypted.');
  const pair = tlsFlags[security];
  return { [`${prefix}UseSsl`]: pair.UseSsl, [`${prefix}UseTls`]: pair.UseTls, [`${prefix}AcceptSslErrors`]: 'false' };
}

/** Refuses, with the reason, an account GOA's imap_smtp provider cannot hold. */
export function assertExpressible(account: GoaAccountSource): void {
  if (account.protocol === 'pop3') {
    throw new GnomeExportError('cannot-express', 'GNOME Online Accounts cannot keep a POP3 account: its mail provider speaks only IMAP.');
  }
  if (account.authKind === 'oauth2') {
    throw new GnomeExportError(
      'cannot-express',
      'GNOME Online Accounts cannot keep this account: it signs in through the browser (OAuth2). Add it in GNOME Settings › Online Accounts with its provider instead.',
    );
  }
}

/** The details pairs (all strings) GOA's own dialog writes for an IMAP/SMTP account. */
export function goaDetails(account: GoaAccountSource): Record<string, string> {
  assertExpressible(account);
  const details: Record<string, string> = {
    Enabled: 'true',
    EmailAddress: account.email,
    Name: account.displayName,
    ImapHost: goaHostPort(account.incoming.host, account.incoming.port),
    ImapUserName: account.incoming.username,
    ...flags('Imap', account.incoming.security),
  };
  const outgoing = account.outgoing;
  if (outgoing === null) return details;
  return {
    ...details,
    SmtpHost: goaHostPort(outgoing.host, outgoing.port),
    SmtpUseAuth: 'true',
    SmtpUserName: outgoing.username,
    // Mail Setup's checks sign in with PLAIN (or LOGIN where only that is offered); PLAIN is GOA's default too.
    SmtpAuthLogin: 'false',
    SmtpAuthPlain: 'true',
    ...flags('Smtp', outgoing.security),
  };
}

/** Credentials as GOA's keyring item keeps them: `imap-password`, and `smtp-password` where SMTP signs in. */
export function goaCredentials(account: GoaAccountSource, passwords: GoaPasswords): Record<string, string> {
  return account.outgoing !== null ? { 'imap-password': passwords.incoming, 'smtp-password': passwords.outgoing } : { 'imap-password': passwords.incoming };
}
