// GNOME Online Accounts' public D-Bus API as Mail Setup uses it: is the provider there, find, add or update, read back, remove.
import { dbusErrorName, goaManagerPath, goaName, goaRootPath, type GoaBus } from './goa-bus.ts';
import { goaProvider } from './goa-details.ts';
import { GnomeExportError } from './gnome-errors.ts';

const accountInterface = 'org.gnome.OnlineAccounts.Account';
const mailInterface = 'org.gnome.OnlineAccounts.Mail';
const passwordInterface = 'org.gnome.OnlineAccounts.PasswordBased';

/** A GOA account as GetManagedObjects shows it: its object path, id, identity and Mail properties. */
export interface GoaAccount {
  path: string;
  id: string;
  providerType: string;
  identity: string;
  /** The Mail interface's properties; null where GOA exports none (the account is disabled for mail). */
  mail: Record<string, string | boolean> | null;
}

type Variants = Record<string, { value: unknown } | undefined>;

function plain(properties: Variants | undefined): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [key, variant] of Object.entries(properties ?? {})) {
    const value = variant?.value;
    if (typeof value === 'string' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

/** Whether GOA is on the bus (running or activatable) and has the IMAP/SMTP provider enabled; else why not. */
export async function goaAvailability(bus: GoaBus): Promise<{ available: true } | { available: false; reason: string }> {
  const dbus = { destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', interface: 'org.freedesktop.DBus' };
  const [running] = await bus.call({ ...dbus, member: 'ListNames' });
  const [activatable] = await bus.call({ ...dbus, member: 'ListActivatableNames' });
  const names = [...((running as string[] | undefined) ?? []), ...((activatable as string[] | undefined) ?? [])];
  if (!names.includes(goaName)) return { available: false, reason: 'GNOME Online Accounts is not installed or not running in this session.' };
  try {
    const [supported] = await bus.call({
      destination: goaName,
      path: goaManagerPath,
      interface: 'org.gnome.OnlineAccounts.Manager',
      member: 'IsSupportedProvider',
      signature: 's',
      body: [goaProvider],
    });
    if (supported === true) return { available: true };
  } catch (error) {
    // GOA before 3.36 has no IsSupportedProvider; every Debian and Fedora release since has it.
    if (dbusErrorName(error) !== 'org.freedesktop.DBus.Error.UnknownMethod') throw error;
  }
  return { available: false, reason: 'GNOME Online Accounts here has its IMAP and SMTP provider switched off.' };
}

/** Every account GOA holds, read from its ObjectManager. */
export async function goaAccounts(bus: GoaBus): Promise<GoaAccount[]> {
  const [objects] = await bus.call({
    destination: goaName,
    path: goaRootPath,
    interface: 'org.freedesktop.DBus.ObjectManager',
    member: 'GetManagedObjects',
  });
  const accounts: GoaAccount[] = [];
  for (const [path, interfaces] of Object.entries((objects ?? {}) as Record<string, Record<string, Variants>>)) {
    const account = interfaces[accountInterface];
    if (account === undefined) continue;
    const fields = plain(account);
    accounts.push({
      path,
      id: String(fields['Id'] ?? ''),
      providerType: String(fields['ProviderType'] ?? ''),
      identity: String(fields['Identity'] ?? ''),
      mail: interfaces[mailInterface] ? plain(interfaces[mailInterface]) : null,
    });
  }
  return accounts;
}

/** GOA's IMAP/SMTP account for this address, if there is one (GOA itself never checks for duplicates). */
export async function findGoaAccount(bus: GoaBus, email: string): Promise<GoaAccount | null> {
  const wanted = email.toLowerCase();
  const matches = (await goaAccounts(bus)).filter(
    (account) => account.providerType === goaProvider && (account.identity.toLowerCase() === wanted || String(account.mail?.['EmailAddress'] ?? '').toLowerCase() === wanted),
  );
  return matches[0] ?? null;
}

/**
 * Adds the account, or rewrites the one with `existingId` in place: AddAccount with details `Id`
 * writes the same accounts.conf group and keyring item again, so the object path stays the same.
 */
export async function putGoaAccount(
  bus: GoaBus,
  email: string,
  details: Record<string, string>,
  credentials: Record<string, string>,
  existingId: string | null,
): Promise<string> {
  const variants = Object.fromEntries(Object.entries(credentials).map(([key, value]) => [key, bus.stringVariant(value)]));
  const [path] = await bus.call({
    destination: goaName,
    path: goaManagerPath,
    interface: 'org.gnome.OnlineAccounts.Manager',
    member: 'AddAccount',
    signature: 'sssa{sv}a{ss}',
    body: [goaProvider, email, email, variants, existingId === null ? details : { ...details, Id: existingId }],
  });
  if (typeof path !== 'string') throw new GnomeExportError('failed', 'GNOME Online Accounts did not say where it keeps the account.');
  return path;
}

/** A password GOA holds for the account (`imap-password`, `smtp-password`); GOA answers from the keyring. */
export async function goaPassword(bus: GoaBus, path: string, key: string): Promise<string> {
  const [password] = await bus.call({ destination: goaName, path, interface: passwordInterface, member: 'GetPassword', signature: 's', body: [key] });
  return typeof password === 'string' ? password : '';
}

/** Removes a GOA account (its accounts.conf group and keyring item). */
export async function removeGoaAccount(bus: GoaBus, path: string): Promise<void> {
  await bus.call({ destination: goaName, path, interface: accountInterface, member: 'Remove' });
}
