// Names the category of an SMTP session that broke off before sign-in, from what the wire showed and what nodemailer threw.
import { stepText } from '../../net/step-text.ts';
import type { Security } from '../../../../shared/server-settings.ts';
import type { StepFailure } from '../../net/step-failure.ts';
import { categoryForSocketError, describeSocketError, errorField } from '../../net/classify-socket-error.ts';
import { tlsHandshakeFailure } from '../../net/tls-failure.ts';
import type { EhloOffer } from './ehlo.ts';
import { joinReply, replyCode } from './smtp-reply.ts';

/** What the session knew when the error came. */
export interface SmtpErrorContext {
  error: unknown;
  /** The first reply, if any came. */
  banner: string | undefined;
  /** The last EHLO offer, if any came. */
  offer: EhloOffer | undefined;
  security: Security;
  /** STARTTLS was sent and the server said go ahead, but the handshake has not been accepted yet. */
  handshakePending: boolean;
  /** The reply size cap, for the message when a server exceeds it. */
  maxReplyBytes: number;
  /** The last reply the server sent, asked for or not (Dovecot's `421 4.4.0 … Failed to connect to relay server` comes unasked). */
  lastReply?: string | undefined;
}

/** The failure for an error raised by nodemailer before sign-in, most specific evidence first. */
export function classifySmtpError(context: SmtpErrorContext): StepFailure {
  const { error, banner } = context;
  const message = errorField(error, 'message');
  const response = errorField(error, 'response');
  const command = errorField(error, 'command');
  // nodemailer keeps the socket's own code (ECONNRESET…) apart from its own (ECONNECTION…).
  const lowLevel = { code: errorField(error, 'originalCode') || errorField(error, 'code'), message };
  if (/exceeds maximum allowed size/i.test(message)) {
    return {
      category: 'protocol-error',
      ...stepText(banner ? 'smtp.replyTooLarge' : 'smtp.replyTooLargeGreeting', { kb: String(Math.round(context.maxReplyBytes / 1024)) }),
    };
  }
  if (banner === undefined) return { category: categoryForSocketError(lowLevel, 'connection-lost'), detail: describeSocketError(lowLevel) };
  const bannerCode = replyCode(banner);
  if (bannerCode !== 220) {
    if (bannerCode === 421 || bannerCode === 554 || (bannerCode >= 400 && bannerCode < 500)) {
      return { category: 'server-unavailable', ...stepText('smtp.refusedInGreeting'), serverText: joinReply(banner) };
    }
    return { category: 'not-smtp', ...stepText('smtp.notSmtp'), serverText: banner.split('\n')[0]?.slice(0, 200) ?? '' };
  }
  if (command === 'STARTTLS' && response) {
    return {
      category: 'starttls-unavailable',
      ...stepText(context.offer?.startTls ? 'signIn.starttlsRefused' : 'signIn.starttlsNotOffered'),
      serverText: joinReply(response),
    };
  }
  if (context.handshakePending || command === 'STARTTLS') {
    return tlsHandshakeFailure(error, 'starttls');
  }
  if (response && replyCode(response) === 421) {
    return { category: 'server-unavailable', ...stepText('smtp.closed421'), serverText: joinReply(response) };
  }
  // A 4xx reply is a temporary refusal by the server itself (its relay is down, it is busy): it
  // says nothing about the settings, and its own words are the best explanation.
  const last = context.lastReply;
  if (last && replyCode(last) >= 400 && replyCode(last) < 500) {
    return { category: 'server-unavailable', ...stepText('smtp.refusedForNow', { code: String(replyCode(last)) }), serverText: joinReply(last) };
  }
  if (response) return { category: 'protocol-error', ...(command ? stepText('smtp.refusedCommand', { command }) : stepText('smtp.refusedACommand')), serverText: joinReply(response) };
  const category = categoryForSocketError(lowLevel, /closed|ECONNECTION|ESOCKET/i.test(message + lowLevel.code) ? 'connection-lost' : 'protocol-error');
  return { category, detail: describeSocketError(lowLevel) };
}
