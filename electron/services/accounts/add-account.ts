// Adds an account: check first, then the secret to the keychain, then the settings; all or nothing.
import { parseNewAccountSettings, runAccountCheck } from './account-check.ts';
import { findDuplicate, toSummary } from './account-records.ts';
import type { AccountsContext } from './accounts-context.ts';
import type { AccountResult, AddAccountRequest, CheckRun } from './accounts-service.types.ts';
import { checkPassword } from './password-rules.ts';
import { saveNewAccount } from './save-new-account.ts';
import { pinFromReport, withPin } from './trusted-certificates.ts';

/**
 * Saves a new account only after a passing check. A duplicate (same email, or same username on
 * the same server) is refused with `duplicateOf` before anything is sent, and again if another
 * process saved one while the check ran. See save-new-account.ts for how the secret and the
 * settings are kept together.
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

  const checkedAt = context.now();
  const account = withPin(
    {
      ...settings,
      displayName: request.displayName.trim(),
      authKind: 'password' as const,
      allowInsecure: request.allowInsecure,
      lastCheckedAt: checkedAt.toISOString(),
      lastFailureCategory: null,
      trustedCertificates: [],
    },
    pinFromReport(report, checkedAt),
  );
  const outcome = await saveNewAccount(context, account, request.password, 'password');
  if ('duplicateOf' in outcome) return { report, account: null, duplicateOf: outcome.duplicateOf };
  return { report, account: toSummary(outcome.saved, true), duplicateOf: null };
}
