// Wraps the ports of one discovery run to notice whether the network answers at all.
import { isIP } from 'node:net';
import type { ConnectPort, DnsPort } from '../net/net-ports.ts';
import type { FetchText } from './discovery-ports.ts';

/** The wrapped ports and what they saw. */
export interface WatchedNetwork {
  dns: DnsPort;
  connect: ConnectPort;
  fetchText: FetchText | undefined;
  /** True once a DNS server answered (even "no such name") or a non-loopback connection opened. */
  answered(): boolean;
}

function isLoopback(address: string | undefined): boolean {
  if (address === undefined || isIP(address) === 0) return false;
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}

/** Wraps `ports`; a connection to loopback (a local mirror, a Bridge) says nothing about the network. */
export function watchNetwork(ports: { dns: DnsPort; connect: ConnectPort; fetchText?: FetchText | undefined }): WatchedNetwork {
  let answered = false;
  const note = <T>(promise: Promise<T>): Promise<T> =>
    promise.then((value) => {
      answered = true;
      return value;
    });
  const injectedFetch = ports.fetchText;
  return {
    dns: {
      resolveSrv: (name, signal) => note(ports.dns.resolveSrv(name, signal)),
      resolveMx: (name, signal) => note(ports.dns.resolveMx(name, signal)),
      lookupHost: (name, signal) => note(ports.dns.lookupHost(name, signal)),
    },
    connect: (target, signal) =>
      ports.connect(target, signal).then((socket) => {
        if (!isLoopback(socket.remoteAddress)) answered = true;
        return socket;
      }),
    fetchText: injectedFetch ? (url, options) => note(injectedFetch(url, options)) : undefined,
    answered: () => answered,
  };
}
