// Re-tests a saved account (both servers) with the secrets from the keychain and records each server's outcome.
import { serverSettingsOf } from '../../../shared/server-settings.ts';
import { recordRetest, runAccountCheck } from './account-check.ts';
import { outgoingSecretNameOf, requireAccount, secretNameOf, toSummary } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import type { AccountResult, CheckRun, RetestOptions } from './accounts-service.types.ts';
import { outgoingCheck } from './outgoing-records.ts';
import { trustedFingerprintFor } from './trusted-certificates.ts';
import { retestOAuthAccount } from './retest-oauth-account.ts';

/**
 * Runs the check with the stored secret(s) and the account's pinned certificates, then records
 * when and with what result for each server; `wrong-credentials` makes a server's status
 * `needs-password`. An account without its incoming secret is not checked: it comes back with
 * status `needs-password` and no report. An outgoing server whose own password is missing is
 * left out of the check (its status says `needs-password`).
 */
export async function retestAccount(context: AccountsContext, email: string, run: CheckRun, options: RetestOptions = {}): Promise<AccountResult> {
  await context.ready();
  const snapshot = context.settings.read();
  const account = requireAccount(snapshot, email);
  // Before any secret is sent: the outcome is recorded, so the file must take it.
  context.settings.assertWritable('notRetested');
  // OAuth2 accounts re-test with a (refreshed) access token instead of a password.
  if (account.authKind === 'oauth2') return retestOAuthAccount(context, snapshot, account, run, options);
  // Read under the lock: a remove in another process may be deleting them.
  const { password, outgoingPassword } = await context.exclusive(async () => {
    const name = secretNameOf(snapshot, account);
    const outgoingName = outgoingSecretNameOf(snapshot, account);
    const incoming = name === null ? null : await context.secrets.get(name);
    return { password: incoming, outgoingPassword: outgoingName === null ? incoming : await context.secrets.get(outgoingName) };
  });
  if (password === null) return { report: null, account: toSummary(account, { incoming: false, outgoing: outgoingPassword !== null }), duplicateOf: null };

  const report = await runAccountCheck(
    context,
    {
      settings: serverSettingsOf(account),
      credential: { kind: 'password', password },
      allowInsecure: account.allowInsecure,
      trustedFingerprint: trustedFingerprintFor(account),
      outgoing:
        account.outgoing === null || outgoingPassword === null
          ? undefined
          : outgoingCheck(account.outgoing, { kind: 'password', password: outgoingPassword }, account.trustedCertificates),
      sendTestMessage: options.sendTestMessage,
    },
    run,
  );
  return recordRetest(context, account.email, report, { hasSecret: { incoming: true, outgoing: outgoingPassword !== null } });
}
