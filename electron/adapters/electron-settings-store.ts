// The SettingsStore through electron-store, for the Electron main process: the only module that imports electron-store.
import { join } from 'node:path';
import ElectronStore, { type Schema } from 'electron-store';
import { prepareSettingsFile } from '../services/accounts/settings-file-guard.ts';
import { settingsFileName, settingsStoreOptions, type SettingsDocument } from '../services/accounts/settings-schema.ts';
import { createSettingsStore, type SettingsStore } from '../services/accounts/settings-store.ts';

/**
 * Opens `<dataDir>/settings.json` (pass MAIL_SETUP_DATA_DIR or `app.getPath('userData')`): the
 * twin of conf-settings-store.ts, so the app, the CLI and the harness share one file format.
 * An unreadable or newer file is set aside first; the store's `notice` says so.
 */
export function openElectronSettingsStore(dataDir: string, options: { now?: () => Date } = {}): SettingsStore {
  const now = options.now ?? (() => new Date());
  const notice = prepareSettingsFile(join(dataDir, `${settingsFileName}.json`), now);
  const store = new ElectronStore<SettingsDocument>({
    ...settingsStoreOptions,
    schema: settingsStoreOptions.schema as Schema<SettingsDocument>,
    cwd: dataDir,
    name: settingsFileName,
  });
  return createSettingsStore(
    {
      read: () => store.store,
      write: (document) => {
        store.store = document;
      },
    },
    { path: store.path, notice, now },
  );
}
