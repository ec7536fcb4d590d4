// Finds the provider behind a custom domain from its MX: a bundled MX host or domain, else the ISPDB online for the MX's domain.
import type { DiscoveryResult } from '../../../shared/discovery-result.ts';
import { findProviderByDomain, findProviderByMxHost } from '../../../shared/providers/find-provider.ts';
import type { DnsPort } from '../net/net-ports.ts';
import type { EmailAddress } from './email-address.ts';
import { raceByPriority } from './priority-race.ts';
import { resultFromProvider } from './provider-result.ts';
import { normaliseServerHostname } from './server-hostname.ts';

/** Asks the ISPDB about one domain on behalf of `email`. */
export type IspdbLookup = (domain: string, signal: AbortSignal) => Promise<DiscoveryResult | null>;

// Second-level labels under which registrations sit one level deeper (example.co.uk, example.com.au).
const secondLevelLabels = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'ne', 'or', 'go']);

/** The domains to ask the ISPDB about for an MX host, most specific first. */
export function ispdbDomainsForMx(mxHost: string, ownDomain: string): string[] {
  const labels = mxHost.split('.');
  const parent = labels.slice(1).join('.');
  const secondLevel = labels[labels.length - 2] ?? '';
  const baseLength = labels.length > 2 && (labels[labels.length - 1] ?? '').length === 2 && secondLevelLabels.has(secondLevel) ? 3 : 2;
  const base = labels.slice(-baseLength).join('.');
  const domains = [parent, base].filter((domain) => domain.split('.').length >= baseLength && domain !== ownDomain);
  return [...new Set(domains)];
}

/**
 * Maps the lowest-preference MX hosts to a bundled provider (by MX suffix, then by the MX's
 * domain in the bundled ISPDB data, as Thunderbird does online), or asks the ISPDB online.
 */
export async function discoverByMx(email: EmailAddress, dns: DnsPort, ispdb: IspdbLookup, signal: AbortSignal): Promise<DiscoveryResult | null> {
  const records = await dns.resolveMx(email.domain, signal);
  const hosts = records
    .sort((a, b) => a.priority - b.priority)
    .map((record) => normaliseServerHostname(record.exchange))
    .filter((host): host is string => host !== null);
  // No usable MX at all, or the RFC 7505 "null MX": the domain receives no mail.
  const primary = hosts[0];
  if (primary === undefined) return null;
  for (const host of hosts) {
    const provider = findProviderByMxHost(host);
    if (provider) return resultFromProvider(provider, email, 'mx');
  }
  for (const domain of ispdbDomainsForMx(primary, email.domain)) {
    const provider = findProviderByDomain(domain);
    if (provider?.imapAvailable) return resultFromProvider(provider, email, 'mx');
  }
  const tasks = ispdbDomainsForMx(primary, email.domain).map((domain) => (taskSignal: AbortSignal) => ispdb(domain, AbortSignal.any([signal, taskSignal])));
  const found = await raceByPriority(tasks, signal);
  return found ? { ...found, source: 'mx' } : null;
}
