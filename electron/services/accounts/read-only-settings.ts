// The saved accounts read straight from settings.json, for commands that only read (export, token): no conf, no lock, nothing written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceWords } from '../../../shared/messages/service-messages.ts';
import { ServiceError } from '../service-error.ts';
import { corruptReason, corruptReasonValues, migrateSettings, settingsFileName } from './settings-schema.ts';
import type { SettingsSnapshot, SettingsStore } from './settings-store.ts';

/** The error for a settings file these commands cannot read: English for `--json`, and its words for a person's language. */
function refusal(...refs: Parameters<typeof serviceWords>): ServiceError {
  const { message, words } = serviceWords(...refs);
  return new ServiceError('internal', message, words);
}

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
        throw refusal({ id: 'serviceTexts.settings.readFailed', values: { path, code: (error as NodeJS.ErrnoException).code ?? 'unknown error' } });
      }
      let outcome;
      try {
        outcome = migrateSettings(JSON.parse(text));
      } catch {
        outcome = { kind: 'corrupt' as const, reason: corruptReason('notJson') };
      }
      if (outcome.kind === 'newer') throw refusal({ id: 'serviceTexts.settings.newerReadOnly', values: { path, version: String(outcome.version) } });
      if (outcome.kind === 'corrupt') throw refusal({ id: 'serviceTexts.settings.corruptReadOnly', values: { path, ...corruptReasonValues(outcome.reason) } });
      return { storeId: outcome.document.storeId ?? null, accounts: outcome.document.accounts };
    },
  };
}
