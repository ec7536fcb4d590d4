// Opens TCP connections: each resolved address in turn, from MAIL_SETUP_LOCAL_ADDRESS where set, with abort.
import { connect, isIP, type Socket } from 'node:net';
import type { ConnectPort, DnsPort } from './net-ports.ts';
import { whenReady } from './socket-ready.ts';

/** How to connect: from which source address (the system's choice when unset), until when. */
export interface ConnectOptions {
  localAddress?: string | undefined;
  signal: AbortSignal;
}

function connectOnce(address: string, port: number, options: ConnectOptions): Promise<Socket> {
  const { localAddress } = options;
  // A source address of the other family cannot reach this one: the system picks instead.
  const fromLocal = localAddress && isIP(localAddress) === isIP(address) ? { localAddress } : {};
  const socket = connect({ host: address, port, ...fromLocal });
  return whenReady(socket, 'connect', options.signal, () => socket.destroy()).then((ready) => {
    // Protocol lines are small and each waits for an answer: Nagle would only add delay.
    ready.setNoDelay(true);
    return ready;
  });
}

/** Connects to the first of `addresses` that accepts; rejects with the last address's error. */
export async function connectFirst(addresses: readonly string[], port: number, options: ConnectOptions): Promise<{ socket: Socket; address: string }> {
  let lastError: unknown = new Error('no address to connect to');
  for (const address of addresses) {
    if (options.signal.aborted) break;
    try {
      return { socket: await connectOnce(address, port, options), address };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** Connects to `host:port` using `dns` for names; rejects with ENOTFOUND when the name has no address. */
export function createTcpConnect(dns: Pick<DnsPort, 'lookupHost'>, localAddress?: string): ConnectPort {
  return async (target, signal) => {
    const addresses = await dns.lookupHost(target.host, signal);
    if (addresses.length === 0) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${target.host}`), { code: 'ENOTFOUND' });
    }
    return (await connectFirst(addresses, target.port, { localAddress, signal })).socket;
  };
}
