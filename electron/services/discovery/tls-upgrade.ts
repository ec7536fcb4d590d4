// Starts TLS over a connected socket and verifies the certificate against the server name.
import { isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { CaCertificates } from './discovery-ports.ts';

function ignoreLateError(): void {}

/** Resolves once the handshake succeeded and the certificate is trusted and names `host`. */
export function upgradeToTls(socket: Socket, host: string, caCertificates: CaCertificates | undefined, signal: AbortSignal): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const ca = caCertificates?.();
    const secure = tlsConnect({
      socket,
      host,
      // SNI carries names only, never IP literals (RFC 6066).
      ...(isIP(host) === 0 ? { servername: host } : {}),
      ...(ca ? { ca: [...ca] } : {}),
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
    });
    const onAbort = () => fail(signal.reason);
    function cleanup() {
      signal.removeEventListener('abort', onAbort);
      secure.removeListener('error', fail);
    }
    function fail(error: unknown) {
      cleanup();
      secure.destroy();
      socket.destroy();
      reject(error);
    }
    if (signal.aborted) return fail(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    secure.once('error', fail);
    secure.once('secureConnect', () => {
      cleanup();
      // As for the TCP socket: a late error with nobody listening must not crash the process.
      secure.on('error', ignoreLateError);
      resolve(secure);
    });
  });
}
