// The SettingsStore port's types: what the store (settings-store.ts) and its read-only twin for a newer file share.
import type { SettingsNotice } from './settings-file-guard.ts';
import type { StoredAccount } from './settings-schema.ts';
import type { StorageError } from './storage-error.ts';
import type { StorageOutcome } from '../../../shared/messages/storage-messages.ts';

/** The settings as read: the store id is null until the first account is saved. */
export interface SettingsSnapshot {
  storeId: string | null;
  accounts: StoredAccount[];
}

/** Where saved accounts' settings live. Reads and writes are synchronous and whole-file. */
export interface SettingsStore {
  /** Absolute path of the settings file. */
  readonly path: string;
  /** Set when an unreadable file was set aside, a newer one is open read-only, or the folder is read-only now; tell the user once. */
  readonly notice: SettingsNotice | null;
  read(): SettingsSnapshot;
  /** Replaces the stored settings; throws a StorageError (naming the file and the cause) when the file cannot be written. */
  write(snapshot: { storeId: string; accounts: StoredAccount[] }): void;
  /**
   * Throws the StorageError a write would meet now (a full disk or one out of inodes, a read-only
   * folder or file, one not ours, a newer version's file), with `outcome` saying what that meant
   * ("Nothing was sent to the server."): called before a password is sent or anything changes.
   */
  assertWritable(outcome: StorageOutcome): void;
  /** The folder could not even be locked (read-only, full): the accounts are being shown read-only; the notice says so. */
  noteReadOnly(error: StorageError): void;
}
