// The network as sessions and probes see it: DNS, TCP connections and TLS trust, passed in so tests can route them.
import type { Socket } from 'node:net';

/** One SRV record, target without its trailing dot. */
export interface SrvRecord {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

/** One MX record, exchange without its trailing dot. */
export interface MxRecord {
  exchange: string;
  priority: number;
}

/**
 * DNS as sessions and discovery use it. "No such name" and "no such record" resolve to an empty list, since
 * they are answers; only a failure to get an answer (no server, time-out, cancel) rejects.
 */
export interface DnsPort {
  resolveSrv(name: string, signal: AbortSignal): Promise<SrvRecord[]>;
  resolveMx(name: string, signal: AbortSignal): Promise<MxRecord[]>;
  /** The addresses to try for a server name; an IP literal resolves to itself. */
  lookupHost(name: string, signal: AbortSignal): Promise<string[]>;
}

/** Where to open a TCP connection: a server name (or IP literal) and a port. */
export interface ConnectTarget {
  host: string;
  port: number;
}

/** Opens a TCP connection and resolves once it is connected; tests route names to loopback. */
export type ConnectPort = (target: ConnectTarget, signal: AbortSignal) => Promise<Socket>;

/** The trusted CAs for TLS; undefined means Node's defaults (bundled roots and NODE_EXTRA_CA_CERTS). */
export type CaCertificates = () => readonly string[] | undefined;
