// Proves, before a password is sent or anything changes, that the settings file can be written where it lives.
import { accessSync, closeSync, constants, fsyncSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StorageOutcome } from '../../../shared/messages/storage-messages.ts';
import { removeQuietly, storageError } from './storage-error.ts';

/** Room for the file to grow by one account with a few pinned certificates. */
const headroomBytes = 4096;

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Throws a StorageError naming the folder and the cause when the settings file at `path` could
 * not be rewritten now: the file itself read-only (a read-only bind mount, say), or the folder
 * read-only, not ours, full, or out of inodes. Writes and removes a scratch file as large as the
 * new settings file would be; its name is one start-up clean-up removes should the process die.
 */
export function probeWritable(path: string, outcome: StorageOutcome): void {
  const folder = dirname(path);
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError(error, 'write', path, folder, outcome);
  }
  const scratch = `${path}.tmp-probe-${process.pid}`;
  try {
    const fd = openSync(scratch, 'w', 0o600);
    try {
      writeSync(fd, Buffer.alloc(sizeOf(path) + headroomBytes, 0x20));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw storageError(error, 'write', folder, folder, outcome);
  } finally {
    removeQuietly(scratch);
  }
}
