// Benchmark: the outgoing check (--only outgoing) against Dovecot's submission service versus a bare nodemailer verify(), alternating rounds.
import nodemailer from 'nodemailer';
import { DEFAULT_USER, startDovecot } from '../e2e/fixtures/dovecot.ts';
import { getTestCa } from '../e2e/fixtures/test-ca.ts';
import { resolveHost } from '../electron/services/net/resolve-host.ts';
import { createCheckEngine } from '../electron/services/check/run-check.ts';
import { trustedCertificateAuthorities } from '../electron/services/net/trusted-cas.ts';
import { budgetRatio } from './bench-check.ts';
import { compareAlternating } from './bench-support/compare-alternating.ts';
import { outgoingCheck } from './bench-support/outgoing-check.ts';

/**
 * Runs `rounds` outgoing checks (resolve, connect, TLS, greeting, sign-in, MAIL FROM/RCPT TO/RSET)
 * and `rounds` bare verify() calls (connect, EHLO, AUTH, QUIT) against one Dovecot submission port.
 */
export async function runOutgoingBenchmark(rounds = 30, warmup = 3) {
  const ca = await getTestCa();
  const dovecot = await startDovecot();
  try {
    const host = 'localhost';
    const engine = createCheckEngine({ resolveHost, caCertificates: () => [...trustedCertificateAuthorities(), ca.caPem], now: () => performance.now() });
    const check = outgoingCheck(engine, dovecot.submissionsPort, 'tls');
    const bare = async () => {
      const transport = nodemailer.createTransport({ host, port: dovecot.submissionsPort, secure: true, auth: { user: DEFAULT_USER.user, pass: DEFAULT_USER.password }, tls: { ca: [ca.caPem] } });
      await transport.verify();
      transport.close();
    };
    return await compareAlternating(check, bare, rounds, warmup);
  } finally {
    await dovecot.stop();
  }
}

if (import.meta.main) {
  const result = await runOutgoingBenchmark(Number(process.env['BENCH_ROUNDS'] ?? 30));
  const verdict = result.ratio <= budgetRatio ? 'within' : 'OVER';
  process.stdout.write(
    [
      `Outgoing check vs bare nodemailer verify(), ${result.rounds} rounds each, alternating (Dovecot submission on 127.0.0.1, SSL/TLS):`,
      `  outgoing check (resolve, connect, TLS, greeting, sign-in, MAIL FROM/RCPT TO/RSET): median ${result.checkMedianMs.toFixed(2)} ms`,
      `  bare nodemailer verify() (connect, TLS, EHLO, AUTH, QUIT):                       median ${result.bareMedianMs.toFixed(2)} ms`,
      `  ratio ${result.ratio.toFixed(3)}x — ${verdict} the budget of ${budgetRatio}x`,
      '',
    ].join('\n'),
  );
  if (result.ratio > budgetRatio) process.exitCode = 1;
}
