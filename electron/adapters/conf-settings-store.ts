// The SettingsStore on a JSON file through conf, for the CLI and the harness: the only module that imports conf.
import { join } from 'node:path';
import Conf, { type Schema } from 'conf';
import { prepareSettingsFile } from '../services/accounts/settings-file-guard.ts';
import { settingsFileName, settingsStoreOptions, type SettingsDocument } from '../services/accounts/settings-schema.ts';
import { createSettingsStore, type SettingsStore } from '../services/accounts/settings-store.ts';

/**
 * Opens `<dataDir>/settings.json`, the same file in the same format as the Electron app's
 * electron-store (which wraps conf). An unreadable or newer file is set aside first; the store's
 * `notice` says so.
 */
export function openConfSettingsStore(dataDir: string, options: { now?: () => Date } = {}): SettingsStore {
  const now = options.now ?? (() => new Date());
  const notice = prepareSettingsFile(join(dataDir, `${settingsFileName}.json`), now);
  const conf = new Conf<SettingsDocument>({
    ...settingsStoreOptions,
    schema: settingsStoreOptions.schema as Schema<SettingsDocument>,
    cwd: dataDir,
    configName: settingsFileName,
  });
  return createSettingsStore(
    {
      read: () => conf.store,
      write: (document) => {
        conf.store = document;
      },
    },
    { path: conf.path, notice, now },
  );
}
