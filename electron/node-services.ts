// Composition root for the test harness (plain Node): the same services as the app, with the
// settings file in MAIL_SETUP_DATA_DIR (conf, electron-store's file format) and the OS keychain.
import { openConfSettingsStore } from './adapters/conf-settings-store.ts';
import { createKeytarSecretStore } from './adapters/keytar-secret-store.ts';
import type { Services } from './ipc/register-handlers.ts';
import { createAccountsService } from './services/accounts/create-accounts-service.ts';
import { resolveDataDir } from './services/accounts/data-dir.ts';
import { createAppServices } from './services/app-services.ts';
import { createDefaultExportService } from './services/handoff/default-export-service.ts';
import { gnomeRemoval } from './services/handoff/gnome/gnome-export.ts';
import { gnomeAvailability } from './services/handoff/gnome/gnome-target.ts';
import { keychainStatus } from './services/secrets/keychain-status.ts';
import { createCheckRunner } from './services/check/check-runner.ts';
import { createDefaultCheckEngine } from './services/check/create-default-check-engine.ts';
import { createDefaultDiscovery } from './services/discovery/default-discovery.ts';
import { providerHint } from './services/discovery/provider-hint.ts';
import { createOAuthAccountDeps } from './services/oauth/oauth-account-deps.ts';
import { browserSignInAvailable } from './services/oauth/provider-oauth.ts';
import { openSystemBrowser } from './services/oauth/open-system-browser.ts';
import { followRedirectsBrowser } from './services/oauth/redirect-following-browser.ts';

/** The handler table for the harness. */
export interface NodeServices {
  services: Services;
}

export async function createNodeServices(env: NodeJS.ProcessEnv): Promise<NodeServices> {
  const engine = createDefaultCheckEngine({ localAddress: env.MAIL_SETUP_LOCAL_ADDRESS, env });
  // One runner for plain checks and account checks, so Cancel reaches either.
  const checks = createCheckRunner(engine);
  const discovery = createDefaultDiscovery(env);
  const settings = openConfSettingsStore(resolveDataDir(env));
  const secrets = createKeytarSecretStore();
  const accounts = createAccountsService({
    runner: checks,
    settings,
    secrets: createKeytarSecretStore(),
    providerHint,
    now: () => new Date(),
    // MAIL_SETUP_OAUTH_BROWSER=follow-redirects lets automated runs finish a sign-in against a
    // test authorization server with no browser; otherwise the desktop's browser opens.
    oauth: createOAuthAccountDeps({
      env,
      openBrowser: env['MAIL_SETUP_OAUTH_BROWSER'] === 'follow-redirects' ? followRedirectsBrowser : openSystemBrowser,
    }),
  });
  const services = createAppServices({
    checks,
    discover: (email) => discovery.discover(email),
    browserSignIn: (email, host) => browserSignInAvailable(email, host, env),
    providerHint,
    accounts,
    notices: () => (settings.notice ? [settings.notice] : []),
    keychainStatus: () => keychainStatus(secrets),
    // The harness has no system browser to hand links to; the UI shows the link instead.
    openExternal: async () => false,
    // No save dialog either: the dialog offers Copy and a download link.
    handoff: { exports: createDefaultExportService(settings, secrets), gnomeAvailable: async () => (await gnomeAvailability()).available, removeGnomeCopy: gnomeRemoval() },
  });
  return { services };
}
