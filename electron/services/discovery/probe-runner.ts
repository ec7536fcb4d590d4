// Runs one credential-free probe: connect, TLS or STARTTLS with a verified certificate, a protocol's hello, goodbye.
import type { Socket } from 'node:net';
import type { CaCertificates, ConnectPort } from '../net/net-ports.ts';
import { lineReader, type LineReader } from './probe-line-reader.ts';
import { verifiedTls } from '../net/tls-upgrade.ts';

/** What a probe needs from outside. */
export interface ProbeDeps {
  connect: ConnectPort;
  caCertificates?: CaCertificates | undefined;
  timeoutMs: number;
}

/** A server to probe; guessing never proposes a cleartext connection. */
export interface ProbeTarget {
  host: string;
  port: number;
  security: 'tls' | 'starttls';
}

/** The conversation so far: send a line, read the next one. */
export interface ProbeTalk {
  send(line: string): void;
  next(): Promise<string>;
}

/** The protocol half of a probe (IMAP, SMTP): what to say before and after STARTTLS. */
export interface ProbeDialect {
  /** Reads the greeting and asks for capabilities; true when the peer speaks the protocol and, with STARTTLS, offers it. */
  hello(talk: ProbeTalk, security: ProbeTarget['security']): Promise<boolean>;
  /** Asks for STARTTLS; true when the server agreed. */
  startTls(talk: ProbeTalk): Promise<boolean>;
  /** The first exchange over the new TLS layer; true when the server still answers. */
  afterTls(talk: ProbeTalk): Promise<boolean>;
  /** The polite last line (LOGOUT, QUIT). */
  goodbye: string;
}

async function converse(target: ProbeTarget, deps: ProbeDeps, dialect: ProbeDialect, signal: AbortSignal): Promise<boolean> {
  const tcp = await deps.connect({ host: target.host, port: target.port }, signal);
  let socket: Socket = tcp;
  let reader: LineReader | undefined;
  let answered = false;
  const talk: ProbeTalk = {
    send: (line) => void socket.write(`${line}\r\n`),
    next: () => (reader ? reader.next() : Promise.reject(new Error('not reading'))),
  };
  try {
    if (target.security === 'tls') socket = await verifiedTls(tcp, target.host, deps.caCertificates, signal);
    reader = lineReader(socket, signal);
    if (!(await dialect.hello(talk, target.security))) return false;
    if (target.security === 'starttls') {
      if (!(await dialect.startTls(talk))) return false;
      // Bytes queued before the handshake would be a command injection (CVE-2011-0411 style).
      if (!reader.detach()) return false;
      socket = await verifiedTls(tcp, target.host, deps.caCertificates, signal);
      reader = lineReader(socket, signal);
      if (!(await dialect.afterTls(talk))) return false;
    }
    reader.detach();
    answered = true;
    return true;
  } finally {
    if (answered) {
      // A polite goodbye, but no waiting for its answer.
      socket.end(`${dialect.goodbye}\r\n`);
      setTimeout(() => socket.destroy(), 200).unref();
    } else {
      socket.destroy();
      tcp.destroy();
    }
  }
}

/** True when `target` greets in `dialect` with a trusted certificate, within the time-out; never sends a credential. */
export async function runProbe(target: ProbeTarget, deps: ProbeDeps, dialect: ProbeDialect, signal: AbortSignal): Promise<boolean> {
  const limited = AbortSignal.any([signal, AbortSignal.timeout(deps.timeoutMs)]);
  try {
    return await converse(target, deps, dialect, limited);
  } catch {
    return false;
  }
}
