// The test message for an account whose servers the user had to trust by hand: a self-signed
// certificate pinned for incoming and outgoing, a name only the check's resolver knows, and a chosen
// source address. The INBOX watch must reach INBOX exactly as the check did (real Dovecot, real relay).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, nextLoopbackAddress, type Dovecot, type DovecotUser } from '../../../../e2e/fixtures/dovecot.ts';
import { getTestCa, type TestCa } from '../../../../e2e/fixtures/test-ca.ts';
import type { CheckInput } from '../check-input.ts';
import { createCheckEngine } from '../run-check.ts';
import { outgoingOf, outgoingStep } from './outgoing-expectations.ts';

const pia: DovecotUser = { user: 'pia@example.test', password: 'pia pinned password' };
// In the self-signed certificate's names, but in no DNS: only the check's own resolver knows it.
const host = 'imap.example.test';

let ca: TestCa;
let dovecot: Dovecot;

beforeAll(async () => {
  ca = await getTestCa();
  dovecot = await startDovecot({ users: [pia], certificate: ca.selfSigned });
});
afterAll(async () => {
  await dovecot?.stop();
});

function input(pin: string | undefined): CheckInput {
  return {
    settings: { email: pia.user, host, port: dovecot.tlsPort, security: 'tls', username: pia.user },
    credential: { kind: 'password', password: pia.password },
    allowInsecure: false,
    trustedFingerprint: pin,
    timeoutMs: 5_000,
    sendTestMessage: true,
    deliveryTimeoutMs: 10_000,
    outgoing: {
      settings: { host, port: dovecot.submissionsPort, security: 'tls', username: pia.user },
      credential: { kind: 'password', password: pia.password },
      trustedFingerprint: ca.selfSigned.fingerprint256,
    },
  };
}

function engine(localAddress: string) {
  return createCheckEngine({
    resolveHost: async (name) => {
      if (name !== host) throw Object.assign(new Error(`queryA ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
      return ['127.0.0.1'];
    },
    caCertificates: () => [ca.caPem],
    localAddress,
    now: () => performance.now(),
  });
}

/** IMAP sign-ins of `user` in Dovecot's log, with the source address each came from. */
async function imapLoginSources(user: string): Promise<string[]> {
  const log = await dovecot.readLog();
  return [...log.matchAll(/imap-login: (?:Info: )?Login: user=<([^>]*)>.*?rip=([\d.]+)/g)].filter((match) => match[1] === user).map((match) => match[2] ?? '');
}

describe('the test message with a pinned incoming certificate', () => {
  it('is found in INBOX through the pinned certificate, the check’s resolver and its source address, on one sign-in', async () => {
    const source = nextLoopbackAddress();
    const before = dovecot.relayed.length;
    const loginsBefore = (await imapLoginSources(pia.user)).length;
    const report = await engine(source).run(input(ca.selfSigned.fingerprint256));

    expect(report.failure).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.tls?.pinned?.fingerprint256).toBe(ca.selfSigned.fingerprint256);
    expect(outgoingStep(report, 'delivery')).toMatchObject({ status: 'passed', detail: expect.stringMatching(/^Arrived in your inbox after/) });
    expect(dovecot.relayed.slice(before).map((message) => [message.from, message.to, message.delivered])).toEqual([[pia.user, [pia.user], true]]);
    // The watch used the check's own session: one IMAP sign-in, from the chosen source address.
    await expect.poll(async () => (await imapLoginSources(pia.user)).slice(loginsBefore)).toEqual([source]);
  });

  it('sends nothing when the incoming certificate is not trusted, and says it was not sent', async () => {
    const before = dovecot.relayed.length;
    const report = await engine(nextLoopbackAddress()).run(input(undefined));
    expect(report.failure).toMatchObject({ category: 'certificate-untrusted', server: 'incoming' });
    expect(outgoingOf(report).failure).toBeNull();
    expect(outgoingStep(report, 'delivery')).toMatchObject({ status: 'skipped', detail: expect.stringMatching(/^Not sent: the incoming server check did not pass/) });
    expect(dovecot.relayed.slice(before)).toEqual([]);
  });
});
