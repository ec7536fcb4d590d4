// The test message (issue #13) through the real loop: Dovecot submission → relay → Dovecot's LMTP →
// INBOX, watched over IMAP; and a relay that never delivers, reported as delivery-delayed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import type { CheckReport } from '../../../../shared/check-report.ts';
import { startDovecot, type Dovecot, type DovecotUser } from '../../../../e2e/fixtures/dovecot.ts';
import { getTestCa, type TestCa } from '../../../../e2e/fixtures/test-ca.ts';
import { createCheckEngine } from '../run-check.ts';
import { expectWellFormed } from '../report-expectations.ts';
import { expectOutgoingFailure, expectWellFormedOutgoing, outgoingOf, outgoingStep } from './outgoing-expectations.ts';

const olga: DovecotUser = { user: 'olga@example.test', password: 'olga test password' };

let ca: TestCa;
let dovecot: Dovecot;

beforeAll(async () => {
  ca = await getTestCa();
  dovecot = await startDovecot({ users: [olga] });
});

afterAll(async () => {
  await dovecot?.stop();
});

async function sendTest(deliveryTimeoutMs?: number): Promise<CheckReport> {
  const engine = createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [ca.caPem], now: () => performance.now() });
  const report = await engine.run({
    settings: { email: olga.user, host: 'localhost', port: dovecot.tlsPort, security: 'tls', username: olga.user },
    credential: { kind: 'password', password: olga.password },
    allowInsecure: false,
    timeoutMs: 5_000,
    sendTestMessage: true,
    deliveryTimeoutMs,
    outgoing: {
      settings: { host: 'localhost', port: dovecot.submissionsPort, security: 'tls', username: olga.user },
      credential: { kind: 'password', password: olga.password },
    },
  });
  expectWellFormed(report);
  expectWellFormedOutgoing(report, true);
  return report;
}

/** Subjects and bodies in Olga's INBOX, read over a separate IMAP sign-in. */
async function inbox(): Promise<string[]> {
  const client = new ImapFlow({ host: 'localhost', port: dovecot.tlsPort, secure: true, auth: { user: olga.user, pass: olga.password }, tls: { ca: [ca.caPem] }, logger: false });
  await client.connect();
  try {
    await client.mailboxOpen('INBOX');
    const texts: string[] = [];
    for await (const message of client.fetch('1:*', { source: true })) texts.push(message.source?.toString() ?? '');
    return texts;
  } finally {
    await client.logout();
  }
}

describe('the test message', () => {
  it('goes from the account to itself through submission and is reported when it reaches INBOX', async () => {
    const before = dovecot.relayed.length;
    const report = await sendTest();
    expect(report.ok).toBe(true);
    const delivery = outgoingStep(report, 'delivery');
    expect(delivery.status).toBe('passed');
    expect(delivery.detail).toMatch(/^Arrived in your inbox after \d+\.\d s$/);
    expect(dovecot.relayed.slice(before).map((message) => [message.from, message.to, message.delivered])).toEqual([[olga.user, [olga.user], true]]);
    // The fixture's INBOX holds seeded messages too; exactly one is the test message.
    const sent = (await inbox()).filter((text) => text.includes('Subject: Mail Setup test message'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(`From: <${olga.user}>`);
    expect(sent[0]).toContain(`To: <${olga.user}>`);
    expect(sent[0]).toContain('you can delete it');
  });

  it('says delivery-delayed when the server accepted it but it has not arrived within the limit', async () => {
    dovecot.stopDelivering();
    const before = dovecot.relayed.length;
    const started = performance.now();
    const report = await sendTest(1_500);
    const elapsed = performance.now() - started;
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ category: 'delivery-delayed', server: 'outgoing' });
    expectOutgoingFailure(report, 'delivery-delayed', 'delivery');
    expect(outgoingOf(report).failure?.message).toContain('has not reached your Inbox yet');
    expect(outgoingStep(report, 'delivery').detail).toMatch(/^Sent and accepted, but not in your Inbox after 1\.\d s\. It may still arrive/);
    expect(dovecot.relayed.slice(before).map((message) => [message.from, message.to, message.delivered])).toEqual([[olga.user, [olga.user], false]]);
    expect(elapsed).toBeLessThan(5_000);
  });
});
