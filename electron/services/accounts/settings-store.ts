// The SettingsStore over any conf-like file store: reads, whole-file writes under the lock, the guards (its port's types: settings-store.types.ts).
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openNewerSettingsStore } from './newer-settings-store.ts';
import { prepareSettingsFile, setSettingsFileAside, type SettingsNotice } from './settings-file-guard.ts';
import { createStoreLock } from './store-lock.ts';
import { corruptReason, SettingsDocumentSchema, settingsFileName, settingsSchemaVersion, type CorruptReason, type SettingsDocument } from './settings-schema.ts';
import { readOnlyNoticeWords, storageError, type StorageError } from './storage-error.ts';
import type { SettingsSnapshot, SettingsStore } from './settings-store.types.ts';
import { probeWritable } from './write-probe.ts';

export type { SettingsNotice } from './settings-file-guard.ts';
export type { SettingsSnapshot, SettingsStore } from './settings-store.types.ts';

/** What conf and electron-store have in common: the whole document as `store`, and the file's path. */
export interface SettingsFileLibrary {
  store: SettingsDocument;
  readonly path: string;
}

/**
 * The SettingsStore over a library whose file has already been through `prepareSettingsFile`.
 * A file that becomes unreadable while the app runs (edited by hand, say) is set aside the same
 * way as at start.
 */
function createSettingsStore(library: SettingsFileLibrary, options: { notice: SettingsNotice | null; now: () => Date }): SettingsStore {
  const { path } = library;
  let notice = options.notice;
  const empty = (): SettingsSnapshot => ({ storeId: null, accounts: [] });

  const setAside = (reason: CorruptReason): SettingsSnapshot => {
    notice = setSettingsFileAside(path, reason, options.now());
    return empty();
  };

  return {
    path,
    get notice() {
      return notice;
    },
    read() {
      let raw: unknown;
      try {
        raw = library.store;
      } catch (error) {
        if (error instanceof Error && (error.name === 'SyntaxError' || /schema violation/i.test(error.message))) {
          return setAside(corruptReason(error.name === 'SyntaxError' ? 'notJson' : 'schema'));
        }
        throw storageError(error, 'read', path, dirname(path), null);
      }
      // An absent file reads as an empty object.
      const document = raw !== null && typeof raw === 'object' && Object.keys(raw).length === 0 ? { schemaVersion: settingsSchemaVersion, accounts: [] } : raw;
      const parsed = SettingsDocumentSchema.safeParse(document);
      if (!parsed.success) return setAside(corruptReason('schema'));
      return { storeId: parsed.data.storeId ?? null, accounts: parsed.data.accounts };
    },
    write(snapshot) {
      const document: SettingsDocument = { schemaVersion: settingsSchemaVersion, storeId: snapshot.storeId, accounts: snapshot.accounts };
      try {
        library.store = SettingsDocumentSchema.parse(document);
      } catch (error) {
        throw storageError(error, 'write', path, dirname(path), 'fileLeft');
      }
    },
    assertWritable: (outcome) => probeWritable(path, outcome),
    noteReadOnly(error) {
      notice ??= readOnlyNoticeOf(error);
    },
  };
}

/**
 * Opens `<dataDir>/settings.json` with a conf-like library: the file is made safe to open first
 * (`prepareSettingsFile`: migrated, or set aside as corrupt), and only then does `open` hand it
 * to the library, which would refuse an invalid one. A newer version's file is never handed to
 * it: it opens read-only, where it is. The store's `notice` says what happened.
 * A missing data folder is created first, private to the user (0700).
 */
export function openSettingsFile(dataDir: string, now: () => Date, open: (dataDir: string) => SettingsFileLibrary): SettingsStore {
  // Created here, private, before the library reads: conf creates a missing folder readable by all.
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw storageError(error, 'createFolder', dataDir, dirname(dataDir), 'nothingChanged');
  }
  const lock = createStoreLock(dataDir);
  const path = join(dataDir, `${settingsFileName}.json`);
  const notice = prepareSettingsFile(path, now, (work) => lock.runSync(work));
  if (notice?.kind === 'newer') return openNewerSettingsStore(path, notice);
  return createSettingsStore(open(dataDir), { notice: notice ?? readOnlyNotice(dataDir), now });
}

/** A folder that is read-only or not ours is known at once (no write needed), so the app can say so before the list is read. */
function readOnlyNotice(dataDir: string): SettingsNotice | null {
  try {
    accessSync(dataDir, constants.W_OK);
    return null;
  } catch (error) {
    const refusal = storageError(error, 'write', dataDir, dataDir, null);
    return refusal.reason === 'read-only' || refusal.reason === 'permission-denied' ? readOnlyNoticeOf(refusal) : null;
  }
}

function readOnlyNoticeOf(error: StorageError): SettingsNotice {
  return { kind: 'read-only', backupPath: null, ...readOnlyNoticeWords(error) };
}
