// Tells a port that speaks SSL/TLS from the first byte by its answer to a TLS hello on a second connection.
import { isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { bareHost } from '../../../shared/server-settings.ts';
import { errorField } from './classify-socket-error.ts';
import { connectFirst } from './tcp-connect.ts';

/** The port to ask, on the address the first connection reached. */
export interface TlsPortTarget {
  host: string;
  address: string;
  port: number;
  localAddress?: string | undefined;
}

/**
 * True when the peer answers a TLS hello in TLS: a finished handshake, or a TLS alert (a server
 * that speaks TLS but dislikes the hello). False for a plain answer (a greeting), a hang-up, or
 * no answer before `signal` aborts. Nothing but the hello is sent; the certificate is not judged
 * because nothing travels over this connection.
 */
export async function answersTlsHello(target: TlsPortTarget, signal: AbortSignal): Promise<boolean> {
  let tcp;
  try {
    tcp = await connectFirst([target.address], target.port, { localAddress: target.localAddress, signal });
  } catch {
    return false;
  }
  const { socket } = tcp;
  const name = bareHost(target.host);
  const secure = tlsConnect({ socket, rejectUnauthorized: false, ...(isIP(name) ? {} : { servername: name }) });
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      signal.removeEventListener('abort', onAbort);
      secure.destroy();
      socket.destroy();
      resolve(answer);
    };
    const onAbort = () => finish(false);
    if (signal.aborted) return finish(false);
    signal.addEventListener('abort', onAbort, { once: true });
    secure.once('secureConnect', () => finish(true));
    // OpenSSL names an alert the peer sent "…_ALERT_…"; every other error means no TLS came back.
    secure.once('error', (error) => finish(/^ERR_SSL_.*_ALERT_/.test(errorField(error, 'code'))));
    socket.once('close', () => finish(false));
  });
}

/** How long a greeting may be late before the port is asked whether it expects TLS. */
export function greetingGraceMs(stepLimitMs: number): number {
  // Greetings come within a round trip or two; a limit shorter than 3 s (tests) scales it down.
  return Math.min(1_500, stepLimitMs / 2);
}

/**
 * Once the greeting is `graceMs` late, asks the port for TLS on a second connection and calls
 * `onTlsPort` if it answers in TLS while the greeting is still awaited. Returns a stop function;
 * `probed` tells afterwards whether the port was asked and did not answer in TLS.
 */
export function watchForTlsPort(options: {
  target: TlsPortTarget;
  graceMs: number;
  signal: AbortSignal;
  greeted: () => boolean;
  onTlsPort: () => void;
}): { stop: () => void; ruledOut: () => boolean } {
  const stop = new AbortController();
  const signal = AbortSignal.any([stop.signal, options.signal]);
  let ruledOut = false;
  const timer = setTimeout(() => {
    if (options.greeted()) return;
    void answersTlsHello(options.target, signal).then((tls) => {
      if (tls && !options.greeted() && !signal.aborted) options.onTlsPort();
      else if (!tls && !signal.aborted) ruledOut = true;
    });
  }, options.graceMs);
  return {
    stop: () => {
      clearTimeout(timer);
      stop.abort();
    },
    ruledOut: () => ruledOut,
  };
}
