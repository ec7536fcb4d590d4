// Composition root of the desktop app: builds the services, registers IPC, opens the hardened window.
import { spawn } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';
import { providerTable } from '../shared/providers/provider-table.ts';
import { openElectronSettingsStore } from './adapters/electron-settings-store.ts';
import { createKeytarSecretStore } from './adapters/keytar-secret-store.ts';
import { createElectronTransport } from './ipc/electron-transport.ts';
import { createOpenExternal } from './ipc/open-external.ts';
import { registerHandlers } from './ipc/register-handlers.ts';
import { createAccountsService } from './services/accounts/create-accounts-service.ts';
import { createAppServices } from './services/app-services.ts';
import { createDefaultExportService } from './services/handoff/default-export-service.ts';
import { gnomeRemoval } from './services/handoff/gnome/gnome-export.ts';
import { gnomeAvailability } from './services/handoff/gnome/gnome-target.ts';
import { saveWithDialog } from './adapters/electron-save-dialog.ts';
import { cliArgumentsOf, runCliInApp } from './cli-in-app.ts';
import { keychainStatus } from './services/secrets/keychain-status.ts';
import { createCheckRunner } from './services/check/check-runner.ts';
import { createDefaultCheckEngine } from './services/check/create-default-check-engine.ts';
import { createDefaultDiscovery } from './services/discovery/default-discovery.ts';
import { providerHint } from './services/discovery/provider-hint.ts';
import { createOpenExternalPolicy } from './services/open-external-policy.ts';
import { createOAuthAccountDeps } from './services/oauth/oauth-account-deps.ts';
import { browserSignInAvailable } from './services/oauth/provider-oauth.ts';
import { createMainWindow, guardWebContents, hardenSession, isRendererPage, loadRenderer, rendererEntry } from './window.ts';

// Replaced at build time by Forge's Vite plugin (or vite.main.config.ts when built on its own).
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;

/** Squirrel.Windows starts the app with --squirrel-* to make or remove shortcuts; then it must quit. */
function handledSquirrelEvent(): boolean {
  const command = process.argv[1] ?? '';
  if (process.platform !== 'win32' || !command.startsWith('--squirrel-') || command === '--squirrel-firstrun') return false;
  const shortcut = command === '--squirrel-uninstall' ? '--removeShortcut' : '--createShortcut';
  const updateExe = resolve(dirname(process.execPath), '..', 'Update.exe');
  if (command === '--squirrel-obsolete') app.quit();
  else spawn(updateExe, [shortcut, basename(process.execPath)], { detached: true }).on('error', () => app.quit()).on('close', () => app.quit());
  return true;
}

function start(dataDir: string): void {
  const entry = rendererEntry(MAIN_WINDOW_VITE_DEV_SERVER_URL, join(import.meta.dirname, '..', 'renderer', MAIN_WINDOW_VITE_NAME, 'index.html'));
  const openExternal = createOpenExternal({
    openExternal: (url, options) => shell.openExternal(url, options),
    allow: createOpenExternalPolicy(providerTable.map((provider) => provider.helpUrl)),
    onRefused: () => console.warn('Refused to open a link that is not a provider help page.'),
  });
  let mainWindow: BrowserWindow | undefined;

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, entry, openExternal));
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window is the whole app, on macOS too: closing it ends the wizard.
  app.on('window-all-closed', () => app.quit());

  // MAIL_SETUP_LOCAL_ADDRESS picks the source address, as in the CLI (the specs keep Dovecot's
  // per-address delay after a failed login apart with it).
  const runner = createCheckRunner(createDefaultCheckEngine({ localAddress: process.env.MAIL_SETUP_LOCAL_ADDRESS, env: process.env }));
  const discovery = createDefaultDiscovery(process.env);
  const settings = openElectronSettingsStore(dataDir);
  const secrets = createKeytarSecretStore();
  const services = createAppServices({
    checks: runner,
    discover: (email) => discovery.discover(email),
    browserSignIn: (email, host) => browserSignInAvailable(email, host, process.env),
    providerHint,
    accounts: createAccountsService({
      runner,
      settings,
      secrets,
      providerHint,
      now: () => new Date(),
      // The authorization URL is built from the provider table's https endpoints, so it goes to
      // the system browser directly rather than through the help-link policy.
      oauth: createOAuthAccountDeps({ env: process.env, openBrowser: (url) => shell.openExternal(url, { activate: true }) }),
    }),
    notices: () => (settings.notice ? [settings.notice] : []),
    keychainStatus: () => keychainStatus(secrets),
    openExternal,
    handoff: {
      exports: createDefaultExportService(settings, secrets),
      gnomeAvailable: async () => (await gnomeAvailability()).available,
      removeGnomeCopy: gnomeRemoval(),
      saveFile: (fileName, contents) => saveWithDialog(mainWindow, fileName, contents),
    },
  });
  registerHandlers(
    createElectronTransport({
      mainFrame: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : undefined),
      isRendererPage: (url) => isRendererPage(entry, url),
    }),
    services,
  );

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, entry);
      mainWindow = createMainWindow({ BrowserWindow, preload: join(import.meta.dirname, 'preload.cjs'), devTools: !app.isPackaged });
      await loadRenderer(mainWindow, entry, app.getPreferredSystemLanguages());
    })
    .catch((error: unknown) => {
      // A window that never loads would never show: better to end than to run invisibly.
      console.error('Mail Setup could not open its window:', error);
      app.exit(1);
    });
}

const cliArguments = cliArgumentsOf(process.argv, app.isPackaged);
if (cliArguments) {
  void runCliInApp(cliArguments, (code) => app.exit(code));
} else if (!handledSquirrelEvent()) {
  // MAIL_SETUP_DATA_DIR moves Electron's own profile too, so that a test run touches nothing of the user's.
  const explicitDataDir = process.env.MAIL_SETUP_DATA_DIR;
  if (explicitDataDir) app.setPath('userData', resolve(explicitDataDir));
  app.enableSandbox();
  // The lock lives in userData, so it is taken only after the data folder is settled.
  if (app.requestSingleInstanceLock()) start(app.getPath('userData'));
  else app.quit();
}
