// The CLI's side of the copies kept with an account: `export --to gnome` notes GNOME's, `accounts set-password` updates it, `accounts remove` removes it on request.
import { dirname } from 'node:path';
import type { CopiesOutcome, HandoffCopy } from '../../shared/handoff-view.ts';
import { findAccount, noSavedAccount } from '../services/accounts/account-records.ts';
import type { AccountsService } from '../services/accounts/accounts-service.types.ts';
import type { SettingsStore } from '../services/accounts/settings-store.ts';
import { say } from './cli-language.ts';
import type { CliIo } from './cli-io.ts';

/** Notes in the settings file that GNOME Online Accounts now holds a copy (loaded only after a registration, so other exports start fast). */
export async function rememberGnomeCopy(env: NodeJS.ProcessEnv, email: string): Promise<void> {
  const [{ openConfSettingsStore }, { openDataDir }, { createStoreLock }, { addCopy }] = await Promise.all([
    import('../adapters/conf-settings-store.ts'),
    import('../services/accounts/data-dir.ts'),
    import('../services/accounts/store-lock.ts'),
    import('../services/accounts/remember-copy.ts'),
  ]);
  const settings = openConfSettingsStore(openDataDir(env));
  await createStoreLock(dirname(settings.path)).run(async () => addCopy(settings, email, 'gnome'));
}

/** After a new password passed: GNOME's copy gets it too; the copies out of reach are named on stderr. */
export async function updateCliCopies(io: CliIo, settings: SettingsStore, email: string, copies: readonly HandoffCopy[]): Promise<CopiesOutcome> {
  const [{ createDefaultExportService }, { createKeytarSecretStore }, { updateCopies }] = await Promise.all([
    import('../services/handoff/default-export-service.ts'),
    import('../adapters/keytar-secret-store.ts'),
    import('../services/handoff/handoff-calls.ts'),
  ]);
  const outcome = await updateCopies(createDefaultExportService(settings, createKeytarSecretStore()), email, copies);
  if (outcome.updated.includes('gnome')) io.stderr.write(`${say('copies.gnomeUpdated')}\n`);
  for (const failure of outcome.failed) io.stderr.write(`${say('copies.gnomeFailed', { message: failure.message })}\n`);
  for (const copy of outcome.unreachable) if (copy === 'thunderbird-mobile' || copy === 'apple') io.stderr.write(`${say(`copies.${copy}`)}\n`);
  return outcome;
}

/** What `accounts remove` did with GNOME Online Accounts' copy (its JSON `gnomeCopy`). */
export type GnomeCopyOnRemoval = 'removed' | 'kept' | 'none';

/**
 * Removes the account as the app's Remove does (handoff-calls.ts); GOA's copy only with
 * `alsoGnome`. A copy left behind is named on stderr, with how to remove it.
 */
export async function removeCliAccount(io: CliIo, accounts: Pick<AccountsService, 'list' | 'remove'>, email: string, alsoGnome: boolean): Promise<GnomeCopyOnRemoval> {
  // Looked up first: an address that is not saved leaves GOA alone too.
  const account = findAccount(await accounts.list(), email);
  if (account === undefined) throw noSavedAccount(email);
  const { removeAccountAndCopy } = await import('../services/handoff/handoff-calls.ts');
  // D-Bus is loaded only when GOA is to be asked.
  const removeGnomeCopy = async (address: string) => (await import('../services/handoff/gnome/gnome-export.ts')).gnomeRemoval()(address);
  const outcome = await removeAccountAndCopy((address) => accounts.remove(address), removeGnomeCopy, { email: account.email, removeGnomeCopy: alsoGnome });
  if (!outcome.removed) throw noSavedAccount(email);
  if (alsoGnome) return outcome.gnomeCopyRemoved ? 'removed' : 'none';
  if (!account.copies?.includes('gnome')) return 'none';
  io.stderr.write(`${say('accounts.gnomeCopyKept', { email: account.email })}\n`);
  return 'kept';
}
