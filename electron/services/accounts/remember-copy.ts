// Notes with a saved account that the app handed a copy of it to another program (GNOME, the phone, Apple Mail).
import type { HandoffCopy } from '../../../shared/handoff-view.ts';
import { findAccount, replaceAccount, saveAccounts } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';

/** Adds `copy` to the account's copies (once); nothing when the account was removed meanwhile. */
export async function rememberCopy(context: AccountsContext, email: string, copy: HandoffCopy): Promise<void> {
  await context.ready();
  await context.exclusive(async () => {
    const snapshot = context.settings.read();
    const account = findAccount(snapshot.accounts, email);
    if (account === undefined || account.copies?.includes(copy)) return;
    saveAccounts(context.settings, snapshot, replaceAccount(snapshot.accounts, { ...account, copies: [...(account.copies ?? []), copy] }));
  });
}
