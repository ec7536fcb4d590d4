// Finds the servers from DNS SRV records (RFC 6186), preferring implicit TLS (RFC 8314) for IMAP, POP3 and submission.
import type { DiscoveryResult } from '../../../shared/discovery-result.ts';
import type { Security } from '../../../shared/server-settings.ts';
import type { DnsPort, SrvRecord } from '../net/net-ports.ts';
import type { EmailAddress } from './email-address.ts';
import { raceByPriority } from './priority-race.ts';
import { resultForServers, type FoundServer } from './provider-result.ts';
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

/** Looks up one service pair, the implicit-TLS one first; never a cleartext service. */
function lookUpPair(email: EmailAddress, dns: DnsPort, services: [tls: string, starttls: string], signal: AbortSignal): Promise<FoundServer | null> {
  const lookUp = (service: string, security: Security) => async (taskSignal: AbortSignal) => {
    const found = pickSrvRecord(await dns.resolveSrv(`${service}._tcp.${email.domain}`, AbortSignal.any([signal, taskSignal])));
    return found ? { ...found, security } : null;
  };
  return raceByPriority([lookUp(services[0], 'tls'), lookUp(services[1], 'starttls')], signal);
}

/**
 * `_imaps._tcp` (TLS) wins over `_imap._tcp` (STARTTLS), `_pop3s._tcp` over `_pop3._tcp`; beside
 * them, `_submissions._tcp` (TLS, RFC 8314) wins over `_submission._tcp` (STARTTLS). All six are
 * asked at once. A domain with POP3 records and no IMAP ones gives a POP3 result.
 */
export async function discoverBySrv(email: EmailAddress, dns: DnsPort, signal: AbortSignal): Promise<DiscoveryResult | null> {
  const [imap, pop3, smtp] = await Promise.all([
    lookUpPair(email, dns, ['_imaps', '_imap'], signal),
    lookUpPair(email, dns, ['_pop3s', '_pop3'], signal),
    lookUpPair(email, dns, ['_submissions', '_submission'], signal),
  ]);
  return imap || pop3 ? resultForServers({ imap, smtp, pop3 }, email, 'srv') : null;
}
