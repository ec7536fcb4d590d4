// The test message (issue #13) through the real loop: Dovecot submission → relay → Dovecot's LMTP →
// INBOX, watched over IMAP; and a relay that never delivers, reported as delivery-delayed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import type { CheckReport, CheckStep, ServerRole } from '../../../../shared/check-report.ts';
import { startDelayProxy } from '../../../../e2e/fixtures/delay-proxy.ts';
import { getFreePort } from '../../../../e2e/fixtures/free-port.ts';
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

/** Every step change with the time it happened, as the UI sees them. */
type Event = { at: number; server: ServerRole; step: CheckStep };

async function sendTest(deliveryTimeoutMs?: number, incomingPort = dovecot.tlsPort, events: Event[] = []): Promise<CheckReport> {
  const engine = createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [ca.caPem], now: () => performance.now() });
  const onProgress = (step: CheckStep, server: ServerRole) => events.push({ at: performance.now(), server, step });
  const report = await engine.run({
    settings: { email: olga.user, host: 'localhost', port: incomingPort, security: 'tls', username: olga.user },
    credential: { kind: 'password', password: olga.password },
    allowInsecure: false,
    timeoutMs: 5_000,
    sendTestMessage: true,
    deliveryTimeoutMs,
    outgoing: {
      settings: { host: 'localhost', port: dovecot.submissionsPort, security: 'tls', username: olga.user },
      credential: { kind: 'password', password: olga.password },
    },
  }, { onProgress });
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
    // A new-message notice that came with a search's answer is not lost (that would wait 5 s for the next search).
    expect(Number(/after (\d+\.\d) s/.exec(delivery.detail)?.[1])).toBeLessThan(3);
    expect(dovecot.relayed.slice(before).map((message) => [message.from, message.to, message.delivered])).toEqual([[olga.user, [olga.user], true]]);
    // The fixture's INBOX holds seeded messages too; exactly one is the test message.
    const sent = (await inbox()).filter((text) => text.includes('Subject: Mail Setup test message'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(`From: <${olga.user}>`);
    expect(sent[0]).toContain(`To: <${olga.user}>`);
    expect(sent[0]).toContain('you can delete it');
  });

  it('is sent only once the incoming server passed too, even when that server answers slowly', async () => {
    // 150 ms each way in front of IMAP: the incoming check needs about a second, the outgoing one
    // (direct) a few ms; the message must still wait until INBOX is open.
    const far = await startDelayProxy({ targetPort: dovecot.tlsPort, delayMs: 150 });
    try {
      const events: Event[] = [];
      const before = dovecot.relayed.length;
      const report = await sendTest(undefined, far.port, events);
      expect(report.ok).toBe(true);
      expect(outgoingStep(report, 'delivery').status).toBe('passed');
      const inboxOpened = events.find((event) => event.server === 'incoming' && event.step.id === 'inbox' && event.step.status === 'passed');
      const senderPassed = events.find((event) => event.server === 'outgoing' && event.step.id === 'sender' && event.step.status === 'passed');
      const relayed = dovecot.relayed.slice(before);
      expect(relayed).toHaveLength(1);
      expect(inboxOpened && senderPassed).toBeTruthy();
      // The outgoing server was ready long before; what was sent left only after INBOX opened.
      expect(senderPassed?.at).toBeLessThan(inboxOpened?.at ?? 0);
      expect(relayed[0]?.receivedAt).toBeGreaterThan(inboxOpened?.at ?? Infinity);
      // Meanwhile the row said what it waits for.
      expect(events.some((event) => event.step.id === 'delivery' && event.step.status === 'running' && /Waiting for the incoming server/.test(event.step.detail))).toBe(true);
    } finally {
      await far.close();
    }
  });

  it('is not sent when the incoming server fails, and the delivery row says why', async () => {
    const before = dovecot.relayed.length;
    const closedPort = await getFreePort();
    const report = await sendTest(undefined, closedPort);
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ category: 'connection-refused', server: 'incoming' });
    expect(outgoingOf(report).failure).toBeNull();
    expect(outgoingStep(report, 'sender').status).toBe('passed');
    const delivery = outgoingStep(report, 'delivery');
    expect(delivery.status).toBe('skipped');
    expect(delivery.detail).toMatch(/^Not sent: the incoming server check did not pass/);
    expect(dovecot.relayed.slice(before)).toEqual([]);
  });

  // Last: the relay stays a sink from here on.
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
