// Records of secrets being stored for accounts not yet saved, so reconciliation neither deletes them too early nor keeps them forever.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { isRunning } from './lock-owner.ts';
import { removeQuietly, storageError } from './storage-error.ts';

/** The file beside settings.json; absent when no add is under way. */
export const pendingFileName = 'pending-secrets.json';

const PendingSecretSchema = z.object({
  /** The keychain account name the secret is stored under. */
  name: z.string(),
  since: z.string(),
  pid: z.number().int(),
  host: z.string(),
});
export type PendingSecret = z.infer<typeof PendingSecretSchema>;
const PendingFileSchema = z.object({ pending: z.array(PendingSecretSchema) });

/** The pending records of one data folder. Every method reads or writes the file: call them under the store lock. */
export interface PendingSecrets {
  /** Records that this process is about to store the secret `name`; false when another add has it. */
  add(name: string): boolean;
  /** Whether this process's record of `name` is still there (reconciliation did not take it as abandoned). */
  holds(name: string): boolean;
  /** Drops this process's record of `name`; false when there was none. */
  remove(name: string): boolean;
  /** The records whose process is gone (same machine), or that are older than the grace period. */
  abandoned(): PendingSecret[];
  /** Drops these records. */
  forget(records: readonly PendingSecret[]): void;
}

/**
 * The pending records in `<dataDir>/pending-secrets.json`. An add records its secret's name
 * (under the lock) before it stores the secret, and drops the record once the account is saved.
 * A record whose process died (kill -9 mid-add) is abandoned at once; one from another machine
 * sharing the folder only after `graceMs`, longer than any add takes.
 */
export function createPendingSecrets(dataDir: string, options: { now: () => Date; graceMs?: number }): PendingSecrets {
  const path = join(dataDir, pendingFileName);
  const graceMs = options.graceMs ?? 15 * 60_000;
  const host = hostname();

  function read(): PendingSecret[] {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    // A damaged file holds no usable record; the worst outcome is an orphan secret that stays.
    const parsed = PendingFileSchema.safeParse((() => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    })());
    return parsed.success ? parsed.data.pending : [];
  }

  function write(records: readonly PendingSecret[]): void {
    const temporary = `${path}.tmp-${process.pid}`;
    try {
      if (records.length === 0) {
        rmSync(path, { force: true });
        return;
      }
      writeFileSync(temporary, `${JSON.stringify({ pending: records }, null, '\t')}\n`, { mode: 0o600 });
      renameSync(temporary, path);
    } catch (error) {
      removeQuietly(temporary);
      throw storageError(error, 'write', dataDir, dataDir, 'nothingSaved');
    }
  }

  const isAbandoned = (record: PendingSecret, now: number) =>
    (record.host === host && !isRunning(record.pid)) || now - Date.parse(record.since) > graceMs || Number.isNaN(Date.parse(record.since));

  return {
    add(name) {
      const records = read();
      const now = options.now().getTime();
      const live = records.filter((record) => record.name === name && !isAbandoned(record, now));
      if (live.length > 0) return false;
      write([...records.filter((record) => record.name !== name), { name, since: options.now().toISOString(), pid: process.pid, host }]);
      return true;
    },
    holds(name) {
      return read().some((record) => record.name === name && record.pid === process.pid && record.host === host);
    },
    remove(name) {
      const records = read();
      const mine = records.filter((record) => record.name === name && record.pid === process.pid && record.host === host);
      if (mine.length === 0) return false;
      write(records.filter((record) => !mine.includes(record)));
      return true;
    },
    abandoned() {
      const now = options.now().getTime();
      return read().filter((record) => isAbandoned(record, now));
    },
    forget(records) {
      const gone = new Set(records.map((record) => `${record.name}\n${record.pid}\n${record.host}\n${record.since}`));
      write(read().filter((record) => !gone.has(`${record.name}\n${record.pid}\n${record.host}\n${record.since}`)));
    },
  };
}
