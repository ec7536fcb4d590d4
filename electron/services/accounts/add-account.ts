// Adds an account: check both servers first, then the secret(s) to the keychain, then the settings; all or nothing.
import { parseNewAccountSettings, parseNewOutgoing, runAccountCheck } from './account-check.ts';
import { findDuplicate, toSummary } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import type { AccountResult, AddAccountRequest, CheckRun } from './accounts-service.types.ts';
import { newOutgoing, outgoingCheck, savable, withOutcome, withPinsFrom } from './outgoing-records.ts';
import { checkPassword } from './password-rules.ts';
import { saveNewAccount } from './save-new-account.ts';
import { protocolOf } from '../../../shared/server-settings.ts';

/**
 * Saves a new account only after a passing check of both servers. A duplicate (same email, or
 * same username on the same server) is refused with `duplicateOf` before anything is sent, and
 * again if another process saved one while the check ran. One keychain item holds the password
 * when the outgoing server shares it; a different outgoing password gets a second item. See
 * save-new-account.ts for how the secrets and the settings are kept together.
 */
export async function addAccount(context: AccountsContext, request: AddAccountRequest, run: CheckRun): Promise<AccountResult> {
  const settings = parseNewAccountSettings(request.settings);
  const outgoing = parseNewOutgoing(request.outgoing);
  checkPassword(request.password);
  if (request.outgoingPassword !== undefined) checkPassword(request.outgoingPassword);
  // The same password typed twice is one password: one keychain item.
  const outgoingPassword = outgoing === null || request.outgoingPassword === request.password ? undefined : request.outgoingPassword;
  await context.ready();

  const existing = findDuplicate(context.settings.read().accounts, settings);
  if (existing !== undefined) return { report: null, account: null, duplicateOf: existing.email };
  // Before the password is sent anywhere: an account that passes but cannot be saved helps no one.
  context.settings.assertWritable('nothingSent');

  const report = await runAccountCheck(
    context,
    {
      settings,
      credential: { kind: 'password', password: request.password },
      allowInsecure: request.allowInsecure,
      trustedFingerprint: request.trustCertificate,
      outgoing: outgoing === null ? undefined : outgoingCheck(outgoing, { kind: 'password', password: outgoingPassword ?? request.password }, [], request.outgoingTrustCertificate),
      sendTestMessage: request.sendTestMessage,
    },
    run,
  );
  if (!(report.ok || (request.outgoingLater === true && savable(report)))) return { report, account: null, duplicateOf: null };

  const checkedAt = context.now();
  const account = withPinsFrom(
    withOutcome(
      {
        ...settings,
        protocol: protocolOf(settings),
        displayName: request.displayName.trim(),
        authKind: 'password',
        allowInsecure: request.allowInsecure,
        lastCheckedAt: null,
        lastFailureCategory: null,
        trustedCertificates: [],
        outgoing: outgoing === null ? null : newOutgoing(outgoing, outgoingPassword === undefined),
      },
      report,
      checkedAt,
    ),
    report,
    checkedAt,
  );
  const outcome = await saveNewAccount(context, account, { incoming: request.password, outgoing: outgoingPassword }, 'password');
  if ('duplicateOf' in outcome) return { report, account: null, duplicateOf: outcome.duplicateOf };
  return { report, account: toSummary(outcome.saved, true), duplicateOf: null };
}
