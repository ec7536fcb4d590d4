// Re-tests a saved account with the password from the keychain and records the outcome.
import { serverSettingsOf } from '../../../shared/server-settings.ts';
import { recordRetest, runAccountCheck } from './account-check.ts';
import { requireAccount, secretNameOf, toSummary } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import type { AccountResult, CheckRun } from './accounts-service.types.ts';
import { trustedFingerprintFor } from './trusted-certificates.ts';
import { retestOAuthAccount } from './retest-oauth-account.ts';

/**
 * Runs the check with the stored secret and the account's pinned certificate, then records when
 * and with what result; `wrong-credentials` makes the account's status `needs-password`. An
 * account without a stored secret is not checked: it comes back with status `needs-password`
 * and no report.
 */
export async function retestAccount(context: AccountsContext, email: string, run: CheckRun): Promise<AccountResult> {
  await context.ready();
  const snapshot = context.settings.read();
  const account = requireAccount(snapshot, email);
  // OAuth2 accounts re-test with a (refreshed) access token instead of a password.
  if (account.authKind === 'oauth2') return retestOAuthAccount(context, snapshot, account, run);
  const secretName = secretNameOf(snapshot, account);
  // Read under the lock: a remove in another process may be deleting it.
  const password = secretName === null ? null : await context.exclusive(() => context.secrets.get(secretName));
  if (password === null) return { report: null, account: toSummary(account, false), duplicateOf: null };

  const report = await runAccountCheck(
    context,
    { settings: serverSettingsOf(account), credential: { kind: 'password', password }, allowInsecure: account.allowInsecure, trustedFingerprint: trustedFingerprintFor(account) },
    run,
  );
  return recordRetest(context, account.email, report, { hasSecret: true });
}
