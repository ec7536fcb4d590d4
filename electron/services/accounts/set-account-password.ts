// Replaces a saved account's password, but only with one that passes the check.
import { serverSettingsOf } from '../../../shared/server-settings.ts';
import { ServiceError } from '../service-error.ts';
import { runAccountCheck } from './account-check.ts';
import { ensureStoreId, findAccount, hasStoredSecret, replaceAccount, requireAccount, toSummary } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import type { AccountResult, CheckRun } from './accounts-service.types.ts';
import { checkPassword } from './password-rules.ts';
import { keychainAccountName } from '../secrets/secret-store.ts';
import { trustedFingerprintFor } from './trusted-certificates.ts';

/**
 * Tests the new password against the saved settings first. A failing one changes nothing: the
 * old password stays in the keychain and the account's recorded status stays as it was. A
 * passing one replaces the stored secret and records a passing check.
 */
export async function setAccountPassword(context: AccountsContext, email: string, password: string, run: CheckRun): Promise<AccountResult> {
  checkPassword(password);
  await context.ready();
  const snapshot = context.settings.read();
  const account = requireAccount(snapshot, email);
  if (account.authKind !== 'password') {
    throw new ServiceError('invalid-request', `${account.email} signs in with OAuth2, not with a password.`);
  }

  const report = await runAccountCheck(
    context,
    { settings: serverSettingsOf(account), credential: { kind: 'password', password }, allowInsecure: account.allowInsecure, trustedFingerprint: trustedFingerprintFor(account) },
    run,
  );
  if (!report.ok) {
    const hasSecret = await context.exclusive(() => hasStoredSecret(context.secrets, context.settings.read(), account));
    return { report, account: toSummary(account, hasSecret), duplicateOf: null };
  }

  return context.exclusive(async () => {
    const current = context.settings.read();
    const latest = findAccount(current.accounts, account.email);
    // Removed while the check ran: the password has no account to belong to.
    if (latest === undefined) return { report, account: null, duplicateOf: null };
    const storeId = ensureStoreId(context.settings, current);
    await context.secrets.set(keychainAccountName(storeId, latest.email), password);
    const updated = { ...latest, lastCheckedAt: context.now().toISOString(), lastFailureCategory: null };
    context.settings.write({ storeId, accounts: replaceAccount(current.accounts, updated) });
    return { report, account: toSummary(updated, true), duplicateOf: null };
  });
}
