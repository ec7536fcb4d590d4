// Reads one saved account from the settings file as the writers' input (no keychain, no network).
import { noSavedAccount, requireAccount } from '../accounts/account-records.ts';
import type { SettingsStore } from '../accounts/settings-store.ts';
import { toHandoffAccount, type HandoffAccount } from './handoff-account.ts';

/** The saved account with this email, or `ServiceError('not-found')`. */
export function loadHandoffAccount(settings: Pick<SettingsStore, 'read'>, email: string): HandoffAccount {
  const snapshot = settings.read();
  const account = requireAccount(snapshot, email);
  // A file with accounts always has a store id (it is written before the first secret).
  if (snapshot.storeId === null) throw noSavedAccount(email);
  return toHandoffAccount(account, snapshot.storeId);
}
