// Turns a classified step failure into the report's failure: message, advice and the server's words.
import type { Failure } from '../../../shared/check-report.ts';
import { failureMessages, fillMessage } from '../../../shared/messages/failure-messages.ts';
import type { CheckInput } from './check-input.ts';
import type { StepFailure } from './check-failure.ts';

/** The failure as the user reads it, with provider-specific advice where the provider is known. */
export function buildFailure(failure: StepFailure, input: CheckInput): Failure {
  const { settings, provider } = input;
  const text = failureMessages[failure.category];
  const values = { host: settings.host, port: String(settings.port), provider: provider?.name ?? 'Your provider' };
  let advice = fillMessage(text.advice, values);
  let helpUrl = provider?.helpUrl ?? undefined;
  if (failure.category === 'wrong-credentials' && provider?.auth === 'app-password') {
    advice += ` ${provider.name} requires an app-specific password for mail apps: create one and use it instead of your normal password.`;
  } else if (failure.category === 'wrong-credentials' && provider?.auth === 'oauth2' && input.credential.kind === 'password') {
    advice += ` ${provider.name} may accept only an app password or signing in with your browser.`;
  } else if (failure.category !== 'app-password-required' && failure.category !== 'oauth-required' && failure.category !== 'wrong-credentials') {
    helpUrl = undefined;
  }
  const linkInServerText = /https:\/\/[^\s)]+/.exec(failure.serverText ?? '')?.[0];
  if (!helpUrl && linkInServerText && failure.category === 'app-password-required') helpUrl = linkInServerText;
  return {
    category: failure.category,
    message: fillMessage(text.message, values),
    advice,
    serverText: failure.serverText ?? '',
    ...(helpUrl ? { helpUrl } : {}),
    ...(failure.certificate ? { certificate: failure.certificate } : {}),
    ...(failure.pinnedFingerprint256 ? { pinnedFingerprint256: failure.pinnedFingerprint256 } : {}),
  };
}
