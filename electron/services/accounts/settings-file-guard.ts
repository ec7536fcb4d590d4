// Opens the settings file safely: migrates an old one, and sets a corrupt or newer one aside as a backup.
import { constants, copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ServiceError } from '../service-error.ts';
import { migrateSettings } from './settings-schema.ts';

/** Why the settings file was set aside, for the user to be told once. */
export interface SettingsNotice {
  kind: 'corrupt' | 'newer';
  /** Where the old file now is. */
  backupPath: string;
  /** One line for a person: what happened, where the backup is, what it means. */
  message: string;
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

/** Moves the file aside and describes it; the store then starts empty. */
export function setSettingsFileAside(path: string, kind: SettingsNotice['kind'], why: string, now: Date): SettingsNotice {
  const backupPath = backupPathFor(path, kind, now);
  renameSync(path, backupPath);
  const what =
    kind === 'newer'
      ? `The settings file was written by a newer version of Mail Setup (${why})`
      : `The settings file could not be read (${why})`;
  return {
    kind,
    backupPath,
    message: `${what}. It was kept as ${backupPath} and Mail Setup started with no saved accounts; their passwords were left in the keychain.`,
  };
}

/** Why a file operation failed, in words a person can act on (the errno code as well, for support). */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EISDIR':
      return 'it is a folder, not a file (EISDIR)';
    case 'ENOTDIR':
      return 'a part of its path is a file, not a folder (ENOTDIR)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'ENOSPC':
      return 'the disk is full (ENOSPC)';
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    case undefined:
      return error instanceof Error ? (error.message.split('\n')[0] ?? 'error') : 'error';
    default:
      return code;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ServiceError('internal', `Could not read the settings file ${path}: ${describeFileError(error)}. Fix or move it, then try again.`);
  }
}

/**
 * Makes the file at `path` one the store can open: absent, or valid at the current schema
 * version. A file from an older version is copied to `settings.v<n>-backup-<time>.json` and
 * migrated in place (written to a temporary file and renamed, so a crash leaves the old or the new one); unreadable JSON, a schema violation or a
 * newer version is set aside. Returns the notice for the user, or null. Changes happen inside
 * `underLock` (the store lock), after looking at the file again, so two processes starting
 * together do not both migrate it, and a process already writing is not overwritten.
 */
export function prepareSettingsFile(path: string, now: () => Date, underLock: <T>(work: () => T) => T = (work) => work()): SettingsNotice | null {
  // Most starts find a current file and need no lock; any change is decided again under it.
  if (inspect(path) === null) return null;
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
      return setSettingsFileAside(path, 'corrupt', 'it is not valid JSON', now());
    case 'newer':
      return setSettingsFileAside(path, 'newer', `schema version ${outcome.version}`, now());
    case 'corrupt':
      return setSettingsFileAside(path, 'corrupt', outcome.reason, now());
    case 'current':
      {
        // The old file is kept as it was, in case this version is given up for the one that wrote it.
        copyFileSync(path, backupPathFor(path, `v${outcome.migratedFrom ?? 0}-backup`, now()), constants.COPYFILE_EXCL);
        const temporary = `${path}.migrating-${process.pid}`;
        writeFileSync(temporary, `${JSON.stringify(outcome.document, null, '\t')}\n`, { mode: 0o600 });
        renameSync(temporary, path);
      }
      return null;
  }
}
