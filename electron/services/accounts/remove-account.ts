// Removes a saved account: its keychain entries (one, or two with a separate outgoing password) first, then its settings.
import { findAccount, outgoingSecretNameOf, saveAccounts, secretNameOf, withoutAccount } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';

/**
 * Deletes the keychain entry, then the settings entry; false when no such account is saved.
 * If the keychain cannot be reached nothing is removed, so no password is left behind
 * without an account that shows it.
 */
export async function removeAccount(context: AccountsContext, email: string): Promise<boolean> {
  await context.ready();
  return context.exclusive(async () => {
    const snapshot = context.settings.read();
    const account = findAccount(snapshot.accounts, email);
    if (account === undefined) return false;
    const secretName = secretNameOf(snapshot, account);
    const outgoingName = outgoingSecretNameOf(snapshot, account);
    if (outgoingName !== null) await context.secrets.delete(outgoingName);
    if (secretName !== null) await context.secrets.delete(secretName);
    saveAccounts(context.settings, snapshot, withoutAccount(snapshot.accounts, account.email));
    return true;
  });
}
