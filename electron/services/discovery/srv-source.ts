// Finds the IMAP server from DNS SRV records (RFC 6186), preferring implicit TLS (RFC 8314).
import type { DiscoveryResult } from '../../../shared/discovery-result.ts';
import type { Security } from '../../../shared/server-settings.ts';
import type { DnsPort, SrvRecord } from './discovery-ports.ts';
import type { EmailAddress } from './email-address.ts';
import { raceByPriority } from './priority-race.ts';
import { resultForServer } from './provider-result.ts';
import { normaliseServerHostname } from './server-hostname.ts';

/** The record to use: lowest priority, then highest weight; "." means "no such service here". */
export function pickSrvRecord(records: readonly SrvRecord[]): { host: string; port: number } | null {
  const usable = records
    .filter((record) => record.port > 0 && record.name !== '' && record.name !== '.')
    .sort((a, b) => a.priority - b.priority || b.weight - a.weight);
  for (const record of usable) {
    const host = normaliseServerHostname(record.name);
    if (host) return { host, port: record.port };
  }
  return null;
}

/** `_imaps._tcp` (TLS) wins over `_imap._tcp` (STARTTLS, never cleartext). */
export function discoverBySrv(email: EmailAddress, dns: DnsPort, signal: AbortSignal): Promise<DiscoveryResult | null> {
  const lookUp = (service: string, security: Security) => async (taskSignal: AbortSignal) => {
    const found = pickSrvRecord(await dns.resolveSrv(`${service}._tcp.${email.domain}`, AbortSignal.any([signal, taskSignal])));
    return found ? { ...found, security } : null;
  };
  return raceByPriority([lookUp('_imaps', 'tls'), lookUp('_imap', 'starttls')], signal).then((found) =>
    found ? resultForServer(found, email, 'srv') : null,
  );
}
