// Benchmark: round trips of the check where users really are — a relay holds every chunk 50 ms
// each way (100 ms RTT) in front of a real Dovecot; compared with a bare imapflow sign-in.
import { ImapFlow } from 'imapflow';
import { DEFAULT_USER, startDovecot } from '../e2e/fixtures/dovecot.ts';
import { startDelayProxy, type DelayProxy } from '../e2e/fixtures/delay-proxy.ts';
import { getTestCa } from '../e2e/fixtures/test-ca.ts';
import type { Security } from '../shared/server-settings.ts';
import { createCheckEngine } from '../electron/services/check/run-check.ts';
import { trustedCertificateAuthorities } from '../electron/services/check/trusted-cas.ts';
import { median } from './bench-support/median.ts';

/** One way; a round trip is twice this. */
const delayMs = 50;
const rttMs = 2 * delayMs;

/** Budgets from issue #14, in round trips. */
export const budgets = { tls: 5, starttls: 6 } as const;

async function roundTrips(runs: number, task: () => Promise<void>): Promise<number> {
  // One run first, unmeasured: Dovecot starts its login and mail processes on first use.
  await task();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await task();
    samples.push((performance.now() - started) / rttMs);
  }
  return median(samples);
}

const runs = Math.max(1, Number(process.env['BENCH_RTT_RUNS'] ?? 5));
const ca = await getTestCa();
const dovecot = await startDovecot();
const proxies: DelayProxy[] = [];
let over = false;
try {
  const tlsProxy = await startDelayProxy({ targetPort: dovecot.tlsPort, delayMs });
  const starttlsProxy = await startDelayProxy({ targetPort: dovecot.starttlsPort, delayMs });
  proxies.push(tlsProxy, starttlsProxy);
  const engine = createCheckEngine({
    // The relay is on loopback; name resolution is not what this measures.
    resolveHost: () => Promise.resolve(['127.0.0.1']),
    caCertificates: () => [...trustedCertificateAuthorities(), ca.caPem],
    now: () => performance.now(),
  });
  const check = (security: Security, port: number) => async () => {
    const report = await engine.run({
      settings: { email: DEFAULT_USER.user, host: 'localhost', port, security, username: DEFAULT_USER.user },
      credential: { kind: 'password', password: DEFAULT_USER.password },
      allowInsecure: false,
      timeoutMs: 15_000,
    });
    if (!report.ok) throw new Error(`the check failed: ${report.failure?.category ?? 'unknown'}: ${report.failure?.message ?? ''}`);
  };
  const bare = async () => {
    const client = new ImapFlow({
      host: 'localhost',
      port: tlsProxy.port,
      secure: true,
      auth: { user: DEFAULT_USER.user, pass: DEFAULT_USER.password },
      logger: false,
      tls: { ca: [ca.caPem] },
    });
    await client.connect();
    await client.logout();
  };

  const tls = await roundTrips(runs, check('tls', tlsProxy.port));
  const starttls = await roundTrips(runs, check('starttls', starttlsProxy.port));
  const bareLogin = await roundTrips(runs, bare);
  const verdict = (value: number, budget: number) => {
    if (value > budget) over = true;
    return value <= budget ? `within the budget of ${budget}` : `OVER the budget of ${budget}`;
  };
  process.stdout.write(
    [
      `Round trips with a relay holding every chunk ${delayMs} ms each way (${rttMs} ms RTT) in front of Dovecot; median of ${runs}, wall time / RTT:`,
      `  full check, SSL/TLS, INBOX opened:        ${tls.toFixed(2)} round trips — ${verdict(tls, budgets.tls)}`,
      `  full check, STARTTLS, INBOX opened:       ${starttls.toFixed(2)} round trips — ${verdict(starttls, budgets.starttls)}`,
      `  bare imapflow connect + login + logout:   ${bareLogin.toFixed(2)} round trips (for comparison)`,
      '',
    ].join('\n'),
  );
} finally {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await dovecot.stop();
}
process.exitCode = over ? 1 : 0;
