// Opens the settings file safely: migrates an old one, sets a corrupt one aside as a backup, and leaves a newer one alone.
import { constants, copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { MessageRef } from '../../../shared/messages/failure-words.ts';
import { serviceWords } from '../../../shared/messages/service-messages.ts';
import { removeQuietly, storageError } from './storage-error.ts';
import { corruptReason, corruptReasonValues, migrateSettings, settingsSchemaVersion, type CorruptReason } from './settings-schema.ts';

/** What the user is told once about the settings file: set aside (corrupt), from a newer version, or read-only for now. */
export interface SettingsNotice {
  kind: 'corrupt' | 'newer' | 'read-only';
  /** Where a corrupt file now is; null when the file stayed where it was. */
  backupPath: string | null;
  /** One line for a person: what happened, where the file is, what it means. */
  message: string;
  /** The same by catalogue id, for the CLI to say in the user's language. */
  words?: MessageRef[];
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

function backupPathFor(path: string, kind: string, now: Date): string {
  const extension = extname(path);
  const stem = join(dirname(path), basename(path, extension));
  for (let attempt = 0; ; attempt += 1) {
    const candidate = `${stem}.${kind}-${timestamp(now)}${attempt === 0 ? '' : `-${attempt}`}${extension}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** Moves an unreadable file aside and describes it; the store then starts empty. */
export function setSettingsFileAside(path: string, reason: CorruptReason, now: Date): SettingsNotice {
  const backupPath = backupPathFor(path, 'corrupt', now);
  try {
    renameSync(path, backupPath);
  } catch (error) {
    throw storageError(error, 'setAside', path, dirname(path), 'nothingChanged', corruptReasonValues(reason));
  }
  return { kind: 'corrupt', backupPath, ...serviceWords({ id: 'serviceTexts.settings.corrupt', values: { ...corruptReasonValues(reason), backupPath } }) };
}

/**
 * A file from a newer Mail Setup stays exactly where and as it is (the newer app still needs it):
 * this version lists what it can read of it and refuses every change.
 */
function newerNotice(path: string, version: number): SettingsNotice {
  const values = { path, version: String(version), known: String(settingsSchemaVersion) };
  return { kind: 'newer', backupPath: null, ...serviceWords({ id: 'serviceTexts.settings.newer', values }) };
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw storageError(error, 'read', path, dirname(path), null);
  }
}

/**
 * Makes the file at `path` one the store can open: absent, or valid at the current schema
 * version. A file from an older version is copied to `settings.v<n>-backup-<time>.json` and
 * migrated in place (written to a temporary file and renamed, so a crash leaves the old or the
 * new one); unreadable JSON or a schema violation is set aside. A file from a newer version is
 * left untouched (its notice says so, and the store opens it read-only). Returns the notice for
 * the user, or null. Changes happen inside `underLock` (the store lock), after looking at the
 * file again, so two processes starting together do not both migrate it, and a process already
 * writing is not overwritten.
 */
export function prepareSettingsFile(path: string, now: () => Date, underLock: <T>(work: () => T) => T = (work) => work()): SettingsNotice | null {
  // Most starts find a current file and need no lock; any change is decided again under it.
  const first = inspect(path);
  if (first === null) return null;
  // Nothing is changed in a newer file, so it needs no lock (its folder may even be read-only).
  if (first.kind === 'newer') return newerNotice(path, first.version);
  return underLock(() => {
    const outcome = inspect(path);
    return outcome === null ? null : repair(path, outcome, now);
  });
}

type Inspection = { kind: 'not-json' } | Exclude<ReturnType<typeof migrateSettings>, { kind: 'current'; migratedFrom: null }>;

/** What the file needs: null when it is absent or current. */
function inspect(path: string): Inspection | null {
  const text = readText(path);
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'not-json' };
  }
  const outcome = migrateSettings(parsed);
  return outcome.kind === 'current' && outcome.migratedFrom === null ? null : (outcome as Inspection);
}

function repair(path: string, outcome: Inspection, now: () => Date): SettingsNotice | null {
  switch (outcome.kind) {
    case 'not-json':
      return setSettingsFileAside(path, corruptReason('notJson'), now());
    case 'newer':
      return newerNotice(path, outcome.version);
    case 'corrupt':
      return setSettingsFileAside(path, outcome.reason, now());
    case 'current':
      migrate(path, outcome.document, outcome.migratedFrom ?? 0, now());
      return null;
  }
}

/** Rewrites an older file at the current version, keeping the old one as it was, in case this version is given up for the one that wrote it. */
function migrate(path: string, document: unknown, from: number, now: Date): void {
  const temporary = `${path}.migrating-${process.pid}`;
  try {
    copyFileSync(path, backupPathFor(path, `v${from}-backup`, now), constants.COPYFILE_EXCL);
    writeFileSync(temporary, `${JSON.stringify(document, null, '\t')}\n`, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw storageError(error, 'migrate', path, dirname(path), 'fileLeft', { from: String(from) });
  }
}
