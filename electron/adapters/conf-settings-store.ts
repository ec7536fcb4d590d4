// The SettingsStore on a JSON file through conf, for the CLI and the harness: the only module that imports conf.
import Conf, { type Schema } from 'conf';
import { settingsFileName, settingsStoreOptions, type SettingsDocument } from '../services/accounts/settings-schema.ts';
import { openSettingsFile, type SettingsStore } from '../services/accounts/settings-store.ts';

/**
 * Opens `<dataDir>/settings.json`, the same file in the same format as the Electron app's
 * electron-store (which wraps conf). An unreadable file is set aside first, a newer one opens read-only; the store's
 * `notice` says so.
 */
export function openConfSettingsStore(dataDir: string, options: { now?: () => Date } = {}): SettingsStore {
  return openSettingsFile(
    dataDir,
    options.now ?? (() => new Date()),
    (cwd) =>
      new Conf<SettingsDocument>({
        ...settingsStoreOptions,
        schema: settingsStoreOptions.schema as Schema<SettingsDocument>,
        cwd,
        configName: settingsFileName,
      }),
  );
}
