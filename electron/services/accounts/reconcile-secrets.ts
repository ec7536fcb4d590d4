// Start-up reconciliation: removes keychain entries that an interrupted add left without settings.
import { parseKeychainAccountName } from '../secrets/secret-store.ts';
import { findAccount } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';

/**
 * Deletes this settings file's keychain entries that no saved account owns (an add that
 * stopped between writing the secret and writing the settings). Entries of other store ids
 * (another data folder, a settings file set aside) are left alone. The opposite leftover, a
 * settings entry without its secret, needs no repair: it shows as `needs-password`.
 */
export async function reconcileSecrets(context: AccountsContext): Promise<string[]> {
  const snapshot = context.settings.read();
  // Listed even with nothing to reconcile: it proves the keychain answers before any check sends a password.
  const names = await context.secrets.list();
  if (snapshot.storeId === null) return [];
  const orphans = names.filter((name) => {
    const parsed = parseKeychainAccountName(name);
    return parsed !== null && parsed.storeId === snapshot.storeId && findAccount(snapshot.accounts, parsed.email) === undefined;
  });
  for (const name of orphans) await context.secrets.delete(name);
  return orphans;
}
