// Notes with a saved account that the app handed a copy of it to another program (GNOME, the phone, Apple Mail).
import type { HandoffCopy } from '../../../shared/handoff-view.ts';
import { findAccount, replaceAccount, saveAccounts } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import type { SettingsStore } from './settings-store.ts';

/** Adds `copy` to the account's copies (once); nothing when the account was removed meanwhile. Run it under the settings lock. */
export function addCopy(settings: SettingsStore, email: string, copy: HandoffCopy): void {
  const snapshot = settings.read();
  const account = findAccount(snapshot.accounts, email);
  if (account === undefined || account.copies?.includes(copy)) return;
  saveAccounts(settings, snapshot, replaceAccount(snapshot.accounts, { ...account, copies: [...(account.copies ?? []), copy] }));
}

/** {@link addCopy} through the accounts service's lock. */
export async function rememberCopy(context: AccountsContext, email: string, copy: HandoffCopy): Promise<void> {
  await context.ready();
  await context.exclusive(async () => addCopy(context.settings, email, copy));
}
