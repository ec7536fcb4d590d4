// Guesses the IMAP server by probing the usual names and ports in parallel.
import type { DiscoveryResult } from '../../../shared/discovery-result.ts';
import type { EmailAddress } from './email-address.ts';
import { probeImap, type ProbeDeps, type ProbeTarget } from './imap-probe.ts';
import { raceByPriority } from './priority-race.ts';
import { resultForServer } from './provider-result.ts';

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
  return found ? resultForServer(found, email, 'guess') : null;
}
