// The SecretStore port: passwords and tokens in the OS keychain, and how an account names its entry.

/** The keytar service every Mail Setup secret is stored under (contracts.md). */
export const keychainService = 'mail-setup';

/**
 * The OS keychain, for one service. Implementations throw
 * `ServiceError('keychain-unavailable', …)` with a message that says what to do when the
 * keychain is missing, locked or refuses; they never fall back to storing anything elsewhere.
 */
export interface SecretStore {
  /** The secret of one keychain account, or null when there is none. */
  get(account: string): Promise<string | null>;
  /** Creates or replaces the secret of one keychain account. */
  set(account: string, secret: string): Promise<void>;
  /** Deletes one keychain account; false when there was none. */
  delete(account: string): Promise<boolean>;
  /** Whether one keychain account holds a secret. */
  has(account: string): Promise<boolean>;
  /**
   * Proves that the keychain answers and is unlocked, before a password is sent anywhere, using
   * no item another process could be using. (There is no `list`: keytar's findCredentials
   * crashes the process when another process deletes an item while it reads.)
   */
  check(): Promise<void>;
}

/*
 * Keychain account name: `<email in lower case>#<store id>`, e.g. `alice@example.test#3f9c0a1b2c4d`.
 *
 * Why the email: the app, the CLI and the IPC contract all name a saved account by its email,
 * and a person looking in Seahorse or Keychain Access recognises it.
 * Why the store id (a random id kept in the settings file): start-up reconciliation deletes
 * secrets that have no settings entry. Without the id, a second data folder
 * (MAIL_SETUP_DATA_DIR, a test run against the user's real keychain) or a settings file that
 * was set aside as corrupt would make it delete passwords that still belong to an account.
 * With it, reconciliation touches only this settings file's own entries, and a settings backup
 * restored by hand finds its passwords again.
 */
const separator = '#';
/** A store id: 12 lower-case hex digits (6 random bytes). */
export const storeIdPattern = /^[0-9a-f]{12}$/;

/** Which of an account's secrets: the incoming one (which also serves outgoing mail when shared), or a separate outgoing one. */
export type SecretRole = 'incoming' | 'outgoing';
// A separate outgoing password: `<email>#<store id>#outgoing`, beside the incoming `<email>#<store id>`.
const outgoingSuffix = `${separator}outgoing`;

/** The keychain account name of a saved account's incoming (or shared) secret, or of its separate outgoing one. */
export function keychainAccountName(storeId: string, email: string, role: SecretRole = 'incoming'): string {
  return `${email.toLowerCase()}${separator}${storeId}${role === 'outgoing' ? outgoingSuffix : ''}`;
}

/** Splits a keychain account name made by {@link keychainAccountName}; null for any other name. */
export function parseKeychainAccountName(name: string): { email: string; storeId: string; role: SecretRole } | null {
  const role: SecretRole = name.endsWith(outgoingSuffix) ? 'outgoing' : 'incoming';
  const base = role === 'outgoing' ? name.slice(0, -outgoingSuffix.length) : name;
  // An email's domain holds no '#', so the last one is the separator.
  const at = base.lastIndexOf(separator);
  if (at <= 0) return null;
  const storeId = base.slice(at + 1);
  if (!storeIdPattern.test(storeId)) return null;
  return { email: base.slice(0, at), storeId, role };
}
