// Helpers over the saved-account records: look-up, duplicates, store ids, keychain names and summaries.
import { randomBytes } from 'node:crypto';
import type { AccountStatus, AccountSummary, OutgoingSummary } from '../../../shared/account-summary.ts';
import type { ServerSettings } from '../../../shared/server-settings.ts';
import { keychainAccountName, type SecretStore } from '../secrets/secret-store.ts';
import { serviceWords } from '../../../shared/messages/service-messages.ts';
import { ServiceError } from '../service-error.ts';
import type { StoredAccount } from './settings-schema.ts';
import type { SettingsSnapshot, SettingsStore } from './settings-store.ts';

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The saved account with this email (compared without regard to case), if any. */
export function findAccount<T extends { email: string }>(accounts: readonly T[], email: string): T | undefined {
  return accounts.find((account) => sameText(account.email, email.trim()));
}

/** The not-found error that names the address (English in `message`, by id in `words`). */
export function noSavedAccount(email: string): ServiceError {
  const { message, words } = serviceWords({ id: 'serviceTexts.noSavedAccount', values: { email: email.trim() } });
  return new ServiceError('not-found', message, words);
}

/** The saved account or a not-found error that names it. */
export function requireAccount(snapshot: SettingsSnapshot, email: string): StoredAccount {
  const account = findAccount(snapshot.accounts, email);
  if (account === undefined) throw noSavedAccount(email);
  return account;
}

/**
 * The saved account these settings would duplicate: the same email, or the same username on
 * the same server (host and port). Usernames are compared without case, as most servers do.
 */
export function findDuplicate(accounts: readonly StoredAccount[], settings: ServerSettings): StoredAccount | undefined {
  return accounts.find(
    (account) =>
      sameText(account.email, settings.email) ||
      (sameText(account.username, settings.username) && sameText(account.host, settings.host) && account.port === settings.port),
  );
}

/** A new random id for a settings file (see secret-store.ts for why secrets carry it). */
function newStoreId(): string {
  return randomBytes(6).toString('hex');
}

/** Writes the accounts, giving the file a store id if it has none yet (a file from before store ids). */
export function saveAccounts(settings: SettingsStore, snapshot: SettingsSnapshot, accounts: StoredAccount[]): void {
  settings.write({ storeId: snapshot.storeId ?? newStoreId(), accounts });
}

/**
 * The file's store id, first saving a new one (with the accounts unchanged) when it has none:
 * the id must be on disk before any secret carries it, so reconciliation can find leftovers.
 */
export function ensureStoreId(settings: SettingsStore, snapshot: SettingsSnapshot): string {
  if (snapshot.storeId !== null) return snapshot.storeId;
  const storeId = newStoreId();
  settings.write({ storeId, accounts: snapshot.accounts });
  return storeId;
}

/** The keychain account name of a saved account, or null while the file has no store id. */
export function secretNameOf(snapshot: Pick<SettingsSnapshot, 'storeId'>, account: StoredAccount): string | null {
  return snapshot.storeId === null ? null : keychainAccountName(snapshot.storeId, account.email);
}

/** The keychain name of the account's separate outgoing password; null when it has none (no outgoing server, or one password for both). */
export function outgoingSecretNameOf(snapshot: Pick<SettingsSnapshot, 'storeId'>, account: StoredAccount): string | null {
  if (snapshot.storeId === null || account.outgoing === null || account.outgoing.sharedPassword) return null;
  return keychainAccountName(snapshot.storeId, account.email, 'outgoing');
}

/** Which of an account's secrets the keychain holds. */
export interface SecretPresence {
  incoming: boolean;
  /** The outgoing server's: the incoming one when shared. */
  outgoing: boolean;
}

/** Whether the keychain holds a secret for a saved account; call it inside `exclusive` (a remove may be under way). */
export async function hasStoredSecret(secrets: SecretStore, snapshot: Pick<SettingsSnapshot, 'storeId'>, account: StoredAccount): Promise<boolean> {
  const name = secretNameOf(snapshot, account);
  return name !== null && (await secrets.has(name));
}

/** Which of the account's secrets are there; inside `exclusive`, like {@link hasStoredSecret}. */
export async function storedSecrets(secrets: SecretStore, snapshot: Pick<SettingsSnapshot, 'storeId'>, account: StoredAccount): Promise<SecretPresence> {
  const incoming = await hasStoredSecret(secrets, snapshot, account);
  const outgoingName = outgoingSecretNameOf(snapshot, account);
  return { incoming, outgoing: outgoingName === null ? incoming : await secrets.has(outgoingName) };
}

/** The same list with `account` in place of the entry with its email. */
export function replaceAccount(accounts: readonly StoredAccount[], account: StoredAccount): StoredAccount[] {
  return accounts.map((entry) => (sameText(entry.email, account.email) ? account : entry));
}

/** The same list without the entry with this email. */
export function withoutAccount(accounts: readonly StoredAccount[], email: string): StoredAccount[] {
  return accounts.filter((entry) => !sameText(entry.email, email));
}

// Failures a new password (or sign-in) fixes, as opposed to a server or network problem.
const credentialFailures = new Set(['wrong-credentials', 'password-expired', 'app-password-required']);

/** What the account list shows for one server: derived from its last check and whether its secret is stored. */
export function deriveStatus(account: Pick<StoredAccount, 'authKind' | 'lastCheckedAt' | 'lastFailureCategory'>, hasSecret: boolean): AccountStatus {
  const fixedBySignIn: AccountStatus = account.authKind === 'oauth2' ? 'needs-sign-in' : 'needs-password';
  if (!hasSecret) return fixedBySignIn;
  if (account.lastCheckedAt === null) return 'never-tested';
  if (account.lastFailureCategory === null) return 'ok';
  if (credentialFailures.has(account.lastFailureCategory)) return fixedBySignIn;
  if (account.authKind === 'oauth2' && account.lastFailureCategory === 'oauth-required') return 'needs-sign-in';
  return 'failing';
}

function outgoingSummary(account: StoredAccount, hasSecret: boolean): OutgoingSummary | null {
  const outgoing = account.outgoing;
  if (outgoing === null) return null;
  return {
    host: outgoing.host,
    port: outgoing.port,
    security: outgoing.security,
    username: outgoing.username,
    sharedPassword: outgoing.sharedPassword,
    hasPassword: hasSecret,
    status: deriveStatus({ authKind: account.authKind, lastCheckedAt: outgoing.lastCheckedAt, lastFailureCategory: outgoing.lastFailureCategory }, hasSecret),
    lastFailureCategory: outgoing.lastFailureCategory,
  };
}

/**
 * The account as the renderer and the CLI see it: settings and status of each server, never a
 * secret. `secrets`: which are stored (a boolean: all of them, or none).
 */
export function toSummary(account: StoredAccount, secrets: boolean | SecretPresence): AccountSummary {
  const presence = typeof secrets === 'boolean' ? { incoming: secrets, outgoing: secrets } : secrets;
  const hasSecret = presence.incoming;
  return {
    email: account.email,
    displayName: account.displayName,
    host: account.host,
    port: account.port,
    security: account.security,
    username: account.username,
    protocol: account.protocol,
    authKind: account.authKind,
    allowInsecure: account.allowInsecure,
    hasPassword: hasSecret,
    status: deriveStatus(account, hasSecret),
    lastCheckedAt: account.lastCheckedAt,
    lastFailureCategory: account.lastFailureCategory,
    trustedCertificates: account.trustedCertificates.map((pin) => ({ ...pin })),
    outgoing: outgoingSummary(account, presence.outgoing),
    ...(account.copies?.length ? { copies: [...account.copies] } : {}),
  };
}
