// Turns a classified step failure into the report's failure: message, advice and the server's words.
import type { Failure, ServerRole } from '../../../shared/check-report.ts';
import type { FailureWords, MessageRef } from '../../../shared/messages/failure-words.ts';
import { sayFailure } from '../../../shared/messages/failure-words.ts';
import { outgoingAdvice, port25Advice } from '../../../shared/messages/outgoing-failure-messages.ts';
import { pop3Advice } from '../../../shared/messages/pop3-failure-messages.ts';
import { firstNonAsciiLetter } from '../../../shared/messages/international-address-messages.ts';
import { englishText, idOfEnglish } from '../../../shared/messages/shared-catalogue.ts';
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

/** The failure as the user reads it, with provider-specific advice where the provider is known. */
export function buildFailure(failure: StepFailure, input: CheckInput, role: ServerRole = 'incoming'): Failure {
  const { provider } = input;
  const server = serverOf(input, role);
  const textId = failure.reason ? `failureReasons.${failure.reason}` : `failureTexts.${failure.category}`;
  const email = toUnicodeEmail(input.settings.email);
  const localPart = email.slice(0, email.lastIndexOf('@'));
  const values = {
    host: server.host,
    port: String(server.port),
    // Empty: "your provider", in the reader's language.
    provider: provider?.name ?? '',
    email,
    username: server.username,
    letter: firstNonAsciiLetter(failure.reason === 'imap-login-ascii-only' ? server.username : localPart),
  };
  const [roleGroup, roleAdvice] = role === 'outgoing' ? ['outgoingAdvice', outgoingAdvice] : input.settings.protocol === 'pop3' ? ['pop3Advice', pop3Advice] : ['', {}];
  // The session's own advice is one of the shared English texts; its id lets it be translated.
  const adviceId = failure.advice !== undefined ? idOfEnglish(failure.advice) : !failure.reason && roleAdvice[failure.category] ? `${roleGroup}.${failure.category}` : `${textId}.advice`;
  const advice: MessageRef[] = [adviceId === undefined ? { id: '', values: { text: failure.advice ?? '' } } : { id: adviceId, values }];
  if (role === 'outgoing' && server.port === 25 && port25Advice.categories.includes(failure.category)) advice.push({ id: 'port25Advice.advice', values: {} });
  let helpUrl = failure.helpUrl ?? provider?.helpUrl ?? undefined;
  if (failure.category === 'wrong-credentials' && provider?.auth === 'app-password') {
    advice.push({ id: 'failureExtras.appPasswordProvider', values: { provider: provider.name } });
  } else if (failure.category === 'wrong-credentials' && provider?.auth === 'oauth2' && server.credential.kind === 'password') {
    advice.push({ id: 'failureExtras.oauthProvider', values: { provider: provider.name } });
  } else if (!failure.helpUrl && failure.category !== 'app-password-required' && failure.category !== 'oauth-required' && failure.category !== 'wrong-credentials') {
    helpUrl = undefined;
  }
  const linkInServerText = /https:\/\/[^\s)]+/.exec(failure.serverText ?? '')?.[0];
  if (!helpUrl && linkInServerText && (failure.category === 'app-password-required' || failure.category === 'auth-disabled')) helpUrl = linkInServerText;
  const words: FailureWords = { message: { id: `${textId}.message`, values }, advice };
  return {
    category: failure.category,
    ...sayFailure(words, englishText),
    serverText: failure.serverText ?? '',
    ...(helpUrl ? { helpUrl } : {}),
    ...(failure.certificate ? { certificate: failure.certificate } : {}),
    ...(failure.pinnedFingerprint256 ? { pinnedFingerprint256: failure.pinnedFingerprint256 } : {}),
    words,
  };
}
