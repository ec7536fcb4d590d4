// Trusting a certificate on purpose: a pinned fingerprint admits exactly that certificate, and a
// different one later is reported as changed — against a real Dovecot with certificates made for the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, nextLoopbackAddress, type Dovecot, DEFAULT_USER } from '../../../e2e/fixtures/dovecot.ts';
import { getTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { resolveHost } from '../net/resolve-host.ts';
import { createCheckEngine } from './run-check.ts';
import type { CheckInput } from './check-input.ts';

let ca: TestCa;
let dovecot: Dovecot;

beforeAll(async () => {
  ca = await getTestCa();
  dovecot = await startDovecot({ certificate: ca.selfSigned });
});
afterAll(async () => {
  await dovecot?.stop();
});

function engine() {
  return createCheckEngine({ resolveHost, caCertificates: () => [ca.caPem], localAddress: nextLoopbackAddress(), now: () => performance.now() });
}

function input(port: number, trustedFingerprint?: string): CheckInput {
  return {
    settings: { email: DEFAULT_USER.user, host: 'localhost', port, security: 'tls', username: DEFAULT_USER.user },
    credential: { kind: 'password', password: DEFAULT_USER.password },
    allowInsecure: false,
    trustedFingerprint,
    timeoutMs: 5000,
  };
}

describe('certificate pinning', () => {
  it('refuses a self-signed certificate until the user pins it, then accepts exactly it', async () => {
    const refused = await engine().run(input(dovecot.tlsPort));
    expect(refused.failure?.category).toBe('certificate-untrusted');
    expect(refused.failure?.certificate?.fingerprint256).toBe(ca.selfSigned.fingerprint256);
    expect(refused.steps.find((step) => step.id === 'authenticate')?.status).toBe('skipped');

    // Fingerprints may be typed in lower case and without colons.
    const typed = ca.selfSigned.fingerprint256.replace(/:/g, '').toLowerCase();
    const accepted = await engine().run(input(dovecot.tlsPort, typed));
    expect(accepted.ok).toBe(true);
    expect(accepted.tls?.pinned).toEqual({ fingerprint256: ca.selfSigned.fingerprint256, problem: 'certificate-untrusted' });
    expect(accepted.steps.find((step) => step.id === 'tls')?.detail).toMatch(/trusted by your decision/);
  });

  it('reports another certificate on the same server as changed, with both fingerprints', async () => {
    const other = await ca.selfSign();
    await dovecot.setCertificate(other);
    try {
      const report = await engine().run(input(dovecot.tlsPort, ca.selfSigned.fingerprint256));
      expect(report.ok).toBe(false);
      expect(report.failure?.category).toBe('certificate-changed');
      expect(report.failure?.pinnedFingerprint256).toBe(ca.selfSigned.fingerprint256);
      expect(report.failure?.certificate?.fingerprint256).toBe(other.fingerprint256);
    } finally {
      await dovecot.setCertificate(ca.selfSigned);
    }
  });

  it('pins a certificate for another host name, and still says why it needed trusting', async () => {
    await dovecot.setCertificate(ca.wrongHost);
    try {
      const refused = await engine().run(input(dovecot.tlsPort));
      expect(refused.failure?.category).toBe('certificate-hostname-mismatch');
      const accepted = await engine().run(input(dovecot.tlsPort, ca.wrongHost.fingerprint256));
      expect(accepted.ok).toBe(true);
      expect(accepted.tls?.pinned?.problem).toBe('certificate-hostname-mismatch');
    } finally {
      await dovecot.setCertificate(ca.selfSigned);
    }
  });

  it('pins an expired certificate too, keeping the warning', async () => {
    await dovecot.setCertificate(ca.expired);
    try {
      const refused = await engine().run(input(dovecot.tlsPort));
      expect(refused.failure?.category).toBe('certificate-expired');
      const accepted = await engine().run(input(dovecot.tlsPort, ca.expired.fingerprint256));
      expect(accepted.ok).toBe(true);
      expect(accepted.tls?.pinned?.problem).toBe('certificate-expired');
    } finally {
      await dovecot.setCertificate(ca.selfSigned);
    }
  });

  it('a pin of one certificate does not admit a different bad one, and a valid certificate needs none', async () => {
    await dovecot.setCertificate(ca.trusted);
    try {
      const valid = await engine().run(input(dovecot.tlsPort, ca.selfSigned.fingerprint256));
      expect(valid.ok).toBe(true);
      expect(valid.tls?.pinned).toBeUndefined();
    } finally {
      await dovecot.setCertificate(ca.selfSigned);
    }
    const wrongPin = await engine().run(input(dovecot.tlsPort, ca.trusted.fingerprint256));
    expect(wrongPin.failure?.category).toBe('certificate-changed');
  });
});
