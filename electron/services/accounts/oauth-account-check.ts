// What OAuth2 accounts need beyond the password path: the OAuth2 deps, OAuth errors as service errors, the report for a dead sign-in.
import { stepText } from '../net/step-text.ts';
import { stepIds, type CheckReport } from '../../../shared/check-report.ts';
import { serverSettingsOf, type ServerSettings } from '../../../shared/server-settings.ts';
import type { OAuthAccountDeps } from '../oauth/oauth-account-deps.ts';
import { OAuthError } from '../oauth/oauth-error.ts';
import { ServiceError } from '../service-error.ts';
import type { AccountsContext } from './accounts-context.ts';
import { sayFailure, type FailureWords } from '../../../shared/messages/failure-words.ts';
import { englishText } from '../../../shared/messages/shared-catalogue.ts';

/** The OAuth2 dependencies, or the error that says this build cannot sign in with a browser. */
export function requireOAuth(context: AccountsContext): OAuthAccountDeps {
  if (context.oauth === undefined) throw new ServiceError('invalid-request', 'This build of Mail Setup cannot sign in with OAuth2.');
  return context.oauth;
}

/** A sign-in or refresh failure as the IPC and the CLI report it; its message holds no token. */
export function toServiceError(error: unknown): unknown {
  if (!(error instanceof OAuthError)) return error;
  if (error.code === 'cancelled') return new ServiceError('cancelled', error.message);
  if (error.code === 'not-configured') return new ServiceError('invalid-request', error.message);
  return new ServiceError('sign-in-failed', error.message);
}

/**
 * The report of a re-test that could not start because the provider refused the refresh token
 * (`invalid_grant`): nothing was sent to the mail server, and only signing in again helps.
 */
export function signInExpiredReport(settings: ServerSettings, providerName: string): CheckReport {
  const values = { provider: providerName, email: settings.email };
  const words: FailureWords = { message: { id: 'failureExtras.signInExpired', values }, advice: [{ id: 'failureExtras.signInExpiredAdvice', values }] };
  return {
    ok: false,
    account: serverSettingsOf(settings),
    steps: stepIds.map((id) =>
      id === 'authenticate'
        ? { id, status: 'failed', ms: 0, ...stepText('steps.signInExpired', { provider: providerName }) }
        : { id, status: 'skipped', ms: 0, ...stepText('steps.notRunRenewSignIn') },
    ),
    failure: { category: 'wrong-credentials', ...sayFailure(words, englishText), serverText: '', words },
  };
}
