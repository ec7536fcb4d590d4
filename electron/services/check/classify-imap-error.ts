// Names the category of an imapflow failure from what the wire watch saw and what imapflow threw.
import { stepText } from '../net/step-text.ts';
import type { Security } from '../../../shared/server-settings.ts';
import { classifyAuthResponse } from './classify-auth-response.ts';
import { categoryForSocketError, describeSocketError, errorField } from '../net/classify-socket-error.ts';
import type { StepFailure } from '../net/step-failure.ts';
import { tlsHandshakeFailure } from '../net/tls-failure.ts';
import type { WireWatch } from './wire-watch.ts';

export interface ImapErrorContext {
  error: unknown;
  watch: WireWatch;
  capabilities: Map<string, unknown>;
  encrypted: boolean;
  security: Security;
  /** The STARTTLS handshake has begun (always true once past sign-in). */
  tlsStarted: boolean;
}

const oauthMechanisms = ['AUTH=XOAUTH2', 'AUTH=OAUTHBEARER'];
const passwordMechanisms = ['AUTH=PLAIN', 'AUTH=LOGIN'];

/**
 * The server said OK to the sign-in and then went away (a restart's BYE, a dropped line, garbage):
 * a server or connection problem, never the password's. Its OK is not quoted as a refusal.
 */
function afterSignIn(error: unknown, watch: WireWatch): StepFailure {
  if (watch.byeText !== undefined) {
    return { category: 'server-unavailable', ...stepText('imap.byeAfterSignIn'), serverText: watch.byeText };
  }
  return { category: categoryForSocketError(error, 'connection-lost'), ...stepText('imap.brokeAfterSignIn', { error: describeSocketError(error) }) };
}

/** The failure for an error thrown by imapflow's connect(), most specific evidence first. */
export function classifyImapError(context: ImapErrorContext): StepFailure {
  const { error, watch, capabilities } = context;
  if (watch.firstLine && /^\* BYE\b/i.test(watch.firstLine)) {
    return { category: 'server-unavailable', ...stepText('imap.byeInsteadOfGreeting'), serverText: watch.byeText ?? '' };
  }
  if (watch.signInAccepted) return afterSignIn(error, watch);
  if (watch.authResponse) {
    return { category: classifyAuthResponse(watch.authResponse), ...stepText('signIn.refused'), serverText: watch.authResponse };
  }
  // Before the handshake began, a STARTTLS failure means the server did not offer it, refused it,
  // or greeted with PREAUTH: the connection stayed unencrypted and nothing secret was sent.
  if (context.security === 'starttls' && !context.tlsStarted && watch.firstLine && !watch.credentialSent) {
    const said = /^\* PREAUTH\b/i.test(watch.firstLine) ? stepText('imap.preauth') : stepText(capabilities.has('STARTTLS') ? 'signIn.starttlsRefused' : 'signIn.starttlsNotOffered');
    return { category: 'starttls-unavailable', ...said };
  }
  const message = errorField(error, 'message');
  if (!watch.credentialSent && /login is disabled|no matching authentication|no password configured/i.test(message)) {
    const offersOauth = oauthMechanisms.some((name) => capabilities.has(name));
    const offersPassword = passwordMechanisms.some((name) => capabilities.has(name)) || !capabilities.has('LOGINDISABLED');
    if (offersOauth && !offersPassword) {
      return { category: 'oauth-required', ...stepText('imap.onlyOauth') };
    }
    if (!context.encrypted) return { category: 'encryption-required', ...stepText('imap.loginDisabled') };
    return { category: 'protocol-error', ...stepText('imap.noMethod') };
  }
  if (watch.byeText !== undefined) {
    return { category: 'server-unavailable', ...stepText('imap.bye'), serverText: watch.byeText };
  }
  if (errorField(error, 'authenticationFailed') === 'true') {
    const serverText = errorField(error, 'response');
    return { category: serverText ? classifyAuthResponse(`NO ${serverText}`) : 'wrong-credentials', ...stepText('signIn.refused'), serverText };
  }
  if (context.security === 'starttls' && context.tlsStarted && !context.encrypted) {
    return tlsHandshakeFailure(error, 'starttls');
  }
  if (!watch.firstLine) {
    return { category: categoryForSocketError(error, 'connection-lost'), detail: describeSocketError(error) };
  }
  const category = categoryForSocketError(error, /closed|not available|ended|ECONNRESET|EOF/i.test(message + errorField(error, 'code')) ? 'connection-lost' : 'protocol-error');
  return { category, detail: describeSocketError(error) };
}
