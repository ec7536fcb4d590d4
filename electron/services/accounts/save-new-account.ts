// Saves a new account with its secret so that no process and no crash leaves one without the other for good.
import { keychainAccountName } from '../secrets/secret-store.ts';
import { ServiceError } from '../service-error.ts';
import { ensureStoreId, findDuplicate } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import type { StoredAccount } from './settings-schema.ts';

/** What became of the save: the account as saved, or the saved account it would duplicate. */
export type SaveOutcome = { saved: StoredAccount; secretName: string } | { duplicateOf: string };

/**
 * Saves the new `account` with `secret` (a password, or an OAuth2 refresh token: `secretLabel`
 * says which, for the error message) in three steps:
 * 1. under the lock: refuse a duplicate, and record the keychain name as pending;
 * 2. store the secret, outside the lock (a keychain unlock prompt may take a while);
 * 3. under the lock: write the settings, then (not before) drop the pending record.
 * Reconciliation in another process leaves a pending secret alone while its process runs; if
 * this process dies between 1 and 3, the next start deletes the secret. If the record is gone
 * by step 3 anyway (this process stalled for longer than the grace period), the secret is
 * stored again. A failed settings write deletes the secret again.
 */
export async function saveNewAccount(context: AccountsContext, account: StoredAccount, secret: string, secretLabel: string): Promise<SaveOutcome> {
  const reserved = await context.exclusive(async (): Promise<{ duplicateOf: string } | { name: string }> => {
    const snapshot = context.settings.read();
    const duplicate = findDuplicate(snapshot.accounts, account);
    if (duplicate !== undefined) return { duplicateOf: duplicate.email };
    const name = keychainAccountName(ensureStoreId(context.settings, snapshot), account.email);
    // Another process (or operation) is adding the same address right now.
    if (!context.pending.add(name)) return { duplicateOf: account.email };
    return { name };
  });
  if ('duplicateOf' in reserved) return { duplicateOf: reserved.duplicateOf };
  const { name } = reserved;

  try {
    await context.secrets.set(name, secret);
  } catch (error) {
    await context.exclusive(async () => context.pending.remove(name)).catch(() => false);
    throw error;
  }

  return context.exclusive(async () => {
    const snapshot = context.settings.read();
    const stillPending = context.pending.holds(name);
    const duplicate = findDuplicate(snapshot.accounts, account);
    if (duplicate !== undefined) {
      // Saved meanwhile with the same username on the same server, under another address.
      await context.secrets.delete(name).catch(() => false);
      context.pending.remove(name);
      return { duplicateOf: duplicate.email };
    }
    const storeId = ensureStoreId(context.settings, snapshot);
    const secretName = keychainAccountName(storeId, account.email);
    // A new store id: the settings file was set aside meanwhile. Not pending: reconciliation took the record as abandoned.
    if (secretName !== name || !stillPending) await context.secrets.set(secretName, secret);
    if (secretName !== name) await context.secrets.delete(name).catch(() => false);
    try {
      context.settings.write({ storeId, accounts: [...snapshot.accounts, account] });
    } catch (error) {
      await context.secrets.delete(secretName).catch(() => false);
      context.pending.remove(name);
      const why = error instanceof Error ? error.message : 'the settings could not be written';
      throw new ServiceError('internal', `${why} The account was not saved, and its ${secretLabel} was removed from the keychain again.`);
    }
    // Only now: until the settings name the account, the record is what keeps its secret from being an orphan forever.
    context.pending.remove(name);
    return { saved: account, secretName };
  });
}
