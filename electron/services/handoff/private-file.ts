// Writes an export to disk all at once, readable only by the user (0600), never over an existing file unless asked.
import { randomBytes } from 'node:crypto';
import { linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ServiceError } from '../service-error.ts';

/** Why a file could not be written, in words. */
function reason(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const words: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
  };
  return words[code] ?? (code || 'unknown error');
}

/**
 * Writes `contents` to `path`: first to a private temporary file beside it, then moved into place
 * in one step, so the path holds either nothing new or the whole export. Without `force`, an
 * existing file is left untouched (`ServiceError('invalid-request')`), even one created meanwhile:
 * the temporary file is hard-linked to the name, which fails when the name exists.
 */
export function writePrivateFile(path: string, contents: string | Uint8Array, force: boolean): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, contents, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new ServiceError('internal', `Could not write ${path}: ${reason(error)}. Nothing was written.`);
  }
  try {
    if (force) renameSync(temporary, path);
    else linkSync(temporary, path);
  } catch (error) {
    const exists = error instanceof Error && 'code' in error && error.code === 'EEXIST';
    throw exists
      ? new ServiceError('invalid-request', `${path} already exists; nothing was written (add --force to replace it).`)
      : new ServiceError('internal', `Could not write ${path}: ${reason(error)}. Nothing was written.`);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed into place.
    }
  }
}
