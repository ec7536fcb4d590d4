// Benchmark: the full check against a local Dovecot versus a bare imapflow connect + login + logout, alternating rounds.
import { ImapFlow } from 'imapflow';
import { DEFAULT_USER, startDovecot } from '../e2e/fixtures/dovecot.ts';
import { getTestCa } from '../e2e/fixtures/test-ca.ts';
import { resolveHost } from '../electron/services/net/resolve-host.ts';
import { createCheckEngine } from '../electron/services/check/run-check.ts';
import { trustedCertificateAuthorities } from '../electron/services/net/trusted-cas.ts';
import { compareAlternating, type BenchResult } from './bench-support/compare-alternating.ts';

/** The check may cost at most this much more than a bare sign-in. */
export const budgetRatio = 1.15;

/**
 * Runs `rounds` full checks and `rounds` bare imapflow sign-ins against one Dovecot, alternating
 * which goes first in each round so that neither always meets a warmer server.
 */
export async function runCheckBenchmark(rounds = 30, warmup = 3): Promise<BenchResult> {
  const ca = await getTestCa();
  const dovecot = await startDovecot();
  try {
    const host = 'localhost';
    // The engine as the app builds it (real resolver, system and bundled roots) plus the test CA.
    const engine = createCheckEngine({
      resolveHost,
      caCertificates: () => [...trustedCertificateAuthorities(), ca.caPem],
      now: () => performance.now(),
    });
    const check = async () => {
      const report = await engine.run({
        settings: { email: DEFAULT_USER.user, host, port: dovecot.tlsPort, security: 'tls', username: DEFAULT_USER.user },
        credential: { kind: 'password', password: DEFAULT_USER.password },
        allowInsecure: false,
        timeoutMs: 15_000,
      });
      if (!report.ok) throw new Error(`the check failed: ${report.failure?.category ?? 'unknown'}`);
    };
    const bare = async () => {
      const client = new ImapFlow({
        host,
        port: dovecot.tlsPort,
        secure: true,
        auth: { user: DEFAULT_USER.user, pass: DEFAULT_USER.password },
        logger: false,
        tls: { ca: [ca.caPem] },
      });
      await client.connect();
      await client.logout();
    };

    return await compareAlternating(check, bare, rounds, warmup);
  } finally {
    await dovecot.stop();
  }
}

if (import.meta.main) {
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 30);
  const result = await runCheckBenchmark(rounds);
  const verdict = result.ratio <= budgetRatio ? 'within' : 'OVER';
  process.stdout.write(
    [
      `Check vs bare imapflow sign-in, ${result.rounds} rounds each, alternating (Dovecot on 127.0.0.1, SSL/TLS):`,
      `  full check (resolve, connect, TLS, greeting, sign-in, INBOX): median ${result.checkMedianMs.toFixed(2)} ms`,
      `  bare imapflow connect + login + logout:                       median ${result.bareMedianMs.toFixed(2)} ms`,
      `  ratio ${result.ratio.toFixed(3)}x — ${verdict} the budget of ${budgetRatio}x`,
      '',
    ].join('\n'),
  );
  if (result.ratio > budgetRatio) process.exitCode = 1;
}
