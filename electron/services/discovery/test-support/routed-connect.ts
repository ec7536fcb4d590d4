// A ConnectPort for tests: resolves names through the real (loopback) DNS, then maps well-known ports to local servers.
import { connect, type Socket } from 'node:net';
import type { ConnectPort, DnsPort } from '../../net/net-ports.ts';

/** Well-known port → port of the local server playing it (443 → the test HTTPS server, 993 → Dovecot…). */
export type PortMap = Record<number, number>;

/** Connections the test made, as "host:port". */
export interface RoutedConnect {
  readonly connect: ConnectPort;
  readonly attempts: string[];
}

function refused(target: string): Error {
  return Object.assign(new Error(`connect ECONNREFUSED ${target}`), { code: 'ECONNREFUSED' });
}

/**
 * Only names that the test DNS resolves to 127.0.0.1 are reachable, and only on mapped ports;
 * everything else is refused, so no test can reach beyond the loopback interface.
 */
export function createRoutedConnect(dns: Pick<DnsPort, 'lookupHost'>, ports: PortMap): RoutedConnect {
  const attempts: string[] = [];
  const routed: ConnectPort = async (target, signal) => {
    attempts.push(`${target.host}:${target.port}`);
    const addresses = await dns.lookupHost(target.host, signal);
    const localPort = ports[target.port];
    if (!addresses.includes('127.0.0.1') || localPort === undefined) throw refused(`${target.host}:${target.port}`);
    return new Promise<Socket>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: localPort });
      const onAbort = () => {
        socket.destroy();
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      socket.once('error', (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      });
      socket.once('connect', () => {
        signal.removeEventListener('abort', onAbort);
        resolve(socket);
      });
    });
  };
  return { connect: routed, attempts };
}
