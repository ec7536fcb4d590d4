// Starts TLS over a connected socket and verifies the certificate against the server name.
import { isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { CaCertificates } from './discovery-ports.ts';
import { whenReady } from '../net/socket-ready.ts';

/** Resolves once the handshake succeeded and the certificate is trusted and names `host`. */
export function upgradeToTls(socket: Socket, host: string, caCertificates: CaCertificates | undefined, signal: AbortSignal): Promise<TLSSocket> {
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
  return whenReady(secure, 'secureConnect', signal, () => {
    secure.destroy();
    socket.destroy();
  });
}
