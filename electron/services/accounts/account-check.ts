// Runs the check for a saved account or a new one, with the account's own options and pinned certificate.
import type { CheckReport } from '../../../shared/check-report.ts';
import type { ServerSettings } from '../../../shared/server-settings.ts';
import type { CheckRun } from './accounts-service.types.ts';
import type { AccountsContext } from './accounts-context.ts';
import { defaultStepTimeoutMs } from '../check/check-runner.ts';
import type { Credential } from '../check/check-input.ts';

/** What one check of an account needs beyond the context and the run. */
export interface AccountCheck {
  settings: ServerSettings;
  credential: Credential;
  allowInsecure: boolean;
  trustedFingerprint: string | undefined;
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
      provider: context.providerHint(check.settings.email),
    },
    run.onProgress,
  );
}

/** The server settings of a saved account. */
export function settingsOf(account: ServerSettings): ServerSettings {
  return { email: account.email, host: account.host, port: account.port, security: account.security, username: account.username };
}
