// The export service as the CLI, the app and the harness build it: saved settings, the OS keychain, this platform, GNOME over the session bus.
import { dirname } from 'node:path';
import type { SettingsStore } from '../accounts/settings-store.ts';
import type { StoreLock } from '../accounts/store-lock.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { createExportService, type ExportService } from './export-service.ts';
import { gnomeExport } from './gnome/gnome-export.ts';
import { shellWord } from './keychain-command.ts';
import { qrSvg } from './qr-image.ts';
import { loadHandoffAccount } from './saved-account-loader.ts';

/** The one way every entry point builds the export service, so the CLI and the app hand over the same files. */
export function createDefaultExportService(settings: Pick<SettingsStore, 'read' | 'path'>, secrets: SecretStore): ExportService {
  // Keychain reads of a saved account's secret run under the settings folder's lock, as in the
  // accounts service; the lock's module loads only then, so exports without a password start faster.
  let lock: Promise<StoreLock> | undefined;
  const locked = <T>(work: () => Promise<T>) => (lock ??= import('../accounts/store-lock.ts').then((module) => module.createStoreLock(dirname(settings.path)))).then((held) => held.run(work));
  return createExportService({
    loadAccount: async (address) => loadHandoffAccount(settings, address),
    readSecret: (item) => locked(() => secrets.get(item.account)),
    platform: process.platform === 'darwin' ? 'darwin' : 'linux',
    tokenCommand: (address) => `mail-setup token ${shellWord(address)}`,
    renderQrSvg: qrSvg,
    gnome: gnomeExport(),
  });
}
