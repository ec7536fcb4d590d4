// Guesses the IMAP server by probing the usual names and ports in parallel.
import type { DiscoveryResult } from '../../../shared/discovery-result.ts';
import { findProviderByImapHost } from '../../../shared/providers/find-provider.ts';
import type { EmailAddress } from './email-address.ts';
import { probeImap, type ProbeDeps, type ProbeTarget } from './imap-probe.ts';
import { raceByPriority } from './priority-race.ts';
import { describeProvider } from './provider-result.ts';

/** The servers worth trying, best first: implicit TLS on 993 before STARTTLS on 143 (RFC 8314). */
export function guessTargets(domain: string): ProbeTarget[] {
  const hosts = [`imap.${domain}`, `mail.${domain}`, domain];
  return [
    ...hosts.map((host): ProbeTarget => ({ host, port: 993, security: 'tls' })),
    ...hosts.map((host): ProbeTarget => ({ host, port: 143, security: 'starttls' })),
  ];
}

/** Probes every guess at once and keeps the best one that answered as IMAP. */
export async function discoverByGuessing(email: EmailAddress, deps: ProbeDeps, signal: AbortSignal): Promise<DiscoveryResult | null> {
  const tasks = guessTargets(email.domain).map((target) => async (taskSignal: AbortSignal) =>
    (await probeImap(target, deps, AbortSignal.any([signal, taskSignal]))) ? target : null,
  );
  const found = await raceByPriority(tasks, signal);
  if (!found) return null;
  const known = findProviderByImapHost(found.host, email.domain);
  return {
    source: 'guess',
    imap: { host: found.host, port: found.port, security: found.security, username: email.address },
    provider: known ? describeProvider(known) : null,
  };
}
