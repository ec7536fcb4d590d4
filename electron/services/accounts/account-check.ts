// Runs the check for a saved account or a new one, with the account's own options and pinned certificate, and records a re-test.
import type { CheckReport } from '../../../shared/check-report.ts';
import { OutgoingSettingsSchema, ServerSettingsSchema, type OutgoingSettings, type ServerSettings } from '../../../shared/server-settings.ts';
import { findAccount, replaceAccount, saveAccounts, toSummary } from './account-records.ts';
import type { AccountResult, CheckRun } from './accounts-service.types.ts';
import type { AccountsContext } from './accounts-context.ts';
import { defaultStepTimeoutMs } from '../check/check-runner.ts';
import type { Credential, OutgoingCheckInput } from '../check/check-input.ts';
import { withOutcome } from './outgoing-records.ts';
import type { SecretPresence } from './account-records.ts';
import { ServiceError } from '../service-error.ts';

/** What one check of an account needs beyond the context and the run. */
export interface AccountCheck {
  settings: ServerSettings;
  credential: Credential;
  allowInsecure: boolean;
  trustedFingerprint: string | undefined;
  /** The outgoing server, tested beside the incoming one; absent: incoming only. */
  outgoing?: OutgoingCheckInput | undefined;
  /** After both pass, send a message to the account itself and wait for it in INBOX. */
  sendTestMessage?: boolean | undefined;
}

/** Runs the check through the runner, so the UI can cancel it by its check id. */
export function runAccountCheck(context: AccountsContext, check: AccountCheck, run: CheckRun): Promise<CheckReport> {
  return context.runner.run(
    run.checkId,
    {
      settings: check.settings,
      credential: check.credential,
      allowInsecure: check.allowInsecure,
      trustedFingerprint: check.trustedFingerprint,
      timeoutMs: run.timeoutMs ?? defaultStepTimeoutMs,
      provider: context.providerHint(check.settings.email, check.settings.host),
      ...(check.outgoing === undefined ? {} : { outgoing: check.outgoing }),
      ...(check.sendTestMessage ? { sendTestMessage: true } : {}),
      ...(run.transcript ? { transcript: true } : {}),
    },
    run.onProgress,
  );
}

/** The settings of an account to add, checked again whoever calls; a ServiceError names the first problem. */
export function parseNewAccountSettings(settings: ServerSettings): ServerSettings {
  const parsed = ServerSettingsSchema.safeParse(settings);
  if (!parsed.success) throw new ServiceError('invalid-request', `Invalid account settings: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  return parsed.data;
}

/** The outgoing server of an account to add, checked again whoever calls. */
export function parseNewOutgoing(outgoing: OutgoingSettings | null | undefined): OutgoingSettings | null {
  if (outgoing === null || outgoing === undefined) return null;
  const parsed = OutgoingSettingsSchema.safeParse(outgoing);
  if (!parsed.success) throw new ServiceError('invalid-request', `Invalid outgoing server settings: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  return parsed.data;
}

/**
 * Records a re-test on the saved account, under the write lock and against the latest settings:
 * when it ran, and each server's failure category if any. An account removed while the check ran stays
 * removed. `beforeSave` runs inside the lock, once the account is known to be still there.
 */
export function recordRetest(
  context: AccountsContext,
  email: string,
  report: CheckReport,
  options: { hasSecret: boolean | SecretPresence; beforeSave?: (() => Promise<unknown>) | undefined },
): Promise<AccountResult> {
  return context.exclusive(async () => {
    const current = context.settings.read();
    const latest = findAccount(current.accounts, email);
    // Removed while the check ran: nothing to record.
    if (latest === undefined) return { report, account: null, duplicateOf: null };
    await options.beforeSave?.();
    const updated = withOutcome(latest, report, context.now());
    saveAccounts(context.settings, current, replaceAccount(current.accounts, updated));
    return { report, account: toSummary(updated, options.hasSecret), duplicateOf: null };
  });
}
