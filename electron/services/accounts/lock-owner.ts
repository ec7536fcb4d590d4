// Who holds the saved accounts' lock (process id and machine), so that a process waiting for it can tell a holder that was killed.
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { removeQuietly } from './storage-error.ts';

/** Whether a process of this machine still runs (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const ownerPath = (lockPath: string) => `${lockPath}-owner`;
const me = () => `${process.pid}@${hostname()}`;

/** Notes this process as the holder, beside the lock folder (not in it: proper-lockfile removes the folder with rmdir). Best effort: a full disk only loses the note. */
export function recordOwner(lockPath: string): void {
  try {
    writeFileSync(ownerPath(lockPath), me(), { mode: 0o600 });
  } catch {
    // See above.
  }
}

/** Drops the note if it is still this process's. */
export function clearOwner(lockPath: string): void {
  try {
    if (readFileSync(ownerPath(lockPath), 'utf8') === me()) removeQuietly(ownerPath(lockPath));
  } catch {
    // Gone already.
  }
}

/** True when the noted holder is a process of this machine that no longer runs (it was killed holding the lock). */
export function ownerIsGone(lockPath: string): boolean {
  try {
    const [pid, host] = readFileSync(ownerPath(lockPath), 'utf8').split('@');
    return host === hostname() && Number.isInteger(Number(pid)) && !isRunning(Number(pid));
  } catch {
    return false;
  }
}
