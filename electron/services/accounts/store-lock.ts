// The lock that makes each read-modify-write of the saved accounts whole across processes (the app, the CLI, the harness).
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { ServiceError } from '../service-error.ts';
import { clearOwner, ownerIsGone, recordOwner } from './lock-owner.ts';
import { storageError, type StorageError } from './storage-error.ts';

/** Runs work while no other process (and no other operation of this one) works on the same data folder. */
export interface StoreLock {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** The same, blocking: for opening the settings file, which happens synchronously. */
  runSync<T>(work: () => T): T;
}

/** Options for {@link createStoreLock}; the defaults suit the app and the CLI. */
export interface StoreLockOptions {
  /** A lock whose holder has not refreshed it for this long is taken over (its holder died). */
  staleMs?: number;
  /** How long to wait for another process before giving up with an error. */
  waitMs?: number;
  /**
   * Told once per wait, with the lock's path, when the process holding the lock was killed (its
   * process is gone, or its lock has not been refreshed for a while): the wait then lasts until
   * the lock is stale, and the CLI says so on stderr. A live holder, however long it takes, raises no alarm.
   */
  onWait?: ((lockPath: string) => void) | undefined;
}

/** The lock folder beside the settings file: a mkdir is atomic on every file system the app runs on. */
export const lockName = 'settings.json.lock';

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Random back-off, so that processes waiting together do not retry together.
const backOff = () => 5 + Math.random() * 25;

function isLocked(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ELOCKED';
}

/**
 * The data folder's lock: an in-process queue (operations of one process run one at a time)
 * around proper-lockfile's lock folder `<dataDir>/settings.json.lock`, which the holder keeps
 * fresh; a holder killed with -9 leaves a folder that goes stale after `staleMs` and is taken
 * over (the note of its process id beside the folder lets a waiter say so meanwhile).
 * The data folder is created on first use, private to the user (0700), as the settings file is.
 */
export function createStoreLock(dataDir: string, options: StoreLockOptions = {}): StoreLock {
  const staleMs = options.staleMs ?? 10_000;
  const waitMs = options.waitMs ?? 90_000;
  const target = join(dataDir, 'settings.json');
  const lockOptions = {
    realpath: false,
    lockfilePath: join(dataDir, lockName),
    stale: staleMs,
    // The lock is refreshed while held; losing it means this process stalled longer than staleMs.
    // Writes stay atomic either way, so it is not worth crashing the process over.
    onCompromised: () => undefined,
  };
  let queue: Promise<unknown> = Promise.resolve();

  const timedOut = () =>
    new ServiceError(
      'internal',
      `Another Mail Setup process has held the saved accounts for over ${Math.round(waitMs / 1000)} s (lock ${lockOptions.lockfilePath}). Try again; if no Mail Setup is running, remove that folder.`,
    );

  // proper-lockfile refreshes a held lock every staleMs / 2: one not refreshed for longer (and 2 s) has a holder that stopped.
  const abandoned = () => ownerIsGone(lockOptions.lockfilePath) || unrefreshedFor(lockOptions.lockfilePath) > staleMs / 2 + 2_000;

  /** After a failed try: throws when it was not ELOCKED or the wait is over; says once that it waits for a holder that was killed. */
  const waiter = () => {
    const started = Date.now();
    let told = !options.onWait;
    let lookedAt = 0;
    return (error: unknown) => {
      if (!isLocked(error)) throw lockError(error, dataDir);
      if (Date.now() - started > waitMs) throw timedOut();
      // Looked at twice a second at most: the tries themselves come every few milliseconds.
      if (told || Date.now() - lookedAt < 500) return;
      lookedAt = Date.now();
      if (abandoned()) {
        told = true;
        options.onWait?.(lockOptions.lockfilePath);
      }
    };
  };

  async function acquire(): Promise<() => Promise<void>> {
    makeFolder(dataDir);
    const failed = waiter();
    for (;;) {
      try {
        const release = await lockfile.lock(target, lockOptions);
        recordOwner(lockOptions.lockfilePath);
        return async () => {
          clearOwner(lockOptions.lockfilePath);
          await release();
        };
      } catch (error) {
        failed(error);
        await sleep(backOff());
      }
    }
  }

  function acquireSync(): () => void {
    makeFolder(dataDir);
    const failed = waiter();
    for (;;) {
      try {
        const release = lockfile.lockSync(target, lockOptions);
        recordOwner(lockOptions.lockfilePath);
        return () => {
          clearOwner(lockOptions.lockfilePath);
          release();
        };
      } catch (error) {
        failed(error);
        sleepSync(backOff());
      }
    }
  }

  return {
    run(work) {
      const result = queue.then(async () => {
        const release = await acquire();
        try {
          return await work();
        } finally {
          await release().catch(() => undefined);
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
    runSync(work) {
      const release = acquireSync();
      try {
        return work();
      } finally {
        try {
          release();
        } catch {
          // Already released as compromised: nothing left to do.
        }
      }
    },
  };
}

/** How long ago the lock folder was last refreshed (0 when it is gone). */
function unrefreshedFor(lockPath: string): number {
  try {
    return Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return 0;
  }
}

function makeFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw storageError(error, 'createFolder', dataDir, dataDir, 'nothingChanged');
  }
}

function lockError(error: unknown, dataDir: string): StorageError {
  return storageError(error, 'lock', dataDir, dataDir, 'nothingChanged');
}
