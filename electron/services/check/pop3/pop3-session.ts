// The POP3 part of a check on an already connected socket: greeting and CAPA, STLS with the
// certificate judged before the next command, one sign-in, STAT as the `inbox` step, QUIT not awaited.
import { stepText, stepTextAround } from '../../net/step-text.ts';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { TlsInfo } from '../../../../shared/check-report.ts';
import { bareHost } from '../../../../shared/server-settings.ts';
import { imapServerOnPop3PortAdvice } from '../../../../shared/messages/pop3-failure-messages.ts';
import type { CheckInput } from '../check-input.ts';
import { StepFailedError, type StepFailure } from '../../net/step-failure.ts';
import { categoryForSocketError, describeSocketError } from '../../net/classify-socket-error.ts';
import type { SessionContext } from '../server-run.ts';
import { describeTlsInfo, upgradeToTls } from '../../net/tls-upgrade.ts';
import { classifyPop3Refusal } from './classify-pop3-reply.ts';
import { describeCapabilities, parseCapabilities, signInMethods, unknownCapabilities, type Pop3Capabilities } from './pop3-capabilities.ts';
import { choosePop3SignIn, signIn, signInName } from './pop3-sign-in.ts';
import { pop3Mailbox, type Pop3Mailbox } from './pop3-mailbox.ts';
import { Pop3Wire } from './pop3-wire.ts';

/** What the POP3 session needs beside the open transport. */
export interface Pop3SessionOptions extends SessionContext {
  input: CheckInput;
  /** Each line as it crosses the wire, for the transcript (secrets already masked). */
  onWire?: ((from: 'client' | 'server', line: string) => void) | undefined;
  /** Runs on the open mailbox after STAT, before QUIT (the test message's watch: UIDL, TOP). */
  inMailbox?: ((mailbox: Pop3Mailbox) => Promise<void>) | undefined;
}

/** The failure for a first line that is not a POP3 greeting. */
function greetingFailure(line: string): StepFailure {
  const serverText = line.slice(0, 200);
  if (/^\* (OK|PREAUTH|BYE)\b/i.test(line)) {
    return { category: 'not-pop3', ...stepText('pop3.imapGreeting'), serverText, advice: imapServerOnPop3PortAdvice };
  }
  if (/^-ERR\b/i.test(line)) return classifyPop3Refusal(line.slice(4).trim(), stepText('pop3.refusedAtGreeting'), 'server-unavailable');
  return { category: 'not-pop3', ...stepText('pop3.notPop3'), serverText };
}

/** CAPA's answer, or the capabilities of a server that has none. */
async function capabilities(wire: Pop3Wire): Promise<Pop3Capabilities> {
  wire.send({ line: 'CAPA' });
  const reply = await wire.reply();
  return reply.ok ? parseCapabilities(await wire.multiline()) : unknownCapabilities;
}

/** Says QUIT without waiting for the answer (nothing was marked for deletion); closes at the reply or after `limitMs`. */
export function quitInBackground(wire: Pop3Wire, socket: Socket | TLSSocket, limitMs: number): void {
  const limit = setTimeout(() => socket.destroy(), limitMs);
  socket.once('close', () => clearTimeout(limit));
  socket.once('end', () => socket.destroy());
  wire.send({ line: 'QUIT' });
}

/** Runs greeting → (STLS) → authenticate → inbox (STAT); returns the STLS TLS details, if any. */
export async function runPop3Session(options: Pop3SessionOptions): Promise<{ tls?: TlsInfo }> {
  const { input, tracker, signal } = options;
  const { settings, credential } = input;
  let socket: Socket | TLSSocket = options.socket;
  let encrypted = options.encrypted;
  let startTlsInfo: TlsInfo | undefined;
  const wire = new Pop3Wire(socket, signal, options.onWire);
  let greeting = '';
  let caps = unknownCapabilities;
  const settleGreeting = () => {
    if (tracker.status('greeting') !== 'running') return;
    const greeted = describeCapabilities(greeting, caps);
    tracker.pass('greeting', greeted.detail, greeted.words);
  };

  let done = false;
  try {
    greeting = await wire.next();
    if (!/^\+OK\b/i.test(greeting)) throw new StepFailedError(greetingFailure(greeting));
    caps = await capabilities(wire);

    if (settings.security === 'starttls') {
      settleGreeting();
      tracker.start('tls', 'Upgrading with STLS');
      // A server that lists its capabilities without STLS is not asked: nothing is sent in the clear.
      if (caps.known && !caps.stls) {
        throw new StepFailedError({ category: 'starttls-unavailable', ...stepText('pop3.noStls') });
      }
      wire.send({ line: 'STLS' });
      const answer = await wire.reply();
      if (!answer.ok) throw new StepFailedError({ category: 'starttls-unavailable', ...stepText('pop3.stlsRefused'), serverText: answer.line.slice(0, 200) });
      if (!wire.detachForTls()) {
        throw new StepFailedError({ category: 'protocol-error', ...stepText('pop3.stlsInjected') });
      }
      const plain = socket as Socket;
      const secured = await upgradeToTls({ socket: plain, host: settings.host, secureContext: options.secureContext, pinnedFingerprint: input.trustedFingerprint, afterStartTls: true });
      socket = secured.socket;
      startTlsInfo = secured.info;
      encrypted = true;
      wire.attach(socket);
      const upgraded = stepTextAround('passed.upgradedStls', describeTlsInfo(secured.info));
      tracker.pass('tls', upgraded.detail, upgraded.words);
      // RFC 2595 §4: what the server said before TLS is forgotten; its mechanisms often change.
      caps = await capabilities(wire);
    }
    settleGreeting();

    tracker.start('authenticate');
    if (!encrypted && !(settings.security === 'none' && input.allowInsecure)) {
      throw new StepFailedError({
        category: 'encryption-required',
        ...stepText(caps.stls ? 'pop3.notSentUnencryptedStls' : 'pop3.notSentUnencrypted'),
      });
    }
    const choice = choosePop3SignIn(caps, credential.kind);
    if ('failure' in choice) throw new StepFailedError(choice.failure);
    // STAT rides behind a password sign-in where the server takes pipelined commands (RFC 2449):
    // one round trip fewer. Not behind OAuth2, whose refusal is a challenge that must be answered.
    const pipelineStat = caps.pipelining && credential.kind === 'password';
    const answer = await signIn({ wire, signIn: choice, user: settings.username, credential, target: { host: bareHost(settings.host), port: settings.port }, pipelineStat });
    if (!answer.ok) {
      const failure = classifyPop3Refusal(answer.text, stepText('signIn.refused'));
      if (failure.category === 'mailbox-unavailable') {
        // [IN-USE] comes once the password is accepted: the mailbox, not the sign-in, is the problem.
        const locked = stepText('passed.signedInLocked', { username: settings.username, mechanism: signInName(choice) });
        tracker.pass('authenticate', locked.detail, locked.words);
        tracker.start('inbox');
        throw new StepFailedError({ ...failure, ...stepText('pop3.mailboxInUse') });
      }
      throw new StepFailedError(failure);
    }
    const signedIn = stepText('passed.signedIn', { username: settings.username, mechanism: signInName(choice), ...signInMethods(caps) });
    tracker.pass('authenticate', signedIn.detail, signedIn.words);

    tracker.start('inbox');
    if (!pipelineStat) wire.send({ line: 'STAT' });
    const stat = await wire.reply();
    if (!stat.ok) throw new StepFailedError(classifyPop3Refusal(stat.text, stepText('pop3.statRefused'), 'mailbox-unavailable'));
    const [count = '?', size = '?'] = stat.text.split(/\s+/);
    if (options.inMailbox) await options.inMailbox(pop3Mailbox(wire));
    // A count that is not a number (a broken STAT answer) is shown as the server sent it.
    const opened = /^\d+$/.test(count) ? stepText('passed.stat', { count: Number(count), size }) : stepText('passed.statUncounted', { count, size });
    tracker.pass('inbox', opened.detail, opened.words);
    done = true;
    quitInBackground(wire, socket, Math.min(input.timeoutMs, 2_000));
    return startTlsInfo ? { tls: startTlsInfo } : {};
  } catch (error) {
    if (error instanceof StepFailedError || signal.aborted) throw error;
    const closed = tracker.status('greeting') === 'running' && !greeting;
    throw new StepFailedError({
      category: categoryForSocketError(error, 'connection-lost'),
      ...(closed ? stepText('pop3.closedBeforeGreeting') : { detail: describeSocketError(error) }),
    });
  } finally {
    if (!done) socket.destroy();
  }
}
