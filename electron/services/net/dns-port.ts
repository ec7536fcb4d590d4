// DNS through node:dns: SRV, MX and address look-ups, against configured servers or the system's.
import { lookup, Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { bareHost } from '../../../shared/server-settings.ts';
import type { DnsPort, MxRecord, SrvRecord } from './net-ports.ts';

/** Options for the real resolver. */
export interface DnsPortOptions {
  /** `setServers` entries ("127.0.0.1:5353"), or null for the system's resolvers. */
  servers: readonly string[] | null;
  /** c-ares time-out of one try, in milliseconds. */
  timeoutMs?: number;
  tries?: number;
}

const answeredEmpty = new Set(['ENOTFOUND', 'ENODATA']);

function isAnsweredEmpty(error: unknown): boolean {
  return error instanceof Error && answeredEmpty.has((error as NodeJS.ErrnoException).code ?? '');
}

/** Rejects with the signal's reason as soon as it aborts, whatever `work` is doing. */
function abortable<T>(work: Promise<T>, signal: AbortSignal, onAbort?: () => void): Promise<T> {
  if (signal.aborted) {
    onAbort?.();
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort?.();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function isLocalName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost');
}

/** A DnsPort backed by node:dns; a fresh Resolver per query so that an abort cancels only its own. */
export function createDnsPort(options: DnsPortOptions): DnsPort {
  const { servers } = options;
  const newResolver = () => {
    const resolver = new Resolver({ timeout: options.timeoutMs ?? 1500, tries: options.tries ?? 2 });
    if (servers) resolver.setServers([...servers]);
    return resolver;
  };
  const query = async <T>(run: (resolver: Resolver) => Promise<T[]>, signal: AbortSignal): Promise<T[]> => {
    const resolver = newResolver();
    try {
      return await abortable(run(resolver), signal, () => resolver.cancel());
    } catch (error) {
      if (isAnsweredEmpty(error)) return [];
      throw error;
    }
  };
  return {
    async resolveSrv(name, signal): Promise<SrvRecord[]> {
      const records = await query((resolver) => resolver.resolveSrv(name), signal);
      return records.map((record) => ({ name: record.name.replace(/\.$/, ''), port: record.port, priority: record.priority, weight: record.weight }));
    },
    async resolveMx(name, signal): Promise<MxRecord[]> {
      const records = await query((resolver) => resolver.resolveMx(name), signal);
      return records.map((record) => ({ exchange: record.exchange.replace(/\.$/, ''), priority: record.priority }));
    },
    async lookupHost(name, signal): Promise<string[]> {
      const bare = bareHost(name);
      if (isIP(bare) !== 0) return [bare];
      if (!servers || isLocalName(bare)) {
        try {
          const found = await abortable(lookup(bare, { all: true, order: 'verbatim' }), signal);
          return found.map((entry) => entry.address);
        } catch (error) {
          if (isAnsweredEmpty(error)) return [];
          throw error;
        }
      }
      // With configured servers, names resolve there too, so that tests and mirrors see one DNS.
      const [v4, v6] = await Promise.allSettled([
        query((resolver) => resolver.resolve4(bare), signal),
        query((resolver) => resolver.resolve6(bare), signal),
      ]);
      if (v4.status === 'rejected' && v6.status === 'rejected') throw v4.reason;
      return [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
    },
  };
}
