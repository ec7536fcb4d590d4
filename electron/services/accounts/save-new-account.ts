// Saves a new account with its secrets so that no process and no crash leaves one without the other for good.
import { keychainAccountName, type SecretRole } from '../secrets/secret-store.ts';
import { ensureStoreId, findDuplicate } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import type { StoredAccount } from './settings-schema.ts';
import { withOutcome } from './storage-error.ts';

/** What became of the save: the account as saved (and its incoming secret's name), or the saved account it would duplicate. */
export type SaveOutcome = { saved: StoredAccount; secretName: string } | { duplicateOf: string };

/** The secrets of a new account: the incoming one (serving outgoing mail too unless `outgoing` is given). */
export type NewSecrets = { incoming: string; outgoing?: string | undefined };

const rolesOf = (secrets: NewSecrets): SecretRole[] => (secrets.outgoing === undefined ? ['incoming'] : ['incoming', 'outgoing']);
const secretFor = (secrets: NewSecrets, role: SecretRole): string => (role === 'outgoing' ? (secrets.outgoing ?? secrets.incoming) : secrets.incoming);

/**
 * Saves the new `account` with its secret(s) (a password, or an OAuth2 refresh token:
 * `secretLabel` says which, for the error message) in three steps:
 * 1. under the lock: refuse a duplicate, and record the keychain names as pending;
 * 2. store the secrets, outside the lock (a keychain unlock prompt may take a while);
 * 3. under the lock: write the settings, then (not before) drop the pending records.
 * Reconciliation in another process leaves a pending secret alone while its process runs; if
 * this process dies between 1 and 3, the next start deletes the secrets. If a record is gone
 * by step 3 anyway (this process stalled for longer than the grace period), the secret is
 * stored again. A failed settings write deletes the secrets again.
 */
export async function saveNewAccount(context: AccountsContext, account: StoredAccount, secrets: NewSecrets, secretLabel: 'password' | 'sign-in'): Promise<SaveOutcome> {
  const roles = rolesOf(secrets);
  const reserved = await context.exclusive(async (): Promise<{ duplicateOf: string } | { names: string[] }> => {
    const snapshot = context.settings.read();
    const duplicate = findDuplicate(snapshot.accounts, account);
    if (duplicate !== undefined) return { duplicateOf: duplicate.email };
    const storeId = ensureStoreId(context.settings, snapshot);
    const names = roles.map((role) => keychainAccountName(storeId, account.email, role));
    // Another process (or operation) is adding the same address right now.
    if (!context.pending.add(names[0] ?? '')) return { duplicateOf: account.email };
    for (const name of names.slice(1)) context.pending.add(name);
    return { names };
  });
  if ('duplicateOf' in reserved) return { duplicateOf: reserved.duplicateOf };
  const { names } = reserved;
  const forgetAll = () => {
    for (const name of names) context.pending.remove(name);
  };

  try {
    for (const [index, role] of roles.entries()) await context.secrets.set(names[index] ?? '', secretFor(secrets, role));
  } catch (error) {
    await context.exclusive(async () => {
      for (const name of names) await context.secrets.delete(name).catch(() => false);
      forgetAll();
    }).catch(() => undefined);
    throw error;
  }

  return context.exclusive(async () => {
    const snapshot = context.settings.read();
    const duplicate = findDuplicate(snapshot.accounts, account);
    if (duplicate !== undefined) {
      // Saved meanwhile with the same username on the same server, under another address.
      for (const name of names) await context.secrets.delete(name).catch(() => false);
      forgetAll();
      return { duplicateOf: duplicate.email };
    }
    let finalNames = names;
    try {
      const storeId = ensureStoreId(context.settings, snapshot);
      finalNames = roles.map((role) => keychainAccountName(storeId, account.email, role));
      for (const [index, role] of roles.entries()) {
        const name = names[index] ?? '';
        const finalName = finalNames[index] ?? '';
        // A new store id: the settings file was set aside meanwhile. Not pending: reconciliation took the record as abandoned.
        if (finalName !== name || !context.pending.holds(name)) await context.secrets.set(finalName, secretFor(secrets, role));
        if (finalName !== name) await context.secrets.delete(name).catch(() => false);
      }
      context.settings.write({ storeId, accounts: [...snapshot.accounts, account] });
    } catch (error) {
      for (const name of new Set([...names, ...finalNames])) await context.secrets.delete(name).catch(() => false);
      // A record left behind (the disk is full) only makes the next start look for secrets already gone.
      try {
        forgetAll();
      } catch {
        // See above.
      }
      throw withOutcome(error, secretLabel === 'password' ? 'notSavedPassword' : 'notSavedSignIn');
    }
    // Only now: until the settings name the account, the records are what keep its secrets from being orphans forever.
    forgetAll();
    return { saved: account, secretName: finalNames[0] ?? '' };
  });
}
