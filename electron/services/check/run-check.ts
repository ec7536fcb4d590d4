// The Test Account Settings engine: resolve → connect → TLS → greeting → sign-in → INBOX,
// each step timed and limited, every failure ending in exactly one category.
import { createSecureContext, type SecureContext } from 'node:tls';
import type { CheckReport, CheckStep, StepId, TlsInfo } from '../../../shared/check-report.ts';
import { hasLineBreakingCharacters, serverSettingsOf } from '../../../shared/server-settings.ts';
import { ServiceError } from '../service-error.ts';
import { buildFailure } from './build-failure.ts';
import type { CheckDeps, CheckInput } from './check-input.ts';
import { CheckCancelledError, StepFailedError, type StepFailure } from './check-failure.ts';
import { categoryForSocketError, describeSocketError } from './classify-socket-error.ts';
import { runImapSession } from './imap-session.ts';
import { openTcp } from './open-tcp.ts';
import { redact, redactReport, secretForms } from './redact-secrets.ts';
import { StepTracker } from './step-tracker.ts';
import { describeTlsInfo, upgradeToTls } from './tls-upgrade.ts';

export interface RunOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((step: CheckStep) => void) | undefined;
}

/** Runs checks; one engine serves the UI, the CLI and the saved-accounts service. */
export interface CheckEngine {
  run(input: CheckInput, options?: RunOptions): Promise<CheckReport>;
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts; a value that arrives after the
 * abort (a socket that connected just too late) is handed to `dispose` rather than leaked.
 */
function withAbort<T>(promise: Promise<T>, signal: AbortSignal, dispose?: (value: T) => void): Promise<T> {
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

/**
 * CR, LF or NUL in a username or secret could end an IMAP command early and smuggle in another;
 * refused whatever the caller checked before, with a message that does not repeat the value.
 */
function refuseLineBreaks(input: CheckInput): void {
  const { credential } = input;
  const secret = credential.kind === 'password' ? credential.password : credential.accessToken;
  const what = credential.kind === 'password' ? 'password' : 'access token';
  if (hasLineBreakingCharacters(input.settings.username)) {
    throw new ServiceError('invalid-request', 'The username must not contain line breaks (CR, LF) or NUL characters.');
  }
  if (hasLineBreakingCharacters(secret)) {
    throw new ServiceError('invalid-request', `The ${what} must not contain line breaks (CR, LF) or NUL characters.`);
  }
}

function describeTimeout(step: StepId, input: CheckInput): string {
  const limit = `No answer within ${Math.round(input.timeoutMs / 100) / 10} s`;
  if (step !== 'greeting') return `${limit}.`;
  // A silent peer is more often the wrong port or security mode than a slow server: say so.
  const otherService = 'the port may belong to a service that waits for the client to speak first, such as a web server';
  const causes = input.settings.security === 'tls' ? otherService : `the server may expect SSL/TLS from the first byte (as on port 993), or ${otherService}`;
  return `${limit}: the server sent no IMAP greeting; ${causes}.`;
}

const timedOut = Symbol('timeout');

/** Builds the engine around its dependencies. */
export function createCheckEngine(deps: CheckDeps): CheckEngine {
  let secureContext: SecureContext | undefined;
  const context = () => (secureContext ??= createSecureContext({ ca: [...deps.caCertificates()] }));

  async function run(input: CheckInput, options: RunOptions = {}): Promise<CheckReport> {
    const { settings } = input;
    refuseLineBreaks(input);
    const secrets = secretForms(input);
    const controller = new AbortController();
    let watchdog: NodeJS.Timeout | undefined;
    const tracker = new StepTracker(deps.now, (step) => {
      if (step.status === 'running') {
        // Every step gets the full time limit, starting when it starts.
        clearTimeout(watchdog);
        watchdog = setTimeout(() => controller.abort(timedOut), input.timeoutMs);
      }
      options.onProgress?.({ ...step, detail: redact(step.detail, secrets) });
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
        (late) => late.socket.destroy(),
      );
      tracker.pass('connect', `Connected to ${tcp.address} port ${settings.port}`);

      let socket = tcp.socket;
      if (settings.security === 'tls') {
        tracker.start('tls');
        const secured = await withAbort(
          upgradeToTls({ socket, host: settings.host, secureContext: context(), pinnedFingerprint: input.trustedFingerprint }),
          controller.signal,
          (late) => late.socket.destroy(),
        ).catch((error: unknown) => {
          socket.destroy();
          throw error;
        });
        tls = secured.info;
        socket = secured.socket;
        tracker.pass('tls', describeTlsInfo(tls));
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
        failure = { category: 'timeout', detail: describeTimeout(tracker.running() ?? 'greeting', input) };
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
      tracker.fail(tracker.running() ?? 'greeting', failure.detail);
      // A step still open behind the failed one did not finish either; a report holds no running step.
      for (let open = tracker.running(); open; open = tracker.running()) tracker.fail(open, 'Not finished: another step failed.');
    }
    return redactReport(
      {
        ok: failure === undefined,
        account: serverSettingsOf(settings),
        steps: tracker.snapshot('Not run: an earlier step failed.'),
        ...(tls ? { tls } : {}),
        failure: failure ? buildFailure(failure, input) : null,
      },
      secrets,
    );
  }

  return { run };
}
