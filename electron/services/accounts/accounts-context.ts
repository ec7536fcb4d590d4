// What every saved-accounts operation works with: the dependencies, a write lock and start-up reconciliation.
import type { CheckInput } from '../check/check-input.ts';
import type { CheckRunner } from '../check/check-runner.ts';
import type { OAuthAccountDeps } from '../oauth/oauth-account-deps.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import type { SettingsStore } from './settings-store.ts';

/** The dependencies of `createAccountsService`. */
export interface AccountsDeps {
  runner: CheckRunner;
  settings: SettingsStore;
  secrets: SecretStore;
  providerHint: (email: string, host?: string) => CheckInput['provider'];
  now: () => Date;
  /** OAuth2 sign-in and token refresh; without it, OAuth2 accounts can be neither added nor re-tested. */
  oauth?: OAuthAccountDeps | undefined;
}

/** The dependencies plus the coordination the operations share. */
export interface AccountsContext extends AccountsDeps {
  /**
   * Runs one operation's read-modify-write alone. Checks run outside it (they take seconds);
   * what they lead to is written inside it, after re-reading the settings.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once start-up reconciliation has run; a failed attempt is retried by the next call. */
  ready(): Promise<void>;
}

/** Builds the context; `reconcile` runs before the first operation. */
export function createAccountsContext(deps: AccountsDeps, reconcile: (context: AccountsContext) => Promise<void>): AccountsContext {
  let queue: Promise<unknown> = Promise.resolve();
  let reconciled: Promise<void> | undefined;
  const context: AccountsContext = {
    ...deps,
    exclusive(work) {
      const result = queue.then(work);
      queue = result.catch(() => undefined);
      return result;
    },
    ready() {
      reconciled ??= context.exclusive(() => reconcile(context)).catch((error: unknown) => {
        reconciled = undefined;
        throw error;
      });
      return reconciled;
    },
  };
  return context;
}
