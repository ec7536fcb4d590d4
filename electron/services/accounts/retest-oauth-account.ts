// Re-tests an OAuth2 account: a fresh access token from the keychain's refresh token, then the check.
import { serverSettingsOf } from '../../../shared/server-settings.ts';
import { recordRetest, runAccountCheck } from './account-check.ts';
import { findAccount, secretNameOf, toSummary } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import type { AccountResult, CheckRun, RetestOptions } from './accounts-service.types.ts';
import { outgoingCheck } from './outgoing-records.ts';
import { requireOAuth, signInExpiredReport, toServiceError } from './oauth-account-check.ts';
import type { SettingsSnapshot } from './settings-store.ts';
import type { StoredAccount } from './settings-schema.ts';
import { trustedFingerprintFor } from './trusted-certificates.ts';
import { InvalidGrantError } from '../oauth/oauth-error.ts';
import type { CheckReport } from '../../../shared/check-report.ts';

/**
 * Gets an access token (the one in memory while it is valid, else a refreshed one, whose rotated
 * refresh token goes to the keychain at once), runs the check, and records the outcome. A
 * remembered token the server refuses is replaced by a refreshed one and the check runs once
 * more. A refresh token the provider refuses (`invalid_grant`) is deleted from the keychain, so
 * the account's status becomes `needs-sign-in`, and the report says to sign in again.
 */
export async function retestOAuthAccount(
  context: AccountsContext,
  snapshot: SettingsSnapshot,
  account: StoredAccount,
  run: CheckRun,
  options: RetestOptions = {},
): Promise<AccountResult> {
  const oauth = requireOAuth(context);
  const secretName = secretNameOf(snapshot, account);
  const stored = secretName === null ? null : await context.exclusive(() => context.secrets.get(secretName));
  if (secretName === null || stored === null) return { report: null, account: toSummary(account, false), duplicateOf: null };
  const settings = serverSettingsOf(account);

  let config;
  try {
    config = oauth.configFor(account.email, account.host);
  } catch (error) {
    throw toServiceError(error);
  }

  const keepRotated = async (refreshToken: string) => {
    if (refreshToken === stored) return;
    await context.exclusive(async () => {
      if (findAccount(context.settings.read().accounts, account.email) !== undefined) await context.secrets.set(secretName, refreshToken);
    });
  };

  const attempt = async (): Promise<CheckReport | 'invalid-grant'> => {
    let token;
    try {
      token = await oauth.tokens.get(secretName, stored, config);
    } catch (error) {
      if (error instanceof InvalidGrantError) return 'invalid-grant';
      throw toServiceError(error);
    }
    await keepRotated(token.refreshToken);
    const credential = { kind: 'oauth2' as const, accessToken: token.accessToken };
    const report = await runAccountCheck(
      context,
      {
        settings,
        credential,
        allowInsecure: account.allowInsecure,
        trustedFingerprint: trustedFingerprintFor(account),
        // The outgoing server saved with the sign-in takes the same token.
        outgoing: account.outgoing?.sharedPassword ? outgoingCheck(account.outgoing, credential, account.trustedCertificates) : undefined,
        sendTestMessage: options.sendTestMessage,
      },
      run,
    );
    // The remembered token may have been revoked early or the clocks may differ: refresh once.
    if (!token.refreshed && report.failure?.category === 'wrong-credentials') {
      oauth.tokens.forget(secretName);
      return attempt();
    }
    if (!report.ok) oauth.tokens.forget(secretName);
    return report;
  };
  const outcome = await attempt();

  const invalidGrant = outcome === 'invalid-grant';
  return recordRetest(context, account.email, invalidGrant ? signInExpiredReport(settings, config.providerName) : outcome, {
    hasSecret: !invalidGrant,
    // A refresh token the provider refused is dead: without it the account shows `needs-sign-in`.
    beforeSave: invalidGrant ? () => context.secrets.delete(secretName) : undefined,
  });
}
