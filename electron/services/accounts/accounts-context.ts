// What every saved-accounts operation works with: the dependencies, the cross-process lock, pending secrets and start-up reconciliation.
import { dirname } from 'node:path';
import type { CheckInput } from '../check/check-input.ts';
import type { CheckRunner } from '../check/check-runner.ts';
import type { OAuthAccountDeps } from '../oauth/oauth-account-deps.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { createPendingSecrets, type PendingSecrets } from './pending-secrets.ts';
import type { SettingsStore } from './settings-store.ts';
import { StorageError } from './storage-error.ts';
import { createStoreLock, type StoreLock } from './store-lock.ts';

/** The dependencies of `createAccountsService`. */
export interface AccountsDeps {
  runner: CheckRunner;
  settings: SettingsStore;
  secrets: SecretStore;
  providerHint: (email: string, host?: string) => CheckInput['provider'];
  now: () => Date;
  /** OAuth2 sign-in and token refresh; without it, OAuth2 accounts can be neither added nor re-tested. */
  oauth?: OAuthAccountDeps | undefined;
  /** The lock of the settings file's folder; by default the one every Mail Setup process uses. */
  lock?: StoreLock | undefined;
}

/** The dependencies plus the coordination the operations share. */
export interface AccountsContext extends AccountsDeps {
  /**
   * Runs one operation's read-modify-write alone, across processes: the app, CLI commands and
   * the harness may share a data folder. Checks run outside it (they take seconds); what they
   * lead to is written inside it, after re-reading the settings. Every keychain read, write and
   * delete of a saved account's secret runs inside it too, except the first store of a new
   * account's secret, which a pending record covers instead (see add-account.ts).
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs a read under the lock where the folder can be locked; where it cannot (read-only, not
   * ours, full), without it, the settings store noting that the accounts are read-only for now.
   */
  reading<T>(work: () => Promise<T>): Promise<T>;
  /** Secrets being stored for accounts not saved yet; use only inside `exclusive`. */
  pending: PendingSecrets;
  /** Resolves once start-up reconciliation has run; a failed attempt is retried by the next call. */
  ready(): Promise<void>;
}

/** Builds the context; `reconcile` runs before the first operation and takes the lock itself where it needs it. */
export function createAccountsContext(deps: AccountsDeps, reconcile: (context: AccountsContext) => Promise<void>): AccountsContext {
  const dataDir = dirname(deps.settings.path);
  const lock = deps.lock ?? createStoreLock(dataDir);
  let reconciled: Promise<void> | undefined;
  const context: AccountsContext = {
    ...deps,
    pending: createPendingSecrets(dataDir, { now: deps.now }),
    exclusive: (work) => lock.run(work),
    async reading(work) {
      let locked = false;
      try {
        return await lock.run(() => {
          locked = true;
          return work();
        });
      } catch (error) {
        // Only a lock that could not be taken for the folder's sake is read past; the work's own errors stand.
        if (locked || !(error instanceof StorageError) || error.reason === 'other') throw error;
        deps.settings.noteReadOnly(error);
        return work();
      }
    },
    ready() {
      reconciled ??= reconcile(context).catch((error: unknown) => {
        reconciled = undefined;
        throw error;
      });
      return reconciled;
    },
  };
  return context;
}
