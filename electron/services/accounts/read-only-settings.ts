// The saved accounts read straight from settings.json, for commands that only read (export, token): no conf, no lock, nothing written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../service-error.ts';
import { migrateSettings, settingsFileName } from './settings-schema.ts';
import type { SettingsSnapshot, SettingsStore } from './settings-store.ts';

/**
 * The settings file of `dataDir`, read on each `read()`. The app and the CLI replace the file
 * whole (write, then rename), so a read sees one version or the other, never half of one. An
 * older file is migrated in memory only; an unreadable or newer one is an error that says how to
 * repair it, rather than being set aside as the read-write store would.
 */
export function openReadOnlySettings(dataDir: string): Pick<SettingsStore, 'read' | 'path'> {
  const path = join(dataDir, `${settingsFileName}.json`);
  return {
    path,
    read(): SettingsSnapshot {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { storeId: null, accounts: [] };
        throw new ServiceError('internal', `Could not read the settings file ${path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
      }
      let outcome;
      try {
        outcome = migrateSettings(JSON.parse(text));
      } catch {
        outcome = { kind: 'corrupt' as const, reason: 'it is not valid JSON' };
      }
      if (outcome.kind === 'newer') throw new ServiceError('internal', `The settings file ${path} is from a newer Mail Setup (schema version ${outcome.version}); update Mail Setup.`);
      if (outcome.kind === 'corrupt') {
        throw new ServiceError('internal', `The settings file ${path} cannot be read (${outcome.reason}); open Mail Setup or run "mail-setup accounts list" to set it aside.`);
      }
      return { storeId: outcome.document.storeId ?? null, accounts: outcome.document.accounts };
    },
  };
}
