// Replaces keychain secrets and the settings together: if the settings cannot be written, the old secrets are put back.
import type { SecretStore } from '../secrets/secret-store.ts';
import { ServiceError } from '../service-error.ts';
import { StorageError } from './storage-error.ts';

/**
 * Stores each new secret (keychain name → value), then runs `commit` (the settings write). If a
 * store or the commit fails, every secret is put back as it was (deleted where there was none),
 * and the error is thrown again with `outcome` added ("The new password was not saved; …"). Run it
 * inside `exclusive`.
 */
export async function storeSecretsThenCommit(secrets: SecretStore, changes: ReadonlyMap<string, string>, commit: () => void, outcome: string): Promise<void> {
  const before = new Map<string, string | null>();
  for (const name of changes.keys()) before.set(name, await secrets.get(name));
  try {
    for (const [name, value] of changes) await secrets.set(name, value);
    commit();
  } catch (error) {
    for (const [name, value] of before) await (value === null ? secrets.delete(name) : secrets.set(name, value)).catch(() => undefined);
    throw withOutcome(error, outcome);
  }
}

/** The same error with what became of the operation added to its message; an error that is not a ServiceError stays as it is. */
export function withOutcome(error: unknown, outcome: string): unknown {
  if (error instanceof StorageError) return new StorageError(error.reason, error.place, `${error.message} ${outcome}`);
  if (error instanceof ServiceError) return new ServiceError(error.code, `${error.message} ${outcome}`);
  return error;
}
