// Guesses the IMAP, POP3 and SMTP servers by probing the usual names and ports, all at once.
import type { DiscoveryResult } from '../../../shared/discovery-result.ts';
import type { EmailAddress } from './email-address.ts';
import { probeImap } from './imap-probe.ts';
import { probePop3 } from './pop3-probe.ts';
import { raceByPriority } from './priority-race.ts';
import type { ProbeDeps, ProbeTarget } from './probe-runner.ts';
import { resultForServers } from './provider-result.ts';
import { probeSmtp } from './smtp-probe.ts';

/** The candidates for one protocol, best first: every name with implicit TLS, then every name with STARTTLS (RFC 8314). */
function targets(hosts: readonly string[], tlsPort: number, starttlsPort: number): ProbeTarget[] {
  return [
    ...hosts.map((host): ProbeTarget => ({ host, port: tlsPort, security: 'tls' })),
    ...hosts.map((host): ProbeTarget => ({ host, port: starttlsPort, security: 'starttls' })),
  ];
}

/** The IMAP servers worth trying: 993 before 143. */
export function guessTargets(domain: string): ProbeTarget[] {
  return targets([`imap.${domain}`, `mail.${domain}`, domain], 993, 143);
}

/** The POP3 servers worth trying: 995 before 110 with STLS. */
export function guessPop3Targets(domain: string): ProbeTarget[] {
  return targets([`pop.${domain}`, `pop3.${domain}`, `mail.${domain}`], 995, 110);
}

/** The submission servers worth trying: 465 before 587. Port 25 is a relay port: only the user may choose it. */
export function guessSmtpTargets(domain: string): ProbeTarget[] {
  return targets([`smtp.${domain}`, `mail.${domain}`, domain], 465, 587);
}

type Probe = (target: ProbeTarget, deps: ProbeDeps, signal: AbortSignal) => Promise<boolean>;

function bestAnswering(candidates: readonly ProbeTarget[], probe: Probe, deps: ProbeDeps, signal: AbortSignal): Promise<ProbeTarget | null> {
  const tasks = candidates.map((target) => async (taskSignal: AbortSignal) =>
    (await probe(target, deps, AbortSignal.any([signal, taskSignal]))) ? target : null,
  );
  return raceByPriority(tasks, signal);
}

/**
 * Probes every IMAP, POP3 and SMTP guess at once and keeps the best of each that answered.
 * Without an incoming server there is no result; the others are null when none answered.
 */
export async function discoverByGuessing(email: EmailAddress, deps: ProbeDeps, signal: AbortSignal): Promise<DiscoveryResult | null> {
  const [imap, pop3, smtp] = await Promise.all([
    bestAnswering(guessTargets(email.domain), probeImap, deps, signal),
    bestAnswering(guessPop3Targets(email.domain), probePop3, deps, signal),
    bestAnswering(guessSmtpTargets(email.domain), probeSmtp, deps, signal),
  ]);
  return imap || pop3 ? resultForServers({ imap, smtp, pop3 }, email, 'guess') : null;
}
