// POP3 against Dovecot's real pop3s and STLS ports with the security mode the other port wants: named at once or in seconds, never at the end of the limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USER, startDovecot, type Dovecot } from '../../../../e2e/fixtures/dovecot.ts';
import { getTestCa, type TestCa } from '../../../../e2e/fixtures/test-ca.ts';
import type { Security } from '../../../../shared/server-settings.ts';
import { createCheckEngine } from '../run-check.ts';
import { expectFailure, step } from '../report-expectations.ts';

let ca: TestCa;
let dovecot: Dovecot;

beforeAll(async () => {
  ca = await getTestCa();
  dovecot = await startDovecot();
});

afterAll(async () => {
  await dovecot?.stop();
});

async function timedCheck(port: number, security: Security) {
  const engine = createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [ca.caPem], now: () => performance.now() });
  const started = performance.now();
  const report = await engine.run({
    settings: { email: DEFAULT_USER.user, host: 'localhost', port, security, username: DEFAULT_USER.user, protocol: 'pop3' },
    credential: { kind: 'password', password: DEFAULT_USER.password },
    allowInsecure: false,
    timeoutMs: 15_000,
  });
  return { report, ms: performance.now() - started };
}

describe('POP3 on the port of the other security mode', () => {
  it.each(['starttls', 'none'] as const)('%s on the pop3s port: "this port expects SSL/TLS" within 3 s', async (security) => {
    const { report, ms } = await timedCheck(dovecot.pop3sPort, security);
    expect(ms).toBeLessThan(3_000);
    expectFailure(report, 'tls-handshake-failed', 'greeting');
    expect(report.failure?.message).toMatch(/^This port expects SSL\/TLS/);
    expect(step(report, 'greeting').detail).toMatch(/sent no POP3 greeting, and answered a TLS hello/);
  });

  it('SSL/TLS on the STLS port: a failed handshake at once', async () => {
    const { report, ms } = await timedCheck(dovecot.pop3Port, 'tls');
    expect(ms).toBeLessThan(1_000);
    expectFailure(report, 'tls-handshake-failed', 'tls');
    expect(step(report, 'tls').detail).toMatch(/expects STARTTLS or no encryption/);
  });
});
