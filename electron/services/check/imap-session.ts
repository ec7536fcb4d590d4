// The IMAP part of a check on an already connected socket: greeting, STARTTLS, sign-in, INBOX,
// driven by imapflow through a transport that hands it our socket and watches the wire.
import type { Socket } from 'node:net';
import type { SecureContext, TLSSocket } from 'node:tls';
import { ImapFlow, type ImapTransport } from 'imapflow';
import type { TlsInfo } from '../../../shared/check-report.ts';
import type { CheckInput } from './check-input.ts';
import { StepFailedError, type StepFailure } from './check-failure.ts';
import type { StepTracker } from './step-tracker.ts';
import { acceptedTlsInfo, beginTls } from './tls-upgrade.ts';
import { WireWatch } from './wire-watch.ts';
import { classifyImapError } from './classify-imap-error.ts';

export interface ImapSessionOptions {
  input: CheckInput;
  socket: Socket | TLSSocket;
  encrypted: boolean;
  secureContext: SecureContext;
  tracker: StepTracker;
  /** Fires when the check is cancelled or a step runs out of time. */
  signal: AbortSignal;
}

const imapGreeting = /^\* (OK|PREAUTH|BYE)\b/i;

function mechanisms(capabilities: Map<string, unknown>): string[] {
  return [...capabilities.keys()].filter((name) => name.startsWith('AUTH=')).map((name) => name.slice(5));
}

function describeGreeting(firstLine: string | undefined, capabilities: Map<string, unknown>): string {
  const text = (firstLine ?? '').replace(/^\* (OK|PREAUTH)\s*(\[[^\]]*\]\s*)?/i, '').trim();
  const caps = [...capabilities.keys()].filter((name) => !name.startsWith('AUTH=')).join(' ');
  const auth = mechanisms(capabilities);
  return `${text || 'Server ready'} · capabilities: ${caps || 'none'} · sign-in methods: ${auth.length ? auth.join(', ') : 'LOGIN command only'}`;
}

/**
 * A refusal found while the greeting step is still open belongs to a later step: a missing
 * STARTTLS to the TLS step, a sign-in the server cannot take (or we would not send) to authenticate.
 */
function moveToFailingStep(tracker: StepTracker, failure: StepFailure, greetingDetail: () => string): void {
  if (tracker.status('greeting') !== 'running') return;
  if (failure.category === 'starttls-unavailable') {
    tracker.pass('greeting', greetingDetail());
    tracker.start('tls');
  } else if (failure.category === 'encryption-required' || failure.category === 'oauth-required') {
    tracker.pass('greeting', greetingDetail());
    tracker.start('authenticate');
  }
}

/** Runs greeting → (STARTTLS) → authenticate → inbox; returns the STARTTLS TLS details, if any. */
export async function runImapSession(options: ImapSessionOptions): Promise<{ tls?: TlsInfo }> {
  const { input, tracker } = options;
  const { settings } = input;
  let current: Socket | TLSSocket = options.socket;
  let encrypted = options.encrypted;
  let startTlsInfo: TlsInfo | undefined;
  let transportFailure: StepFailure | undefined;

  const watch = new WireWatch({
    onFirstLine(line) {
      if (!imapGreeting.test(line)) {
        transportFailure = { category: 'not-imap', detail: 'The server’s first words are not an IMAP greeting.', serverText: line.slice(0, 200) };
        current.destroy();
      }
    },
    beforeCredential() {
      tracker.pass('greeting', describeGreeting(watch.firstLine, client.capabilities));
      tracker.start('authenticate');
      if (!encrypted && (settings.security !== 'none' || !input.allowInsecure)) {
        return {
          category: settings.security === 'starttls' ? 'starttls-unavailable' : 'encryption-required',
          detail: client.capabilities.has('STARTTLS')
            ? 'Not sent over an unencrypted connection; the server offers STARTTLS.'
            : 'Not sent over an unencrypted connection.',
        };
      }
      return null;
    },
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
          upgrade(plain: unknown, _options: unknown, onSecure: () => void) {
            tracker.start('tls', 'Upgrading with STARTTLS');
            const secure = beginTls({ socket: plain as Socket, host: settings.host, secureContext: options.secureContext, pinnedFingerprint: input.trustedFingerprint });
            watch.guardWrites(secure);
            secure.once('secureConnect', () => {
              try {
                startTlsInfo = acceptedTlsInfo(secure, { host: settings.host, pinnedFingerprint: input.trustedFingerprint });
              } catch (error) {
                transportFailure = error instanceof StepFailedError ? error.failure : undefined;
                secure.destroy(new Error('certificate refused'));
                return;
              }
              encrypted = true;
              current = secure;
              tracker.pass('tls', `${startTlsInfo.protocol}, ${startTlsInfo.cipher} (after STARTTLS)`);
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
    disableCompression: true,
    disableAutoEnable: true,
    disableAutoIdle: true,
    clientInfo: { name: 'Mail Setup', version: '0.1.0' },
  } as ConstructorParameters<typeof ImapFlow>[0]);
  client.on('error', () => undefined);
  const onAbort = () => client.close();
  options.signal.addEventListener('abort', onAbort, { once: true });

  try {
    try {
      await client.connect();
    } catch (error) {
      const failure =
        transportFailure ??
        watch.blocked ??
        classifyImapError({ error, watch, capabilities: client.capabilities, encrypted, security: settings.security, tlsStarted: tracker.status('tls') !== undefined });
      moveToFailingStep(tracker, failure, () => describeGreeting(watch.firstLine, client.capabilities));
      throw new StepFailedError(failure);
    }
    if (tracker.status('greeting') !== 'passed') tracker.pass('greeting', describeGreeting(watch.firstLine, client.capabilities));
    tracker.pass('authenticate', `Signed in as ${settings.username} with ${watch.authMechanism ?? 'PREAUTH'}`);
    tracker.start('inbox');
    try {
      const inbox = await client.mailboxOpen('INBOX', { readOnly: true });
      tracker.pass('inbox', `INBOX opened: ${inbox.exists} message${inbox.exists === 1 ? '' : 's'}`);
    } catch (error) {
      const serverText = typeof error === 'object' && error !== null && 'response' in error ? String(error.response) : '';
      throw new StepFailedError(
        client.usable
          ? { category: 'mailbox-unavailable', detail: 'The server would not open INBOX.', serverText }
          : classifyImapError({ error, watch, capabilities: client.capabilities, encrypted, security: settings.security, tlsStarted: true }),
      );
    }
    await client.logout().catch(() => undefined);
    return startTlsInfo ? { tls: startTlsInfo } : {};
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    client.close();
  }
}
