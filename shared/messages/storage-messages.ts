// English texts of why the saved accounts could not be read or written: what was being done, the cause, what it meant, what to do.
import type { MessageRef } from './failure-words.ts';

/**
 * `serviceTexts.storage.<id>`: one StorageError is "couldNot.* cause.* outcome.* advice.*" joined
 * by a space (no outcome where nothing was under way). Paths, versions and errno codes are values.
 */
export const storageTexts = {
  // What could not be done, and where; the cause follows.
  couldNot: {
    write: 'Could not write the saved accounts in {place}:',
    read: 'Could not read the saved accounts in {place}:',
    createFolder: 'Could not create the data folder in {place}:',
    lock: 'Could not lock the saved accounts in {place}:',
    setAside: 'Could not set the unreadable settings file aside ({reason, select, notJson {it is not valid JSON} notObject {it does not hold an object} badVersion {its schemaVersion is not a version number} noMigration {no migration to schema version {version}} migrationFailed {the migration to schema version {version} failed} schema {it does not match the settings schema} other {{why}}}) in {place}:',
    migrate: 'Could not bring the settings file from version {from} up to date in {place}:',
  },
  // Why, by errno code (the code kept for support).
  cause: {
    isFolder: 'it is a folder, not a file (EISDIR).',
    notFolder: 'a part of its path is a file, not a folder (ENOTDIR).',
    permission: 'permission denied ({code}).',
    diskFull: 'the disk is full (ENOSPC).',
    noInodes: 'the disk has no room for another file: no free inodes (ENOSPC).',
    quota: 'the disk quota is used up (EDQUOT).',
    readOnly: 'the file system is read-only (EROFS).',
    busy: 'the file is in use or mounted there and cannot be replaced (EBUSY).',
    // Another errno code, as it is.
    code: '{code}.',
    // No errno code: the system's own words.
    said: '{text}.',
  },
  // What became of what the user asked for.
  outcome: {
    nothingChanged: 'Nothing was changed.',
    nothingSaved: 'Nothing was saved.',
    fileLeft: 'The file was left as it was.',
    nothingSent: 'Nothing was sent to the server and nothing was saved.',
    notRetested: 'The account was not re-tested; nothing was sent to the server.',
    passwordNotSent: 'The new password was not sent to the server; the old one is still in the keychain.',
    passwordNotSaved: 'The new password was not saved; the old one is still in the keychain.',
    signInNotStarted: 'The sign-in was not started; nothing was sent and nothing was saved.',
    signInNotSaved: 'The sign-in was not saved; the keychain was left as it was.',
    nothingRemoved: 'Nothing was removed: the account and its password are still saved.',
    accountKept: 'The account was kept.',
    notSavedPassword: 'The account was not saved, and its password was removed from the keychain again.',
    notSavedSignIn: 'The account was not saved, and its sign-in was removed from the keychain again.',
  },
  // What to do, by reason.
  advice: {
    diskFull: 'Free some space on that disk, then try again.',
    readOnly: 'That file system is mounted read-only: make it writable, or set MAIL_SETUP_DATA_DIR to a writable folder, then try again.',
    permissionDenied: 'Your user may not write there (it may belong to another user): give it write access, then try again.',
    newerVersion: 'Use the newer Mail Setup that wrote it.',
    other: 'Fix or move it, then try again.',
  },
  // Put before the error when the list is shown but cannot be changed.
  readOnlyNotice: 'The saved accounts are shown read-only for now.',
} as const;

type Texts = typeof storageTexts;
export type StorageDoing = keyof Texts['couldNot'];
export type StorageCause = keyof Texts['cause'];
export type StorageOutcome = keyof Texts['outcome'];
export type StorageAdvice = keyof Texts['advice'];

/** One storage text by its group and key, with its values. */
export function storageRef<G extends Exclude<keyof Texts, 'readOnlyNotice'>>(group: G, key: keyof Texts[G] & string, values: Record<string, string> = {}): MessageRef {
  return { id: `serviceTexts.storage.${group}.${key}`, values };
}
