// Start-up reconciliation: proves the keychain answers, removes secrets that an interrupted add left, and temporary files a killed write left.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseKeychainAccountName } from '../secrets/secret-store.ts';
import { findAccount } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import { pendingFileName } from './pending-secrets.ts';
import { StorageError } from './storage-error.ts';
import { settingsFileName } from './settings-schema.ts';

// What an atomic write leaves when it is killed between writing and renaming: conf's
// `settings.json.tmp-<digits>`, and this app's own `.tmp-<pid>` / `.migrating-<pid>` files.
const leftoverPattern = new RegExp(`^(${settingsFileName}\\.json|${pendingFileName.replace('.', '\\.')})\\.(tmp|migrating)-[\\w-]+$`);

function leftoverFiles(dataDir: string): string[] {
  try {
    return readdirSync(dataDir).filter((name) => leftoverPattern.test(name));
  } catch {
    return [];
  }
}

/**
 * Runs once per process before its first operation. The keychain check comes first, so no
 * check sends a password when the secret could not be saved. Then, under the lock (so no
 * write is under way): temporary files of killed writes go, and so do the secrets of adds that
 * recorded a pending secret and never finished (their process is gone, or the record is older
 * than any add takes) unless a saved account owns the name after all. A secret of a running
 * add is never touched: its record is live. Returns the names of the secrets deleted.
 */
export async function reconcileSecrets(context: AccountsContext): Promise<string[]> {
  await context.secrets.check();
  const dataDir = dirname(context.settings.path);
  if (context.pending.abandoned().length === 0 && leftoverFiles(dataDir).length === 0) return [];
  // A newer version's file is not this version's to tidy after: it may know secrets this one cannot see.
  if (context.settings.notice?.kind === 'newer') return [];
  return context.exclusive(async () => {
    for (const name of leftoverFiles(dataDir)) rmSync(join(dataDir, name), { force: true });
    const abandoned = context.pending.abandoned();
    const snapshot = context.settings.read();
    const deleted: string[] = [];
    for (const record of abandoned) {
      const parsed = parseKeychainAccountName(record.name);
      const account = parsed === null || parsed.storeId !== snapshot.storeId ? undefined : findAccount(snapshot.accounts, parsed.email);
      // A separate outgoing item belongs to the account only while the account keeps one.
      const owned = account !== undefined && (parsed?.role === 'incoming' || (account.outgoing !== null && !account.outgoing.sharedPassword));
      if (!owned && (await context.secrets.delete(record.name))) deleted.push(record.name);
    }
    context.pending.forget(abandoned);
    return deleted;
  }).catch((error: unknown) => {
    // A folder that cannot be locked or written now (read-only, full) is tidied at a later start; reading goes on.
    if (error instanceof StorageError) return [];
    throw error;
  });
}
