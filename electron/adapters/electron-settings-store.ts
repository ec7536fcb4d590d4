// The SettingsStore through electron-store, for the Electron main process: the only module that imports electron-store.
import ElectronStore, { type Schema } from 'electron-store';
import { settingsFileName, settingsStoreOptions, type SettingsDocument } from '../services/accounts/settings-schema.ts';
import { openSettingsFile, type SettingsStore } from '../services/accounts/settings-store.ts';

/**
 * Opens `<dataDir>/settings.json` (pass MAIL_SETUP_DATA_DIR or `app.getPath('userData')`): the
 * twin of conf-settings-store.ts, so the app, the CLI and the harness share one file format.
 * An unreadable file is set aside first, a newer one opens read-only; the store's `notice` says so.
 */
export function openElectronSettingsStore(dataDir: string, options: { now?: () => Date } = {}): SettingsStore {
  return openSettingsFile(
    dataDir,
    options.now ?? (() => new Date()),
    (cwd) =>
      new ElectronStore<SettingsDocument>({
        ...settingsStoreOptions,
        schema: settingsStoreOptions.schema as Schema<SettingsDocument>,
        cwd,
        name: settingsFileName,
      }),
  );
}
