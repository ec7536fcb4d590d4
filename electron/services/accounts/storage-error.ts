// Why the saved accounts' folder or file could not be read or written, in words that name the place and say what to do.
import { rmSync, statfsSync } from 'node:fs';
import type { MessageRef } from '../../../shared/messages/failure-words.ts';
import { serviceWords } from '../../../shared/messages/service-messages.ts';
import { storageRef, type StorageAdvice, type StorageDoing, type StorageOutcome } from '../../../shared/messages/storage-messages.ts';
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
function causeOf(error: unknown, folder: string): MessageRef {
  const code = errnoOf(error);
  switch (code) {
    case 'EISDIR':
      return storageRef('cause', 'isFolder');
    case 'ENOTDIR':
      return storageRef('cause', 'notFolder');
    case 'EACCES':
    case 'EPERM':
      return storageRef('cause', 'permission', { code });
    case 'ENOSPC':
      return storageRef('cause', outOfInodes(folder) ? 'noInodes' : 'diskFull');
    case 'EDQUOT':
      return storageRef('cause', 'quota');
    case 'EROFS':
      return storageRef('cause', 'readOnly');
    case 'EBUSY':
      return storageRef('cause', 'busy');
    case undefined:
      return storageRef('cause', 'said', { text: error instanceof Error ? (error.message.split('\n')[0] ?? 'error') : 'error' });
    default:
      return storageRef('cause', 'code', { code });
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

const advice: Record<StorageReason, StorageAdvice> = {
  'disk-full': 'diskFull',
  'read-only': 'readOnly',
  'permission-denied': 'permissionDenied',
  'newer-version': 'newerVersion',
  other: 'other',
};

/**
 * The StorageError for a failed file operation: `doing` says what could not be done ("write the
 * saved accounts", with its values), `place` where; `outcome` what it meant ("Nothing was
 * changed."), none where nothing was under way. Its words say the same in any language.
 */
export function storageError(error: unknown, doing: StorageDoing, place: string, folder: string, outcome: StorageOutcome | null, doingValues: Record<string, string> = {}): StorageError {
  if (error instanceof StorageError) return error;
  const reason = storageReasonOf(error);
  const refs = [storageRef('couldNot', doing, { ...doingValues, place }), causeOf(error, folder), ...(outcome === null ? [] : [storageRef('outcome', outcome)]), storageRef('advice', advice[reason])];
  const { message, words } = serviceWords(...refs);
  return new StorageError(reason, place, message, words);
}

/** The same error with what became of the operation added (in English and by id); an error that is not a ServiceError stays as it is. */
export function withOutcome(error: unknown, outcome: StorageOutcome): unknown {
  if (!(error instanceof ServiceError)) return error;
  const added = serviceWords(storageRef('outcome', outcome));
  const message = `${error.message} ${added.message}`;
  const words = error.words && [...error.words, ...added.words];
  return error instanceof StorageError ? new StorageError(error.reason, error.place, message, words) : new ServiceError(error.code, message, words);
}

/** The notice for a list shown read-only because `error` stands in the way of any change. */
export function readOnlyNoticeWords(error: StorageError): { message: string; words: MessageRef[] } {
  const lead = serviceWords({ id: 'serviceTexts.storage.readOnlyNotice', values: {} });
  return { message: `${lead.message} ${error.message}`, words: [...lead.words, ...(error.words ?? [])] };
}

/** Removes a scratch or temporary file if it is there; a folder that refuses even that keeps it for start-up clean-up. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // See above.
  }
}
