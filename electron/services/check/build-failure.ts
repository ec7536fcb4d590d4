// Turns a classified step failure into the report's failure: message, advice and the server's words.
import type { Failure, ServerRole } from '../../../shared/check-report.ts';
import { failureMessages, fillMessage } from '../../../shared/messages/failure-messages.ts';
import { outgoingAdvice, port25Advice } from '../../../shared/messages/outgoing-failure-messages.ts';
import { pop3Advice } from '../../../shared/messages/pop3-failure-messages.ts';
import { firstNonAsciiLetter, internationalAddressTexts } from '../../../shared/messages/international-address-messages.ts';
import { networkFailureTexts } from '../../../shared/messages/network-failure-messages.ts';
import { toUnicodeEmail } from '../../../shared/email-address.ts';
import type { CheckInput } from './check-input.ts';
import type { StepFailure } from '../net/step-failure.ts';

/** The server a failure belongs to, as its words need it. */
function serverOf(input: CheckInput, role: ServerRole) {
  const outgoing = role === 'outgoing' ? input.outgoing : undefined;
  return outgoing
    ? { host: outgoing.settings.host, port: outgoing.settings.port, username: outgoing.settings.username, credential: outgoing.credential }
    : { host: input.settings.host, port: input.settings.port, username: input.settings.username, credential: input.credential };
}

const reasonTexts = { ...internationalAddressTexts, ...networkFailureTexts };

/** The failure as the user reads it, with provider-specific advice where the provider is known. */
export function buildFailure(failure: StepFailure, input: CheckInput, role: ServerRole = 'incoming'): Failure {
  const { provider } = input;
  const server = serverOf(input, role);
  const text = failure.reason ? reasonTexts[failure.reason] : failureMessages[failure.category];
  const email = toUnicodeEmail(input.settings.email);
  const localPart = email.slice(0, email.lastIndexOf('@'));
  const values = {
    host: server.host,
    port: String(server.port),
    provider: provider?.name ?? 'Your provider',
    email,
    username: server.username,
    letter: firstNonAsciiLetter(failure.reason === 'imap-login-ascii-only' ? server.username : localPart),
  };
  const roleAdvice = role === 'outgoing' ? outgoingAdvice : input.settings.protocol === 'pop3' ? pop3Advice : {};
  const adviceTemplate = failure.advice ?? (failure.reason ? undefined : roleAdvice[failure.category]) ?? text.advice;
  let advice = fillMessage(adviceTemplate, values);
  if (role === 'outgoing' && server.port === 25 && port25Advice.categories.includes(failure.category)) advice += ` ${port25Advice.advice}`;
  let helpUrl = failure.helpUrl ?? provider?.helpUrl ?? undefined;
  if (failure.category === 'wrong-credentials' && provider?.auth === 'app-password') {
    advice += ` ${provider.name} requires an app-specific password for mail apps: create one and use it instead of your normal password.`;
  } else if (failure.category === 'wrong-credentials' && provider?.auth === 'oauth2' && server.credential.kind === 'password') {
    advice += ` ${provider.name} may accept only an app password or signing in with your browser.`;
  } else if (!failure.helpUrl && failure.category !== 'app-password-required' && failure.category !== 'oauth-required' && failure.category !== 'wrong-credentials') {
    helpUrl = undefined;
  }
  const linkInServerText = /https:\/\/[^\s)]+/.exec(failure.serverText ?? '')?.[0];
  if (!helpUrl && linkInServerText && (failure.category === 'app-password-required' || failure.category === 'auth-disabled')) helpUrl = linkInServerText;
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
