// The real ConnectPort: resolves the name through the DnsPort, then tries each address in turn.
import { connect, type Socket } from 'node:net';
import type { ConnectPort, DnsPort } from '../discovery/discovery-ports.ts';
import { whenReady } from './socket-ready.ts';

function connectOnce(address: string, port: number, signal: AbortSignal): Promise<Socket> {
  const socket = connect({ host: address, port });
  return whenReady(socket, 'connect', signal, () => socket.destroy());
}

/** Connects to `host:port` using `dns` for names; rejects with ENOTFOUND when the name has no address. */
export function createTcpConnect(dns: Pick<DnsPort, 'lookupHost'>): ConnectPort {
  return async (target, signal) => {
    const addresses = await dns.lookupHost(target.host, signal);
    if (addresses.length === 0) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${target.host}`), { code: 'ENOTFOUND' });
    }
    let lastError: unknown;
    for (const address of addresses) {
      try {
        return await connectOnce(address, target.port, signal);
      } catch (error) {
        lastError = error;
        if (signal.aborted) break;
      }
    }
    throw lastError;
  };
}
