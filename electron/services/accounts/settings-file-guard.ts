// Opens the settings file safely: migrates an old one, and sets a corrupt or newer one aside as a backup.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
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

function backupPathFor(path: string, kind: SettingsNotice['kind'], now: Date): string {
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

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Makes the file at `path` one the store can open: absent, or valid at the current schema
 * version. A file from an older version is migrated in place (written to a temporary file and
 * renamed, so a crash leaves the old or the new one); unreadable JSON, a schema violation or a
 * newer version is set aside. Returns the notice for the user, or null.
 */
export function prepareSettingsFile(path: string, now: () => Date): SettingsNotice | null {
  const text = readText(path);
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return setSettingsFileAside(path, 'corrupt', 'it is not valid JSON', now());
  }
  const outcome = migrateSettings(parsed);
  switch (outcome.kind) {
    case 'newer':
      return setSettingsFileAside(path, 'newer', `schema version ${outcome.version}`, now());
    case 'corrupt':
      return setSettingsFileAside(path, 'corrupt', outcome.reason, now());
    case 'current':
      if (outcome.migratedFrom !== null) {
        const temporary = `${path}.migrating`;
        writeFileSync(temporary, `${JSON.stringify(outcome.document, null, '\t')}\n`, { mode: 0o600 });
        renameSync(temporary, path);
      }
      return null;
  }
}
