// International addresses against the real Dovecot 2.3: a user named jürgen@… signs in over IMAP and
// submission, and both servers refuse the address cleanly, since neither announces UTF8=ACCEPT nor SMTPUTF8.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, TranscriptLine } from '../../../shared/check-report.ts';
import type { Security } from '../../../shared/server-settings.ts';
import { startDovecot, type Dovecot, type DovecotUser } from '../../../e2e/fixtures/dovecot.ts';
import { getTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { createCheckEngine } from './run-check.ts';
import { expectFailure, expectWellFormed, step } from './report-expectations.ts';
import { expectOutgoingFailure, expectWellFormedOutgoing, outgoingOf, outgoingStep } from './smtp/outgoing-expectations.ts';

const jurgen: DovecotUser = { user: 'jürgen@example.test', password: 'jürgens pässwort' };
const alice: DovecotUser = { user: 'alice@example.test', password: 'correct horse battery staple' };

let ca: TestCa;
let dovecot: Dovecot;

beforeAll(async () => {
  ca = await getTestCa();
  // Dovecot takes only letters, digits and ".-_@" in usernames unless told otherwise.
  dovecot = await startDovecot({ users: [jurgen, alice], extraConfig: 'auth_username_chars =\n' });
});

afterAll(async () => {
  await dovecot?.stop();
});

async function check(user: DovecotUser, security: Security = 'tls'): Promise<CheckReport> {
  const engine = createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [ca.caPem], now: () => performance.now() });
  const report = await engine.run({
    settings: { email: user.user, host: 'localhost', port: security === 'tls' ? dovecot.tlsPort : dovecot.starttlsPort, security, username: user.user },
    credential: { kind: 'password', password: user.password },
    allowInsecure: false,
    timeoutMs: 5_000,
    outgoing: {
      settings: { host: 'localhost', port: security === 'tls' ? dovecot.submissionsPort : dovecot.submissionPort, security, username: user.user },
      credential: { kind: 'password', password: user.password },
    },
    transcript: true,
  });
  expectWellFormed(report);
  expectWellFormedOutgoing(report);
  return report;
}

function clientLines(report: CheckReport, server: TranscriptLine['server']): string[] {
  return (report.transcript ?? []).filter((entry) => entry.server === server && entry.from === 'client').map((entry) => entry.line);
}

describe('jürgen@example.test on Dovecot 2.3 (no UTF8=ACCEPT, no SMTPUTF8)', () => {
  it.each(['tls', 'starttls'] as const)('signs in with the UTF-8 username, then refuses the address on both servers with words that say why (%s)', async (security) => {
    const report = await check(jurgen, security);

    // Incoming: AUTHENTICATE PLAIN carried the UTF-8 name and Dovecot took it; INBOX was never asked for.
    expectFailure(report, 'mailbox-unavailable', 'inbox');
    expect(step(report, 'authenticate').detail).toMatch(/^Signed in as jürgen@example\.test with PLAIN/);
    expect(report.failure?.message).toBe('The incoming server localhost cannot handle an address with letters such as “ü” before the @ (jürgen@example.test).');
    expect(report.failure?.advice).toContain('UTF8=ACCEPT');
    expect(clientLines(report, 'incoming').filter((line) => / (ENABLE|EXAMINE|SELECT) /i.test(line))).toEqual([]);

    // Outgoing: signed in, then stopped before MAIL FROM (Dovecot would answer an 8-bit one with
    // "501 5.5.4 Invalid FROM: Invalid character in localpart").
    expectOutgoingFailure(report, 'sender-rejected', 'sender');
    expect(outgoingStep(report, 'authenticate').status).toBe('passed');
    expect(outgoingOf(report).failure?.message).toBe('The outgoing server localhost cannot send from an address with letters such as “ü” before the @ (jürgen@example.test).');
    expect(outgoingOf(report).failure?.advice).toContain('SMTPUTF8');
    expect(clientLines(report, 'outgoing').filter((line) => /^(MAIL|RCPT|DATA|BDAT)/i.test(line))).toEqual([]);
  });

  it('still passes an ASCII address on the same server, with no ENABLE and no SMTPUTF8', async () => {
    const report = await check(alice);
    expect(report.ok).toBe(true);
    expect(clientLines(report, 'incoming').some((line) => / ENABLE /i.test(line))).toBe(false);
    expect(clientLines(report, 'outgoing')).toContain('MAIL FROM:<alice@example.test>');
  });
});
