// The POP3 check against Dovecot's real pop3 service: both security modes, sign-in, STAT, refusals, transcript, certificates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../../shared/check-report.ts';
import type { Security } from '../../../../shared/server-settings.ts';
import { nextLoopbackAddress, startDovecot, type Dovecot, type DovecotUser } from '../../../../e2e/fixtures/dovecot.ts';
import { getTestCa, type TestCa } from '../../../../e2e/fixtures/test-ca.ts';
import type { CheckInput } from '../check-input.ts';
import { createCheckEngine } from '../run-check.ts';
import { expectFailure, expectWellFormed, step } from '../report-expectations.ts';

const alice: DovecotUser = { user: 'alice@example.test', password: 'pässwörd with "quotes" and {5}', messages: 2 };
const gmailPopOff: DovecotUser = {
  user: 'gmail-popoff@example.test',
  password: 'whatever',
  providerText: '[SYS/PERM] Your account is not enabled for POP access. Please visit your Gmail settings page and enable your account for POP access.',
};
const nologin: DovecotUser = { user: 'nologin@example.test', password: 'right-password', extraFields: ['nologin'] };
const tempfail: DovecotUser = { user: 'tempfail@example.test', password: 'right-password', refusal: { code: 'temp_fail' } };

let ca: TestCa;
let dovecot: Dovecot & { plainPop3Port: number };

beforeAll(async () => {
  ca = await getTestCa();
  dovecot = await startDovecot({ ssl: 'no', users: [alice, gmailPopOff, nologin, tempfail], extraConfig: 'pop3_lock_session = yes\n' });
});

afterAll(async () => {
  await dovecot?.stop();
});

interface Options {
  security?: Security;
  port?: number;
  user?: string;
  password?: string;
  localAddress?: string;
  allowInsecure?: boolean;
  transcript?: boolean;
  trustedFingerprint?: string;
  host?: string;
  protocol?: 'imap' | 'pop3';
  timeoutMs?: number;
}

async function check(options: Options = {}): Promise<CheckReport> {
  const security = options.security ?? 'tls';
  const engine = createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [ca.caPem], localAddress: options.localAddress, now: () => performance.now() });
  const input: CheckInput = {
    settings: {
      email: 'alice@example.test',
      host: options.host ?? 'localhost',
      port: options.port ?? (security === 'tls' ? dovecot.pop3sPort : dovecot.pop3Port),
      security,
      username: options.user ?? alice.user,
      protocol: options.protocol ?? 'pop3',
    },
    credential: { kind: 'password', password: options.password ?? alice.password },
    allowInsecure: options.allowInsecure ?? false,
    trustedFingerprint: options.trustedFingerprint,
    timeoutMs: options.timeoutMs ?? 5_000,
    transcript: options.transcript,
  };
  const report = await engine.run(input);
  expectWellFormed(report);
  return report;
}

describe('a POP3 account on Dovecot', () => {
  it('passes over SSL/TLS (995-like): SASL PLAIN, STAT as the inbox step, the protocol named in the report', async () => {
    const report = await check();
    expect(report.failure).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.account.protocol).toBe('pop3');
    expect(step(report, 'greeting').detail).toMatch(/^Dovecot .*ready\. · capabilities: .*UIDL.*PIPELINING.* · sign-in methods: PLAIN, LOGIN, USER\/PASS$/);
    expect(step(report, 'authenticate').detail).toBe('Signed in as alice@example.test with PLAIN (offered: PLAIN, LOGIN, USER/PASS)');
    expect(step(report, 'inbox').detail).toMatch(/^Mailbox opened \(STAT\): 2 messages, \d+ bytes · nothing downloaded or deleted$/);
    expect(report.tls?.certificate.fingerprint256).toBe(ca.trusted.fingerprint256);
  });

  it('passes over STLS from an address Dovecot does not trust, asking CAPA again after TLS (sign-in is offered only then)', async () => {
    const report = await check({ security: 'starttls', localAddress: nextLoopbackAddress(), transcript: true });
    expect(report.failure).toBeNull();
    expect(step(report, 'tls').detail).toMatch(/upgraded with STLS$/);
    const client = (report.transcript ?? []).filter((line) => line.from === 'client').map((line) => line.line);
    expect(client.slice(0, 3)).toEqual(['CAPA', 'STLS', 'CAPA']);
    expect(client).toContain('AUTH PLAIN •••');
    expect(client.at(-1)).toBe('QUIT');
    expect(JSON.stringify(report)).not.toContain(alice.password);
    expect(JSON.stringify(report)).not.toContain(Buffer.from(`\0${alice.user}\0${alice.password}`).toString('base64'));
  });

  it('leaves every message on the server: a second check finds the same count', async () => {
    await check();
    const again = await check();
    expect(step(again, 'inbox').detail).toMatch(/: 2 messages,/);
  });

  it('names a wrong password from Dovecot’s -ERR [AUTH]', async () => {
    const report = await check({ password: 'wrong', localAddress: nextLoopbackAddress() });
    expectFailure(report, 'wrong-credentials', 'authenticate');
    expect(report.failure?.serverText).toBe('-ERR [AUTH] Authentication failed.');
  });

  it('names Gmail’s "not enabled for POP access" and says where to switch POP on', async () => {
    const report = await check({ user: gmailPopOff.user });
    expectFailure(report, 'auth-disabled', 'authenticate');
    expect(report.failure?.serverText).toMatch(/not enabled for POP access/);
    expect(report.failure?.advice).toMatch(/Forwarding and POP\/IMAP → POP download → Enable POP/);
    expect(report.failure?.helpUrl).toMatch(/^https:\/\/support\.google\.com\//);
  });

  it('names a temporary failure ([SYS/TEMP]) and a disabled login in Dovecot’s words', async () => {
    const temp = await check({ user: tempfail.user, password: tempfail.password });
    expectFailure(temp, 'server-unavailable', 'authenticate');
    expect(temp.failure?.serverText).toMatch(/^-ERR \[SYS\/TEMP\]/);
    const disabled = await check({ user: nologin.user, password: nologin.password });
    expectFailure(disabled, 'account-blocked', 'authenticate');
    expect(disabled.failure?.serverText).toBe('-ERR [AUTH] Login disabled for this user');
  });

  it('says another POP3 session may hold the mailbox when Dovecot waits for its lock (pop3_lock_session)', async () => {
    const { connect } = await import('node:tls');
    const holder = connect({ host: '127.0.0.1', port: dovecot.pop3sPort, ca: [ca.caPem], servername: 'localhost' });
    const said: string[] = [];
    holder.on('data', (chunk: Buffer) => said.push(chunk.toString()));
    await new Promise((resolve) => holder.once('secureConnect', resolve));
    holder.write(`AUTH PLAIN ${Buffer.from(`\0${alice.user}\0${alice.password}`).toString('base64')}\r\n`);
    await expect.poll(() => said.join('')).toMatch(/\+OK Logged in/);
    try {
      const report = await check({ timeoutMs: 1_500 });
      expectFailure(report, 'timeout', 'authenticate');
      expect(step(report, 'authenticate').detail).toMatch(/another mail program .* POP3/i);
    } finally {
      holder.destroy();
    }
  });

  it('sends no password on the plain port without STLS, and names the missing STLS', async () => {
    const report = await check({ security: 'starttls', port: dovecot.plainPop3Port, localAddress: nextLoopbackAddress(), transcript: true });
    expectFailure(report, 'starttls-unavailable', 'tls');
    expect(report.failure?.advice).toMatch(/port 995/);
    expect((report.transcript ?? []).filter((line) => line.from === 'client').map((line) => line.line)).toEqual(['CAPA']);
  });

  it('refuses to send the password unencrypted unless insisted, then signs in with USER/PASS where PLAIN is not offered', async () => {
    const refused = await check({ security: 'none', port: dovecot.plainPop3Port });
    expectFailure(refused, 'encryption-required', 'authenticate');
    expect(refused.failure?.advice).toMatch(/995.*110|110.*995/);
    const insisted = await check({ security: 'none', port: dovecot.plainPop3Port, allowInsecure: true });
    expect(insisted.failure).toBeNull();
    expect(step(insisted, 'tls').status).toBe('skipped');
  });

  it('judges the certificate: a wrong name fails, a pinned one passes', async () => {
    const mismatch = await check({ host: 'pop.wrong-name.test' });
    expectFailure(mismatch, 'certificate-hostname-mismatch', 'tls');
    const pinned = await check({ host: 'pop.wrong-name.test', trustedFingerprint: ca.trusted.fingerprint256 });
    expect(pinned.failure).toBeNull();
    expect(step(pinned, 'tls').detail).toMatch(/trusted by your decision/);
  });

  it('watches the test message arrive over POP3 (UIDL, headers only) and deletes nothing', async () => {
    const engine = createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [ca.caPem], now: () => performance.now() });
    const before = await check();
    const count = Number(/: (\d+) messages?,/.exec(step(before, 'inbox').detail)?.[1]);
    const report = await engine.run({
      settings: { email: alice.user, host: 'localhost', port: dovecot.pop3sPort, security: 'tls', username: alice.user, protocol: 'pop3' },
      credential: { kind: 'password', password: alice.password },
      allowInsecure: false,
      timeoutMs: 5_000,
      sendTestMessage: true,
      deliveryTimeoutMs: 15_000,
      transcript: true,
      outgoing: { settings: { host: 'localhost', port: dovecot.submissionsPort, security: 'tls', username: alice.user }, credential: { kind: 'password', password: alice.password } },
    });
    expect(report.failure).toBeNull();
    expect(report.outgoing?.steps.find((entry) => entry.id === 'delivery')).toMatchObject({ status: 'passed' });
    // The watch's own sign-ins stay out of the transcript; the check's one session is there.
    expect((report.transcript ?? []).filter((line) => line.server === 'incoming' && line.from === 'client' && line.line === 'CAPA')).toHaveLength(1);
    const after = await check();
    expect(step(after, 'inbox').detail).toContain(`: ${count + 1} messages,`);
    const log = await dovecot.readLog();
    expect(log).not.toMatch(/del=[1-9]/);
  });

  it('names a POP3 server on the IMAP port, and an IMAP server on the POP3 port', async () => {
    const imapOnPop3 = await check({ port: dovecot.tlsPort });
    expectFailure(imapOnPop3, 'not-pop3', 'greeting');
    expect(imapOnPop3.failure?.advice).toMatch(/choose IMAP/);
    const pop3OnImap = await check({ protocol: 'imap', port: dovecot.pop3sPort });
    expectFailure(pop3OnImap, 'not-imap', 'greeting');
    expect(pop3OnImap.failure?.advice).toMatch(/choose POP3/);
    expect(pop3OnImap.account.protocol).toBe('imap');
  });
});
