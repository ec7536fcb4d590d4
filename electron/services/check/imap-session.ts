// The IMAP part of a check on an already connected socket: greeting, STARTTLS, sign-in, INBOX,
// driven by imapflow through a transport that hands it our socket and watches the wire.
import { stepText, stepTextAround, type StepText } from '../net/step-text.ts';
import type { Socket } from 'node:net';
import type { SecureContext, TLSSocket } from 'node:tls';
import { ImapFlow, type ImapTransport } from 'imapflow';
import type { TlsInfo } from '../../../shared/check-report.ts';
import type { CheckInput } from './check-input.ts';
import { StepFailedError, type StepFailure } from '../net/step-failure.ts';
import type { StepTracker } from './step-tracker.ts';
import { acceptedTlsInfo, beginTls, describeTlsInfo } from '../net/tls-upgrade.ts';
import { WireWatch } from './wire-watch.ts';
import { inboundLimits } from './imap-line-reader.ts';
import { classifyImapError } from './classify-imap-error.ts';
import { errorField } from '../net/classify-socket-error.ts';
import { skipNeedlessRoundTrips, withInitialResponse, withPipelinedId } from './imap-round-trips.ts';
import { EarlySignIn } from './early-sign-in.ts';
import { appIdentity } from '../../../shared/app-identity.ts';
import { pop3ServerOnImapPortAdvice } from '../../../shared/messages/pop3-failure-messages.ts';
import { announcesUtf8, isUtf8Enabled, loginRefusal, needsUtf8, utf8NotEnabled, utf8Unsupported, withPipelinedEnable } from './imap-utf8.ts';

export interface ImapSessionOptions {
  input: CheckInput;
  socket: Socket | TLSSocket;
  encrypted: boolean;
  secureContext: SecureContext;
  tracker: StepTracker;
  /** Fires when the check is cancelled or a step runs out of time. */
  signal: AbortSignal;
  /** Each line as it crosses the wire, for the transcript (sign-in payloads already masked). */
  onWire?: ((from: 'client' | 'server', line: string) => void) | undefined;
  /**
   * Takes the signed-in session with INBOX open instead of it being logged out, to watch for the
   * test message on it; the taker logs it out (logOutInBackground).
   */
  keepOpen?: ((client: ImapFlow) => void) | undefined;
}

const imapGreeting = /^\* (OK|PREAUTH|BYE)\b/i;

function mechanisms(capabilities: Map<string, unknown>): string[] {
  return [...capabilities.keys()].filter((name) => name.startsWith('AUTH=')).map((name) => name.slice(5));
}

/** The sign-in methods on offer: a list, or what stands in for one (`offer` in the catalogue's texts). */
interface Offer {
  offer: 'list' | 'loginOnly' | 'loginDisabled';
  mechanisms: string;
}

function describeMechanisms(capabilities: Map<string, unknown>): Offer {
  const auth = mechanisms(capabilities);
  if (auth.length > 0) return { offer: 'list', mechanisms: auth.join(', ') };
  // Without AUTH= entries a client falls back to LOGIN, unless LOGINDISABLED forbids even that.
  return { offer: capabilities.has('LOGINDISABLED') ? 'loginDisabled' : 'loginOnly', mechanisms: '' };
}

function describeGreeting(firstLine: string | undefined, capabilities: Map<string, unknown>): StepText {
  const identity = (firstLine ?? '').replace(/^\* (OK|PREAUTH)\s*(\[[^\]]*\]\s*)?/i, '').trim();
  const caps = [...capabilities.keys()].filter((name) => !name.startsWith('AUTH=')).join(' ');
  return stepText('greeting.imap', { said: identity ? 'yes' : 'no', identity, listed: caps ? 'yes' : 'no', capabilities: caps, ...describeMechanisms(capabilities) });
}

/**
 * Says LOGOUT without making the report wait for the answer: the outcome is known once INBOX is
 * open, and the server's reply would only add a round trip to every check. The connection is
 * closed when the reply comes, or after `limitMs` at the latest.
 */
export function logOutInBackground(client: ImapFlow, limitMs: number): void {
  const limit = setTimeout(() => client.close(), limitMs);
  void client
    .logout()
    .catch(() => undefined)
    .finally(() => {
      clearTimeout(limit);
      client.close();
    });
}

/** Runs greeting → (STARTTLS) → authenticate → inbox; returns the STARTTLS TLS details, if any. */
export async function runImapSession(options: ImapSessionOptions): Promise<{ tls?: TlsInfo }> {
  const { input, tracker } = options;
  const { settings } = input;
  let current: Socket | TLSSocket = options.socket;
  let encrypted = options.encrypted;
  let startTlsInfo: TlsInfo | undefined;
  let transportFailure: StepFailure | undefined;
  // Set once the STARTTLS handshake has begun: a failure after it is a TLS failure, not a missing STARTTLS.
  let handshakeStarted = false;
  let offeredAtSignIn: Offer = { offer: 'list', mechanisms: '' };
  // An address such as jürgen@… needs UTF8=ACCEPT (RFC 6855): decided from the capabilities after sign-in.
  const utf8Wanted = needsUtf8(settings.email);
  let enableUtf8 = false;
  let utf8Enabled = false;
  // After STARTTLS, the sign-in rides with the CAPABILITY that must be asked again (early-sign-in.ts).
  let earlySignIn: EarlySignIn | undefined;

  // The greeting step ends when the conversation moves on: at STARTTLS, or just before sign-in.
  const settleGreeting = () => {
    if (tracker.status('greeting') !== 'running') return;
    const greeted = describeGreeting(watch.firstLine, client.capabilities);
    tracker.pass('greeting', greeted.detail, greeted.words);
  };

  // A refusal found before sign-in belongs to a later step: a missing STARTTLS to the TLS step,
  // a sign-in the server cannot take (or we would not send) to authenticate.
  const moveToFailingStep = (failure: StepFailure) => {
    if (failure.category === 'starttls-unavailable') {
      settleGreeting();
      tracker.start('tls');
    } else if ((failure.category === 'encryption-required' || failure.category === 'oauth-required') && tracker.status('authenticate') === undefined) {
      settleGreeting();
      tracker.start('authenticate');
    }
  };

  const passAuthenticate = () => {
    settleGreeting();
    tracker.start('authenticate');
    const signedIn = watch.authMechanism ? stepText('passed.signedIn', { username: settings.username, mechanism: watch.authMechanism, ...offeredAtSignIn }) : stepText('passed.preauth');
    tracker.pass('authenticate', signedIn.detail, signedIn.words);
  };

  const watch = new WireWatch({
    onWire:
      utf8Wanted || options.onWire
        ? (from, line) => {
            if (from === 'server' && enableUtf8 && isUtf8Enabled(line)) utf8Enabled = true;
            options.onWire?.(from, line);
          }
        : undefined,
    onFirstLine(line) {
      if (!imapGreeting.test(line)) {
        transportFailure = /^\+OK\b/i.test(line)
          ? { category: 'not-imap', ...stepText('imap.pop3Greeting'), serverText: line.slice(0, 200), advice: pop3ServerOnImapPortAdvice }
          : { category: 'not-imap', ...stepText('imap.notImap'), serverText: line.slice(0, 200) };
        current.destroy();
      }
    },
    beforeCredential(command) {
      settleGreeting();
      offeredAtSignIn = describeMechanisms(client.capabilities);
      tracker.start('authenticate');
      if (!encrypted && (settings.security !== 'none' || !input.allowInsecure)) {
        return {
          category: settings.security === 'starttls' ? 'starttls-unavailable' : 'encryption-required',
          ...stepText(client.capabilities.has('STARTTLS') ? 'signIn.notSentUnencryptedStartTls' : 'signIn.notSentUnencrypted'),
        };
      }
      return loginRefusal(command, settings.username, client.capabilities);
    },
    shapeCommand(line) {
      const { credential } = input;
      const signIn = credential.kind === 'password' ? withInitialResponse(line, client.capabilities, settings.username, credential.password) : line;
      const shaped = withPipelinedId(withPipelinedEnable(signIn, enableUtf8), client.capabilities);
      return encrypted && earlySignIn ? earlySignIn.shape(shaped) : shaped;
    },
    takeOverCredential(tag, send) {
      if (!earlySignIn) return false;
      // The mechanisms worth naming are the ones offered on the encrypted connection, known by now.
      offeredAtSignIn = describeMechanisms(client.capabilities);
      return earlySignIn.takeOver(tag, client, send);
    },
    onServerLine: (line) => earlySignIn?.onServerLine(line),
  });

  const transport: ImapTransport = {
    connect(_options, onConnect) {
      watch.guardWrites(current);
      setImmediate(() => {
        onConnect();
        watch.attachReader(current);
      });
      return current as never;
    },
    ...(settings.security === 'starttls'
      ? {
          prepareUpgrade() {
            settleGreeting();
            tracker.start('tls', 'Upgrading with STARTTLS');
          },
          upgrade(plain: unknown, _options: unknown, onSecure: () => void) {
            handshakeStarted = true;
            // What the server offered before TLS decides only whether to try (see early-sign-in.ts).
            earlySignIn = EarlySignIn.offered(input.credential, settings.username, client.capabilities);
            tracker.start('tls', 'Upgrading with STARTTLS');
            const secure = beginTls({ socket: plain as Socket, host: settings.host, secureContext: options.secureContext, pinnedFingerprint: input.trustedFingerprint });
            watch.guardWrites(secure);
            secure.once('secureConnect', () => {
              try {
                startTlsInfo = acceptedTlsInfo(secure, { host: settings.host, pinnedFingerprint: input.trustedFingerprint });
              } catch (error) {
                transportFailure = error instanceof StepFailedError ? error.failure : undefined;
                secure.destroy();
                // The socket is already destroyed, so destroy() emits no 'error', and imapflow
                // waits for one to end its STARTTLS upgrade: without this it would wait for the watchdog.
                if (secure.listenerCount('error') > 0) secure.emit('error', new Error('certificate refused'));
                return;
              }
              encrypted = true;
              current = secure;
              const upgraded = stepTextAround('passed.upgradedStartTls', describeTlsInfo(startTlsInfo));
              tracker.pass('tls', upgraded.detail, upgraded.words);
              onSecure();
              watch.attachReader(secure);
            });
            return secure as never;
          },
        }
      : {}),
  };

  const timeoutMs = input.timeoutMs;
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    doSTARTTLS: settings.security === 'starttls' ? true : settings.security === 'none' ? false : undefined,
    transport,
    auth:
      input.credential.kind === 'password'
        ? { user: settings.username, pass: input.credential.password }
        : { user: settings.username, accessToken: input.credential.accessToken },
    logger: false,
    // The check's own watchdog ends slow steps with the right category; these are only a backstop.
    connectionTimeout: timeoutMs * 2,
    greetingTimeout: timeoutMs * 2,
    socketTimeout: timeoutMs * 2,
    // imapflow's own limits, matched to the engine's (its defaults let a hostile server's
    // `{999999999}` literal or endless line grow the process by gigabytes); the wire watch
    // names what was too large.
    maxLineLength: inboundLimits.lineBytes,
    maxLiteralSize: inboundLimits.literalBytes,
    maxResponseSize: 2 * inboundLimits.lineBytes,
    disableCompression: true,
    disableAutoEnable: true,
    disableAutoIdle: true,
    // imapflow's own ID is skipped (skipNeedlessRoundTrips); should it ever go out, it says who we
    // are: an empty value drops imapflow's default vendor and support address from it.
    clientInfo: { ...appIdentity, vendor: '', 'support-url': '' },
  } as ConstructorParameters<typeof ImapFlow>[0]);
  skipNeedlessRoundTrips(client);
  client.on('error', () => undefined);
  let loggingOut = false;
  const onAbort = () => client.close();
  options.signal.addEventListener('abort', onAbort, { once: true });

  try {
    try {
      await client.connect();
    } catch (error) {
      const failure =
        transportFailure ??
        watch.blocked ??
        classifyImapError({ error, watch, capabilities: client.capabilities, encrypted, security: settings.security, tlsStarted: handshakeStarted });
      moveToFailingStep(failure);
      // Signed in, then lost: the sign-in step passed, and the failure belongs to what came next.
      if (watch.signInAccepted && !watch.blocked && !transportFailure) {
        passAuthenticate();
        tracker.start('inbox');
      }
      throw new StepFailedError(failure);
    }
    passAuthenticate();
    tracker.start('inbox');
    if (utf8Wanted) {
      // The capabilities after sign-in count: Dovecot and Gmail announce more once signed in.
      if (!announcesUtf8(client.capabilities)) throw new StepFailedError(utf8Unsupported);
      enableUtf8 = true;
    }
    try {
      const inbox = await client.mailboxOpen('INBOX', { readOnly: true });
      if (enableUtf8 && !utf8Enabled) throw new StepFailedError(utf8NotEnabled);
      const opened = stepText(enableUtf8 ? 'passed.inboxUtf8' : 'passed.inbox', { count: inbox.exists });
      tracker.pass('inbox', opened.detail, opened.words);
    } catch (error) {
      if (error instanceof StepFailedError) throw error;
      // imapflow keeps the whole tagged line here; the tag means nothing to a person.
      const serverText = errorField(error, 'response').replace(/^[^\s*+]+ (?=(OK|NO|BAD)\b)/i, '');
      throw new StepFailedError(
        watch.blocked ??
        (client.usable
          ? { category: 'mailbox-unavailable', ...stepText('imap.inboxRefused'), serverText }
          : classifyImapError({ error, watch, capabilities: client.capabilities, encrypted, security: settings.security, tlsStarted: true })),
      );
    }
    loggingOut = true;
    if (options.keepOpen) options.keepOpen(client);
    else logOutInBackground(client, Math.min(timeoutMs, 2_000));
    return startTlsInfo ? { tls: startTlsInfo } : {};
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    if (!loggingOut) client.close();
  }
}
