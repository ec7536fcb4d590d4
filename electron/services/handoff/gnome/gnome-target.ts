// The GNOME desktop target: registers a saved account with GNOME Online Accounts and proves GOA kept it.
import type { GnomeRegistration } from '../../../../shared/handoff-targets.ts';
import { ServiceError } from '../../service-error.ts';
import { openSessionBus, type GoaBus } from './goa-bus.ts';
import { findGoaAccount, goaAccounts, goaAvailability, goaPassword, putGoaAccount, removeGoaAccount, type GoaAccount } from './goa-client.ts';
import { assertExpressible, goaCredentials, goaDetails, type GoaAccountSource, type GoaPasswords } from './goa-details.ts';
import { GnomeExportError } from './gnome-errors.ts';

export type { GnomeRegistration } from '../../../../shared/handoff-targets.ts';

/** How to reach the session bus; tests and the app pass nothing (DBUS_SESSION_BUS_ADDRESS). */
export interface GnomeDeps {
  openBus?: () => Promise<GoaBus>;
}

async function withBus<T>(deps: GnomeDeps, use: (bus: GoaBus) => Promise<T>): Promise<T> {
  const bus = await (deps.openBus ?? openSessionBus)();
  try {
    return await use(bus);
  } catch (error) {
    // Our own errors (and the keychain's, from reading the passwords) already say what happened.
    if (error instanceof GnomeExportError || error instanceof ServiceError) throw error;
    // D-Bus error texts name GOA's own problem (a provider missing, a file unwritable), never our secret.
    const text = error instanceof Error && error.message ? `: ${error.message}` : '.';
    throw new GnomeExportError('failed', `GNOME Online Accounts refused the account${text}`);
  } finally {
    bus.close();
  }
}

async function requireAvailable(bus: GoaBus): Promise<void> {
  const availability = await goaAvailability(bus);
  if (!availability.available) throw new GnomeExportError('unavailable', availability.reason);
}

/** Whether the GNOME target can be offered here, and if not, why. */
export async function gnomeAvailability(deps: GnomeDeps = {}): Promise<{ available: true } | { available: false; reason: string }> {
  try {
    return await withBus(deps, goaAvailability);
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : 'GNOME Online Accounts is not reachable.' };
  }
}

// The Mail interface must show what was sent: GOA writes details verbatim, so a difference means it kept something else.
const compared: readonly (readonly [detail: string, property: string])[] = [
  ['ImapHost', 'ImapHost'],
  ['ImapUserName', 'ImapUserName'],
  ['ImapUseSsl', 'ImapUseSsl'],
  ['ImapUseTls', 'ImapUseTls'],
  ['SmtpHost', 'SmtpHost'],
  ['SmtpUserName', 'SmtpUserName'],
  ['SmtpUseSsl', 'SmtpUseSsl'],
  ['SmtpUseTls', 'SmtpUseTls'],
];

/** The first Mail property of a GOA account that differs from the details, or null when all match. */
function differingProperty(account: GoaAccount, details: Record<string, string>): string | null {
  if (!account.mail) return 'Mail';
  for (const [detail, property] of compared) {
    const sent = details[detail] ?? '';
    if (String(account.mail[property] ?? '') !== sent) return property;
  }
  return null;
}

async function verify(bus: GoaBus, path: string, details: Record<string, string>, credentials: Record<string, string>): Promise<GoaAccount> {
  const account = (await goaAccounts(bus)).find((candidate) => candidate.path === path);
  if (!account?.mail) throw new GnomeExportError('failed', 'GNOME Online Accounts added the account but does not offer it for mail.');
  const differing = differingProperty(account, details);
  if (differing !== null) throw new GnomeExportError('failed', `GNOME Online Accounts kept a different ${differing} than Mail Setup gave it.`);
  for (const [key, password] of Object.entries(credentials)) {
    // AddAccount succeeds even when the keyring write fails, so only GetPassword proves the password is there.
    const kept = await goaPassword(bus, path, key).catch(() => null);
    if (kept !== password) {
      throw new GnomeExportError('failed', 'GNOME Online Accounts could not keep the password: its keyring may be locked. Unlock it and try again.');
    }
  }
  return account;
}

/**
 * Registers the account with GOA's imap_smtp provider, updating GOA's existing account for the
 * address instead of adding a second one, then reads it back (Mail properties and both passwords).
 * A new GOA account that fails the read-back is removed again, so nothing half-made stays behind.
 * `passwords` is asked only once GOA is known to be available.
 */
export async function registerWithGnome(source: GoaAccountSource, passwords: () => Promise<GoaPasswords>, deps: GnomeDeps = {}): Promise<GnomeRegistration> {
  assertExpressible(source);
  const details = goaDetails(source);
  return withBus(deps, async (bus) => {
    await requireAvailable(bus);
    // Read from the keychain only once GOA is known to be there to take them.
    const credentials = goaCredentials(source, await passwords());
    const existing = await findGoaAccount(bus, source.email);
    // GOA refreshes an account's Mail properties only when it first exports them, so new passwords
    // are written in place, while changed servers replace the account (still one per address).
    const inPlace = existing !== null && differingProperty(existing, details) === null;
    if (existing !== null && !inPlace) await removeGoaAccount(bus, existing.path);
    const path = await putGoaAccount(bus, source.email, details, credentials, inPlace ? existing.id : null);
    let account: GoaAccount;
    try {
      account = await verify(bus, path, details, credentials);
    } catch (error) {
      if (!inPlace) await removeGoaAccount(bus, path).catch(() => undefined);
      throw error;
    }
    const mail = account.mail ?? {};
    const smtpHost = typeof mail['SmtpHost'] === 'string' && mail['SmtpHost'] !== '' ? mail['SmtpHost'] : null;
    return {
      email: source.email,
      accountId: account.id,
      objectPath: path,
      updated: existing !== null,
      imapHost: String(mail['ImapHost'] ?? ''),
      imapUserName: String(mail['ImapUserName'] ?? ''),
      smtpHost,
      smtpUserName: smtpHost === null ? null : String(mail['SmtpUserName'] ?? ''),
      passwordsVerified: true,
    };
  });
}

/** Removes GOA's IMAP/SMTP account for the address; false when GOA holds none. */
export async function removeFromGnome(email: string, deps: GnomeDeps = {}): Promise<boolean> {
  return withBus(deps, async (bus) => {
    await requireAvailable(bus);
    const existing = await findGoaAccount(bus, email);
    if (existing === null) return false;
    await removeGoaAccount(bus, existing.path);
    return true;
  });
}
