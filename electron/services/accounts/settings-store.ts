// The SettingsStore port (non-secret account settings) and its logic over any conf-like file store.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../service-error.ts';
import { describeFileError, prepareSettingsFile, setSettingsFileAside, type SettingsNotice } from './settings-file-guard.ts';
import { createStoreLock } from './store-lock.ts';
import { SettingsDocumentSchema, settingsFileName, settingsSchemaVersion, type SettingsDocument, type StoredAccount } from './settings-schema.ts';

export type { SettingsNotice } from './settings-file-guard.ts';

/** The settings as read: the store id is null until the first account is saved. */
export interface SettingsSnapshot {
  storeId: string | null;
  accounts: StoredAccount[];
}

/** Where saved accounts' settings live. Reads and writes are synchronous and whole-file. */
export interface SettingsStore {
  /** Absolute path of the settings file. */
  readonly path: string;
  /** Set when an unreadable or newer settings file was set aside; tell the user once. */
  readonly notice: SettingsNotice | null;
  read(): SettingsSnapshot;
  /** Replaces the stored settings; throws ServiceError('internal', …) when the file cannot be written. */
  write(snapshot: { storeId: string; accounts: StoredAccount[] }): void;
}

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

  const setAside = (why: string): SettingsSnapshot => {
    notice = setSettingsFileAside(path, 'corrupt', why, options.now());
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
          return setAside(error.name === 'SyntaxError' ? 'it is not valid JSON' : 'it does not match the settings schema');
        }
        throw new ServiceError('internal', `Could not read the settings file ${path} (${describeFileError(error)}).`);
      }
      // An absent file reads as an empty object.
      const document = raw !== null && typeof raw === 'object' && Object.keys(raw).length === 0 ? { schemaVersion: settingsSchemaVersion, accounts: [] } : raw;
      const parsed = SettingsDocumentSchema.safeParse(document);
      if (!parsed.success) return setAside('it does not match the settings schema');
      return { storeId: parsed.data.storeId ?? null, accounts: parsed.data.accounts };
    },
    write(snapshot) {
      const document: SettingsDocument = { schemaVersion: settingsSchemaVersion, storeId: snapshot.storeId, accounts: snapshot.accounts };
      try {
        library.store = SettingsDocumentSchema.parse(document);
      } catch (error) {
        throw new ServiceError('internal', `Could not write the settings file ${path} (${describeFileError(error)}).`);
      }
    },
  };
}

/**
 * Opens `<dataDir>/settings.json` with a conf-like library: the file is made safe to open first
 * (`prepareSettingsFile`: migrated, or set aside as corrupt or newer), and only then does `open`
 * hand it to the library, which would refuse an invalid one. The store's `notice` says what was set aside.
 * A missing data folder is created first, private to the user (0700).
 */
export function openSettingsFile(dataDir: string, now: () => Date, open: (dataDir: string) => SettingsFileLibrary): SettingsStore {
  // Created here, private, before the library reads: conf creates a missing folder readable by all.
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new ServiceError('internal', `Could not create the data folder ${dataDir}: ${describeFileError(error)}.`);
  }
  const lock = createStoreLock(dataDir);
  const notice = prepareSettingsFile(join(dataDir, `${settingsFileName}.json`), now, (work) => lock.runSync(work));
  return createSettingsStore(open(dataDir), { notice, now });
}
