// Replaces keychain secrets and the settings together: if the settings cannot be written, the old secrets are put back.
import type { SecretStore } from '../secrets/secret-store.ts';
import type { StorageOutcome } from '../../../shared/messages/storage-messages.ts';
import { withOutcome } from './storage-error.ts';

/**
 * Stores each new secret (keychain name → value), then runs `commit` (the settings write). If a
 * store or the commit fails, every secret is put back as it was (deleted where there was none),
 * and the error is thrown again with `outcome` added ("The new password was not saved; …"). Run it
 * inside `exclusive`.
 */
export async function storeSecretsThenCommit(secrets: SecretStore, changes: ReadonlyMap<string, string>, commit: () => void, outcome: StorageOutcome): Promise<void> {
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
