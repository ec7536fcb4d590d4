// Real storage faults for tests: a tiny tmpfs filled up, one out of inodes, read-only bind mounts of a folder or a file.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '../../../../e2e/fixtures/temp-dir.ts';
import { onProcessExit } from '../../../../e2e/fixtures/exit-cleanup.ts';

/** Mounting needs root (CAP_SYS_ADMIN); the tests that make these faults skip without it and say why. */
export const canMount = process.getuid?.() === 0;
export const mountSkipReason = 'needs root to mount a small tmpfs and read-only bind mounts (the faults are made for real)';

/** Something mounted for one test; `undo` unmounts it (safe to call twice; also done at process exit). */
export interface Mounted {
  readonly path: string;
  undo(): void;
}

function mount(args: readonly string[], path: string, extra: () => void = () => undefined): Mounted {
  execFileSync('mount', args, { stdio: 'pipe' });
  let done = false;
  const undo = () => {
    if (done) return;
    done = true;
    unregister();
    // Lazy: a process still inside (a killed CLI's cwd, a watcher) does not keep the test from ending.
    execFileSync('umount', ['-l', path], { stdio: 'pipe' });
    extra();
  };
  const unregister = onProcessExit(undo);
  return { path, undo };
}

/**
 * A fresh tmpfs of `size` (default 64k), optionally with only `inodes` inodes, mounted on a new
 * temporary folder; the data folder is `<mount>/data`, made private, as Mail Setup makes it.
 */
export async function smallDisk(options: { size?: string; inodes?: number } = {}): Promise<Mounted & { data: string }> {
  const base: TempDir = await makeTempDir('mail-setup-fault');
  const sizes = [`size=${options.size ?? '64k'}`, 'mode=0755', ...(options.inodes === undefined ? [] : [`nr_inodes=${options.inodes}`])];
  const mounted = mount(['-t', 'tmpfs', '-o', sizes.join(','), 'tmpfs', base.path], base.path, () => void base.remove());
  const data = join(base.path, 'data');
  mkdirSync(data, { mode: 0o700 });
  return { ...mounted, data };
}

/** Fills the file system holding `folder` to the last byte, or (`what: 'inodes'`) to the last inode. */
export function fillUp(folder: string, what: 'bytes' | 'inodes' = 'bytes'): void {
  const filler = join(folder, 'filler');
  mkdirSync(filler, { recursive: true });
  if (what === 'inodes') {
    for (let index = 0; ; index += 1) {
      try {
        closeSync(openSync(join(filler, `f${index}`), 'w'));
      } catch {
        return;
      }
    }
  }
  const fd = openSync(join(filler, 'bytes'), 'w');
  try {
    // Big writes first, then smaller ones, until not even one byte fits.
    for (const chunk of [65_536, 4_096, 512, 1]) {
      const block = Buffer.alloc(chunk, 0x2a);
      for (;;) {
        try {
          if (writeSync(fd, block) < chunk) break;
        } catch {
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Frees what {@link fillUp} took. */
export function freeUp(folder: string): void {
  rmSync(join(folder, 'filler'), { recursive: true, force: true });
}

/** Binds `path` (a folder or a file) onto itself read-only: EROFS for every write, as a read-only medium gives. */
export function readOnly(path: string): Mounted {
  const mounted = mount(['--bind', path, path], path);
  try {
    execFileSync('mount', ['-o', 'remount,bind,ro', path], { stdio: 'pipe' });
  } catch (error) {
    mounted.undo();
    throw error;
  }
  return mounted;
}

/** Binds a file onto itself writable: it can be written in place, but not replaced (a rename onto it fails with EBUSY). */
export function pinnedInPlace(file: string): Mounted {
  return mount(['--bind', file, file], file);
}
