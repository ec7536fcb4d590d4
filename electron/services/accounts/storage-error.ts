// Why the saved accounts' folder or file could not be read or written, in words that name the place and say what to do.
import { rmSync, statfsSync } from 'node:fs';
import type { MessageRef } from '../../../shared/messages/failure-words.ts';
import { ServiceError } from '../service-error.ts';

/** What stands in the way, for scripts (the CLI's `--json`) and for choosing the advice. */
export type StorageReason = 'disk-full' | 'read-only' | 'permission-denied' | 'newer-version' | 'other';

/** The saved accounts cannot be written (or read) where they live; nothing was changed. IPC code `internal`, message for a person. */
export class StorageError extends ServiceError {
  readonly reason: StorageReason;
  /** The folder or file concerned. */
  readonly place: string;

  constructor(reason: StorageReason, place: string, message: string, words?: readonly MessageRef[]) {
    super('internal', message, words);
    this.name = 'StorageError';
    this.reason = reason;
    this.place = place;
  }
}

const errnoOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** Out of inodes rather than bytes: the same ENOSPC, but a person frees files, not space. */
function outOfInodes(folder: string | undefined): boolean {
  if (folder === undefined) return false;
  try {
    const stats = statfsSync(folder);
    return stats.files > 0 && stats.ffree === 0;
  } catch {
    return false;
  }
}

/** Why a file operation failed, in words a person can act on (the errno code as well, for support). */
export function describeFileError(error: unknown, folder?: string): string {
  const code = errnoOf(error);
  switch (code) {
    case 'EISDIR':
      return 'it is a folder, not a file (EISDIR)';
    case 'ENOTDIR':
      return 'a part of its path is a file, not a folder (ENOTDIR)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'ENOSPC':
      return outOfInodes(folder) ? 'the disk has no room for another file: no free inodes (ENOSPC)' : 'the disk is full (ENOSPC)';
    case 'EDQUOT':
      return 'the disk quota is used up (EDQUOT)';
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    case 'EBUSY':
      return 'the file is in use or mounted there and cannot be replaced (EBUSY)';
    case undefined:
      return error instanceof Error ? (error.message.split('\n')[0] ?? 'error') : 'error';
    default:
      return code;
  }
}

/** The reason behind an errno code. */
export function storageReasonOf(error: unknown): StorageReason {
  if (error instanceof StorageError) return error.reason;
  switch (errnoOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'EROFS':
      return 'read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission-denied';
    default:
      return 'other';
  }
}

const advice: Record<StorageReason, string> = {
  'disk-full': 'Free some space on that disk, then try again.',
  'read-only': 'That file system is mounted read-only: make it writable, or set MAIL_SETUP_DATA_DIR to a writable folder, then try again.',
  'permission-denied': 'Your user may not write there (it may belong to another user): give it write access, then try again.',
  'newer-version': 'Use the newer Mail Setup that wrote it.',
  other: 'Fix or move it, then try again.',
};

/** What to do about `reason`, one sentence. */
export function storageAdvice(reason: StorageReason): string {
  return advice[reason];
}

/**
 * The StorageError for a failed file operation: `doing` says what could not be done ("write the
 * saved accounts"), `place` where; `outcome` what it means ("Nothing was changed.").
 */
export function storageError(error: unknown, doing: string, place: string, folder: string, outcome: string): StorageError {
  if (error instanceof StorageError) return error;
  const reason = storageReasonOf(error);
  return new StorageError(reason, place, `Could not ${doing} in ${place}: ${describeFileError(error, folder)}. ${outcome ? `${outcome} ` : ''}${advice[reason]}`);
}

/** Removes a scratch or temporary file if it is there; a folder that refuses even that keeps it for start-up clean-up. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // See above.
  }
}
