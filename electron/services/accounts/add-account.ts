// Adds an account: check first, then the secret to the keychain, then the settings; all or nothing.
import { keychainAccountName } from '../secrets/secret-store.ts';
import { ServiceError } from '../service-error.ts';
import { parseNewAccountSettings, runAccountCheck } from './account-check.ts';
import { ensureStoreId, findDuplicate, toSummary } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import type { AccountResult, AddAccountRequest, CheckRun } from './accounts-service.types.ts';
import type { StoredAccount } from './settings-schema.ts';
import { pinFromReport, withPin } from './trusted-certificates.ts';
import { checkPassword } from './password-rules.ts';

/**
 * Saves a new account only after a passing check. A duplicate (same email, or same username on
 * the same server) is refused with `duplicateOf` before anything is sent. The secret is written
 * first and the settings second; if the settings cannot be written the secret is deleted again,
 * and a crash in between leaves a secret that start-up reconciliation removes.
 */
export async function addAccount(context: AccountsContext, request: AddAccountRequest, run: CheckRun): Promise<AccountResult> {
  const settings = parseNewAccountSettings(request.settings);
  checkPassword(request.password);
  await context.ready();

  const existing = findDuplicate(context.settings.read().accounts, settings);
  if (existing !== undefined) return { report: null, account: null, duplicateOf: existing.email };

  const report = await runAccountCheck(
    context,
    { settings, credential: { kind: 'password', password: request.password }, allowInsecure: request.allowInsecure, trustedFingerprint: request.trustCertificate },
    run,
  );
  if (!report.ok) return { report, account: null, duplicateOf: null };

  return context.exclusive(async () => {
    const snapshot = context.settings.read();
    const raced = findDuplicate(snapshot.accounts, settings);
    if (raced !== undefined) return { report, account: null, duplicateOf: raced.email };
    const storeId = ensureStoreId(context.settings, snapshot);
    const checkedAt = context.now();
    const account: StoredAccount = withPin(
      {
        ...settings,
        displayName: request.displayName.trim(),
        authKind: 'password',
        allowInsecure: request.allowInsecure,
        lastCheckedAt: checkedAt.toISOString(),
        lastFailureCategory: null,
        trustedCertificates: [],
      },
      pinFromReport(report, checkedAt),
    );
    const secretName = keychainAccountName(storeId, account.email);
    await context.secrets.set(secretName, request.password);
    try {
      context.settings.write({ storeId, accounts: [...snapshot.accounts, account] });
    } catch (error) {
      await context.secrets.delete(secretName).catch(() => false);
      const why = error instanceof Error ? error.message : 'the settings could not be written';
      throw new ServiceError('internal', `${why} The account was not saved, and its password was removed from the keychain again.`);
    }
    return { report, account: toSummary(account, true), duplicateOf: null };
  });
}
