// The transport half of checking one server, shared by IMAP and SMTP: resolve → connect → TLS,
// its own step tracker and per-step time limit, then the protocol session on the open socket.
import { stepText } from '../net/step-text.ts';
import type { Socket } from 'node:net';
import type { SecureContext, TLSSocket } from 'node:tls';
import type { CheckStep, StepId, TlsInfo } from '../../../shared/check-report.ts';
import type { Security } from '../../../shared/server-settings.ts';
import type { CheckDeps } from './check-input.ts';
import { StepFailedError, type StepFailure } from '../net/step-failure.ts';
import { CheckCancelledError } from './check-failure.ts';
import { categoryForSocketError, describeSocketError } from '../net/classify-socket-error.ts';
import { openTcp } from '../net/open-tcp.ts';
import { StepTracker } from './step-tracker.ts';
import { describeTlsInfo, upgradeToTls } from '../net/tls-upgrade.ts';
import { greetingGraceMs, watchForTlsPort } from '../net/tls-port-probe.ts';
import { describeTimeout, portExpectsTls, type ProtocolNames } from './timeout-detail.ts';

/** Where one server is and how it is secured. */
export interface ServerEndpoint {
  host: string;
  port: number;
  security: Security;
  /** SHA-256 fingerprint the user chose to trust for exactly this host and port. */
  trustedFingerprint?: string | undefined;
}

/** What a protocol session gets once the transport is up. */
export interface SessionContext {
  socket: Socket | TLSSocket;
  /** True after implicit TLS; a STARTTLS session upgrades it itself. */
  encrypted: boolean;
  secureContext: SecureContext;
  tracker: StepTracker;
  /** Fires when the check is cancelled or a step runs out of time. */
  signal: AbortSignal;
}

/** One server to check. */
export interface ServerRunOptions {
  endpoint: ServerEndpoint;
  /** This server's steps in contract order. */
  ids: readonly StepId[];
  timeoutMs: number;
  deps: CheckDeps;
  secureContext: SecureContext;
  /** The user's cancel. */
  signal?: AbortSignal | undefined;
  onStep: (step: CheckStep) => void;
  /** The protocol's name and SSL/TLS port, for the words of a silent greeting. */
  protocol: ProtocolNames;
  /** A step's own time limit where it differs from `timeoutMs` (the test message's wait for delivery). */
  stepLimitMs?: ((step: StepId) => number | undefined) | undefined;
  /** The protocol part: greeting onwards. Returns TLS details of a STARTTLS upgrade, if any. */
  session: (context: SessionContext) => Promise<{ tls?: TlsInfo }>;
}

/** How one server's check ended. */
export interface ServerOutcome {
  steps: CheckStep[];
  tls?: TlsInfo;
  failure?: StepFailure;
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts; a value that arrives after the
 * abort (a socket that connected just too late) is handed to `dispose` rather than leaked.
 */
export function withAbort<T>(promise: Promise<T>, signal: AbortSignal, dispose?: (value: T) => void): Promise<T> {
  if (signal.aborted) {
    void promise.then((value) => dispose?.(value), () => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise
      .then((value) => {
        if (signal.aborted) dispose?.(value);
        resolve(value);
      }, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const timedOut = Symbol('timeout');
const tlsPort = Symbol('port expects TLS');

/** Checks one server; throws CheckCancelledError when cancelled, otherwise returns its outcome. */
export async function runServer(options: ServerRunOptions): Promise<ServerOutcome> {
  const { endpoint, deps } = options;
  const controller = new AbortController();
  let watchdog: NodeJS.Timeout | undefined;
  const tracker = new StepTracker(
    deps.now,
    (step) => {
      if (step.status === 'running') {
        // Every step gets the full time limit, starting when it starts (or enters a new phase).
        clearTimeout(watchdog);
        watchdog = setTimeout(() => controller.abort(timedOut), options.stepLimitMs?.(step.id) ?? options.timeoutMs);
      }
      options.onStep(step);
    },
    options.ids,
  );
  const onCancel = () => controller.abort(new CheckCancelledError());
  if (options.signal?.aborted) throw new CheckCancelledError();
  options.signal?.addEventListener('abort', onCancel, { once: true });

  let tls: TlsInfo | undefined;
  let failure: StepFailure | undefined;
  let tlsWatch: ReturnType<typeof watchForTlsPort> | undefined;
  try {
    tracker.start('resolve');
    let addresses: string[];
    try {
      addresses = await withAbort(deps.resolveHost(endpoint.host), controller.signal);
    } catch (error) {
      if (controller.signal.aborted) throw error;
      throw new StepFailedError({ category: categoryForSocketError(error, 'dns-not-found'), detail: describeSocketError(error) });
    }
    if (addresses.length === 0) throw new StepFailedError({ category: 'dns-not-found', ...stepText('steps.noAddress') });
    tracker.pass('resolve', addresses.join(', '));

    tracker.start('connect');
    const tcp = await withAbort(
      openTcp({ addresses, port: endpoint.port, localAddress: deps.localAddress, timeoutMs: options.timeoutMs, signal: controller.signal }),
      controller.signal,
      (late) => late.socket.destroy(),
    );
    const connected = stepText('passed.connected', { address: tcp.address, port: String(endpoint.port) });
    tracker.pass('connect', connected.detail, connected.words);

    let socket: Socket | TLSSocket = tcp.socket;
    if (endpoint.security === 'tls') {
      tracker.start('tls');
      const plain = socket;
      const secured = await withAbort(
        upgradeToTls({ socket: plain, host: endpoint.host, secureContext: options.secureContext, pinnedFingerprint: endpoint.trustedFingerprint }),
        controller.signal,
        (late) => late.socket.destroy(),
      ).catch((error: unknown) => {
        plain.destroy();
        throw error;
      });
      tls = secured.info;
      socket = secured.socket;
      const described = describeTlsInfo(tls);
      tracker.pass('tls', described.detail, described.words);
    } else if (endpoint.security === 'none') {
      const none = stepText('steps.noEncryption');
      tracker.skip('tls', none.detail, none.words);
    }

    tracker.start('greeting');
    if (endpoint.security !== 'tls') {
      // A port that speaks TLS from the first byte stays silent until the limit: ask it on the side.
      tlsWatch = watchForTlsPort({
        target: { host: endpoint.host, address: tcp.address, port: endpoint.port, localAddress: deps.localAddress },
        graceMs: greetingGraceMs(options.timeoutMs),
        signal: controller.signal,
        greeted: () => tracker.status('greeting') !== 'running',
        onTlsPort: () => controller.abort(tlsPort),
      });
    }
    const open = socket;
    const session = await options
      .session({ socket: open, encrypted: endpoint.security === 'tls', secureContext: options.secureContext, tracker, signal: controller.signal })
      .catch((error: unknown) => {
        open.destroy();
        throw error;
      });
    if (session.tls) tls = session.tls;
  } catch (error) {
    if (controller.signal.reason instanceof CheckCancelledError) throw controller.signal.reason;
    const step = tracker.running() ?? 'greeting';
    if (controller.signal.reason === tlsPort) {
      failure = portExpectsTls(options.protocol);
    } else if (controller.signal.reason === timedOut) {
      const said = describeTimeout(step, options.timeoutMs, endpoint.security, options.protocol, tlsWatch?.ruledOut() ?? false);
      failure = { category: 'timeout', ...said, ...(step === 'greeting' ? { reason: 'greeting-silent' as const } : {}) };
    } else if (error instanceof StepFailedError) {
      failure = error.failure;
    } else {
      failure = { category: 'protocol-error', detail: describeSocketError(error) };
    }
  } finally {
    tlsWatch?.stop();
    clearTimeout(watchdog);
    options.signal?.removeEventListener('abort', onCancel);
  }

  if (failure) {
    tracker.fail(tracker.running() ?? 'greeting', failure.detail, failure.words);
    // A step still open behind the failed one did not finish either; a report holds no running step.
    const notFinished = stepText('steps.notFinished');
    for (let open = tracker.running(); open; open = tracker.running()) tracker.fail(open, notFinished.detail, notFinished.words);
  }
  return { steps: tracker.snapshot(stepText('steps.notRun')), ...(tls ? { tls } : {}), ...(failure ? { failure } : {}) };
}
