// Builds the saved-accounts service for the CLI: conf settings in the data folder, keytar secrets.
import type { DiscoveredProvider } from '../../shared/discovery-result.ts';
import { openConfSettingsStore } from '../adapters/conf-settings-store.ts';
import { createKeytarSecretStore } from '../adapters/keytar-secret-store.ts';
import type { AccountsService } from '../services/accounts/accounts-service.types.ts';
import { createAccountsService } from '../services/accounts/create-accounts-service.ts';
import { openDataDir } from '../services/accounts/data-dir.ts';
import type { SettingsStore } from '../services/accounts/settings-store.ts';
import { createStoreLock } from '../services/accounts/store-lock.ts';
import { createCheckRunner } from '../services/check/check-runner.ts';
import type { CheckEngine } from '../services/check/run-check.ts';
import { providerHintOf } from '../services/discovery/provider-hint.ts';
import { createOAuthAccountDeps } from '../services/oauth/oauth-account-deps.ts';

/** The service and the settings store behind it (whose `notice` the CLI prints). */
export interface CliAccounts {
  accounts: AccountsService;
  settings: SettingsStore;
}

/**
 * Opens the settings file in MAIL_SETUP_DATA_DIR (else the app's user-data folder) and the
 * keychain of the session (keytar reads DBUS_SESSION_BUS_ADDRESS from the process).
 */
export function openCliAccounts(
  env: NodeJS.ProcessEnv,
  deps: {
    engine: CheckEngine;
    providerFor: (email: string, host?: string) => DiscoveredProvider | null;
    /** Told when the command has waited a while for another process's lock (see store-lock.ts). */
    onLockWait?: ((lockPath: string) => void) | undefined;
  },
): CliAccounts {
  const dataDir = openDataDir(env);
  const settings = openConfSettingsStore(dataDir);
  const accounts = createAccountsService({
    runner: createCheckRunner(deps.engine),
    settings,
    secrets: createKeytarSecretStore(),
    providerHint: (email, host) => providerHintOf(deps.providerFor(email, host)),
    now: () => new Date(),
    // No sign-in from the CLI (no browser flow), but re-tests refresh OAuth2 access tokens.
    oauth: createOAuthAccountDeps({ env }),
    lock: createStoreLock(dataDir, { onWait: deps.onLockWait }),
  });
  return { accounts, settings };
}
