// The real ConnectPort: resolves the name through the DnsPort, then tries each address in turn.
import { connect, type Socket } from 'node:net';
import type { ConnectPort, DnsPort } from './discovery-ports.ts';

function ignoreLateError(): void {}

function connectOnce(address: string, port: number, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port });
    const onAbort = () => fail(signal.reason);
    function cleanup() {
      signal.removeEventListener('abort', onAbort);
      socket.removeListener('error', fail);
    }
    function fail(error: unknown) {
      cleanup();
      socket.destroy();
      reject(error);
    }
    if (signal.aborted) return fail(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', fail);
    socket.once('connect', () => {
      cleanup();
      // Users of the socket listen for errors while they talk; a late one with nobody listening
      // would otherwise be thrown and take the main process down.
      socket.on('error', ignoreLateError);
      resolve(socket);
    });
  });
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
