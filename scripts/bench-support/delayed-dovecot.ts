// The round-trip benchmarks' lab: a Dovecot whose login processes stay, a relay delaying every chunk in front
// of two of its ports (SSL/TLS and STARTTLS), and the check engine aimed at the relays; stopped afterwards.
import { startDelayProxy, type DelayProxy } from '../../e2e/fixtures/delay-proxy.ts';
import { startDovecot, type Dovecot } from '../../e2e/fixtures/dovecot.ts';
import type { CheckInput } from '../../electron/services/check/check-input.ts';
import { relayEngine } from './relay-engine.ts';
import { reusedLoginProcesses } from './reused-login-processes.ts';
import { delayMs, overBudget } from './round-trips.ts';

/** What a benchmark gets: the server, the delayed ports, and the engine. */
export interface DelayedDovecot {
  dovecot: Dovecot;
  /** The relay in front of the SSL/TLS port. */
  tlsPort: number;
  /** The relay in front of the STARTTLS port. */
  starttlsPort: number;
  /** Runs a check that must pass (a failing one would time nothing worth timing). */
  passingCheck: (input: CheckInput) => Promise<void>;
}

/** Runs `bench` against Dovecot behind delaying relays on the ports `pick` chooses; sets the exit status by the budgets. */
export async function withDelayedDovecot(
  pick: (dovecot: Dovecot) => { tls: number; starttls: number },
  bench: (lab: DelayedDovecot) => Promise<void>,
): Promise<void> {
  const dovecot = await startDovecot({ extraConfig: reusedLoginProcesses });
  const proxies: DelayProxy[] = [];
  try {
    const ports = pick(dovecot);
    for (const targetPort of [ports.tls, ports.starttls]) proxies.push(await startDelayProxy({ targetPort, delayMs }));
    const engine = await relayEngine();
    const passingCheck = async (input: CheckInput) => {
      const report = await engine.run(input);
      if (!report.ok) throw new Error(`the check failed: ${report.failure?.category ?? 'unknown'}: ${report.failure?.message ?? ''}`);
    };
    await bench({ dovecot, tlsPort: proxies[0]!.port, starttlsPort: proxies[1]!.port, passingCheck });
  } finally {
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await dovecot.stop();
  }
  process.exitCode = overBudget() ? 1 : 0;
}
