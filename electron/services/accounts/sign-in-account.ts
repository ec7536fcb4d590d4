// Signs an account in with OAuth2 in the system browser: check both servers with the access token, then keep the refresh token.
import { protocolOf, serverSettingsOf, type OutgoingSettings, type ServerSettings } from '../../../shared/server-settings.ts';
import { keychainAccountName } from '../secrets/secret-store.ts';
import { ServiceError } from '../service-error.ts';
import { parseNewAccountSettings, parseNewOutgoing, runAccountCheck } from './account-check.ts';
import { ensureStoreId, findAccount, findDuplicate, hasStoredSecret, replaceAccount, toSummary } from './account-records.ts';
import { saveNewAccount } from './save-new-account.ts';
import type { AccountsContext } from './accounts-context.ts';
import type { AccountResult, CheckRun, OAuthSignInRequest } from './accounts-service.types.ts';
import { requireOAuth, toServiceError } from './oauth-account-check.ts';
import type { StoredAccount } from './settings-schema.ts';
import { storeSecretsThenCommit } from './swap-secrets.ts';
import { newOutgoing, outgoingCheck, withOutcome, withPinsFrom } from './outgoing-records.ts';
import { trustedFingerprintAt, trustedFingerprintFor } from './trusted-certificates.ts';

interface Target {
  settings: ServerSettings;
  existing: StoredAccount | undefined;
  allowInsecure: boolean;
  trustedFingerprint: string | undefined;
  /** The outgoing server signed in with the same token (and its pinned certificate), if any. */
  outgoing: { settings: OutgoingSettings; trustedFingerprint: string | undefined } | null;
}

function targetOf(context: AccountsContext, request: OAuthSignInRequest): Target | { duplicateOf: string } {
  const accounts = context.settings.read().accounts;
  const existing = findAccount(accounts, request.email);
  if (existing !== undefined) {
    return {
      settings: serverSettingsOf(existing),
      existing,
      allowInsecure: existing.allowInsecure,
      trustedFingerprint: trustedFingerprintFor(existing),
      outgoing: tokenOutgoing(existing),
    };
  }
  if (request.settings === undefined) throw new ServiceError('invalid-request', `No saved account ${request.email.trim()}: give the server settings to add it.`);
  const settings = parseNewAccountSettings(request.settings);
  if (settings.email.toLowerCase() !== request.email.trim().toLowerCase()) throw new ServiceError('invalid-request', 'The settings are for another email address.');
  const duplicate = findDuplicate(accounts, settings);
  if (duplicate !== undefined) return { duplicateOf: duplicate.email };
  const outgoing = parseNewOutgoing(request.outgoing);
  return {
    settings,
    existing: undefined,
    allowInsecure: request.allowInsecure,
    trustedFingerprint: request.trustCertificate,
    outgoing: outgoing === null ? null : { settings: outgoing, trustedFingerprint: request.outgoingTrustCertificate },
  };
}

/**
 * A saved account's outgoing server that the token serves: one that shares the account's secret.
 * An outgoing server with a password of its own keeps that password and is not part of the sign-in.
 */
function tokenOutgoing(account: StoredAccount): Target['outgoing'] {
  const outgoing = account.outgoing;
  if (outgoing === null || !outgoing.sharedPassword) return null;
  const settings = { host: outgoing.host, port: outgoing.port, security: outgoing.security, username: outgoing.username };
  return { settings, trustedFingerprint: trustedFingerprintAt(account.trustedCertificates, outgoing) };
}

/**
 * Signs in (a new account, or a saved one whose sign-in expired or that used a password) with
 * the provider in the system browser, tests the settings with the access token, and only after
 * a passing check keeps the refresh token in the keychain and records the account as `oauth2`.
 * A failing check changes nothing. The access token stays in memory only.
 */
export async function signInAccount(context: AccountsContext, request: OAuthSignInRequest, run: CheckRun): Promise<AccountResult> {
  const oauth = requireOAuth(context);
  if (oauth.signIns === undefined) throw new ServiceError('invalid-request', 'Signing in with a browser is not available here.');
  await context.ready();
  const target = targetOf(context, request);
  if ('duplicateOf' in target) return { report: null, account: null, duplicateOf: target.duplicateOf };
  // Before the browser opens: a sign-in whose outcome cannot be saved is wasted on the user.
  context.settings.assertWritable('signInNotStarted');
  const { settings } = target;

  let tokens;
  try {
    const config = oauth.configFor(settings.email, settings.host);
    tokens = await oauth.signIns.run(run.checkId, config, settings.email);
    if (tokens.refreshToken === null) {
      throw new ServiceError('sign-in-failed', `${config.providerName} did not let Mail Setup stay signed in (no refresh token was granted). Sign in again and allow access.`);
    }
  } catch (error) {
    throw toServiceError(error);
  }
  const refreshToken = tokens.refreshToken;

  // Providers take the same token for sending (XOAUTH2/OAUTHBEARER on SMTP): both servers are tested with it.
  const credential = { kind: 'oauth2' as const, accessToken: tokens.accessToken };
  const report = await runAccountCheck(
    context,
    {
      settings,
      credential,
      allowInsecure: target.allowInsecure,
      trustedFingerprint: target.trustedFingerprint,
      outgoing: target.outgoing === null ? undefined : outgoingCheck(target.outgoing.settings, credential, [], target.outgoing.trustedFingerprint),
    },
    run,
  );
  if (!report.ok) {
    if (target.existing === undefined) return { report, account: null, duplicateOf: null };
    const existing = target.existing;
    const hasSecret = await context.exclusive(() => hasStoredSecret(context.secrets, context.settings.read(), existing));
    return { report, account: toSummary(existing, hasSecret), duplicateOf: null };
  }

  const checkedAt = context.now();
  const signedIn = (account: StoredAccount): StoredAccount => withPinsFrom(withOutcome({ ...account, authKind: 'oauth2' }, report, checkedAt), report, checkedAt);

  if (target.existing === undefined) {
    const account = signedIn({
      ...settings,
      protocol: protocolOf(settings),
      displayName: request.displayName?.trim() ?? '',
      authKind: 'oauth2',
      allowInsecure: target.allowInsecure,
      lastCheckedAt: null,
      lastFailureCategory: null,
      trustedCertificates: [],
      // The refresh token serves both servers: one keychain item, as a shared password.
      outgoing: target.outgoing === null ? null : newOutgoing(target.outgoing.settings, true),
    });
    const outcome = await saveNewAccount(context, account, { incoming: refreshToken }, 'sign-in');
    if ('duplicateOf' in outcome) return { report, account: null, duplicateOf: outcome.duplicateOf };
    oauth.tokens.remember(outcome.secretName, refreshToken, tokens);
    return { report, account: toSummary(outcome.saved, true), duplicateOf: null };
  }

  return context.exclusive(async () => {
    const snapshot = context.settings.read();
    const latest = findAccount(snapshot.accounts, settings.email);
    // A saved account removed while the browser or the check ran: nothing to keep the token for.
    if (latest === undefined) return { report, account: null, duplicateOf: null };
    const storeId = ensureStoreId(context.settings, snapshot);
    const account = signedIn(latest);
    const secretName = keychainAccountName(storeId, account.email);
    // The refresh token takes the place of a password the account may have had, which comes back if the settings cannot be written.
    await storeSecretsThenCommit(
      context.secrets,
      new Map([[secretName, refreshToken]]),
      () => context.settings.write({ storeId, accounts: replaceAccount(snapshot.accounts, account) }),
      'signInNotSaved',
    );
    oauth.tokens.remember(secretName, refreshToken, tokens);
    return { report, account: toSummary(account, true), duplicateOf: null };
  });
}
