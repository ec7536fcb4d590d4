// Replaces a saved account's password(s), but only with ones that pass the check of both servers.
import { serverSettingsOf } from '../../../shared/server-settings.ts';
import { keychainAccountName } from '../secrets/secret-store.ts';
import { ServiceError } from '../service-error.ts';
import { runAccountCheck } from './account-check.ts';
import { ensureStoreId, findAccount, outgoingSecretNameOf, replaceAccount, requireAccount, storedSecrets, toSummary } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import type { AccountResult, CheckRun } from './accounts-service.types.ts';
import { outgoingCheck, withOutcome } from './outgoing-records.ts';
import { checkPassword } from './password-rules.ts';
import { storeSecretsThenCommit } from './swap-secrets.ts';
import { trustedFingerprintFor } from './trusted-certificates.ts';

/**
 * Tests the new password against the saved settings of both servers first: the outgoing server
 * with the same password when it shares it (or with `outgoingPassword`, which gives it its own,
 * or with its own stored one when it keeps that). A failing check changes nothing: the old
 * secrets stay in the keychain and the recorded status stays as it was. A passing one replaces
 * the stored secret(s): one item when shared (a separate outgoing item that is no longer needed
 * is deleted), two when not, and records the check. A settings file that cannot be written is
 * found before the check (nothing is sent), and should the write still fail, the old secrets
 * are put back: the keychain and the file never disagree.
 */
export async function setAccountPassword(context: AccountsContext, email: string, password: string, run: CheckRun, outgoingPassword?: string): Promise<AccountResult> {
  checkPassword(password);
  if (outgoingPassword !== undefined) checkPassword(outgoingPassword);
  await context.ready();
  const snapshot = context.settings.read();
  const account = requireAccount(snapshot, email);
  if (account.authKind !== 'password') {
    throw new ServiceError('invalid-request', `${account.email} signs in with OAuth2, not with a password.`);
  }
  if (outgoingPassword !== undefined && account.outgoing === null) {
    throw new ServiceError('invalid-request', `${account.email} has no outgoing server to give a password to.`);
  }
  // Before the password is sent anywhere: a check whose outcome could not be kept is no use.
  context.settings.assertWritable('passwordNotSent');
  const shared = account.outgoing === null || (outgoingPassword === undefined ? account.outgoing.sharedPassword : outgoingPassword === password);
  // A separate outgoing password that is kept is tested as it is stored.
  const outgoingSecret = shared
    ? password
    : (outgoingPassword ??
      (await context.exclusive(async () => {
        const name = outgoingSecretNameOf(context.settings.read(), account);
        return name === null ? null : context.secrets.get(name);
      })));

  const report = await runAccountCheck(
    context,
    {
      settings: serverSettingsOf(account),
      credential: { kind: 'password', password },
      allowInsecure: account.allowInsecure,
      trustedFingerprint: trustedFingerprintFor(account),
      outgoing:
        account.outgoing === null || outgoingSecret === null
          ? undefined
          : outgoingCheck(account.outgoing, { kind: 'password', password: outgoingSecret }, account.trustedCertificates),
    },
    run,
  );
  if (!report.ok) {
    const secrets = await context.exclusive(() => storedSecrets(context.secrets, context.settings.read(), account));
    return { report, account: toSummary(account, secrets), duplicateOf: null };
  }

  return context.exclusive(async () => {
    const current = context.settings.read();
    const latest = findAccount(current.accounts, account.email);
    // Removed while the check ran: the password has no account to belong to.
    if (latest === undefined) return { report, account: null, duplicateOf: null };
    const storeId = ensureStoreId(context.settings, current);
    const separateName = keychainAccountName(storeId, latest.email, 'outgoing');
    const changes = new Map([[keychainAccountName(storeId, latest.email), password]]);
    if (latest.outgoing !== null && !shared && outgoingPassword !== undefined) changes.set(separateName, outgoingPassword);
    const updated = withOutcome({ ...latest, outgoing: latest.outgoing === null ? null : { ...latest.outgoing, sharedPassword: shared } }, report, context.now());
    // All or nothing: the settings fail to write (a full disk, a rename refused) and the old passwords are back.
    await storeSecretsThenCommit(
      context.secrets,
      changes,
      () => context.settings.write({ storeId, accounts: replaceAccount(current.accounts, updated) }),
      'passwordNotSaved',
    );
    // One password for both now: the separate item would only be a stale copy.
    if (latest.outgoing !== null && shared && !latest.outgoing.sharedPassword) await context.secrets.delete(separateName).catch(() => false);
    return { report, account: toSummary(updated, { incoming: true, outgoing: updated.outgoing === null || shared || outgoingSecret !== null }), duplicateOf: null };
  });
}
