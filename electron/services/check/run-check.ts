// The Test Account Settings engine: resolve → connect → TLS → greeting → sign-in → INBOX,
// each step timed and limited, every failure ending in exactly one category.
import { createSecureContext, type SecureContext } from 'node:tls';
import type { CheckReport, CheckStep, TlsInfo } from '../../../shared/check-report.ts';
import { buildFailure } from './build-failure.ts';
import type { CheckDeps, CheckInput } from './check-input.ts';
import { CheckCancelledError, StepFailedError, type StepFailure } from './check-failure.ts';
import { categoryForSocketError, describeSocketError } from './classify-socket-error.ts';
import { runImapSession } from './imap-session.ts';
import { openTcp } from './open-tcp.ts';
import { StepTracker } from './step-tracker.ts';
import { upgradeToTls } from './tls-upgrade.ts';

export interface RunOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((step: CheckStep) => void) | undefined;
}

/** Runs checks; one engine serves the UI, the CLI and the saved-accounts service. */
export interface CheckEngine {
  run(input: CheckInput, options?: RunOptions): Promise<CheckReport>;
}

function withAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function describeTls(info: TlsInfo): string {
  const cert = info.certificate;
  const pinned = info.pinned ? ` · trusted by your decision despite: ${info.pinned.problem}` : '';
  return `${info.protocol}, ${info.cipher} · certificate for ${cert.subject}, issued by ${cert.issuer}, valid until ${cert.validTo.slice(0, 10)} · SHA-256 ${cert.fingerprint256}${pinned}`;
}

const timedOut = Symbol('timeout');

/** Builds the engine around its dependencies. */
export function createCheckEngine(deps: CheckDeps): CheckEngine {
  let secureContext: SecureContext | undefined;
  const context = () => (secureContext ??= createSecureContext({ ca: [...deps.caCertificates()] }));

  async function run(input: CheckInput, options: RunOptions = {}): Promise<CheckReport> {
    const { settings } = input;
    const controller = new AbortController();
    let watchdog: NodeJS.Timeout | undefined;
    const tracker = new StepTracker(deps.now, (step) => {
      if (step.status === 'running') {
        // Every step gets the full time limit, starting when it starts.
        clearTimeout(watchdog);
        watchdog = setTimeout(() => controller.abort(timedOut), input.timeoutMs);
      }
      options.onProgress?.(step);
    });
    const onCancel = () => controller.abort(new CheckCancelledError());
    if (options.signal?.aborted) throw new CheckCancelledError();
    options.signal?.addEventListener('abort', onCancel, { once: true });

    let tls: TlsInfo | undefined;
    let failure: StepFailure | undefined;
    try {
      tracker.start('resolve');
      let addresses: string[];
      try {
        addresses = await withAbort(deps.resolveHost(settings.host), controller.signal);
      } catch (error) {
        if (controller.signal.aborted) throw error;
        throw new StepFailedError({ category: categoryForSocketError(error, 'dns-not-found'), detail: describeSocketError(error) });
      }
      if (addresses.length === 0) throw new StepFailedError({ category: 'dns-not-found', detail: 'No address found.' });
      tracker.pass('resolve', addresses.join(', '));

      tracker.start('connect');
      const tcp = await withAbort(
        openTcp({ addresses, port: settings.port, localAddress: deps.localAddress, timeoutMs: input.timeoutMs, signal: controller.signal }),
        controller.signal,
      );
      tracker.pass('connect', `Connected to ${tcp.address} port ${settings.port}`);

      let socket = tcp.socket;
      if (settings.security === 'tls') {
        tracker.start('tls');
        const secured = await withAbort(
          upgradeToTls({ socket, host: settings.host, secureContext: context(), pinnedFingerprint: input.trustedFingerprint }),
          controller.signal,
        ).catch((error: unknown) => {
          socket.destroy();
          throw error;
        });
        tls = secured.info;
        socket = secured.socket;
        tracker.pass('tls', describeTls(tls));
      } else if (settings.security === 'none') {
        tracker.skip('tls', 'No encryption chosen for this account.');
      }

      tracker.start('greeting');
      const session = await runImapSession({
        input,
        socket,
        encrypted: settings.security === 'tls',
        secureContext: context(),
        tracker,
        signal: controller.signal,
      }).catch((error: unknown) => {
        socket.destroy();
        throw error;
      });
      if (session.tls) tls = session.tls;
    } catch (error) {
      if (controller.signal.reason instanceof CheckCancelledError) throw controller.signal.reason;
      if (controller.signal.reason === timedOut) {
        failure = { category: 'timeout', detail: `No answer within ${Math.round(input.timeoutMs / 1000)} s.` };
      } else if (error instanceof StepFailedError) {
        failure = error.failure;
      } else {
        failure = { category: 'protocol-error', detail: describeSocketError(error) };
      }
    } finally {
      clearTimeout(watchdog);
      options.signal?.removeEventListener('abort', onCancel);
    }

    if (failure) {
      const failedStep = tracker.running() ?? 'greeting';
      tracker.fail(failedStep, failure.detail);
    }
    return {
      ok: failure === undefined,
      account: { email: settings.email, host: settings.host, port: settings.port, security: settings.security, username: settings.username },
      steps: tracker.snapshot('Not run: an earlier step failed.'),
      ...(tls ? { tls } : {}),
      failure: failure ? buildFailure(failure, input) : null,
    };
  }

  return { run };
}
