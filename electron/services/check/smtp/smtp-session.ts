// The SMTP part of a check on an already connected socket: greeting and EHLO, STARTTLS, sign-in, and
// the sender test (MAIL FROM, RCPT TO, RSET), driven by nodemailer's SMTPConnection over our socket.
import { stepText, stepTextAround } from '../../net/step-text.ts';
import type { TLSSocket } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { TlsInfo } from '../../../../shared/check-report.ts';
import { bareHost } from '../../../../shared/server-settings.ts';
import type { OutgoingCheckInput } from '../check-input.ts';
import { StepFailedError, type StepFailure } from '../../net/step-failure.ts';
import { withAbort, type SessionContext } from '../server-run.ts';
import { acceptedTlsInfo, describeTlsInfo } from '../../net/tls-upgrade.ts';
import { inOneWrite } from '../../net/one-write.ts';
import { classifySmtpError } from './classify-smtp-error.ts';
import { describeOffer, parseEhlo, type EhloOffer } from './ehlo.ts';
import { chooseMechanism } from './choose-mechanism.ts';
import { classifySenderReply, classifySignInReply } from './classify-smtp-reply.ts';
import { saslHandlers, type SendCommand } from './smtp-sasl.ts';
import { joinReply } from './smtp-reply.ts';
import { wireLogger } from './smtp-wire.ts';
import { sendTestMessage, type InboxGate } from './send-test-message.ts';
import { mailFromUtf8 } from './smtp-utf8.ts';
import { toAsciiEmail } from '../../../../shared/email-address.ts';

/** Longest reply accepted from an SMTP server; a peer that never ends its reply is cut off here. */
export const maxReplyBytes = 256 * 1024;

/** What the SMTP session needs beside the open transport. */
export interface SmtpSessionOptions extends SessionContext {
  outgoing: OutgoingCheckInput;
  /** The account's address: the sender and recipient of the envelope test. */
  email: string;
  allowInsecure: boolean;
  timeoutMs: number;
  /** A test message was asked for (its `delivery` step is reported). */
  sendTestMessage?: boolean | undefined;
  /** Settles once the incoming check has ended: how to watch INBOX for the test message, or why it is not sent. */
  inboxReady?: (() => Promise<InboxGate>) | undefined;
  /** Each line as it crosses the wire, for the transcript (SASL secrets already masked). */
  onWire?: ((from: 'client' | 'server', line: string) => void) | undefined;
}

const masked = '/* secret */';

/** Runs greeting → (STARTTLS) → authenticate → sender; returns the STARTTLS TLS details, if any. */
export async function runSmtpSession(options: SmtpSessionOptions): Promise<{ tls?: TlsInfo }> {
  const { outgoing, tracker, signal } = options;
  const { settings, credential } = outgoing;
  const host = bareHost(settings.host);
  let banner: string | undefined;
  let lastReply: string | undefined;
  let lastEhlo: string | undefined;
  let awaitingEhlo = false;
  let startTlsAccepted = false;
  let tlsJudged = false;
  let startTlsInfo: TlsInfo | undefined;
  let refusal: StepFailure | undefined;
  let send: SendCommand | undefined;
  let mechanism: string | undefined;
  const shownCommands: string[] = [];
  const encrypted = () => options.encrypted || tlsJudged;
  const offer = (): EhloOffer | undefined => (lastEhlo === undefined ? undefined : parseEhlo(lastEhlo));

  const settleGreeting = () => {
    if (tracker.status('greeting') !== 'running') return;
    const greeted = describeOffer(banner ?? '', parseEhlo(lastEhlo ?? ''));
    tracker.pass('greeting', greeted.detail, greeted.words);
  };
  const stop = (failure: StepFailure) => {
    refusal ??= failure;
    if (connection._socket) connection._socket.destroy();
  };

  // The certificate is judged before the first command crosses the upgraded connection.
  const judgeUpgrade = () => {
    const socket = connection._socket as TLSSocket;
    try {
      startTlsInfo = acceptedTlsInfo(socket, { host: settings.host, pinnedFingerprint: outgoing.trustedFingerprint });
    } catch (error) {
      stop(error instanceof StepFailedError ? error.failure : { category: 'certificate-untrusted', ...stepText('tls.certificateUnjudged') });
      return;
    }
    tlsJudged = true;
    const upgraded = stepTextAround('passed.upgradedStartTls', describeTlsInfo(startTlsInfo));
    tracker.pass('tls', upgraded.detail, upgraded.words);
  };

  const logger = wireLogger({
    onReply(reply) {
      for (const line of reply.split('\n')) options.onWire?.('server', line);
      lastReply = reply;
      if (banner === undefined) banner = reply;
      else if (awaitingEhlo) {
        awaitingEhlo = false;
        if (reply.startsWith('2')) lastEhlo = reply;
      } else if (reply.startsWith('220') && !startTlsAccepted && tracker.status('tls') === 'running') startTlsAccepted = true;
    },
    beforeCommand(command) {
      const shown = command === masked && shownCommands.length > 0 ? (shownCommands.shift() ?? '') : command.replace(masked, '•••');
      options.onWire?.('client', shown);
      if (/^(EHLO|HELO) /i.test(command)) {
        awaitingEhlo = true;
        if (startTlsAccepted && !tlsJudged && connection.secure) judgeUpgrade();
      } else if (/^STARTTLS$/i.test(command)) {
        settleGreeting();
        tracker.start('tls', 'Upgrading with STARTTLS');
      } else if (/^AUTH /i.test(command) && !encrypted() && !(settings.security === 'none' && options.allowInsecure)) {
        // A backstop to the check before login(): no credential leaves on a clear connection.
        stop({ category: 'encryption-required', ...stepText('signIn.notSentUnencrypted') });
      }
    },
  });

  const connection = new SMTPConnection({
    connection: options.socket,
    host,
    port: settings.port,
    secure: options.encrypted,
    secured: options.encrypted,
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    opportunisticTLS: false,
    // nodemailer's handshake is checked by judgeUpgrade, which accepts a pinned certificate and nothing else.
    tls: { secureContext: options.secureContext, rejectUnauthorized: false, minVersion: 'TLSv1.2' },
    logger: logger as never,
    transactionLog: true,
    maxResponseSize: maxReplyBytes,
    // The check's own watchdog ends slow steps with the right category; these are only a backstop.
    connectionTimeout: options.timeoutMs * 2,
    greetingTimeout: options.timeoutMs * 2,
    socketTimeout: options.timeoutMs * 2,
    socketCloseTimeout: 0,
    customAuth: saslHandlers(
      settings.username,
      credential,
      { host, port: settings.port },
      () => mechanism,
      (next) => {
        send = next;
      },
    ),
  });
  let lastError: unknown;
  connection.on('error', (error: unknown) => {
    lastError = error;
  });
  const onAbort = () => connection.close();
  signal.addEventListener('abort', onAbort, { once: true });

  /** Waits for one exchange; the connection ending, an error or the watchdog end it early. */
  const settle = <T>(start: (resolve: (value: T) => void, reject: (error: unknown) => void) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const finish = (then: () => void) => {
        connection.off('error', onError);
        connection.off('end', onEnd);
        signal.removeEventListener('abort', onStop);
        then();
      };
      const onError = (error: unknown) => finish(() => reject(error));
      const onEnd = () => finish(() => reject(lastError ?? Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' })));
      const onStop = () => finish(() => reject(signal.reason));
      if (signal.aborted) return reject(signal.reason);
      connection.on('error', onError);
      connection.once('end', onEnd);
      signal.addEventListener('abort', onStop, { once: true });
      start(
        (value) => finish(() => resolve(value)),
        (error) => finish(() => reject(error)),
      );
    });

  let quitting = false;
  try {
    try {
      await settle<void>((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve())));
    } catch (error) {
      const failure =
        refusal ??
        classifySmtpError({ error, banner, offer: offer(), security: settings.security, handshakePending: startTlsAccepted && !tlsJudged, maxReplyBytes });
      if (failure.category === 'starttls-unavailable') {
        settleGreeting();
        tracker.start('tls');
      }
      throw new StepFailedError(failure);
    }
    settleGreeting();
    if (settings.security === 'starttls' && !tlsJudged) throw new StepFailedError(refusal ?? { category: 'starttls-unavailable', ...stepText('smtp.notUpgraded') });

    tracker.start('authenticate');
    const offered = offer() ?? parseEhlo('');
    const choice = chooseMechanism(offered, credential.kind, encrypted());
    if ('failure' in choice) throw new StepFailedError(choice.failure);
    if (!encrypted() && !(settings.security === 'none' && options.allowInsecure)) {
      throw new StepFailedError({
        category: 'encryption-required',
        ...stepText(offered.startTls ? 'signIn.notSentUnencryptedStartTls' : 'signIn.notSentUnencrypted'),
      });
    }
    mechanism = choice.mechanism;
    try {
      await settle<void>((resolve, reject) =>
        // `oauth2` only keeps nodemailer from swapping XOAUTH2 for PLAIN; our handler does the exchange.
        connection.login({ method: choice.mechanism, user: settings.username, oauth2: {} as never }, (error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      if (refusal) throw new StepFailedError(refusal);
      const reply = typeof error === 'object' && error !== null && 'response' in error ? String(error.response) : '';
      if (!reply) throw new StepFailedError(classifySmtpError({ error, banner, offer: offered, security: settings.security, handshakePending: false, maxReplyBytes }));
      throw new StepFailedError({ category: classifySignInReply(reply), ...stepText('signIn.refused'), serverText: joinReply(reply) });
    }
    const signedIn = stepText('passed.signedIn', { username: settings.username, mechanism: choice.mechanism, offer: 'list', mechanisms: offered.mechanisms.join(', ') });
    tracker.pass('authenticate', signedIn.detail, signedIn.words);

    tracker.start('sender');
    const command = send;
    if (!command) throw new StepFailedError({ category: 'protocol-error', ...stepText('smtp.noCommandChannel') });
    const exchange = async (line: string) => {
      shownCommands.push(line);
      return settle<Awaited<ReturnType<SendCommand>>>((resolve, reject) => {
        command(line).then(resolve, reject);
      }).catch((error: unknown) => {
        if (signal.aborted || error instanceof StepFailedError) throw error;
        // Signed in, then the line broke off: a refusal the server sent unasked (a 4xx) explains it; else a connection problem.
        const failure = refusal ?? classifySmtpError({ error, banner, offer: offered, security: settings.security, handshakePending: false, maxReplyBytes, lastReply });
        throw new StepFailedError({ ...failure, ...stepTextAround('smtp.afterSignIn', failure) });
      });
    };
    // The domain always in its ASCII form (jo@bücher.de → jo@xn--bcher-kva.de): only the local
    // part may need SMTPUTF8, and only that is a reason to refuse.
    const sender = toAsciiEmail(options.email);
    const utf8 = mailFromUtf8(sender, offered);
    if ('failure' in utf8) throw new StepFailedError(utf8.failure);
    const envelope = [`MAIL FROM:<${sender}>${utf8.parameter}`, `RCPT TO:<${sender}>`, 'RSET'];
    // With PIPELINING (RFC 2920) the three go out together, in one write: one round trip instead of three. A
    // refused MAIL FROM makes the RCPT TO fail too; the first refusal is the one reported.
    const answers = offered.extensions.includes('PIPELINING')
      ? await inOneWrite(connection._socket, () => Promise.all(envelope.map((line) => exchange(line))))
      : await envelope.reduce<Promise<Awaited<ReturnType<SendCommand>>[]>>(async (done, line) => [...(await done), await exchange(line)], Promise.resolve([]));
    for (const [index, reply] of answers.slice(0, 2).entries()) {
      if (reply.status < 200 || reply.status >= 300) {
        const line = envelope[index] ?? '';
        throw new StepFailedError({ category: classifySenderReply(reply.response), ...stepText('smtp.refusedCommand', { command: `${line.split(':')[0] ?? line}:<${sender}>` }), serverText: joinReply(reply.response) });
      }
    }
    const reset = answers[2];
    if (!reset || reset.status < 200 || reset.status >= 300) {
      throw new StepFailedError({ category: 'protocol-error', ...stepText('smtp.rsetRefused'), serverText: joinReply(reset?.response ?? '') });
    }
    const replies = answers.slice(0, 2).map((reply) => joinReply(reply.response));
    const accepted = stepText('passed.envelope', { mailFrom: `MAIL FROM:<${sender}>`, rcptTo: `RCPT TO:<${sender}>`, replies: replies.join('; ') });
    tracker.pass('sender', accepted.detail, accepted.words);

    if (options.sendTestMessage) {
      const inboxReady = options.inboxReady;
      await sendTestMessage({
        email: sender,
        tracker,
        now: Date.now,
        send: (envelope, raw) => settle((resolve, reject) => connection.send(envelope, raw, (error, info) => (error ? reject(error) : resolve(info)))),
        inboxReady: inboxReady && (() => withAbort(inboxReady(), signal)),
      });
    }
    quitting = true;
    quitInBackground(connection, Math.min(options.timeoutMs, 2_000));
    return startTlsInfo ? { tls: startTlsInfo } : {};
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (!quitting) connection.close();
  }
}

/**
 * Says QUIT without making the report wait for the answer: the outcome is known, and the reply
 * would only add a round trip. The connection is closed at the reply, or after `limitMs`.
 */
function quitInBackground(connection: SMTPConnection, limitMs: number): void {
  const limit = setTimeout(() => connection.close(), limitMs);
  connection.once('end', () => clearTimeout(limit));
  connection.quit();
}
