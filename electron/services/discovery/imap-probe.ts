// Asks a server for its IMAP greeting and CAPABILITY, over verified TLS, without any credentials.
import type { Socket } from 'node:net';
import type { CaCertificates, ConnectPort } from './discovery-ports.ts';
import { upgradeToTls } from './tls-upgrade.ts';

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

const maxBufferedBytes = 16 * 1024;

/** Reads CRLF-terminated lines from a socket until `detach()` hands the socket back. */
function lineReader(socket: Socket, signal: AbortSignal) {
  let buffer = '';
  const lines: string[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    if (buffer.length > maxBufferedBytes) {
      failure ??= new Error('line too long');
      socket.destroy();
    }
    let end: number;
    while ((end = buffer.indexOf('\r\n')) !== -1) {
      lines.push(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
    wake?.();
  };
  const onEnd = (error?: unknown) => {
    failure ??= error ?? new Error('connection closed');
    wake?.();
  };
  const onClose = () => onEnd();
  socket.on('data', onData);
  socket.once('error', onEnd);
  socket.once('close', onClose);
  signal.addEventListener('abort', onClose, { once: true });
  return {
    async next(): Promise<string> {
      while (lines.length === 0) {
        if (failure !== undefined) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      return lines.shift() ?? '';
    },
    /** Stops reading so that TLS can take the socket over; false if unread bytes were waiting. */
    detach(): boolean {
      socket.removeListener('data', onData);
      socket.removeListener('error', onEnd);
      socket.removeListener('close', onClose);
      signal.removeEventListener('abort', onClose);
      return buffer === '' && lines.length === 0;
    },
  };
}

type Reader = ReturnType<typeof lineReader>;

/** Sends one tagged command and collects the untagged lines until its completion. */
async function command(socket: Socket, reader: Reader, tag: string, text: string): Promise<{ ok: boolean; untagged: string[] }> {
  socket.write(`${tag} ${text}\r\n`);
  const untagged: string[] = [];
  for (;;) {
    const line = await reader.next();
    if (line.startsWith(`${tag} `)) return { ok: /^\S+ OK\b/i.test(line), untagged };
    untagged.push(line);
  }
}

function capabilitiesOf(lines: readonly string[]): string[] {
  const line = lines.find((candidate) => /^\* CAPABILITY /i.test(candidate)) ?? '';
  return line.slice('* CAPABILITY '.length).toUpperCase().split(' ');
}

async function converse(target: ProbeTarget, deps: ProbeDeps, signal: AbortSignal): Promise<boolean> {
  const tcp = await deps.connect({ host: target.host, port: target.port }, signal);
  let socket: Socket = tcp;
  let answered = false;
  try {
    if (target.security === 'tls') socket = await upgradeToTls(tcp, target.host, deps.caCertificates, signal);
    let reader = lineReader(socket, signal);
    if (!/^\* (OK|PREAUTH)\b/i.test(await reader.next())) return false;
    const first = await command(socket, reader, 'A1', 'CAPABILITY');
    const capabilities = capabilitiesOf(first.untagged);
    if (!first.ok || !capabilities.some((cap) => cap === 'IMAP4REV1' || cap === 'IMAP4REV2')) return false;
    if (target.security === 'starttls') {
      if (!capabilities.includes('STARTTLS')) return false;
      if (!(await command(socket, reader, 'A2', 'STARTTLS')).ok) return false;
      // Bytes queued before the handshake would be a command injection (CVE-2011-0411 style).
      if (!reader.detach()) return false;
      socket = await upgradeToTls(tcp, target.host, deps.caCertificates, signal);
      reader = lineReader(socket, signal);
      if (!(await command(socket, reader, 'A3', 'CAPABILITY')).ok) return false;
    }
    reader.detach();
    answered = true;
    return true;
  } finally {
    if (answered) {
      // A polite LOGOUT, but no waiting for its answer.
      socket.end('Z LOGOUT\r\n');
      setTimeout(() => socket.destroy(), 200).unref();
    } else {
      socket.destroy();
      tcp.destroy();
    }
  }
}

/** True when `target` greets as an IMAP server with a trusted certificate, within the time-out. */
export async function probeImap(target: ProbeTarget, deps: ProbeDeps, signal: AbortSignal): Promise<boolean> {
  const limited = AbortSignal.any([signal, AbortSignal.timeout(deps.timeoutMs)]);
  try {
    return await converse(target, deps, limited);
  } catch {
    return false;
  }
}
