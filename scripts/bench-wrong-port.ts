// Benchmark: how long the check takes to name a security mode wrong for the port, against Dovecot's IMAP, POP3 and submission, with the app's 15 s limit.
import { DEFAULT_USER, startDovecot } from '../e2e/fixtures/dovecot.ts';
import { getTestCa } from '../e2e/fixtures/test-ca.ts';
import type { CheckInput } from '../electron/services/check/check-input.ts';
import { createCheckEngine } from '../electron/services/check/run-check.ts';
import type { FailureCategory } from '../shared/failure-category.ts';
import type { IncomingProtocol, Security } from '../shared/server-settings.ts';
import { median } from './bench-support/median.ts';

/** STARTTLS on an SSL/TLS port must be named within this; the reverse, at once. */
export const budgetMs = { startTlsOnTlsPort: 3_000, tlsOnPlainPort: 1_000 };

interface Case {
  name: string;
  role: 'incoming' | 'outgoing';
  protocol?: IncomingProtocol;
  security: Security;
  port: (dovecot: Awaited<ReturnType<typeof startDovecot>>) => number;
  expected: FailureCategory;
  budget: number;
}

const cases: Case[] = [
  { name: 'IMAP, STARTTLS on the SSL/TLS port', role: 'incoming', security: 'starttls', port: (d) => d.tlsPort, expected: 'tls-handshake-failed', budget: budgetMs.startTlsOnTlsPort },
  { name: 'IMAP, no encryption on the SSL/TLS port', role: 'incoming', security: 'none', port: (d) => d.tlsPort, expected: 'tls-handshake-failed', budget: budgetMs.startTlsOnTlsPort },
  { name: 'POP3, STARTTLS on the SSL/TLS port', role: 'incoming', protocol: 'pop3', security: 'starttls', port: (d) => d.pop3sPort, expected: 'tls-handshake-failed', budget: budgetMs.startTlsOnTlsPort },
  { name: 'SMTP, STARTTLS on the SSL/TLS port', role: 'outgoing', security: 'starttls', port: (d) => d.submissionsPort, expected: 'tls-handshake-failed', budget: budgetMs.startTlsOnTlsPort },
  { name: 'IMAP, SSL/TLS on the STARTTLS port', role: 'incoming', security: 'tls', port: (d) => d.starttlsPort, expected: 'tls-handshake-failed', budget: budgetMs.tlsOnPlainPort },
  { name: 'POP3, SSL/TLS on the STARTTLS port', role: 'incoming', protocol: 'pop3', security: 'tls', port: (d) => d.pop3Port, expected: 'tls-handshake-failed', budget: budgetMs.tlsOnPlainPort },
  { name: 'SMTP, SSL/TLS on the STARTTLS port', role: 'outgoing', security: 'tls', port: (d) => d.submissionPort, expected: 'tls-handshake-failed', budget: budgetMs.tlsOnPlainPort },
];

/** The median time to the report for each case, and whether each ended in the expected category. */
export async function runWrongPortBenchmark(rounds = 5): Promise<{ name: string; medianMs: number; budget: number; category: string; expected: string }[]> {
  const ca = await getTestCa();
  const dovecot = await startDovecot();
  try {
    const engine = createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [ca.caPem], now: () => performance.now() });
    const credential = { kind: 'password' as const, password: DEFAULT_USER.password };
    const results = [];
    for (const item of cases) {
      const server = { host: 'localhost', port: item.port(dovecot), security: item.security, username: DEFAULT_USER.user };
      const input: CheckInput = {
        settings: { email: DEFAULT_USER.user, ...(item.role === 'incoming' ? server : { ...server, port: dovecot.tlsPort, security: 'tls' }), ...(item.protocol ? { protocol: item.protocol } : {}) },
        credential,
        allowInsecure: false,
        timeoutMs: 15_000,
        only: item.role,
        ...(item.role === 'outgoing' ? { outgoing: { settings: server, credential } } : {}),
      };
      const times: number[] = [];
      let category = '';
      for (let round = 0; round < rounds; round++) {
        const started = performance.now();
        const report = await engine.run(input);
        times.push(performance.now() - started);
        category = (item.role === 'incoming' ? report.failure?.category : report.outgoing?.failure?.category) ?? 'none';
      }
      results.push({ name: item.name, medianMs: median(times), budget: item.budget, category, expected: item.expected });
    }
    return results;
  } finally {
    await dovecot.stop();
  }
}

if (import.meta.main) {
  const results = await runWrongPortBenchmark(Number(process.env['BENCH_ROUNDS'] ?? 5));
  let over = false;
  process.stdout.write('A security mode wrong for the port, named (Dovecot on 127.0.0.1, time limit 15 s; median of the rounds):\n');
  for (const result of results) {
    const fine = result.medianMs <= result.budget && result.category === result.expected;
    over ||= !fine;
    process.stdout.write(`  ${result.name}: ${result.medianMs.toFixed(0)} ms, ${result.category} (budget ${result.budget} ms, ${result.expected}) ${fine ? 'within' : 'OVER'}\n`);
  }
  process.exitCode = over ? 1 : 0;
}
