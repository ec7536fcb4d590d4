// Removes a saved account: its settings first, then its keychain entries (one, or two with a separate outgoing password); all or nothing.
import { findAccount, outgoingSecretNameOf, saveAccounts, secretNameOf, withoutAccount } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import { withOutcome } from './storage-error.ts';

/**
 * Removes the account from the settings, then deletes its keychain entries; false when no such
 * account is saved. The step that fails most (the file: a full disk, a read-only file, a rename
 * refused) comes first and changes nothing when it fails; should the keychain then refuse, the
 * account is written back. Until the entries are gone they are recorded as pending, so that a
 * process killed in between leaves no password behind: the next start deletes them.
 */
export async function removeAccount(context: AccountsContext, email: string): Promise<boolean> {
  await context.ready();
  return context.exclusive(async () => {
    const snapshot = context.settings.read();
    const account = findAccount(snapshot.accounts, email);
    if (account === undefined) return false;
    const unchanged = 'nothingRemoved' as const;
    context.settings.assertWritable(unchanged);
    const names = [outgoingSecretNameOf(snapshot, account), secretNameOf(snapshot, account)].filter((name) => name !== null);
    // What to put back should the keychain refuse half-way (a locked keychain refuses this first, before any change).
    const secrets = new Map<string, string | null>();
    for (const name of names) secrets.set(name, await context.secrets.get(name));
    try {
      for (const name of names) context.pending.add(name);
      saveAccounts(context.settings, snapshot, withoutAccount(snapshot.accounts, account.email));
    } catch (error) {
      forget(context, names);
      throw withOutcome(error, unchanged);
    }
    try {
      for (const name of names) await context.secrets.delete(name);
    } catch (error) {
      // The keychain refused (locked, gone): the account comes back, with its secrets.
      for (const [name, secret] of secrets) if (secret !== null) await context.secrets.set(name, secret).catch(() => undefined);
      if (snapshot.storeId !== null) context.settings.write({ storeId: snapshot.storeId, accounts: snapshot.accounts });
      forget(context, names);
      throw withOutcome(error, 'accountKept');
    }
    forget(context, names);
    return true;
  });
}

/** Drops the pending records; one left behind (the disk is full) only makes the next start look for secrets already gone. */
function forget(context: AccountsContext, names: readonly string[]): void {
  try {
    for (const name of names) context.pending.remove(name);
  } catch {
    // See above.
  }
}
